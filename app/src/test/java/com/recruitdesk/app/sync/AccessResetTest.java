package com.recruitdesk.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.Features;
import com.recruitdesk.app.api.ApiClient;
import com.recruitdesk.app.store.BlobFiles;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.support.Demo;
import com.recruitdesk.app.support.LiveServer;
import com.recruitdesk.protocol.auth.TokenResponse;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.server.support.Eventually;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recruiter demoted to interviewer while the app runs: the laptop lets go of the conversations by itself. */
@Tag("server")
class AccessResetTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final SyncSettings FAST =
            new SyncSettings(Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMillis(500), 200);

    @TempDir
    Path home;

    private LiveServer server;
    private LocalStore store;
    private SyncEngine engine;

    @BeforeEach
    void start() throws Exception {
        server = LiveServer.start();
        var http = ApiClient.newHttpClient();
        TokenResponse tokens = ApiClient.login(http, server.url(), Demo.RECRUITER, Demo.PASSWORD);
        store = LocalStore.open(home.resolve("store.db"), Features.STORE_RULES);
        engine = new SyncEngine(
                ApiClient.signedIn(http, server.url(), tokens, t -> {}),
                store,
                BlobFiles.besideStore(home.resolve("store.db")),
                FAST,
                Clock.systemUTC());
        engine.start();
    }

    @AfterEach
    void stop() {
        engine.close();
        store.close();
        server.close();
    }

    private int conversations() {
        return store.countsByEntity().getOrDefault(Entities.CONVERSATION, 0)
                + store.countsByEntity().getOrDefault(Entities.MESSAGE, 0);
    }

    @Test
    void aDemotionWipesWhatTheUserMayNoLongerHoldAndAPromotionBringsItBack() {
        Eventually.await(WAIT, "the first sync", () -> conversations() > 0);
        int before = conversations();

        server.execute(
                "update user_roles set role = 'INTERVIEWER' where user_id = (select id from users where email = ?)",
                Demo.RECRUITER);

        Eventually.await(WAIT, "the conversations to leave this computer", () -> conversations() == 0);
        // The wipe comes first, then the new start's pages: their own user row is among them.
        Eventually.await(
                WAIT, "their own user row back", () -> store.countsByEntity().containsKey(Entities.USER));
        assertThat(conversations()).isZero();

        server.execute(
                "update user_roles set role = 'RECRUITER' where user_id = (select id from users where email = ?)",
                Demo.RECRUITER);
        Eventually.await(WAIT, "the conversations to come back", () -> conversations() == before);
    }
}
