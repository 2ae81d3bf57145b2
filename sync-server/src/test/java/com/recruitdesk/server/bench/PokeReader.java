package com.recruitdesk.server.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
            poked(text, fields(text));
        }
        ws.request(1);
        return null;
    }

    /**
     * The top-level {@code cursor} and {@code from} of a poke or a page ({@code from} null when it has
     * none), read with the streaming parser, its changes skipped: the clients share the benchmark's
     * two cores with the server, and a desktop's own parse and apply run on its own machine.
     */
    private static String[] fields(String json) {
        String[] fields = new String[2];
        try (JsonParser p = MAPPER.getFactory().createParser(json)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("cursor")) {
                    fields[0] = p.getText();
                } else if (name.equals("from")) {
                    fields[1] = value == JsonToken.VALUE_NULL ? null : p.getText();
                } else {
                    p.skipChildren();
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return fields;
    }

    private synchronized void poked(String text, String[] poke) {
        poked = true;
        counts.pokes.incrementAndGet();
        boolean carries = poke[1] != null;
        if (carries && poke[1].equals(cursor) && !pulling) {
            cursor = poke[0];
            see(text, counts.carried);
        } else if (!poke[0].equals(cursor)) {
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
                        String body = new String(reply.body(), StandardCharsets.UTF_8);
                        cursor = fields(body)[0];
                        see(body, counts.pulled);
                    } catch (IllegalStateException e) {
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

    /** The awaited message is in the poke's or the page's changes: its id appears nowhere else. */
    private void see(String json, AtomicInteger how) {
        UUID want = awaited;
        if (want != null && json.contains(want.toString())) {
            counts.seen(System.nanoTime() - startedAt);
            how.incrementAndGet();
            awaited = null;
            done.countDown();
        }
    }
}
