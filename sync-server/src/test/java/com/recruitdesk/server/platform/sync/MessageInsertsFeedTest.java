package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The messages one insert statement writes reach the feed through one statement-level trigger
 * (decision 0050) with exactly the entries the row trigger wrote: one per row, in the order the rows
 * were inserted, for the organization's staff, the row as {@code to_jsonb}; an insert that writes no
 * row writes no entry, and updates and deletes are still recorded row by row.
 */
@Tag("database")
class MessageInsertsFeedTest {
    /** The feed's entries of {@code ids}, in feed order, each as the row trigger would have written it or not. */
    private static List<String> entries(Connection c, List<UUID> ids) throws SQLException {
        List<String> entries = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select f.row_id, f.op, f.version = coalesce(m.version, f.version), f.organization_id = m.organization_id,
                       f.staff, f.user_ids = '{}', f.institution_ids = '{}', f.scope_only,
                       f.data is not distinct from to_jsonb(m), f.txid = pg_current_xact_id()
                  from sync_changes f left join messages m on m.id = f.row_id
                 where f.entity = 'message' and f.row_id = any(?)
                 order by f.id
                """)) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
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

    @Test
    void aMultiRowInsertWritesOneEntryPerRowInInsertOrderAsTheRowTriggerDid() throws Exception {
        try (Connection c = SyncFixture.connect(TestPostgres.migratedDatabase())) {
            c.setAutoCommit(false);
            UUID org = SyncFixture.insert(c, "insert into organizations (name) values ('Agency') returning id");
            UUID line = SyncFixture.insert(
                    c,
                    "insert into whatsapp_accounts (organization_id, display_name, phone) values (?, 'Line', '+27110000009') returning id",
                    org);
            UUID person = SyncFixture.insert(
                    c,
                    "insert into candidates (organization_id, full_name, whatsapp_id) values (?, 'Zola', '+27820000009') returning id",
                    org);
            UUID conversation = SyncFixture.insert(
                    c,
                    "insert into conversations (organization_id, whatsapp_account_id, candidate_id) values (?, ?, ?) returning id",
                    org,
                    line,
                    person);
            List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            String row = "(?, ?, ?, ?, ?, 'inbound', 'text', 'candidate', ?, ?)";
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into messages (id, organization_id, conversation_id, whatsapp_account_id, candidate_id,"
                            + " direction, type, sender_type, body, provider_message_id) values "
                            + String.join(", ", java.util.Collections.nCopies(3, row)))) {
                int p = 1;
                for (UUID id : ids) {
                    ps.setObject(p++, id);
                    ps.setObject(p++, org);
                    ps.setObject(p++, conversation);
                    ps.setObject(p++, line);
                    ps.setObject(p++, person);
                    ps.setString(p++, "Line " + id);
                    ps.setString(p++, "wamid." + id);
                }
                assertThat(ps.executeUpdate()).isEqualTo(3);
            }
            String asTheRowTrigger = " upsert true true true true true false true true";
            assertThat(entries(c, ids))
                    .containsExactly(
                            ids.get(0) + asTheRowTrigger, ids.get(1) + asTheRowTrigger, ids.get(2) + asTheRowTrigger);

            // A statement that inserts nothing records nothing.
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into messages (id, organization_id, conversation_id, whatsapp_account_id, candidate_id,"
                            + " direction, type, sender_type, body, provider_message_id)"
                            + " select id, organization_id, conversation_id, whatsapp_account_id, candidate_id, direction,"
                            + " type, sender_type, body, provider_message_id from messages where id = ? on conflict do nothing")) {
                ps.setObject(1, ids.get(0));
                assertThat(ps.executeUpdate()).isZero();
            }
            assertThat(entries(c, ids)).hasSize(3);

            // Updates and deletes keep their row trigger.
            c.createStatement().execute("update messages set body = 'Edited' where id = '" + ids.get(1) + "'");
            c.createStatement().execute("delete from messages where id = '" + ids.get(2) + "'");
            List<String> after = entries(c, ids);
            assertThat(after).hasSize(5);
            assertThat(after.get(3)).isEqualTo(ids.get(1) + asTheRowTrigger);
            assertThat(after.get(4)).startsWith(ids.get(2) + " delete");
            c.rollback();
        }
    }
}
