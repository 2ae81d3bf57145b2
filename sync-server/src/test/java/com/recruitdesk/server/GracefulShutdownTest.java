package com.recruitdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.protocol.Paths;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** Stopping lets a request in flight finish and refuses new ones meanwhile. */
class GracefulShutdownTest {
    private static final OkHttpClient PROBE = new OkHttpClient.Builder()
            .callTimeout(Duration.ofSeconds(2))
            .retryOnConnectionFailure(false)
            .build();

    @Test
    void requestInFlightFinishesWhileNewOnesAreRefused() throws Exception {
        TestServer test = TestServer.start();
        int port = test.server.port(); // Jetty reports no port once its listener closes
        byte[] body = ("{\"email\":\"" + TestServer.RECRUITER + "\",\"password\":\"" + TestServer.PASSWORD + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + Paths.LOGIN + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10); // the handler now waits for the rest of the body
            out.flush();
            Eventually.await(
                    Duration.ofSeconds(10), "the request to be in flight", () -> test.server.inFlightRequests() == 1);

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(test.server::stop);
            Eventually.await(Duration.ofSeconds(10), "new requests to be refused", () -> refused(port));
            assertThat(stopping).isNotDone();

            out.write(body, 10, body.length - 10);
            out.flush();
            String response = readAll(socket.getInputStream());

            assertThat(response).startsWith("HTTP/1.1 200");
            assertThat(response).contains("\"accessToken\"");
            stopping.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /**
     * Stopping closes the listener, so a new request meets a refused connection, a 503 if it got in,
     * or, if it slipped into the listen backlog as the listener closed, no answer: a short timeout
     * keeps the probe from outliving the stop it is probing.
     */
    private static boolean refused(int port) {
        Request request = new Request.Builder()
                .url("http://127.0.0.1:" + port + Paths.HEALTH_LIVE)
                .build();
        try (Response response = PROBE.newCall(request).execute()) {
            return response.code() == 503;
        } catch (IOException e) {
            return true;
        }
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
