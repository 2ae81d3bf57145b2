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
import org.junit.jupiter.api.Test;

/** Stopping lets a request in flight finish and refuses new ones meanwhile. */
class GracefulShutdownTest {
    @Test
    void requestInFlightFinishesWhileNewOnesAreRefused() throws Exception {
        TestServer test = TestServer.start();
        byte[] body = ("{\"email\":\"" + TestServer.RECRUITER + "\",\"password\":\"" + TestServer.PASSWORD + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", test.server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + Paths.LOGIN + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10); // the handler now waits for the rest of the body
            out.flush();
            Eventually.await(
                    Duration.ofSeconds(10), "the request to be in flight", () -> test.server.inFlightRequests() == 1);

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(test.server::stop);
            Eventually.await(Duration.ofSeconds(10), "new requests to be refused", () -> refused(test));
            assertThat(stopping).isNotDone();

            out.write(body, 10, body.length - 10);
            out.flush();
            String response = readAll(socket.getInputStream());

            assertThat(response).startsWith("HTTP/1.1 200");
            assertThat(response).contains("\"accessToken\"");
            stopping.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** Stopping closes the listener, so a new request meets a refused connection (or a 503 if it got in). */
    private static boolean refused(TestServer test) {
        try {
            return test.api.get(Paths.HEALTH_LIVE).status() == 503;
        } catch (java.io.UncheckedIOException e) {
            return true;
        }
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
