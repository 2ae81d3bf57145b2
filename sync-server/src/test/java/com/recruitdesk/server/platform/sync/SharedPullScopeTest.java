package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Pulls shared between requests (decision 0035) stay within one reader: while the staff's desktops
 * pull the same pages at once, an interviewer's socket and pulls never carry a conversation row, in a
 * pull nor inside a poke that carries its page (decision 0047; see also {@code CarriedPokeScopeTest}).
 */
@Tag("database")
class SharedPullScopeTest {
    private static final Set<String> CONVERSATION_ENTITIES = Set.of("conversation", "message");
    private static TestServer server;
    private static SyncFixture world;

    @BeforeAll
    static void start() {
        server = TestServer.withoutDemo();
        world = SyncFixture.create(server.database);
        Eventually.await(
                Duration.ofSeconds(10),
                "the poke listener",
                () -> server.server.pokes().listening());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anInterviewersSocketAndPullsNeverCarryAConversationRowWhileStaffPullTheSamePages() throws Exception {
        SyncClient recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        SyncClient interviewer = new SyncClient(server.api, "interviewer@demo.test", TestServer.PASSWORD);
        recruiter.pullAll();
        interviewer.pullAll();
        List<String> socketMessages = new CopyOnWriteArrayList<>();
        OkHttpClient http = new OkHttpClient();
        WebSocket socket = http.newWebSocket(
                new Request.Builder()
                        .url("ws://127.0.0.1:" + server.server.port() + Paths.SYNC_STREAM)
                        .header("Authorization", "Bearer " + interviewer.accessToken)
                        .build(),
                new WebSocketListener() {
                    @Override
                    public void onMessage(WebSocket webSocket, String text) {
                        socketMessages.add(text);
                    }
                });
        Set<String> recruiterSaw = ConcurrentHashMap.newKeySet();
        Set<String> interviewerSaw = ConcurrentHashMap.newKeySet();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int round = 0; round < 5; round++) {
                UUID message = UUID.randomUUID();
                assertThat(recruiter
                                .pushOne(SyncClient.mutation(
                                        ConversationMutations.SEND_MESSAGE,
                                        new ConversationMutations.SendMessage(
                                                world.conversation(), message, "Round " + round, null)))
                                .path("status")
                                .asText())
                        .isEqualTo("applied");
                // Many desktops of each at once, from the same cursors and from the start (a snapshot).
                List<Future<?>> pulls = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    pulls.add(threads.submit(() -> collect(recruiter, recruiter.cursor, recruiterSaw)));
                    pulls.add(threads.submit(() -> collect(interviewer, interviewer.cursor, interviewerSaw)));
                    pulls.add(threads.submit(() -> collect(recruiter, "", recruiterSaw)));
                    pulls.add(threads.submit(() -> collect(interviewer, "", interviewerSaw)));
                }
                for (Future<?> pull : pulls) {
                    pull.get();
                }
            }
            Eventually.await(
                    Duration.ofSeconds(10), "a poke on the interviewer's socket", () -> !socketMessages.isEmpty());
        } finally {
            socket.close(1000, "done");
            http.dispatcher().executorService().shutdown();
        }

        assertThat(recruiterSaw)
                .as("the staff's pulls of the same pages carry conversation rows")
                .contains("conversation/" + world.conversation());
        assertThat(interviewerSaw).noneMatch(key -> CONVERSATION_ENTITIES.contains(key.substring(0, key.indexOf('/'))));
        for (String text : socketMessages) {
            JsonNode poke = Json.newMapper().readTree(text);
            List<String> fields = new ArrayList<>();
            poke.fieldNames().forEachRemaining(fields::add);
            // A poke may carry its page (decision 0047): the interviewer's, never a conversation row.
            assertThat(fields)
                    .as("a poke's fields: %s", text)
                    .containsAnyOf("cursor")
                    .isSubsetOf("cursor", "from", "changes");
            for (JsonNode change : poke.path("changes")) {
                assertThat(change.path("entity").asText())
                        .as("a row in a poke: %s", text)
                        .isNotIn(CONVERSATION_ENTITIES);
            }
        }
    }

    private static void collect(SyncClient who, String cursor, Set<String> saw) {
        Api.Reply reply = server.api.get(
                Paths.SYNC_PULL + "?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8), who.accessToken);
        assertThat(reply.status()).isEqualTo(200);
        for (JsonNode change : reply.json().path("changes")) {
            saw.add(change.path("entity").asText() + "/" + change.path("id").asText());
        }
    }
}
