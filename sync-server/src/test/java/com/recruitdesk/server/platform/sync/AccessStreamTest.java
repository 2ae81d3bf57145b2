package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.protocol.Paths;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The poke stream follows the user's access: a role change pokes them to pull, a deactivation closes it. */
@Tag("database")
class AccessStreamTest {
    private final OkHttpClient http = new OkHttpClient();
    TestServer server;
    SyncClient user;
    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    final BlockingQueue<Integer> closed = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws InterruptedException {
        server = TestServer.withoutDemo();
        SyncFixture.create(server.database);
        Eventually.await(
                Duration.ofSeconds(10),
                "the poke listener",
                () -> server.server.pokes().listening());
        user = new SyncClient(server.api, "recruiter2@demo.test", TestServer.PASSWORD);
        user.pullAll();
        open(user.accessToken);
        assertThat(messages.poll(10, TimeUnit.SECONDS))
                .as("the poke on connect")
                .isEqualTo(poke(user.cursor));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String poke(String cursor) {
        return "{\"cursor\":\"" + cursor + "\"}";
    }

    private WebSocket open(String token) {
        return http.newWebSocket(
                new Request.Builder()
                        .url("ws://127.0.0.1:" + server.server.port() + Paths.SYNC_STREAM)
                        .header("Authorization", "Bearer " + token)
                        .build(),
                new WebSocketListener() {
                    @Override
                    public void onMessage(WebSocket socket, String text) {
                        messages.add(text);
                    }

                    @Override
                    public void onClosing(WebSocket socket, int code, String reason) {
                        closed.add(code);
                    }

                    @Override
                    public void onFailure(WebSocket socket, Throwable t, Response response) {
                        closed.add(response == null ? -1 : response.code());
                    }
                });
    }

    @Test
    void aRoleChangePokesTheUserWithACursorTheirsNoLongerMatches() throws InterruptedException {
        SyncFixture.execute(
                server.database, "insert into user_roles (user_id, role) values (?, 'MANAGER')", user.userId);

        String poke = messages.poll(10, TimeUnit.SECONDS);

        assertThat(poke).isNotNull().isNotEqualTo(poke(user.cursor));
        assertThat(user.pullPage(500).path("reset").asBoolean()).isTrue();
    }

    @Test
    void aDeactivationClosesTheOpenStreamAndRefusesANewOne() throws InterruptedException {
        SyncFixture.execute(server.database, "update users set status = 'inactive' where id = ?", user.userId);

        assertThat(closed.poll(10, TimeUnit.SECONDS)).isEqualTo(Pokes.ACCESS_ENDED);
        open(user.accessToken);
        assertThat(closed.poll(10, TimeUnit.SECONDS)).isEqualTo(401);
    }
}
