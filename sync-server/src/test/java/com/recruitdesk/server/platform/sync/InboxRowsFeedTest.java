package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.server.support.FeedEntries;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * People inserted, and conversations inserted or updated, reach the feed through one
 * statement-level trigger per statement (decision 0055) with exactly the entries the row triggers
 * wrote: one per row, in the order the rows were written, for the organization's staff, the row as
 * {@code to_jsonb}, at the row's version; a statement that writes no row writes no entry; a person's
 * updates and every delete are still recorded row by row.
 */
@Tag("database")
class InboxRowsFeedTest {
    private static List<String> entries(Connection c, String entity, String table, List<UUID> ids) throws SQLException {
        return FeedEntries.of(c, entity, table, ids);
    }

    private static int update(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            return ps.executeUpdate();
        }
    }

    @Test
    void peopleAndConversationsWrittenTogetherGetOneEntryPerRowInOrderAsTheRowTriggersWrote() throws Exception {
        try (Connection c = SyncFixture.connect(TestPostgres.migratedDatabase())) {
            c.setAutoCommit(false);
            UUID org = SyncFixture.insert(c, "insert into organizations (name) values ('Agency') returning id");
            UUID line = SyncFixture.insert(
                    c,
                    "insert into whatsapp_accounts (organization_id, display_name, phone) values (?, 'Line', '+27110000008') returning id",
                    org);
            List<UUID> people = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into candidates (id, organization_id, full_name, whatsapp_id) values (?, ?, 'A', '+27820000081'),"
                            + " (?, ?, 'B', '+27820000082'), (?, ?, 'C', '+27820000083')")) {
                for (int i = 0; i < 3; i++) {
                    ps.setObject(2 * i + 1, people.get(i));
                    ps.setObject(2 * i + 2, org);
                }
                assertThat(ps.executeUpdate()).isEqualTo(3);
            }
            assertThat(entries(c, "candidate", "candidates", people))
                    .containsExactly(
                            people.get(0) + FeedEntries.AS_THE_ROW_TRIGGER,
                            people.get(1) + FeedEntries.AS_THE_ROW_TRIGGER,
                            people.get(2) + FeedEntries.AS_THE_ROW_TRIGGER);

            List<UUID> conversations = List.of(UUID.randomUUID(), UUID.randomUUID());
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into conversations (id, organization_id, whatsapp_account_id, candidate_id)"
                            + " values (?, ?, ?, ?), (?, ?, ?, ?)")) {
                for (int i = 0; i < 2; i++) {
                    ps.setObject(4 * i + 1, conversations.get(i));
                    ps.setObject(4 * i + 2, org);
                    ps.setObject(4 * i + 3, line);
                    ps.setObject(4 * i + 4, people.get(i));
                }
                assertThat(ps.executeUpdate()).isEqualTo(2);
            }
            assertThat(entries(c, "conversation", "conversations", conversations))
                    .containsExactly(
                            conversations.get(0) + FeedEntries.AS_THE_ROW_TRIGGER,
                            conversations.get(1) + FeedEntries.AS_THE_ROW_TRIGGER);

            // One update of both (a batch's bumps): one entry each, at the new version.
            assertThat(update(
                            c,
                            "update conversations set unread_count = unread_count + 1, last_message_preview = 'Hi'"
                                    + " where organization_id = '" + org + "'"))
                    .isEqualTo(2);
            List<String> bumped = entries(c, "conversation", "conversations", conversations);
            assertThat(bumped).hasSize(4);
            assertThat(bumped.subList(2, 4))
                    .containsExactlyInAnyOrder(
                            conversations.get(0) + FeedEntries.AS_THE_ROW_TRIGGER,
                            conversations.get(1) + FeedEntries.AS_THE_ROW_TRIGGER);
            try (PreparedStatement ps = c.prepareStatement(
                    "select count(*) from sync_changes where entity = 'conversation' and row_id = any(?) and version = 2")) {
                ps.setArray(1, c.createArrayOf("uuid", conversations.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(2);
                }
            }

            // Statements that write nothing record nothing.
            assertThat(update(c, "update conversations set unread_count = 0 where id = '" + UUID.randomUUID() + "'"))
                    .isZero();
            assertThat(update(
                            c,
                            "insert into candidates (organization_id, full_name, whatsapp_id)"
                                    + " select organization_id, full_name, whatsapp_id from candidates where id = '"
                                    + people.get(0) + "' on conflict do nothing"))
                    .isZero();
            assertThat(entries(c, "conversation", "conversations", conversations))
                    .hasSize(4);
            assertThat(entries(c, "candidate", "candidates", people)).hasSize(3);

            // A person's update and the deletes keep their row triggers.
            assertThat(update(c, "update candidates set full_name = 'Bea' where id = '" + people.get(1) + "'"))
                    .isEqualTo(1);
            assertThat(update(c, "delete from conversations where id = '" + conversations.get(1) + "'"))
                    .isEqualTo(1);
            assertThat(entries(c, "candidate", "candidates", people))
                    .hasSize(4)
                    .last()
                    .isEqualTo(people.get(1) + FeedEntries.AS_THE_ROW_TRIGGER);
            assertThat(entries(c, "conversation", "conversations", conversations))
                    .hasSize(5)
                    .last()
                    .asString()
                    .startsWith(conversations.get(1) + " delete");
            c.rollback();
        }
    }

    @Test
    void noRowTriggerRecordsTheseInsertsOrAConversationUpdate() throws Exception {
        // Bits of pg_trigger.tgtype: 1 for each row, 4 insert, 16 update.
        assertThat(SyncFixture.count(
                        TestPostgres.migratedDatabase(),
                        "select count(*) from pg_trigger where not tgisinternal and tgname like 'sync_record%'"
                                + " and tgtype & 1 = 1 and (tgrelid in ('candidates'::regclass, 'conversations'::regclass)"
                                + " and tgtype & 4 = 4 or tgrelid = 'conversations'::regclass and tgtype & 16 = 16)"))
                .isZero();
    }
}
