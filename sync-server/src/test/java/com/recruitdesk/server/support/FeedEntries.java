package com.recruitdesk.server.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The change feed's entries of some rows, each told as the staff-only row trigger would have written
 * it or not, for tests of the statement-level feed triggers (decisions 0050, 0055).
 */
public final class FeedEntries {
    /** An entry exactly as the row trigger writes it: staff, no users, no institutions, the row's JSON, this transaction. */
    public static final String AS_THE_ROW_TRIGGER = " upsert true true true true true false true true";

    private FeedEntries() {}

    /**
     * The entries of {@code ids} of {@code entity} (rows of {@code table}), in feed order: "id op" and
     * whether the version, organization, staff, users, institutions, scope-only flag, data and
     * transaction are what the row trigger writes.
     */
    public static List<String> of(Connection c, String entity, String table, List<UUID> ids) throws SQLException {
        List<String> entries = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select f.row_id, f.op, f.version = coalesce(r.version, f.version), f.organization_id = r.organization_id,
                       f.staff, f.user_ids = '{}', f.institution_ids = '{}', f.scope_only,
                       f.data is not distinct from to_jsonb(r), f.txid = pg_current_xact_id()
                  from sync_changes f left join %s r on r.id = f.row_id
                 where f.entity = ? and f.row_id = any(?)
                 order by f.id
                """.formatted(table))) {
            ps.setString(1, entity);
            ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StringBuilder entry = new StringBuilder(rs.getString(1) + " " + rs.getString(2));
                    for (int i = 3; i <= 10; i++) {
                        entry.append(' ').append(rs.getBoolean(i));
                    }
                    entries.add(entry.toString());
                }
            }
        }
        return entries;
    }
}
