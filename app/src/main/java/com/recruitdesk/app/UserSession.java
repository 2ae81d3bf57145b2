package com.recruitdesk.app;

import com.recruitdesk.app.api.ApiClient;
import com.recruitdesk.app.auth.SessionStore;
import com.recruitdesk.app.auth.StoredSession;
import com.recruitdesk.app.pane.SignedInUser;
import com.recruitdesk.app.store.BlobFiles;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.store.StoreFiles;
import com.recruitdesk.app.sync.SyncEngine;
import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.auth.TokenResponse;
import com.recruitdesk.protocol.sync.Entities;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;

/** Everything that belongs to one signed-in user on one server: API client, local store, sync engine. */
public final class UserSession implements AutoCloseable {
    private final AtomicReference<StoredSession> stored;
    private final ApiClient api;
    private final LocalStore store;
    private final BlobFiles files;
    private final SyncEngine engine;
    private final Set<Role> syncedRoles;
    private final java.nio.file.Path storeFile;

    private UserSession(
            java.nio.file.Path storeFile,
            AtomicReference<StoredSession> stored,
            ApiClient api,
            LocalStore store,
            BlobFiles files,
            SyncEngine engine,
            Set<Role> syncedRoles) {
        this.storeFile = storeFile;
        this.stored = stored;
        this.syncedRoles = syncedRoles;
        this.api = api;
        this.store = store;
        this.files = files;
        this.engine = engine;
    }

    /**
     * Opens the user's store and starts syncing. {@code fresh} is the answer of a sign-in just made,
     * or null when resuming a stored session (the first request then refreshes the access token).
     */
    static UserSession open(
            AppConfig config, OkHttpClient http, SessionStore sessions, StoredSession session, TokenResponse fresh) {
        AtomicReference<StoredSession> current = new AtomicReference<>(session);
        ApiClient.RefreshTokenSink sink = tokens -> {
            StoredSession next = current.get().withTokens(tokens);
            sessions.save(next); // durable before the new token is used
            current.set(next);
        };
        ApiClient api = fresh == null
                ? new ApiClient(http, session.server(), session.refreshToken(), sink)
                : ApiClient.signedIn(http, session.server(), fresh, sink);
        java.nio.file.Path file = StoreFiles.forUser(config.home(), session.server(), session.userId());
        LocalStore store = LocalStore.open(file, Features.STORE_RULES);
        BlobFiles files = BlobFiles.besideStore(file);
        SyncEngine engine = new SyncEngine(api, store, files, config.sync(), Clock.systemUTC());
        Set<Role> synced = session.roles().isEmpty() ? syncedRoles(store, session.userId()) : Set.of();
        return new UserSession(file, current, api, store, files, engine, synced);
    }

    /**
     * Removes this computer's copy of the user's data (the store and its files); call once the
     * session is closed.
     */
    public void removeLocalCopy() throws java.io.IOException {
        StoreFiles.remove(storeFile);
    }

    public StoredSession stored() {
        return stored.get();
    }

    /**
     * Who is signed in, with the roles the server last gave at sign-in or refresh; a session kept
     * before roles were takes them from the synced row of the user (read when the session opened).
     */
    public SignedInUser user() {
        StoredSession s = stored.get();
        return new SignedInUser(
                s.userId(), s.fullName(), s.email(), s.roles().isEmpty() ? syncedRoles : Set.copyOf(s.roles()));
    }

    /** The roles on the synced row of the user, if the store has it. */
    private static Set<Role> syncedRoles(LocalStore store, UUID userId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        store.row(Entities.USER, userId)
                .ifPresent(row -> row.path("roles").forEach(r -> {
                    try {
                        roles.add(Role.valueOf(r.asText()));
                    } catch (IllegalArgumentException unknown) {
                        // a role this version does not know opens no pane
                    }
                }));
        return roles;
    }

    public ApiClient api() {
        return api;
    }

    public LocalStore store() {
        return store;
    }

    public BlobFiles files() {
        return files;
    }

    public SyncEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        engine.close();
        store.close();
    }
}
