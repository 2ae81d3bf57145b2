package com.recruitdesk.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.Paths;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One benchmark desktop: applies a poke's page that starts at its cursor, else pulls (one pull at a
 * time, as the engine does), notes when the awaited message is in its hands, and counts why it pulled.
 */
final class PokeReader implements WebSocket.Listener {
    private static final ObjectMapper MAPPER = Json.newMapper();

    /** What every reader of one row saw. */
    static final class Counts {
        static final AtomicInteger FAILED_PULLS = new AtomicInteger();
        final List<Long> latencies = new CopyOnWriteArrayList<>();
        final List<Long> afterPush = new ArrayList<>();
        private final List<Long> round = new ArrayList<>();
        final AtomicInteger carried = new AtomicInteger();
        final AtomicInteger pulled = new AtomicInteger();
        final AtomicInteger pokes = new AtomicInteger();
        final AtomicInteger afterPlain = new AtomicInteger();
        final AtomicInteger chainBroken = new AtomicInteger();
        final AtomicInteger again = new AtomicInteger();

        synchronized void seen(long nanos) {
            latencies.add(nanos);
            round.add(nanos);
        }

        /** The round's push took {@code pushNanos} to be answered: each change's time after that. */
        synchronized void afterPush(long pushNanos) {
            round.forEach(l -> afterPush.add(l - pushNanos));
            round.clear();
        }

        /** Forgets the pulls and pokes of connecting. */
        void reset() {
            pokes.set(0);
            afterPlain.set(0);
            chainBroken.set(0);
            again.set(0);
            FAILED_PULLS.set(0);
        }
    }

    private final HttpClient http;
    private final String base;
    private final String token;
    private final Counts counts;
    private final StringBuilder partial = new StringBuilder();
    private String cursor;
    private UUID awaited;
    private CountDownLatch done;
    private long startedAt;
    private boolean pulling;
    private boolean pullAgain;
    private boolean poked;
    private int failures;

    PokeReader(HttpClient http, String base, String token, String cursor, Counts counts) {
        this.http = http;
        this.base = base;
        this.token = token;
        this.cursor = cursor;
        this.counts = counts;
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
        counts.pokes.incrementAndGet();
        boolean carries = poke.has("from");
        if (carries && poke.path("from").asText().equals(cursor) && !pulling) {
            cursor = poke.path("cursor").asText();
            see(poke.path("changes"), counts.carried);
        } else if (!poke.path("cursor").asText().equals(cursor)) {
            if (pulling) {
                pullAgain = true;
                counts.again.incrementAndGet();
            } else {
                (carries ? counts.chainBroken : counts.afterPlain).incrementAndGet();
                pulling = true;
                pull();
            }
        }
    }

    private void pull() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + base + Paths.SYNC_PULL + "?cursor="
                        + URLEncoder.encode(cursor, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token)
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((reply, failure) -> {
            synchronized (this) {
                if (failure != null || reply.statusCode() != 200) {
                    // As the engine does: a failed pull is tried again (here at once, up to 5 times).
                    Counts.FAILED_PULLS.incrementAndGet();
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
                        see(page.path("changes"), counts.pulled);
                    } catch (java.io.IOException e) {
                        Counts.FAILED_PULLS.incrementAndGet();
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
                counts.seen(System.nanoTime() - startedAt);
                how.incrementAndGet();
                awaited = null;
                done.countDown();
                return;
            }
        }
    }
}
