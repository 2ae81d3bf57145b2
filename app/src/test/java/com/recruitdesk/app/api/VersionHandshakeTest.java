package com.recruitdesk.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.recruitdesk.app.Features;
import com.recruitdesk.app.store.BlobFiles;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.sync.SyncEngine;
import com.recruitdesk.app.sync.SyncSettings;
import com.recruitdesk.protocol.ProtocolVersion;
import com.recruitdesk.protocol.auth.TokenResponse;
import com.recruitdesk.protocol.auth.UserInfo;
import com.recruitdesk.server.support.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A desktop talking to a server that no longer serves its protocol, played by MockWebServer with the
 * server's real 426 answer: the desktop says which protocol it speaks on every request and passes the
 * server's sentence on, and keeps its unsent work for the newer version.
 */
class VersionHandshakeTest {
    private static final String SENTENCE =
            "This RecruitDesk desktop is older than the server; install version 0.2.0 or newer.";
    private static final OkHttpClient HTTP = ApiClient.newHttpClient();

    @TempDir
    Path home;

    private final MockWebServer server = new MockWebServer();

    /** Every request is answered as a newer server answers a desktop below its minimum. */
    private static final class NewerServer extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder()
                    .code(426)
                    .addHeader("Content-Type", "application/json")
                    .addHeader(ProtocolVersion.HEADER, Integer.toString(ProtocolVersion.CURRENT + 1))
                    .body("{\"error\":{\"code\":\"client_too_old\",\"message\":\"" + SENTENCE + "\"}}")
                    .build();
        }
    }

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new NewerServer());
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String url() {
        return server.url("").toString().replaceAll("/$", "");
    }

    @Test
    void signInSendsTheProtocolAndSurfacesTheServersSentence() throws Exception {
        ApiFailure failure = catchThrowableOfType(
                ApiFailure.class, () -> ApiClient.login(HTTP, url(), "recruiter@demo.test", "demo-password"));

        assertThat(failure.status()).isEqualTo(426);
        assertThat(failure.clientTooOld()).isTrue();
        assertThat(failure.code()).isEqualTo(ProtocolVersion.CLIENT_TOO_OLD);
        assertThat(failure.getMessage()).isEqualTo(SENTENCE);
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getHeaders().get(ProtocolVersion.HEADER)).isEqualTo(Integer.toString(ProtocolVersion.CURRENT));
    }

    @Test
    void syncShowsTheSentenceAndKeepsFilesAndChangesWaiting() throws Exception {
        LocalStore store = LocalStore.open(home.resolve("store.db"), Features.STORE_RULES);
        BlobFiles files = BlobFiles.besideStore(home.resolve("store.db"));
        UUID blob = UUID.randomUUID();
        Path cv = Files.writeString(home.resolve("cv.txt"), "Forklift licence");
        files.copyIn(blob, cv);
        store.addUpload(new LocalStore.Upload(blob, "cv.txt", "text/plain", Files.size(cv)));
        UserInfo user = new UserInfo(UUID.randomUUID(), UUID.randomUUID(), "recruiter@demo.test", "R", List.of());
        Instant later = Instant.now().plus(Duration.ofHours(1));
        ApiClient api =
                ApiClient.signedIn(HTTP, url(), new TokenResponse("access", later, "refresh", later, user), t -> {});
        SyncSettings fast =
                new SyncSettings(Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMillis(500), 50);

        try (store) {
            try (SyncEngine engine = new SyncEngine(api, store, files, fast, Clock.systemUTC())) {
                engine.start();
                Eventually.await(
                        Duration.ofSeconds(20),
                        "the server's sentence in the sync status",
                        () -> SENTENCE.equals(engine.status().lastError()));
            }
            assertThat(store.pendingUploads())
                    .as("the file waits for the newer desktop; it was not refused for good")
                    .extracting(LocalStore.Upload::blobId)
                    .containsExactly(blob);
            assertThat(store.rejections()).isEmpty();
        }
        assertThat(server.takeRequest().getHeaders().get(ProtocolVersion.HEADER))
                .isEqualTo(Integer.toString(ProtocolVersion.CURRENT));
    }
}
