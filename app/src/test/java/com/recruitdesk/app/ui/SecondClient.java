package com.recruitdesk.app.ui;

import com.recruitdesk.app.Features;
import com.recruitdesk.app.api.ApiClient;
import com.recruitdesk.app.store.BlobFiles;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.support.Demo;
import com.recruitdesk.app.support.LiveServer;
import com.recruitdesk.app.sync.SyncEngine;
import com.recruitdesk.app.sync.SyncSettings;
import com.recruitdesk.protocol.auth.TokenResponse;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Another desktop signed in to the same server (its store and sync engine, no window). */
final class SecondClient implements AutoCloseable {
    private final LocalStore store;
    private final SyncEngine engine;

    private SecondClient(LocalStore store, SyncEngine engine) {
        this.store = store;
        this.engine = engine;
    }

    static SecondClient signIn(LiveServer server, String email, Path dir) throws Exception {
        var http = ApiClient.newHttpClient();
        TokenResponse tokens = ApiClient.login(http, server.url(), email, Demo.PASSWORD);
        ApiClient api = ApiClient.signedIn(http, server.url(), tokens, t -> {});
        LocalStore store = LocalStore.open(dir.resolve("store.db"), Features.STORE_RULES);
        SyncEngine engine = new SyncEngine(
                api,
                store,
                BlobFiles.besideStore(dir.resolve("store.db")),
                new SyncSettings(Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMillis(500), 500),
                Clock.systemUTC());
        engine.start();
        com.recruitdesk.server.support.Eventually.await(
                Duration.ofSeconds(30),
                "the second client's first sync",
                () -> engine.status().lastSyncAt() != null);
        return new SecondClient(store, engine);
    }

    void setStatus(UUID conversation, String status) {
        long version = store.serverVersion("conversation", conversation).orElseThrow();
        engine.submit(
                ConversationMutations.SET_STATUS,
                new ConversationMutations.SetStatus(conversation, status, version),
                List.of());
    }

    /** Queues {@code args} on this client's engine, as its panes would. */
    <A extends Record> void submit(com.recruitdesk.protocol.sync.MutationType<A> type, A args) {
        engine.submit(type, args, List.of());
    }

    long version(String entity, UUID id) {
        return store.serverVersion(entity, id).orElseThrow();
    }

    String status(UUID conversation) {
        engine.requestRound();
        return store.row("conversation", conversation)
                .map(r -> r.path("status").asText())
                .orElse(null);
    }

    LocalStore store() {
        return store;
    }

    @Override
    public void close() {
        engine.close();
        store.close();
    }
}
