package com.recruitdesk.server.platform.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.sync.MutationResult;
import com.recruitdesk.server.platform.db.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Row access shared by the mutators: lock a row of the caller's organization (a row of another
 * organization is not found, exactly like a row that does not exist), check field conflicts.
 */
public final class Rows {
    private Rows() {}

    /**
     * Locks the row {@code id} of {@code table} for this transaction and returns it as
     * {@code to_jsonb} (snake_case), if it exists in the caller's organization.
     */
    public static Optional<ObjectNode> lock(MutationContext ctx, String table, UUID id) throws SQLException {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        Optional<Optional<String>> ahead =
                ReadsAhead.take(ctx, lockQuery(table, id, ctx.principal().organizationId()));
        if (ahead.isPresent()) {
            return ahead.get().map(json -> RowJson.parse(ctx.mapper(), json));
        }
        try (PreparedStatement ps = ctx.connection()
                .prepareStatement("select to_jsonb(t)::text from " + table
                        + " t where id = ? and organization_id = ? for update")) {
            ps.setObject(1, id);
            ps.setObject(2, ctx.principal().organizationId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(RowJson.parse(ctx.mapper(), rs.getString(1))) : Optional.empty();
            }
        }
    }

    /** {@link #lock}'s query with its ids written in, as it is read ahead ({@link Mutator#locksFirst}). */
    static String lockQuery(String table, UUID id, UUID organization) {
        return "select to_jsonb(t)::text from " + Access.RowRef.identifier(table) + " t where id = "
                + ReadsAhead.literal(id) + " and organization_id = " + ReadsAhead.literal(organization) + " for update";
    }

    /**
     * {@link #lockQuery} as a run reads it ahead: the rows of all its mutations in one statement,
     * locked in the order of their ids (decision 0050).
     */
    static FirstRead lockRead(String table, UUID id, UUID organization) {
        String t = Access.RowRef.identifier(table);
        return FirstRead.together(
                lockQuery(table, id, organization),
                "select k.n, to_jsonb(t)::text from " + FirstRead.KEYS + " join " + t + " t on t.id = k.k1"
                        + " where t.organization_id = " + ReadsAhead.literal(organization)
                        + " order by t.id for update of t",
                id);
    }

    /** As {@link #lock} but a missing row is a {@code not_found} rejection naming {@code what}. */
    public static ObjectNode require(MutationContext ctx, String table, UUID id, String what) throws SQLException {
        if (id == null) {
            throw Rejection.invalid("Say which "
                    + what.toLowerCase(java.util.Locale.ROOT).replaceFirst("^the ", "") + " (its id is missing).");
        }
        return lock(ctx, table, id).orElseThrow(() -> Rejection.notFound(what));
    }

    /**
     * Edits merge field by field: the edit was made on {@code baseVersion}; a field in {@code wanted}
     * that someone else has changed since, to a value other than the one wanted, is a conflict,
     * rejected with the server's current values. Fields nobody else touched merge silently.
     */
    public static void checkConflicts(
            MutationContext ctx, String entity, ObjectNode current, Long baseVersion, Map<String, JsonNode> wanted)
            throws SQLException {
        if (baseVersion == null) {
            throw Rejection.invalid("An edit must say which version of the row it was made on (baseVersion).");
        }
        long currentVersion = current.path("version").asLong();
        if (baseVersion == currentVersion) {
            return;
        }
        if (baseVersion > currentVersion) {
            throw Rejection.invalid("The edit is based on version " + baseVersion + ", newer than the server's "
                    + currentVersion + ".");
        }
        Optional<ObjectNode> base =
                snapshot(ctx, entity, UUID.fromString(current.path("id").asText()), baseVersion);
        if (base.isEmpty()) {
            return; // the base version is no longer on record: the newest edit wins
        }
        List<String> disputed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : wanted.entrySet()) {
            JsonNode was = base.get().get(field.getKey());
            JsonNode now = current.get(field.getKey());
            if (!Objects.equals(was, now) && !Objects.equals(now, field.getValue())) {
                disputed.add(field.getKey());
            }
        }
        if (!disputed.isEmpty()) {
            ObjectNode values = ctx.mapper().createObjectNode();
            values.put("version", currentVersion);
            disputed.forEach(f -> values.set(RowJson.camel(f), current.get(f)));
            throw new Rejection(
                    MutationResult.CONFLICT,
                    "Someone else changed "
                            + String.join(
                                    ", ", disputed.stream().map(RowJson::camel).toList())
                            + " since you started; the current value is attached.",
                    values);
        }
    }

    private static Optional<ObjectNode> snapshot(MutationContext ctx, String entity, UUID id, long version)
            throws SQLException {
        try (PreparedStatement ps = ctx.connection().prepareStatement("""
                select data::text from sync_changes
                 where entity = ? and row_id = ? and version = ? and op = 'upsert' and data is not null
                 order by id desc limit 1
                """)) {
            ps.setString(1, entity);
            ps.setObject(2, id);
            ps.setLong(3, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(RowJson.parse(ctx.mapper(), rs.getString(1))) : Optional.empty();
            }
        }
    }

    /** Text that must be present and at most {@code max} characters long. */
    public static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw Rejection.invalid("The " + field + " is empty.");
        }
        if (value.length() > max) {
            throw Rejection.invalid("The " + field + " is longer than " + max + " characters.");
        }
        return value;
    }

    public static int update(MutationContext ctx, String sql, Object... params) throws SQLException {
        return Sql.update(ctx.connection(), sql, params);
    }

    public static boolean exists(MutationContext ctx, String sql, Object... params) throws SQLException {
        return Sql.exists(ctx.connection(), sql, params);
    }
}
