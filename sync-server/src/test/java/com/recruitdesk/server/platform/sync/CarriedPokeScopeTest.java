package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Pokes that carry the change (decision 0047) carry what a pull from their {@code from} would: the
 * staff get the message, an interviewer's socket never a conversation row, an institution admin only
 * their own institution's rows; a change too large to carry is a plain "pull" poke; and a carried
 * page equals the pull from the same cursor, byte for byte in its changes.
 */
@Tag("database")
class CarriedPokeScopeTest {
    private static final ObjectMapper MAPPER = Json.newMapper();
    private static final Set<String> CONVERSATION_ENTITIES = Set.of("conversation", "message");
    private static TestServer server;
    private static SyncFixture world;
    private static UUID ours;
    private static UUID theirs;
    private static final OkHttpClient HTTP = new OkHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.withoutDemo();
        world = SyncFixture.create(server.database);
        try (Connection c = SyncFixture.connect(server.database)) {
            ours = SyncFixture.insert(
                    c,
                    "insert into institutions (organization_id, name) values (?, 'Northern College') returning id",
                    world.organization());
            theirs = SyncFixture.insert(
                    c,
                    "insert into institutions (organization_id, name) values (?, 'Southern College') returning id",
                    world.organization());
            UUID admin = SyncFixture.insert(
                    c,
                    "insert into users (organization_id, email, full_name, password_hash)"
                            + " select organization_id, 'college@demo.test', 'Cleo College', password_hash"
                            + " from users where email = 'recruiter@demo.test' returning id");
            SyncFixture.execute(
                    server.database,
                    "insert into user_roles (user_id, role, institution_id) values (?, 'INSTITUTION_ADMIN', ?)",
                    admin,
                    ours);
        }
        Eventually.await(
                Duration.ofSeconds(10),
                "the poke listener",
                () -> server.server.pokes().listening());
    }

    @AfterAll
    static void stop() {
        HTTP.dispatcher().executorService().shutdown();
        server.close();
    }

    /** A socket and every poke it received, parsed. */
    record Socket(WebSocket ws, List<JsonNode> pokes) implements AutoCloseable {
        static Socket open(String token) {
            return open(HTTP, server.server.port(), token);
        }

        static Socket open(OkHttpClient http, int port, String token) {
            List<JsonNode> pokes = new CopyOnWriteArrayList<>();
            WebSocket ws = http.newWebSocket(
                    new Request.Builder()
                            .url("ws://127.0.0.1:" + port + Paths.SYNC_STREAM)
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    new WebSocketListener() {
                        @Override
                        public void onMessage(WebSocket webSocket, String text) {
                            try {
                                pokes.add(MAPPER.readTree(text));
                            } catch (java.io.IOException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    });
            Eventually.await(Duration.ofSeconds(10), "the poke on connect", () -> !pokes.isEmpty());
            return new Socket(ws, pokes);
        }

        /** Waits for a poke after the first {@code seen} that matches. */
        JsonNode await(int seen, String what, Predicate<JsonNode> wanted) {
            Eventually.await(
                    Duration.ofSeconds(10),
                    what,
                    () -> pokes.stream().skip(seen).anyMatch(wanted));
            return pokes.stream().skip(seen).filter(wanted).findFirst().orElseThrow();
        }

        @Override
        public void close() {
            ws.close(1000, "done");
        }
    }

    private static boolean carries(JsonNode poke) {
        return poke.has("from") && poke.has("changes");
    }

    private static List<String> keys(JsonNode poke) {
        List<String> keys = new ArrayList<>();
        poke.path("changes")
                .forEach(change -> keys.add(
                        change.path("entity").asText() + "/" + change.path("id").asText()));
        return keys;
    }

    private static UUID send(SyncClient who, String text) {
        UUID message = UUID.randomUUID();
        assertThat(who.pushOne(SyncClient.mutation(
                                ConversationMutations.SEND_MESSAGE,
                                new ConversationMutations.SendMessage(world.conversation(), message, text, null)))
                        .path("status")
                        .asText())
                .isEqualTo("applied");
        return message;
    }

    @Test
    void theStaffGetTheMessageInThePokeAndAnInterviewersPokeNeverCarriesAConversationRow() {
        SyncClient recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        SyncClient interviewer = new SyncClient(server.api, "interviewer@demo.test", TestServer.PASSWORD);
        try (Socket staff = Socket.open(recruiter.accessToken);
                Socket panel = Socket.open(interviewer.accessToken)) {
            send(recruiter, "warm-up: the head the next poke starts from");
            staff.await(1, "a poke after the warm-up", p -> true);
            int staffSeen = staff.pokes().size();
            int panelSeen = panel.pokes().size();
            UUID message = send(recruiter, "carried");

            JsonNode toStaff = staff.await(
                    staffSeen, "the staff's poke with the message", p -> keys(p).contains("message/" + message));
            assertThat(carries(toStaff)).isTrue();
            JsonNode toPanel = panel.await(panelSeen, "the interviewer's carried poke", CarriedPokeScopeTest::carries);
            assertThat(toPanel.path("cursor").asText())
                    .as("the interviewer moves to the same head, with nothing in hand")
                    .isNotEmpty();
            for (JsonNode poke : panel.pokes()) {
                assertThat(keys(poke))
                        .noneMatch(key -> CONVERSATION_ENTITIES.contains(key.substring(0, key.indexOf('/'))));
            }
        }
    }

    @Test
    void aCarriedPageIsWhatAPullFromItsStartAnswers() {
        SyncClient recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        try (Socket staff = Socket.open(recruiter.accessToken)) {
            send(recruiter, "warm-up");
            staff.await(1, "a poke after the warm-up", p -> true);
            // The WhatsApp sender may write after the poke (the message's status): compare a round in
            // which nothing else was written, which the pull's cursor being the poke's shows.
            for (int round = 0; round < 5; round++) {
                int seen = staff.pokes().size();
                UUID message = send(recruiter, "compare " + round);
                JsonNode poke =
                        staff.await(seen, "the poke with the message", p -> keys(p).contains("message/" + message));
                JsonNode pulled = server.api
                        .get(
                                Paths.SYNC_PULL + "?cursor="
                                        + URLEncoder.encode(poke.path("from").asText(), StandardCharsets.UTF_8),
                                recruiter.accessToken)
                        .json();
                if (pulled.path("cursor").asText().equals(poke.path("cursor").asText())) {
                    assertThat(pulled.path("changes")).isEqualTo(poke.path("changes"));
                    assertThat(pulled.path("hasMore").asBoolean()).isFalse();
                    return;
                }
            }
            throw new AssertionError("every round's pull saw a later write than its poke");
        }
    }

    @Test
    void anInstitutionAdminsPokeCarriesOnlyTheirInstitutionsRows() {
        SyncClient recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        SyncClient college = new SyncClient(server.api, "college@demo.test", TestServer.PASSWORD);
        try (Socket staff = Socket.open(recruiter.accessToken);
                Socket admin = Socket.open(college.accessToken)) {
            send(recruiter, "warm-up");
            staff.await(1, "a poke after the warm-up", p -> true);
            int staffSeen = staff.pokes().size();
            int adminSeen = admin.pokes().size();
            UUID mine = SyncFixture.insertReturning(
                    server.database,
                    "insert into cohorts (organization_id, institution_id, name, program_type)"
                            + " values (?, ?, 'Ours', 'learnership') returning id",
                    world.organization(),
                    ours);
            UUID other = SyncFixture.insertReturning(
                    server.database,
                    "insert into cohorts (organization_id, institution_id, name, program_type)"
                            + " values (?, ?, 'Theirs', 'learnership') returning id",
                    world.organization(),
                    theirs);
            staff.await(staffSeen, "the staff's poke with both cohorts", p -> keys(p).contains("cohort/" + other));
            JsonNode toAdmin = admin.await(
                    adminSeen, "the admin's poke with their cohort", p -> keys(p).contains("cohort/" + mine));
            assertThat(carries(toAdmin)).isTrue();
            for (JsonNode poke : admin.pokes()) {
                assertThat(keys(poke)).doesNotContain("cohort/" + other);
            }
        }
    }

    @Test
    void aChangeTooLargeToCarryIsAPlainPoke() {
        SyncClient recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        try (Socket staff = Socket.open(recruiter.accessToken)) {
            send(recruiter, "warm-up");
            staff.await(1, "a poke after the warm-up", p -> true);
            int seen = staff.pokes().size();
            SyncFixture.execute(
                    server.database,
                    "insert into candidates (organization_id, full_name, email) select ?, 'Bulk ' || n, 'bulk' || n || '@demo.test'"
                            + " from generate_series(1, ?) n",
                    world.organization(),
                    PokePages.MAX_ENTRIES + 1);
            JsonNode plain = staff.await(seen, "a plain poke after the bulk insert", p -> !carries(p));
            List<String> fields = new ArrayList<>();
            plain.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as("a plain poke: %s", plain).containsExactly("cursor");
            assertThat(staff.pokes().stream().skip(seen).filter(CarriedPokeScopeTest::carries))
                    .as("no poke carries part of the bulk insert")
                    .allMatch(p -> keys(p).stream().noneMatch(k -> k.startsWith("candidate/")));
        }
    }
}
