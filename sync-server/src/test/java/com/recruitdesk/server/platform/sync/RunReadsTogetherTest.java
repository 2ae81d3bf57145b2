package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A push's run of replies reads its conversations and its id checks in one statement each
 * (decision 0050), and answers exactly as the same replies pushed one at a time do, each read on its
 * own: for a run mixing replies to open, new and closed conversations, one whose window has closed,
 * one whose number is disconnected, another organization's and a missing one, a message id taken
 * before and one taken earlier in the same push, and a quote of a line of the same push.
 */
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunReadsTogetherTest {
    TestServer server;
    SyncFixture world;
    UUID theirOrganization;

    @BeforeAll
    void start() throws SQLException {
        server = TestServer.withoutDemo();
        world = SyncFixture.create(server.database);
        try (Connection c = SyncFixture.connect(server.database)) {
            theirOrganization =
                    SyncFixture.insert(c, "insert into organizations (name) values ('Another agency') returning id");
        }
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** One copy of the conversations the run writes to; two copies start alike. */
    private record Copy(
            UUID open, UUID fresh, UUID closed, UUID windowClosed, UUID disconnected, UUID theirs, UUID takenMessage) {}

    private Copy conversations(String label) throws SQLException {
        Timestamp recently = Timestamp.from(server.clock.instant().minus(Duration.ofHours(1)));
        Timestamp daysAgo = Timestamp.from(Instant.parse("2026-01-05T08:00:00Z"));
        try (Connection c = SyncFixture.connect(server.database)) {
            UUID disconnectedLine = SyncFixture.insert(
                    c,
                    "insert into whatsapp_accounts (organization_id, display_name, phone, connection_status)"
                            + " values (?, 'Off line', ?, 'disconnected') returning id",
                    world.organization(),
                    "+27110000" + label);
            UUID theirLine = SyncFixture.insert(
                    c,
                    "insert into whatsapp_accounts (organization_id, display_name, phone) values (?, 'Their line', ?) returning id",
                    theirOrganization,
                    "+27119990" + label);
            UUID open = conversation(c, world.organization(), world.whatsappAccount(), "open", recently);
            UUID fresh = conversation(c, world.organization(), world.whatsappAccount(), "new", recently);
            UUID closed = conversation(c, world.organization(), world.whatsappAccount(), "closed", recently);
            UUID windowClosed = conversation(c, world.organization(), world.whatsappAccount(), "open", daysAgo);
            UUID disconnected = conversation(c, world.organization(), disconnectedLine, "open", recently);
            UUID theirs = conversation(c, theirOrganization, theirLine, "open", recently);
            UUID taken = SyncFixture.insert(
                    c,
                    "insert into messages (organization_id, conversation_id, whatsapp_account_id, candidate_id, direction,"
                            + " type, sender_type, body, provider_message_id) select organization_id, id, whatsapp_account_id,"
                            + " candidate_id, 'inbound', 'text', 'candidate', 'Hi', 'wamid.' || gen_random_uuid()"
                            + " from conversations where id = ? returning id",
                    open);
            return new Copy(open, fresh, closed, windowClosed, disconnected, theirs, taken);
        }
    }

    /** A conversation with a person of its own (one conversation per number and person). */
    private static UUID conversation(
            Connection c, UUID organization, UUID account, String status, Timestamp lastInbound) throws SQLException {
        UUID person = SyncFixture.insert(
                c,
                "insert into candidates (organization_id, full_name, email) values (?, 'Someone', ?) returning id",
                organization,
                UUID.randomUUID() + "@people.test");
        return SyncFixture.insert(
                c,
                "insert into conversations (organization_id, whatsapp_account_id, candidate_id, status, last_inbound_at)"
                        + " values (?, ?, ?, ?, ?) returning id",
                organization,
                account,
                person,
                status,
                lastInbound);
    }

    private static Mutation send(UUID conversation, UUID id, String text, UUID replyTo) {
        return SyncClient.mutation(
                ConversationMutations.SEND_MESSAGE,
                new ConversationMutations.SendMessage(conversation, id, text, replyTo));
    }

    /** The run: every case twice over, so a conversation's later replies see what its earlier ones did. */
    private static List<Mutation> run(Copy to) {
        UUID first = UUID.randomUUID();
        UUID repeated = UUID.randomUUID();
        List<Mutation> run = new ArrayList<>();
        run.add(send(to.open(), first, "First", null));
        run.add(send(to.fresh(), UUID.randomUUID(), "To a new one", null));
        run.add(send(to.closed(), UUID.randomUUID(), "To a closed one", null));
        run.add(send(to.windowClosed(), UUID.randomUUID(), "Too late", null));
        run.add(send(to.disconnected(), UUID.randomUUID(), "Through a disconnected number", null));
        run.add(send(to.theirs(), UUID.randomUUID(), "To theirs", null));
        run.add(send(UUID.randomUUID(), UUID.randomUUID(), "To nobody", null));
        run.add(send(to.open(), to.takenMessage(), "An id taken before", null));
        run.add(send(to.open(), repeated, "Once", null));
        run.add(send(to.fresh(), repeated, "An id taken earlier in this push", null));
        run.add(send(to.open(), UUID.randomUUID(), "Quoting the first", first));
        run.add(send(to.closed(), UUID.randomUUID(), "Quoting a line of another conversation", first));
        run.add(send(to.fresh(), UUID.randomUUID(), "The new one again", null));
        run.add(send(to.theirs(), UUID.randomUUID(), "To theirs again", null));
        return run;
    }

    /** What a client sees of an answer (the id aside, which differs between the two copies). */
    private static List<String> answers(List<JsonNode> results) {
        return results.stream()
                .map(r -> r.path("status").asText() + " " + r.path("code").asText() + " "
                        + r.path("message").asText())
                .toList();
    }

    private List<String> rows(Copy of) {
        List<String> rows = new ArrayList<>();
        for (UUID conversation : List.of(of.open(), of.fresh(), of.closed(), of.windowClosed(), of.disconnected())) {
            rows.add(SyncFixture.count(
                            server.database, "select count(*) from messages where conversation_id = ?", conversation)
                    + " messages, " + status(conversation));
        }
        return rows;
    }

    private String status(UUID conversation) {
        return SyncFixture.count(
                                server.database,
                                "select count(*) from conversations where id = ? and status = 'open'",
                                conversation)
                        == 1
                ? "open"
                : "not open";
    }

    @Test
    void aRunReadTogetherAnswersAsEachReadOnItsOwn() throws SQLException {
        Copy alone = conversations("01");
        Copy together = conversations("02");
        SyncClient client = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);

        List<JsonNode> eachAlone = new ArrayList<>();
        for (Mutation m : run(alone)) {
            eachAlone.add(client.pushOne(m)); // a push of one: its reads are its own queries
        }
        JsonNode inOnePush = client.push(run(together)).json().path("results");
        List<JsonNode> asRun = new ArrayList<>();
        inOnePush.forEach(asRun::add);

        assertThat(answers(asRun)).containsExactlyElementsOf(answers(eachAlone));
        assertThat(asRun.stream()
                        .map(r ->
                                r.path("status").asText() + " " + r.path("code").asText()))
                .containsExactly(
                        "applied ",
                        "applied ",
                        "applied ",
                        "rejected invalid",
                        "rejected invalid",
                        "rejected not_found",
                        "rejected not_found",
                        "rejected invalid",
                        "applied ",
                        "rejected invalid",
                        "applied ",
                        "rejected invalid",
                        "applied ",
                        "rejected not_found");
        assertThat(rows(together)).containsExactlyElementsOf(rows(alone));
        assertThat(SyncFixture.count(
                        server.database, "select count(*) from messages where conversation_id = ?", together.theirs()))
                .as("nothing reached the other organization's conversation")
                .isZero();
    }
}
