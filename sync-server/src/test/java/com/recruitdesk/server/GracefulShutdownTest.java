package com.recruitdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.protocol.Paths;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Stopping lets a request in flight finish and refuses new ones meanwhile. */
@Tag("database")
class GracefulShutdownTest {
    private static final OkHttpClient PROBE = new OkHttpClient.Builder()
            .callTimeout(Duration.ofMillis(500))
            .retryOnConnectionFailure(false)
            .build();

    @Test
    void requestInFlightFinishesWhileNewOnesAreRefused() throws Exception {
        TestServer test = TestServer.withoutDemo();
        int port = test.server.port(); // Jetty reports no port once its listener closes
        // Leading blanks are valid JSON: the client keeps sending them, as a slow upload would, while the
        // stop begins (once stopping, Jetty cuts a connection silent for a second).
        byte[] json = ("{\"email\":\"" + TestServer.RECRUITER + "\",\"password\":\"" + TestServer.PASSWORD + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        int blanks = 100_000;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + Paths.LOGIN + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + (blanks + json.length) + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(' ');
            out.flush();
            Eventually.await(
                    Duration.ofSeconds(10), "the request to be in flight", () -> test.server.inFlightRequests() == 1);

            AtomicInteger sent = new AtomicInteger(1);
            ScheduledExecutorService client = Executors.newSingleThreadScheduledExecutor();
            client.scheduleAtFixedRate(() -> write(out, sent), 0, 100, TimeUnit.MILLISECONDS);
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(test.server::stop);
            Eventually.await(Duration.ofSeconds(20), "new requests to be refused", () -> refused(port));
            assertThat(stopping).isNotDone();

            client.shutdown();
            assertThat(client.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            out.write(" ".repeat(blanks - sent.get()).getBytes(StandardCharsets.US_ASCII));
            out.write(json);
            out.flush();
            String response = readAll(socket.getInputStream());

            assertThat(response).startsWith("HTTP/1.1 200");
            assertThat(response).contains("\"accessToken\"");
            stopping.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRequestArrivingWhileStoppingGetsTheJsonErrorShapeNotJettysPage() throws Exception {
        TestServer test = TestServer.withoutDemo();
        int port = test.server.port();
        byte[] json = ("{\"email\":\"" + TestServer.RECRUITER + "\",\"password\":\"" + TestServer.PASSWORD + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        int blanks = 100_000;
        try (Socket inFlight = new Socket("127.0.0.1", port);
                Socket late = new Socket("127.0.0.1", port)) {
            // A request in flight holds the stop open, as in the test above.
            OutputStream slow = inFlight.getOutputStream();
            slow.write(("POST " + Paths.LOGIN + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + (blanks + json.length) + "\r\nConnection: close\r\n\r\n ")
                    .getBytes(StandardCharsets.US_ASCII));
            slow.flush();
            Eventually.await(
                    Duration.ofSeconds(10), "the request to be in flight", () -> test.server.inFlightRequests() == 1);
            // The late request's headers are under way on a connection opened before the stop; both connections
            // keep talking, since Jetty cuts any connection silent for a second once stopping.
            OutputStream lateOut = late.getOutputStream();
            lateOut.write(("GET " + Paths.HEALTH_LIVE + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            lateOut.flush();
            AtomicInteger sent = new AtomicInteger(1);
            ScheduledExecutorService client = Executors.newSingleThreadScheduledExecutor();
            client.scheduleAtFixedRate(
                    () -> {
                        write(slow, sent);
                        pad(lateOut);
                    },
                    0,
                    100,
                    TimeUnit.MILLISECONDS);
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(test.server::stop);
            Eventually.await(Duration.ofSeconds(20), "new connections to be refused", () -> refused(port));
            client.shutdown();
            assertThat(client.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

            lateOut.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            lateOut.flush();
            String response = readAll(late.getInputStream());

            assertThat(response).startsWith("HTTP/1.1 503");
            assertThat(response.toLowerCase(java.util.Locale.ROOT)).contains("content-type: application/json");
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            assertThat(body)
                    .doesNotContain("<html")
                    .contains("\"code\":\"not_ready\"")
                    .contains("\"message\":");

            slow.write(" ".repeat(blanks - sent.get()).getBytes(StandardCharsets.US_ASCII));
            slow.write(json);
            slow.flush();
            assertThat(readAll(inFlight.getInputStream())).startsWith("HTTP/1.1 200");
            stopping.get(30, TimeUnit.SECONDS);
        } finally {
            test.close();
        }
    }

    /** One more header of the late request, so its connection is never silent either. */
    private static void pad(OutputStream out) {
        try {
            out.write("X-Pad: a\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /** One more blank of the body, so the connection is never silent while the stop begins. */
    private static void write(OutputStream out, AtomicInteger sent) {
        try {
            out.write(' ');
            out.flush();
            sent.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
