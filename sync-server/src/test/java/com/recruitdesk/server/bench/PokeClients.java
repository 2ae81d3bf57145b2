package com.recruitdesk.server.bench;

import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The desktops of the poke row ({@link PokeRow}), run in a JVM of their own: {@code PokeClients port
 * clients cursor conversation what}. Each is a JDK {@code java.net.http} WebSocket (one selector
 * thread reads every socket) with a pull client beside it ({@link PokeReader}); one more signs in
 * and pushes a message per round. Latency is from the push sent to the message in a client's hands
 * ({@code System.nanoTime} of this JVM only), and beside it the push's own share: sent → answered,
 * which holds the group commit's window and the fsync.
 */
final class PokeClients {
    private static final int ROUNDS = 5;
    /** Lines that tell the benchmark's JVM when the rounds start and end (it measures CPU between them). */
    static final String ROUNDS_START = "#rounds-start";

    static final String ROUNDS_END = "#rounds-end";

    private PokeClients() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int clients = Integer.parseInt(args[1]);
        String cursor = args[2];
        UUID conversation = UUID.fromString(args[3]);
        String what = args[4];
        try {
            run(port, clients, cursor, conversation, what);
        } catch (RuntimeException | AssertionError e) {
            System.out.printf(
                    "poke → change, %s: %d WebSocket clients: did not finish (%s); %d pulls failed%n",
                    what, clients, e.getMessage(), PokeReader.Counts.FAILED_PULLS.get());
            System.exit(1);
        }
        System.exit(0); // the HTTP client's selector threads are not daemons
    }

    private static void run(int port, int clients, String cursor, UUID conversation, String what) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        SyncClient writer = new SyncClient(new Api(port), TestServer.RECRUITER, TestServer.PASSWORD);
        PokeReader.Counts counts = new PokeReader.Counts();
        List<PokeReader> readers = new ArrayList<>();
        List<CompletableFuture<WebSocket>> sockets = new ArrayList<>();
        String base = "127.0.0.1:" + port;
        for (int i = 0; i < clients; i++) {
            PokeReader reader = new PokeReader(http, base, writer.accessToken, cursor, counts);
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
        List<Long> pushes = new ArrayList<>();
        try {
            CompletableFuture.allOf(sockets.toArray(CompletableFuture[]::new)).join();
            // Each got the head on connect and pulled up to it: the rounds start from a desktop at rest.
            Eventually.await(
                    Duration.ofSeconds(120),
                    "every client at the head",
                    () -> readers.stream().allMatch(PokeReader::atRest));
            counts.reset();
            System.out.println(ROUNDS_START);
            for (int round = 0; round < ROUNDS; round++) {
                UUID id = UUID.randomUUID();
                CountDownLatch done = new CountDownLatch(clients);
                long start = System.nanoTime();
                readers.forEach(r -> r.expect(id, done, start));
                writer.pushOne(SyncClient.mutation(
                        ConversationMutations.SEND_MESSAGE,
                        SyncClient.args()
                                .put("conversationId", conversation.toString())
                                .put("messageId", id.toString())
                                .put("text", "poke round " + round)));
                long pushed = System.nanoTime() - start;
                pushes.add(pushed);
                if (!done.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(done.getCount() + " clients never saw round " + round);
                }
                counts.afterPush(pushed);
            }
            System.out.println(ROUNDS_END);
        } finally {
            sockets.forEach(s -> s.thenAccept(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "done")));
        }
        List<Long> sorted = sorted(counts.latencies);
        List<Long> afterPush = sorted(counts.afterPush);
        List<Long> push = sorted(pushes);
        System.out.printf(
                "poke → change, %s: %d WebSocket clients × %d writes: p50 %.1f ms, p99 %.1f ms, max %.1f ms"
                        + " (from push sent to the message in the client's hands; %d from a poke's page, %d by a pull)%n",
                what,
                clients,
                ROUNDS,
                ms(sorted, 50),
                ms(sorted, 99),
                sorted.getLast() / 1e6,
                counts.carried.get(),
                counts.pulled.get());
        System.out.printf(
                "poke → change, %s: the push's own share, sent → answered: p50 %.1f ms, max %.1f ms;"
                        + " change after the push's answer: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                what,
                ms(push, 50),
                push.getLast() / 1e6,
                ms(afterPush, 50),
                ms(afterPush, 99),
                afterPush.getLast() / 1e6);
        System.out.printf(
                "poke → change, %s: %d pokes received (%.2f per client per write); pulls started after a plain poke %d,"
                        + " after a page that did not start at the client's cursor %d, again for a poke during a pull %d;"
                        + " %d pulls failed%n",
                what,
                counts.pokes.get(),
                counts.pokes.get() / (double) (clients * ROUNDS),
                counts.afterPlain.get(),
                counts.chainBroken.get(),
                counts.again.get(),
                PokeReader.Counts.FAILED_PULLS.get());
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }

    private static double ms(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
