package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A push's replies are inserted together at its batch's end (decision 0048): a row that breaks a rule
 * only there still rejects only its own mutation, and the batch's later replies see the rows it holds
 * (a quote of one, its id taken).
 */
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeldInsertsTest {
    TestServer server;
    SyncFixture world;

    @BeforeAll
    void start() {
        server = TestServer.withoutDemo();
        world = SyncFixture.create(server.database);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private SyncClient client() {
        return new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
    }

    private Mutation send(UUID id, String text, UUID replyTo) {
        return SyncClient.mutation(
                ConversationMutations.SEND_MESSAGE,
                new ConversationMutations.SendMessage(world.conversation(), id, text, replyTo));
    }

    private long count(String sql, Object... params) {
        return SyncFixture.count(server.database, sql, params);
    }

    @Test
    void aReplyThatBreaksARuleOnlyWhenTheBatchInsertsItsRowsIsTheOnlyOneRejected() {
        // The rule is the database's alone: the mutator's checks pass it, the batched insert does not.
        SyncFixture.execute(
                server.database,
                "alter table messages add constraint test_no_poison check (body is distinct from 'Poison line')");
        try {
            List<UUID> ids = new ArrayList<>();
            List<Mutation> push = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(UUID.randomUUID());
                push.add(send(ids.get(i), i == 2 ? "Poison line" : "Line " + i, null));
            }

            JsonNode results = client().push(push).json().path("results");
            JsonNode again = client().push(push).json().path("results");

            assertThat(results.findValuesAsText("status"))
                    .containsExactly("applied", "applied", "rejected", "applied", "applied");
            assertThat(results.get(2).path("code").asText()).isEqualTo("invalid");
            assertThat(results.get(2).path("message").asText()).contains("test_no_poison");
            assertThat(again).isEqualTo(results);
            for (int i = 0; i < 5; i++) {
                long expected = i == 2 ? 0 : 1;
                assertThat(count("select count(*) from messages where id = ?", ids.get(i)))
                        .as("message " + i)
                        .isEqualTo(expected);
                // The sender's later updates of a sent line have feed entries of their own.
                assertThat(count(
                                "select count(*) from sync_changes where entity = 'message' and row_id = ?"
                                        + " and data ->> 'status' = 'queued'",
                                ids.get(i)))
                        .as("feed entries of message " + i + " as it was inserted")
                        .isEqualTo(expected);
            }
            assertThat(count(
                            "select count(*) from conversations where id = ? and last_message_preview = 'Line 4'",
                            world.conversation()))
                    .isEqualTo(1);
        } finally {
            SyncFixture.execute(server.database, "alter table messages drop constraint test_no_poison");
        }
    }

    @Test
    void aReplyCanQuoteOneOfItsBatchAndCannotTakeItsId() {
        UUID first = UUID.randomUUID();
        UUID quoting = UUID.randomUUID();
        List<Mutation> push = List.of(
                send(first, "Held line", null),
                send(quoting, "Quoting the held line", first),
                send(first, "The held line's id again", null));

        JsonNode results = client().push(push).json().path("results");

        assertThat(results.findValuesAsText("status")).containsExactly("applied", "applied", "rejected");
        assertThat(results.get(2).path("message").asText()).isEqualTo("A message with this id exists already.");
        assertThat(count("select count(*) from messages where id = ? and reply_to_message_id = ?", quoting, first))
                .isEqualTo(1);
        assertThat(count("select count(*) from messages where id = ? and body = 'Held line'", first))
                .isEqualTo(1);
    }
}
