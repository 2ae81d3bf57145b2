package com.recruitdesk.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.Features;
import com.recruitdesk.app.api.ApiClient;
import com.recruitdesk.app.auth.SessionStore;
import com.recruitdesk.app.auth.StoredSession;
import com.recruitdesk.app.store.BlobFiles;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.support.Demo;
import com.recruitdesk.app.support.LiveServer;
import com.recruitdesk.protocol.auth.TokenResponse;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.server.support.Eventually;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync engine against the real server with the demo data. */
@Tag("server")
class SyncEngineTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final SyncSettings FAST =
            new SyncSettings(Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMillis(500), 200);
    private static LiveServer server;
    private static final OkHttpClient HTTP = ApiClient.newHttpClient();

    @TempDir
    Path home;

    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
    private final List<SyncStatus> seen = new CopyOnWriteArrayList<>();
    /** After each page applied: whether the store was loading in bulk (decision 0054). */
    private final List<Boolean> inBulk = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startServer() {
        server = LiveServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void serverUp() {
        server.restart();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private record Running(SyncEngine engine, LocalStore store, SessionStore sessions) {}

    private Running signInAndStart() throws Exception {
        return signInAndStart(HTTP, FAST, home);
    }

    private Running signInAndStart(OkHttpClient http, SyncSettings settings, Path home) throws Exception {
        TokenResponse tokens = ApiClient.login(http, server.url(), Demo.RECRUITER, Demo.PASSWORD);
        SessionStore sessions = new SessionStore(home.resolve("session.json"));
        sessions.save(new StoredSession(
                server.url(), Demo.RECRUITER, tokens.user().id(), tokens.user().fullName(), tokens.refreshToken()));
        ApiClient api = ApiClient.signedIn(
                http,
                server.url(),
                tokens,
                t -> sessions.save(sessions.load().orElseThrow().withRefreshToken(t.refreshToken())));
        return start(api, sessions, settings, home);
    }

    private Running resume() {
        SessionStore sessions = new SessionStore(home.resolve("session.json"));
        StoredSession stored = sessions.load().orElseThrow();
        ApiClient api = new ApiClient(
                HTTP,
                stored.server(),
                stored.refreshToken(),
                t -> sessions.save(sessions.load().orElseThrow().withRefreshToken(t.refreshToken())));
        return start(api, sessions, FAST, home);
    }

    private Running start(ApiClient api, SessionStore sessions, SyncSettings settings, Path home) {
        LocalStore store = LocalStore.open(home.resolve("store.db"), Features.STORE_RULES);
        SyncEngine engine = new SyncEngine(
                api, store, BlobFiles.besideStore(home.resolve("store.db")), settings, Clock.systemUTC());
        open.add(store);
        open.add(engine);
        engine.addListener(seen::add);
        engine.addPageListener(p -> inBulk.add(store.meta("bulkLoad").isPresent()));
        engine.start();
        return new Running(engine, store, sessions);
    }

    private static void awaitState(SyncEngine engine, SyncStatus.State state) {
        await(engine, state.toString(), () -> engine.status().state() == state);
    }

    /** {@link Eventually#await}, saying on time-out what the engine was doing. */
    private static void await(SyncEngine engine, String what, java.util.function.BooleanSupplier condition) {
        try {
            Eventually.await(WAIT, what, condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; engine is " + engine.status(), e);
        }
    }

    private static UUID someCandidate(LocalStore store) {
        return UUID.fromString(store.rows("candidate", 1).getFirst().path("id").asText());
    }

    private static UUID tag(SyncEngine engine, UUID candidate, String tag) {
        ObjectNode optimistic = JsonNodeFactory.instance.objectNode();
        UUID id = UUID.randomUUID();
        optimistic
                .put("id", id.toString())
                .put("candidateId", candidate.toString())
                .put("tag", tag);
        return engine.submit(
                ConversationMutations.TAG_CANDIDATE,
                new ConversationMutations.TagCandidate(candidate, tag, true),
                List.of(new LocalStore.Optimistic("candidateTag", id, optimistic)));
    }

    private long serverTags(String tag) {
        return server.count("select count(*) from candidate_tags where tag = '" + tag + "'");
    }

    @Test
    void firstSyncEndsWithTheDemoCountsInTheLocalStore() throws Exception {
        Running r = signInAndStart();
        Eventually.await(
                WAIT,
                "first sync",
                () -> r.store().meta(SyncEngine.FIRST_SYNC_DONE).isPresent());
        awaitState(r.engine(), SyncStatus.State.ONLINE);

        Map<String, Integer> local = r.store().countsByEntity();
        assertThat(local)
                .containsEntry("candidate", (int) server.count("select count(*) from candidates"))
                .containsEntry("conversation", (int) server.count("select count(*) from conversations"))
                .containsEntry("message", (int) server.count("select count(*) from messages"))
                .containsEntry("job", (int) server.count("select count(*) from jobs"))
                .containsEntry("application", (int) server.count("select count(*) from applications"));
        assertThat(local.get("conversation")).isGreaterThanOrEqualTo(40);
        assertThat(seen)
                .as("first-sync progress was published with a known size")
                .anySatisfy(s -> {
                    assertThat(s.firstSync()).isTrue();
                    assertThat(s.total()).isPositive();
                    assertThat(s.progress()).isBetween(0.0, 1.0);
                });
        assertThat(r.engine().status().lastSyncAt()).isNotNull();
        assertThat(inBulk)
                .as("the first sync's pages but the last were loaded in bulk")
                .startsWith(true);
        assertThat(r.store().meta("bulkLoad")).isEmpty();
        assertThat(r.store()
                        .query(
                                "select name from sqlite_master where tbl_name = 'current' and name like 'current_%'"
                                        + " order by name",
                                List.of(), rs -> rs.getString(1)))
                .containsExactly("current_children", "current_sorted");
    }

    @Test
    void withoutAPokeStreamChangesStillArriveWithinSecondsAndTheStreamIsNotRetriedInALoop(@TempDir Path other)
            throws Exception {
        AtomicInteger pulls = new AtomicInteger();
        OkHttpClient noWebSockets = HTTP.newBuilder() // as behind a proxy that refuses WebSockets
                .addInterceptor(chain -> {
                    if ("websocket".equalsIgnoreCase(chain.request().header("Upgrade"))) {
                        throw new java.io.IOException("WebSockets are blocked here");
                    }
                    if (chain.request().url().encodedPath().endsWith("/pull")) {
                        pulls.incrementAndGet();
                    }
                    return chain.proceed(chain.request());
                })
                .build();
        SyncSettings slowTimer =
                new SyncSettings(Duration.ofMinutes(10), Duration.ofMillis(100), Duration.ofMillis(500), 200);
        Running blind = signInAndStart(noWebSockets, slowTimer, home);
        Eventually.await(
                WAIT,
                "first sync",
                () -> blind.store().meta(SyncEngine.FIRST_SYNC_DONE).isPresent());
        Running colleague = signInAndStart(HTTP, FAST, other);
        Eventually.await(
                WAIT,
                "the colleague's first sync",
                () -> colleague.store().meta(SyncEngine.FIRST_SYNC_DONE).isPresent());
        int pullsBefore = pulls.get();

        UUID candidate = someCandidate(colleague.store());
        tag(colleague.engine(), candidate, "seen-without-stream");

        Eventually.await(
                SyncEngine.WITHOUT_STREAM.multipliedBy(4),
                "the colleague's tag, pulled by the timer",
                () -> blind.store().rows("candidateTag", 10_000).stream()
                        .anyMatch(t -> t.path("tag").asText().equals("seen-without-stream")));
        // The page lands in the store before the round that pulled it ends and says so.
        Eventually.await(
                WAIT,
                "the round that pulled the tag to end online",
                () -> blind.engine().status().state() == SyncStatus.State.ONLINE);
        assertThat(pulls.get() - pullsBefore)
                .as("pulls while waiting: one per timer turn, not a loop retrying the stream")
                .isLessThan(20);
    }

    @Test
    void anOfflineChangeShowsPendingAndReachesTheServerWhenItComesBack() throws Exception {
        Running r = signInAndStart();
        awaitState(r.engine(), SyncStatus.State.ONLINE);
        UUID candidate = someCandidate(r.store());

        server.stop();
        awaitState(r.engine(), SyncStatus.State.OFFLINE);
        assertThat(r.engine().status().lastError()).contains("Retrying in");

        int tagsBefore = r.store().countsByEntity().getOrDefault("candidateTag", 0);
        tag(r.engine(), candidate, "offline-change");
        assertThat(r.engine().status().pending()).isEqualTo(1);
        assertThat(r.store().countsByEntity()).containsEntry("candidateTag", tagsBefore + 1);
        assertThat(serverTags("offline-change")).isZero();

        server.restart();
        await(
                r.engine(),
                "the outbox to drain",
                () -> r.engine().status().pending() == 0 && r.engine().status().state() == SyncStatus.State.ONLINE);
        assertThat(serverTags("offline-change")).isEqualTo(1);
        Eventually.await(
                WAIT,
                "the server's tag row to replace the optimistic one",
                () -> r.store().rows("candidateTag", 10_000).stream()
                                .filter(t -> t.path("tag").asText().equals("offline-change"))
                                .count()
                        == 1);
        assertThat(r.store().countsByEntity()).containsEntry("candidateTag", tagsBefore + 1);
    }

    @Test
    void aServerBackAfterAnOutageIsNoticedWithinSecondsThoughTheBackOffIsLong(@TempDir Path other) throws Exception {
        // A back-off of five minutes: only the liveness probe can bring the engine back within the wait.
        SyncSettings patient =
                new SyncSettings(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(5), 200);
        Running r = signInAndStart(HTTP, patient, other);
        awaitState(r.engine(), SyncStatus.State.ONLINE);

        server.stop();
        awaitState(r.engine(), SyncStatus.State.OFFLINE);
        server.restart();

        awaitOnlineLongBeforeTheBackOff(r.engine());
    }

    @Test
    void aServerThatAnswered503WhileStoppingIsRetriedAsSoonAsItIsReady(@TempDir Path other) throws Exception {
        // A server in its graceful stop (or a proxy before a restarting one) answers 503 instead of
        // refusing the connection; its successor must not wait out a 5-minute back-off either.
        AtomicBoolean stopping = new AtomicBoolean();
        OkHttpClient throughProxy = HTTP.newBuilder()
                .addInterceptor(chain ->
                        stopping.get() && !chain.request().url().encodedPath().startsWith("/health")
                                ? new Response.Builder()
                                        .request(chain.request())
                                        .protocol(Protocol.HTTP_1_1)
                                        .code(503)
                                        .message("Service Unavailable")
                                        .body(ResponseBody.create(
                                                "{\"code\":\"not_ready\",\"message\":\"Shutting down.\"}",
                                                MediaType.get("application/json")))
                                        .build()
                                : chain.proceed(chain.request()))
                .build();
        SyncSettings patient =
                new SyncSettings(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(5), 200);
        Running r = signInAndStart(throughProxy, patient, other);
        awaitState(r.engine(), SyncStatus.State.ONLINE);

        server.awaitStream(); // opening it asks for a ticket, which the proxy below would refuse
        stopping.set(true);
        server.stop(); // the poke stream ends; the round it asks for meets the 503
        awaitState(r.engine(), SyncStatus.State.OFFLINE);
        assertThat(r.engine().status().lastError()).contains("not available");
        server.restart();
        stopping.set(false);

        awaitOnlineLongBeforeTheBackOff(r.engine());
    }

    private static void awaitOnlineLongBeforeTheBackOff(SyncEngine engine) {
        try {
            Eventually.await(
                    Duration.ofSeconds(20),
                    "the engine back online long before its 5-minute back-off",
                    () -> engine.status().state() == SyncStatus.State.ONLINE);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; engine is " + engine.status(), e);
        }
    }

    @Test
    void restartWhileOfflineKeepsDataAndOutboxThenSends() throws Exception {
        Running first = signInAndStart();
        Eventually.await(
                WAIT,
                "first sync",
                () -> first.store().meta(SyncEngine.FIRST_SYNC_DONE).isPresent());
        UUID candidate = someCandidate(first.store());
        server.stop();
        awaitState(first.engine(), SyncStatus.State.OFFLINE);
        tag(first.engine(), candidate, "restart-change");
        int rows = first.store().totalRows();
        String tokenBefore = first.sessions().load().orElseThrow().refreshToken();
        first.engine().close();
        first.store().close();

        Running second = resume();
        assertThat(second.store().totalRows()).isEqualTo(rows);
        assertThat(second.store().pendingCount()).isEqualTo(1);
        awaitState(second.engine(), SyncStatus.State.OFFLINE);

        server.restart();
        await(
                second.engine(),
                "the outbox to drain",
                () -> second.engine().status().pending() == 0
                        && second.engine().status().state() == SyncStatus.State.ONLINE);
        assertThat(serverTags("restart-change")).isEqualTo(1);
        assertThat(second.engine().status().lastError()).isNull();
        assertThat(second.sessions().load().orElseThrow().refreshToken())
                .as("the rotated refresh token was stored")
                .isNotEqualTo(tokenBefore)
                .isNotBlank();
    }

    @Test
    void aRejectedChangeIsRolledBackAndReported() throws Exception {
        Running r = signInAndStart();
        awaitState(r.engine(), SyncStatus.State.ONLINE);
        List<LocalStore.Rejection> rejected = new CopyOnWriteArrayList<>();
        r.engine().addRejectionListener(rejected::add);
        int tagsBefore = r.store().countsByEntity().getOrDefault("candidateTag", 0);

        UUID mutation = tag(r.engine(), UUID.randomUUID(), "no-such-person");

        Eventually.await(WAIT, "the rejection", () -> !rejected.isEmpty());
        assertThat(rejected.getFirst().mutationId()).isEqualTo(mutation);
        assertThat(rejected.getFirst().code()).isEqualTo("not_found");
        assertThat(r.store().pendingCount()).isZero();
        assertThat(r.store().countsByEntity().getOrDefault("candidateTag", 0)).isEqualTo(tagsBefore);
        Eventually.await(
                WAIT,
                "the error in the status",
                () -> String.valueOf(r.engine().status().lastError()).contains("The tag change was undone"));
    }
}
