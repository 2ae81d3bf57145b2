package com.recruitdesk.server.admin;

import com.recruitdesk.protocol.ErrorCodes;
import com.recruitdesk.protocol.admin.ActivityPage;
import com.recruitdesk.server.platform.http.ApiException;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the administrator asks of the activity log ({@code GET /admin/activity}), read from the query:
 * {@code userId}, {@code kind} (an action such as {@code user.setRoles}, or its start such as
 * {@code user.}), {@code entityType}, {@code entityId}, {@code from} and {@code to} (ISO-8601 instants,
 * {@code to} excluded), {@code before} (the cursor of the next page) and {@code limit}. A bad value is
 * a 400 that says which.
 */
record ActivityFilter(
        UUID userId,
        String kind,
        String entityType,
        UUID entityId,
        Instant from,
        Instant to,
        ActivityCursor before,
        int limit) {

    static ActivityFilter of(Context ctx) {
        String kind = blankToNull(ctx.queryParam("kind"));
        if (kind != null && !kind.matches("[A-Za-z][A-Za-z0-9_.]*")) {
            throw bad("A kind is an action such as user.setRoles, or its start such as user.");
        }
        String entityType = blankToNull(ctx.queryParam("entityType"));
        if (entityType != null && !entityType.matches("[A-Za-z]+")) {
            throw bad("An entity type is a name such as user or whatsappAccount.");
        }
        Instant from = instant(ctx, "from");
        Instant to = instant(ctx, "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw bad("'from' must be before 'to'.");
        }
        return new ActivityFilter(
                uuid(ctx, "userId"),
                kind,
                entityType,
                uuid(ctx, "entityId"),
                from,
                to,
                ActivityCursor.parse(ctx.queryParam("before")),
                limit(ctx.queryParam("limit")));
    }

    /** The where clause over {@code activity_logs a} of {@code organization}, with its parameters in order. */
    Where where(UUID organization) {
        StringBuilder sql = new StringBuilder("a.organization_id = ?");
        List<Object> params = new ArrayList<>(List.of(organization));
        if (userId != null) {
            sql.append(" and a.user_id = ?");
            params.add(userId);
        }
        if (kind != null) {
            if (kind.endsWith(".")) {
                sql.append(" and starts_with(a.action_type, ?)");
                params.add(kind);
            } else {
                sql.append(" and a.action_type = ?");
                params.add(kind);
            }
        }
        if (entityType != null) {
            sql.append(" and a.entity_type = ?");
            params.add(entityType);
        }
        if (entityId != null) {
            sql.append(" and a.entity_id = ?");
            params.add(entityId);
        }
        if (from != null) {
            sql.append(" and a.created_at >= ?");
            params.add(from);
        }
        if (to != null) {
            sql.append(" and a.created_at < ?");
            params.add(to);
        }
        if (before != null) {
            sql.append(" and (a.created_at, a.id) < (?, ?)");
            params.add(before.at());
            params.add(before.id());
        }
        return new Where(sql.toString(), params);
    }

    record Where(String sql, List<Object> params) {}

    private static UUID uuid(Context ctx, String name) {
        String text = blankToNull(ctx.queryParam(name));
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw bad("'" + name + "' must be an id (a UUID).");
        }
    }

    private static Instant instant(Context ctx, String name) {
        String text = blankToNull(ctx.queryParam(name));
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw bad("'" + name + "' must be a time such as 2026-12-01T08:00:00Z.");
        }
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return ActivityPage.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= ActivityPage.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw bad("The limit must be a number from 1 to " + ActivityPage.MAX_LIMIT + ".");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static ApiException bad(String message) {
        return new ApiException(400, ErrorCodes.INVALID, message);
    }
}
