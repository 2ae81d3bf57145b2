package com.recruitdesk.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Poke → change latency as a user sees it: from the push sent to the awaited message in the
 * client's hands, taken from the poke's own page when it starts at the client's cursor (decision
 * 0047), else from the pull the poke asks for. The clients are the JDK's {@code java.net.http}
 * WebSocket and HTTP client, which read every socket from one selector thread instead of a thread
 * per socket, so 5,000 of them in the benchmark's JVM do not measure its own thread scheduling.
 */
final class PokeRow {
    private static final ObjectMapper MAPPER = Json.newMapper();
    private static final int ROUNDS = 5;
    static final AtomicInteger FAILED_PULLS = new AtomicInteger();

    private PokeRow() {}

    static void run(TestServer server, SyncFixture world, int clients, String cursor, String what) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        SyncClient writer = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        List<Long> latencies = new CopyOnWriteArrayList<>();
        AtomicInteger carried = new AtomicInteger();
        AtomicInteger pulled = new AtomicInteger();
        List<Reader> readers = new ArrayList<>();
        List<CompletableFuture<WebSocket>> sockets = new ArrayList<>();
        String base = "127.0.0.1:" + server.server.port();
        for (int i = 0; i < clients; i++) {
            Reader reader = new Reader(http, base, writer.accessToken, cursor, latencies, carried, pulled);
            readers.add(reader);
            sockets.add(http.newWebSocketBuilder()
                    .header("Authorization", "Bearer " + writer.accessToken)
                    .connectTimeout(Duration.ofSeconds(60))
                    .buildAsync(URI.create("ws://" + base + Paths.SYNC_STREAM), reader));
            if (i % 200 == 199) {
                CompletableFuture.allOf(sockets.toArray(CompletableFuture[]::new))
                        .join(); // connect in waves, not 5,000 handshakes at once
            }
        }
        try {
            CompletableFuture.allOf(sockets.toArray(CompletableFuture[]::new)).join();
            Eventually.await(
                    Duration.ofSeconds(60),
                    clients + " connected clients",
                    () -> server.server.pokes().connectedClients() == clients);
            // Each got the head on connect and pulled up to it: the rounds start from a desktop at rest.
            Eventually.await(
                    Duration.ofSeconds(120),
                    "every client at the head",
                    () -> readers.stream().allMatch(Reader::atRest));
            for (int round = 0; round < ROUNDS; round++) {
                UUID id = UUID.randomUUID();
                CountDownLatch done = new CountDownLatch(clients);
                long start = System.nanoTime();
                readers.forEach(r -> r.expect(id, done, start));
                writer.pushOne(SyncClient.mutation(
                        ConversationMutations.SEND_MESSAGE,
                        SyncClient.args()
                                .put("conversationId", world.conversation().toString())
                                .put("messageId", id.toString())
                                .put("text", "poke round " + round)));
                if (!done.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(done.getCount() + " clients never saw round " + round);
                }
            }
        } finally {
            sockets.forEach(s -> s.thenAccept(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "done")));
            http.close();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(
                "poke → change, %s: %d WebSocket clients × %d writes: p50 %.1f ms, p99 %.1f ms, max %.1f ms"
                        + " (from push sent to the message in the client's hands; %d from a poke's page, %d by a pull)%n",
                what,
                clients,
                ROUNDS,
                percentile(sorted, 50),
                percentile(sorted, 99),
                sorted.getLast() / 1e6,
                carried.get(),
                pulled.get());
    }

    private static double percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    /** One desktop: applies a poke's page that starts at its cursor, else pulls, and notes the awaited message. */
    private static final class Reader implements WebSocket.Listener {
        private final HttpClient http;
        private final String base;
        private final String token;
        private final List<Long> latencies;
        private final AtomicInteger carried;
        private final AtomicInteger pulled;
        private final StringBuilder partial = new StringBuilder();
        private String cursor;
        private UUID awaited;
        private CountDownLatch done;
        private long startedAt;
        private boolean pulling;
        private boolean pullAgain;
        private boolean poked;
        private int failures;

        Reader(
                HttpClient http,
                String base,
                String token,
                String cursor,
                List<Long> latencies,
                AtomicInteger carried,
                AtomicInteger pulled) {
            this.http = http;
            this.base = base;
            this.token = token;
            this.cursor = cursor;
            this.latencies = latencies;
            this.carried = carried;
            this.pulled = pulled;
        }

        synchronized boolean atRest() {
            return poked && !pulling;
        }

        synchronized void expect(UUID id, CountDownLatch latch, long start) {
            this.done = latch;
            this.awaited = id;
            this.startedAt = start;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    poked(MAPPER.readTree(text));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            ws.request(1);
            return null;
        }

        private synchronized void poked(JsonNode poke) {
            poked = true;
            if (poke.has("from") && poke.path("from").asText().equals(cursor) && !pulling) {
                cursor = poke.path("cursor").asText();
                see(poke.path("changes"), carried);
            } else if (!poke.path("cursor").asText().equals(cursor)) {
                if (pulling) {
                    pullAgain = true;
                } else {
                    pulling = true;
                    pull();
                }
            }
        }

        /** One pull at a time per desktop, as the engine does; a poke meanwhile asks for one more. */
        private void pull() {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + base + Paths.SYNC_PULL + "?cursor="
                            + URLEncoder.encode(cursor, StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + token)
                    .build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((reply, failure) -> {
                synchronized (this) {
                    if (failure != null || reply.statusCode() != 200) {
                        // As the engine does: a failed pull is tried again (here at once, up to 5 times).
                        FAILED_PULLS.incrementAndGet();
                        if (++failures <= 5) {
                            pull();
                            return;
                        }
                        System.err.println("pull failed: " + (failure != null ? failure : reply.statusCode()));
                    } else {
                        failures = 0;
                        try {
                            JsonNode page = MAPPER.readTree(reply.body());
                            cursor = page.path("cursor").asText();
                            see(page.path("changes"), pulled);
                        } catch (java.io.IOException e) {
                            FAILED_PULLS.incrementAndGet();
                        }
                    }
                    if (pullAgain) {
                        pullAgain = false;
                        pull();
                    } else {
                        pulling = false;
                    }
                }
            });
        }

        private void see(JsonNode changes, AtomicInteger how) {
            UUID want = awaited;
            if (want == null) {
                return;
            }
            for (JsonNode change : changes) {
                if (want.toString().equals(change.path("id").asText())) {
                    latencies.add(System.nanoTime() - startedAt);
                    how.incrementAndGet();
                    awaited = null;
                    done.countDown();
                    return;
                }
            }
        }
    }
}
