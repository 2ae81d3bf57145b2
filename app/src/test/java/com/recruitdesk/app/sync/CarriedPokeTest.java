package com.recruitdesk.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.Features;
import com.recruitdesk.app.api.ApiClient;
import com.recruitdesk.app.store.BlobFiles;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.support.Demo;
import com.recruitdesk.app.support.LiveServer;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.SyncFixture;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real engine against a real server (decision 0047): a poke that carries the page after the
 * store's cursor is applied without a pull; one that does not start there (here: of another access
 * epoch) is not applied, and the engine pulls; and while pokes and the engine's own pulls race, the
 * pages applied form one chain of cursors, so nothing is applied twice or skipped.
 */
@Tag("server")
class CarriedPokeTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final SyncSettings SETTINGS =
            new SyncSettings(Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMillis(500), 200);
    private static LiveServer server;
    private static SyncFixture world;
    private static final AtomicInteger PULLS = new AtomicInteger();
    /** The desktop's client, counting its pulls. */
    private static final OkHttpClient DESKTOP_HTTP = ApiClient.newHttpClient()
            .newBuilder()
            .addInterceptor(chain -> {
                if (chain.request().url().encodedPath().endsWith("/sync/pull")) {
                    PULLS.incrementAndGet();
                }
                return chain.proceed(chain.request());
            })
            .build();

    private static final OkHttpClient WRITER_HTTP = ApiClient.newHttpClient();

    @TempDir
    Path home;

    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
    private final List<SyncEngine.Page> pages = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startServer() {
        server = LiveServer.withoutDemo();
        world = SyncFixture.create(server.first().database);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private static ApiClient signIn(OkHttpClient http) {
        try {
            return ApiClient.signedIn(
                    http, server.url(), ApiClient.login(http, server.url(), Demo.RECRUITER, Demo.PASSWORD), t -> {});
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Desktop(SyncEngine engine, LocalStore store) {}

    /** A desktop through its first sync, its poke stream open. */
    private Desktop desktop() {
        LocalStore store = LocalStore.open(home.resolve("store.db"), Features.STORE_RULES);
        SyncEngine engine = new SyncEngine(
                signIn(DESKTOP_HTTP),
                store,
                BlobFiles.besideStore(home.resolve("store.db")),
                SETTINGS,
                Clock.systemUTC());
        open.add(store);
        open.add(engine);
        engine.addPageListener(pages::add);
        int before = server.first().server.pokes().connectedClients();
        engine.start();
        Eventually.await(
                WAIT,
                "the first sync and the stream",
                () -> store.meta(SyncEngine.FIRST_SYNC_DONE).isPresent()
                        && engine.status().state() == SyncStatus.State.ONLINE
                        && server.first().server.pokes().connectedClients() > before);
        return new Desktop(engine, store);
    }

    private static Mutation message(UUID id, String text) {
        return new Mutation(
                UUID.randomUUID(),
                ConversationMutations.SEND_MESSAGE.name(),
                Json.newMapper()
                        .valueToTree(new ConversationMutations.SendMessage(world.conversation(), id, text, null)),
                Instant.now());
    }

    private static void awaitRow(Desktop desktop, UUID message) {
        Eventually.await(
                WAIT,
                "message " + message + " on the desktop",
                () -> desktop.store().row("message", message).isPresent());
    }

    @Test
    void aPokeThatStartsAtTheCursorIsAppliedWithoutAPull() throws Exception {
        Desktop desktop = desktop();
        ApiClient writer = signIn(WRITER_HTTP);
        UUID warmUp = UUID.randomUUID();
        writer.push(List.of(message(warmUp, "warm-up")));
        awaitRow(desktop, warmUp);

        int pullsBefore = PULLS.get();
        int pagesBefore = pages.size();
        UUID carried = UUID.randomUUID();
        writer.push(List.of(message(carried, "carried")));
        awaitRow(desktop, carried);

        assertThat(PULLS.get()).as("pulls after the poke").isEqualTo(pullsBefore);
        assertThat(since(pages, pagesBefore))
                .as("the pages applied for it")
                .isNotEmpty()
                .allMatch(SyncEngine.Page::carried);
    }

    @Test
    void aPokeOfAnotherAccessEpochIsNotAppliedAndTheEnginePulls() {
        Desktop desktop = desktop();
        String firstSync = desktop.store().meta(SyncEngine.FIRST_SYNC_DONE).orElseThrow();
        int pagesBefore = pages.size();
        UUID message = UUID.randomUUID();
        // One transaction: the recruiter's access changes (a new epoch) and a message arrives, so the
        // poke's page starts at the old head under the new epoch, which is not this desktop's cursor.
        server.execute(
                "with role as (insert into user_roles (user_id, role)"
                        + " select id, 'SALES' from users where email = ? returning user_id)"
                        + " insert into messages (id, organization_id, conversation_id, whatsapp_account_id, candidate_id,"
                        + " direction, type, sender_type, body, provider_message_id)"
                        + " select ?, ?, ?, ?, ?, 'inbound', 'text', 'candidate', 'After the change', 'wamid.epoch'"
                        + " from role",
                Demo.RECRUITER,
                message,
                world.organization(),
                world.conversation(),
                world.whatsappAccount(),
                world.candidate());
        awaitRow(desktop, message);

        List<SyncEngine.Page> after = since(pages, pagesBefore);
        assertThat(after).as("a pull told to reset").anyMatch(SyncEngine.Page::reset);
        assertThat(after)
                .as("no carried page moved the desktop to another access epoch")
                .filteredOn(SyncEngine.Page::carried)
                .allMatch(page -> accessEpoch(page.from()).equals(accessEpoch(page.to())));
        assertThat(desktop.store().meta(SyncEngine.FIRST_SYNC_DONE).orElseThrow())
                .as("the desktop synced anew")
                .isNotEqualTo(firstSync);
        server.execute(
                "delete from user_roles where role = 'SALES' and user_id = (select id from users where email = ?)",
                Demo.RECRUITER);
    }

    /** The access epoch a cursor carries ({@code v2:<feed>:<access>:<txid>:<id>}, base64url). */
    private static String accessEpoch(String cursor) {
        return new String(java.util.Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.US_ASCII)
                .split(":")[2];
    }

    @Test
    void pokesRacingTheEnginesOwnPullsApplyEachPageOnceInOneChain() throws Exception {
        Desktop desktop = desktop();
        ApiClient writer = signIn(WRITER_HTTP);
        int pagesBefore = pages.size();
        List<UUID> messages = new ArrayList<>();
        Thread other = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 20; i++) {
                UUID id = UUID.randomUUID();
                synchronized (messages) {
                    messages.add(id);
                }
                try {
                    writer.push(List.of(message(id, "from the other desktop " + i)));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        for (int i = 0; i < 20; i++) {
            UUID id = UUID.randomUUID();
            synchronized (messages) {
                messages.add(id);
            }
            // Each of the desktop's own mutations makes a round that pushes and pulls.
            desktop.engine()
                    .submit(
                            ConversationMutations.SEND_MESSAGE,
                            new ConversationMutations.SendMessage(world.conversation(), id, "from here " + i, null),
                            List.of(),
                            List.of());
        }
        other.join();
        for (UUID id : messages) {
            awaitRow(desktop, id);
        }
        Eventually.await(WAIT, "the outbox sent", () -> desktop.store().pendingCount() == 0);

        // The whole chain since the store was empty: the first sync's pages, then the race's.
        List<SyncEngine.Page> applied = new ArrayList<>(pages);
        String at = null;
        for (SyncEngine.Page page : applied) {
            assertThat(page.from())
                    .as("each page starts where the one before ended")
                    .isEqualTo(at);
            assertThat(page.reset()).isFalse();
            at = page.to();
        }
        List<SyncEngine.Page> race = since(applied, pagesBefore);
        assertThat(race).anyMatch(SyncEngine.Page::carried);
        assertThat(race).anyMatch(page -> !page.carried());
    }

    /** The pages applied from {@code from} on, copied first: the engine keeps adding while a test reads. */
    private static List<SyncEngine.Page> since(List<SyncEngine.Page> pages, int from) {
        List<SyncEngine.Page> copy = List.copyOf(pages);
        return copy.subList(from, copy.size());
    }
}
