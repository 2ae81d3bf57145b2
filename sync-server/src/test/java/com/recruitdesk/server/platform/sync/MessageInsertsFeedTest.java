package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.server.support.FeedEntries;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
    private static List<String> entries(Connection c, List<UUID> ids) throws SQLException {
        return FeedEntries.of(c, "message", "messages", ids);
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
            String asTheRowTrigger = FeedEntries.AS_THE_ROW_TRIGGER;
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
