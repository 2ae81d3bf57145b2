package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A socket whose writes are held back while the feed moves (decision 0052): behind by a few carried
 * pokes, it gets every one, each page starting where the one before ended, so a desktop applies them
 * all without pulling; behind by more than may wait, it gets one plain poke and one pull brings it up.
 */
@Tag("database")
class PokeBacklogTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static TestServer server;
    private static SyncFixture world;
    private static Pokes pokes;
    private static final OkHttpClient HTTP = new OkHttpClient();

    private final Gate gate = new Gate();
    private CarriedPokeScopeTest.Socket socket;
    /** Signed in before the warm-up: a sign-in writes to the feed too. */
    private SyncClient recruiter;

    @BeforeAll
    static void start() {
        server = TestServer.withoutDemo();
        world = SyncFixture.create(server.database);
        pokes = server.server.pokes();
    }

    @AfterAll
    static void stop() {
        HTTP.dispatcher().executorService().shutdown();
        server.close();
    }

    @AfterEach
    void closeSocket() {
        gate.open.countDown();
        pokes.outlets = UnaryOperator.identity();
        if (socket != null) {
            socket.close();
        }
    }

    /** Wraps each new socket's outlet: once closed, a write waits until the gate opens. */
    static final class Gate implements UnaryOperator<Subscriber.Outlet> {
        final CountDownLatch open = new CountDownLatch(1);
        final AtomicInteger held = new AtomicInteger();
        volatile boolean closed;

        @Override
        public Subscriber.Outlet apply(Subscriber.Outlet socket) {
            return new Subscriber.Outlet() {
                @Override
                public String id() {
                    return socket.id();
                }

                @Override
                public boolean send(String text) {
                    if (closed) {
                        held.incrementAndGet();
                        try {
                            open.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return false;
                        }
                    }
                    return socket.send(text);
                }
            };
        }
    }

    private static UUID message(String text) {
        UUID id = UUID.randomUUID();
        SyncFixture.execute(
                server.database,
                "insert into messages (id, organization_id, conversation_id, whatsapp_account_id, candidate_id,"
                        + " direction, type, sender_type, body, provider_message_id)"
                        + " values (?, ?, ?, ?, ?, 'inbound', 'text', 'candidate', ?, ?)",
                id,
                world.organization(),
                world.conversation(),
                world.whatsappAccount(),
                world.candidate(),
                text,
                "wamid." + id);
        return id;
    }

    private static List<String> ids(JsonNode changes) {
        List<String> ids = new ArrayList<>();
        changes.forEach(change -> ids.add(change.path("id").asText()));
        return ids;
    }

    /** A socket at rest after a change, its writes then held; returns the cursor a desktop then holds. */
    private String connectedThenHeld() {
        pokes.outlets = gate;
        recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
        socket = CarriedPokeScopeTest.Socket.open(HTTP, server.server.port(), recruiter.accessToken);
        // A change first, so the listener has a head it poked before and the next pokes can carry pages.
        UUID warmUp = message("warm-up");
        JsonNode poke = socket.await(
                1,
                "the warm-up's poke",
                p -> !p.has("from") || ids(p.path("changes")).contains(warmUp.toString()));
        gate.closed = true;
        return poke.path("cursor").asText();
    }

    /** Writes one message and waits until its poke is held or waiting for the socket. */
    private UUID heldMessage(int held) {
        UUID id = message("held " + held);
        Eventually.await(WAIT, "poke " + held + " held back", () -> gate.held.get() + pokes.waitingPokes() == held);
        return id;
    }

    @Test
    void aSocketBehindByFourCarriedPokesGetsEveryPageInOneChain() {
        String cursor = connectedThenHeld();
        int seen = socket.pokes().size();
        List<UUID> messages = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            messages.add(heldMessage(i));
        }
        assertThat(gate.held.get()).as("one write in flight").isEqualTo(1);
        assertThat(pokes.waitingPokes()).as("pokes waiting behind it").isEqualTo(3);

        gate.open.countDown();
        Eventually.await(WAIT, "four pokes", () -> socket.pokes().size() == seen + 4);
        // As the desktop does: a page applies when it starts exactly at its cursor; none needs a pull.
        for (int i = 0; i < 4; i++) {
            JsonNode poke = socket.pokes().get(seen + i);
            assertThat(poke.path("from").asText())
                    .as("page " + (i + 1) + " starts at the cursor")
                    .isEqualTo(cursor);
            assertThat(ids(poke.path("changes"))).contains(messages.get(i).toString());
            cursor = poke.path("cursor").asText();
        }
    }

    @Test
    void aSocketBehindByMoreThanMayWaitGetsOnePlainPokeAndOnePullBringsItUp() {
        String cursor = connectedThenHeld();
        int seen = socket.pokes().size();
        long fellBehind = pokes.fellBehind();
        List<UUID> messages = new ArrayList<>();
        for (int i = 1; i <= Subscriber.MAX_WAITING + 1; i++) {
            messages.add(heldMessage(i));
        }
        messages.add(message("one beyond the bound"));
        Eventually.await(WAIT, "the waiting pokes given up", () -> pokes.fellBehind() == fellBehind + 1);
        assertThat(pokes.waitingPokes()).as("one plain poke waiting").isEqualTo(1);

        gate.open.countDown();
        Eventually.await(WAIT, "two pokes", () -> socket.pokes().size() == seen + 2);
        JsonNode inFlight = socket.pokes().get(seen);
        assertThat(inFlight.path("from").asText()).isEqualTo(cursor);
        assertThat(ids(inFlight.path("changes"))).contains(messages.getFirst().toString());
        JsonNode plain = socket.pokes().get(seen + 1);
        assertThat(plain.has("from")).as("a plain poke").isFalse();
        assertThat(plain.has("changes")).isFalse();

        // One pull from the cursor the first page left brings every other message, up to the plain poke's head.
        recruiter.cursor = inFlight.path("cursor").asText();
        JsonNode page = recruiter.pullPage(500);
        assertThat(page.path("hasMore").asBoolean()).isFalse();
        assertThat(page.path("cursor").asText()).isEqualTo(plain.path("cursor").asText());
        assertThat(ids(page.path("changes")))
                .containsAll(messages.subList(1, messages.size()).stream()
                        .map(UUID::toString)
                        .toList());
    }
}
