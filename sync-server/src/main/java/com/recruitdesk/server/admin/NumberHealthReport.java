package com.recruitdesk.server.admin;

import com.recruitdesk.protocol.admin.NumberHealth;
import com.recruitdesk.server.platform.db.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Measures the health of every number of an organization: its row (status, what Meta said of it), the
 * last webhook, the sends of the last 24 hours (a send counts once it left the queue) and the three
 * most frequent failure codes among them, and its templates by status. Two queries, whatever the
 * number of numbers; the sends are counted on the partial index of outbound messages by number and
 * time.
 */
final class NumberHealthReport {
    static final Duration WINDOW = Duration.ofHours(24);
    static final int TOP_ERRORS = 3;

    private NumberHealthReport() {}

    static NumberHealth.Report measure(Connection c, UUID organization, Instant now) throws SQLException {
        Instant since = now.minus(WINDOW);
        Map<UUID, List<NumberHealth.ErrorCount>> errors = topErrors(c, organization, since);
        List<NumberHealth> numbers = Sql.list(c, """
                select a.id, a.display_name, a.phone, a.provider, a.connection_status, w.last_webhook_at,
                       s.sent, s.failed, a.verified_name, a.quality_rating, a.messaging_limit_tier, a.meta_checked_at,
                       t.approved, t.pending, t.rejected
                  from whatsapp_accounts a
                  left join whatsapp_number_activity w on w.whatsapp_account_id = a.id
                  cross join lateral (
                        select count(*) filter (where m.status <> 'queued') as sent,
                               count(*) filter (where m.status = 'failed') as failed
                          from messages m
                         where m.whatsapp_account_id = a.id and m.direction = 'outbound' and m.created_at >= ?) s
                  cross join lateral (
                        select count(*) filter (where t.status = 'approved') as approved,
                               count(*) filter (where t.status in ('pending', 'in_appeal')) as pending,
                               count(*) filter (where t.status = 'rejected') as rejected
                          from message_templates t where t.whatsapp_account_id = a.id) t
                 where a.organization_id = ?
                 order by a.display_name, a.id
                """, rs -> number(rs, errors), since, organization);
        return new NumberHealth.Report(numbers, now);
    }

    private static NumberHealth number(ResultSet rs, Map<UUID, List<NumberHealth.ErrorCount>> errors)
            throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        return new NumberHealth(
                id,
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                instant(rs, 6),
                rs.getInt(7),
                rs.getInt(8),
                errors.getOrDefault(id, List.of()),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                instant(rs, 12),
                rs.getInt(13),
                rs.getInt(14),
                rs.getInt(15));
    }

    /** Per number, its most frequent failure codes of the window, most frequent first. */
    private static Map<UUID, List<NumberHealth.ErrorCount>> topErrors(Connection c, UUID organization, Instant since)
            throws SQLException {
        Map<UUID, List<NumberHealth.ErrorCount>> top = new HashMap<>();
        Sql.list(
                c,
                """
                select m.whatsapp_account_id, m.error_code, max(m.error_title), count(*)
                  from messages m join whatsapp_accounts a on a.id = m.whatsapp_account_id
                 where a.organization_id = ? and m.direction = 'outbound' and m.created_at >= ? and m.status = 'failed'
                 group by 1, 2
                 order by 1, 4 desc, 2
                """,
                rs -> {
                    List<NumberHealth.ErrorCount> list =
                            top.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>());
                    if (list.size() < TOP_ERRORS) {
                        int code = rs.getInt(2);
                        list.add(new NumberHealth.ErrorCount(
                                rs.wasNull() ? "none" : Integer.toString(code), rs.getString(3), rs.getInt(4)));
                    }
                    return null;
                },
                organization,
                since);
        return top;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
