package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.server.SyncServer;
import com.recruitdesk.server.platform.config.ConfigLoader;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Two server instances on one database: a change made through one pokes a client of the other. */
@Tag("database")
class PokeTest {
    private static final ObjectMapper MAPPER = Json.newMapper();
    private final OkHttpClient http = new OkHttpClient();

    record Stream(WebSocket socket, BlockingQueue<String> messages, BlockingQueue<Integer> failures) {}

    private Stream connect(int port, String token) {
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        BlockingQueue<Integer> failures = new LinkedBlockingQueue<>();
        Request.Builder request = new Request.Builder().url("ws://127.0.0.1:" + port + Paths.SYNC_STREAM);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        WebSocket socket = http.newWebSocket(request.build(), new WebSocketListener() {
            @Override
            public void onMessage(WebSocket webSocket, String text) {
                messages.add(text);
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                failures.add(response == null ? -1 : response.code());
            }
        });
        return new Stream(socket, messages, failures);
    }

    @Test
    void changeOnOneInstancePokesAClientOfTheOther() throws Exception {
        try (TestServer first = TestServer.withoutDemo()) {
            SyncFixture world = SyncFixture.create(first.database);
            SyncServer second = SyncServer.start(ConfigLoader.load(Map.of(
                    "RD_DB_URL", first.database.url(), "RD_DB_USER", first.database.user(), "RD_HTTP_PORT", "0")));
            try {
                Eventually.await(
                        Duration.ofSeconds(10),
                        "both listeners",
                        () -> first.server.pokes().listening() && second.pokes().listening());
                SyncClient onSecond = new SyncClient(new Api(second.port()), TestServer.RECRUITER, TestServer.PASSWORD);
                onSecond.pullAll();
                Stream stream = connect(second.port(), onSecond.accessToken);
                String hello = stream.messages().poll(10, TimeUnit.SECONDS);
                assertThat(hello).as("a poke with the current head on connect").contains("cursor");

                SyncClient onFirst = new SyncClient(first.api, TestServer.RECRUITER, TestServer.PASSWORD);
                UUID message = UUID.randomUUID();
                onFirst.pushOne(SyncClient.mutation(
                        ConversationMutations.SEND_MESSAGE,
                        SyncClient.args()
                                .put("conversationId", world.conversation().toString())
                                .put("messageId", message.toString())
                                .put("text", "Through the other server")));

                String poke = stream.messages().poll(10, TimeUnit.SECONDS);
                assertThat(poke).isNotNull();
                assertThat(MAPPER.readTree(poke).path("cursor").asText()).isNotBlank();
                Map<String, JsonNode> pulled = onSecond.pullAll();
                assertThat(pulled).containsKey("message/" + message);
                stream.socket().close(1000, "done");
            } finally {
                second.stop();
            }
        }
    }

    @Test
    void aDesktopConnectingWhileAChangeIsHeldBackIsPokedOnceItIsServable() throws Exception {
        try (TestServer server = TestServer.withoutDemo()) {
            SyncFixture world = SyncFixture.create(server.database);
            Eventually.await(
                    Duration.ofSeconds(10),
                    "the listener",
                    () -> server.server.pokes().listening());
            SyncClient desktop = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
            desktop.pullAll();
            try (Connection older = SyncFixture.connect(server.database)) {
                older.setAutoCommit(false);
                try (Statement s = older.createStatement()) {
                    s.execute("select txid_current()"); // an older transaction, still open: newer changes wait for it
                }
                // Committed while no desktop is connected, held back behind the older transaction, and
                // followed by no other change (a push's message would be, by its sending).
                SyncFixture.execute(
                        server.database,
                        "update conversations set unread_count = 7 where id = ?",
                        world.conversation());
                Stream stream = connect(server.server.port(), desktop.accessToken);
                String hello = stream.messages().poll(10, TimeUnit.SECONDS);
                assertThat(hello).as("a poke with the current head on connect").contains("cursor");
                String conversation = "conversation/" + world.conversation();
                assertThat(desktop.pullAll()).as("not servable yet").doesNotContainKey(conversation);

                older.commit(); // writes nothing, so nothing notifies: the listener must notice by itself

                // A poke at the head the desktop holds may come first (it changes nothing); one must move it on.
                String held = cursor(hello);
                Eventually.await(
                        Duration.ofSeconds(10), "a poke past the held cursor once the change is servable", () -> {
                            String poke = stream.messages().poll();
                            return poke != null && !cursor(poke).equals(held);
                        });
                assertThat(desktop.pullAll()
                                .get(conversation)
                                .path("data")
                                .path("unreadCount")
                                .asInt())
                        .isEqualTo(7);
                stream.socket().close(1000, "done");
            }
        }
    }

    private static String cursor(String poke) {
        try {
            return MAPPER.readTree(poke).path("cursor").asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("a poke that is not JSON: " + poke, e);
        }
    }

    @Test
    void streamWithoutATokenIsRefused() throws Exception {
        try (TestServer server = TestServer.withoutDemo()) {
            Stream stream = connect(server.server.port(), null);

            Integer status = stream.failures().poll(10, TimeUnit.SECONDS);

            assertThat(status).isEqualTo(401);
            assertThat(server.server.pokes().connectedClients()).isZero();
        }
    }
}
