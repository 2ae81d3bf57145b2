package com.recruitdesk.app;

import com.recruitdesk.app.api.ApiClient;
import com.recruitdesk.app.auth.SessionStore;
import com.recruitdesk.app.auth.StoredSession;
import com.recruitdesk.app.store.BlobFiles;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.store.StoreFiles;
import com.recruitdesk.app.sync.SyncEngine;
import com.recruitdesk.protocol.auth.TokenResponse;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;

/** Everything that belongs to one signed-in user on one server: API client, local store, sync engine. */
public final class UserSession implements AutoCloseable {
    private final AtomicReference<StoredSession> stored;
    private final ApiClient api;
    private final LocalStore store;
    private final BlobFiles files;
    private final SyncEngine engine;

    private UserSession(
            AtomicReference<StoredSession> stored,
            ApiClient api,
            LocalStore store,
            BlobFiles files,
            SyncEngine engine) {
        this.stored = stored;
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
            StoredSession next = current.get().withRefreshToken(tokens.refreshToken());
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
        return new UserSession(current, api, store, files, engine);
    }

    public StoredSession stored() {
        return stored.get();
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
