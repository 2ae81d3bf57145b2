package com.recruitdesk.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.admin.ActivityEntry;
import com.recruitdesk.protocol.admin.ActivityPage;
import com.recruitdesk.server.platform.access.Principal;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.db.Sql;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The activity log for administrators and managers: {@code GET /admin/activity} a page at a time,
 * newest first, and {@code GET /admin/activity.csv} every line the filter matches as a CSV file,
 * streamed from the database so a large log never sits in memory.
 */
public final class ActivityLogController {
    private static final String COLUMNS = """
            select a.id, a.created_at, a.user_id, u.full_name, a.action_type, a.severity, a.entity_type, a.entity_id,
                   a.description, a.details::text, a.ip_address
              from activity_logs a left join users u on u.id = a.user_id
            """;
    private static final int CSV_FETCH = 1_000;

    private final Database database;
    private final ObjectMapper mapper;
    private final Clock clock;

    ActivityLogController(Database database, ObjectMapper mapper, Clock clock) {
        this.database = database;
        this.mapper = mapper;
        this.clock = clock;
    }

    public void page(Context ctx) throws SQLException {
        Principal who = AdminReaders.require(ctx, "read the activity log");
        ActivityFilter filter = ActivityFilter.of(ctx);
        ActivityFilter.Where where = filter.where(who.organizationId());
        List<Object> params = new ArrayList<>(where.params());
        params.add(filter.limit() + 1);
        List<ActivityEntry> entries = database.jdbcTransaction(
                Connection.TRANSACTION_READ_COMMITTED,
                c -> Sql.list(
                        c,
                        COLUMNS + " where " + where.sql() + " order by a.created_at desc, a.id desc limit ?",
                        this::entry,
                        params.toArray()));
        String next = null;
        if (entries.size() > filter.limit()) {
            entries = entries.subList(0, filter.limit());
            ActivityEntry last = entries.getLast();
            next = new ActivityCursor(last.at(), last.id()).text();
        }
        ctx.json(new ActivityPage(entries, next));
    }

    public void csv(Context ctx) throws SQLException {
        Principal who = AdminReaders.require(ctx, "read the activity log");
        ActivityFilter filter = ActivityFilter.of(ctx);
        ActivityFilter.Where where = filter.where(who.organizationId());
        String day = DateTimeFormatter.BASIC_ISO_DATE.format(clock.instant().atZone(ZoneOffset.UTC));
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"activity-log-" + day + ".csv\"");
        database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            try (PreparedStatement ps = Sql.prepare(
                    c,
                    COLUMNS + " where " + where.sql() + " order by a.created_at desc, a.id desc",
                    where.params().toArray())) {
                ps.setFetchSize(CSV_FETCH); // a cursor: the rows stream instead of being read at once
                try (ResultSet rs = ps.executeQuery();
                        ActivityCsv out =
                                new ActivityCsv(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8))) {
                    while (rs.next()) {
                        out.write(entry(rs));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return null;
        });
    }

    private ActivityEntry entry(ResultSet rs) throws SQLException {
        String details = rs.getString(10);
        JsonNode detailsJson;
        try {
            detailsJson = details == null ? null : mapper.readTree(details);
        } catch (IOException e) {
            detailsJson = null;
        }
        return new ActivityEntry(
                rs.getObject(1, UUID.class),
                rs.getObject(2, OffsetDateTime.class).toInstant(),
                rs.getObject(3, UUID.class),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getObject(8, UUID.class),
                rs.getString(9),
                detailsJson,
                rs.getString(11));
    }
}
