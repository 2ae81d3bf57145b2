package com.recruitdesk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.support.Demo;
import com.recruitdesk.app.support.LiveServer;
import com.recruitdesk.protocol.auth.TokenResponse;
import com.recruitdesk.protocol.blob.BlobInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API client against the real server. */
@Tag("server")
class ApiClientTest {
    private static final OkHttpClient HTTP = ApiClient.newHttpClient();
    private static LiveServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = LiveServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aRefusedAccessTokenIsRefreshedOnceForAFileDownloadAsForAnyCall() throws Exception {
        TokenResponse tokens = ApiClient.login(HTTP, server.url(), Demo.RECRUITER, Demo.PASSWORD);
        AtomicInteger refreshes = new AtomicInteger();
        ApiClient good = ApiClient.signedIn(HTTP, server.url(), tokens, t -> {});
        Path file = Files.writeString(dir.resolve("cv.txt"), "Forklift licence, 3 years", StandardCharsets.UTF_8);
        BlobInfo uploaded = good.uploadBlob(UUID.randomUUID(), file, "text/plain", "cv.txt");

        // A token the server does not accept though it has not expired here (a restarted server, a skewed clock).
        TokenResponse stale = new TokenResponse(
                "not-a-token-this-server-signed",
                tokens.accessTokenExpiresAt(),
                tokens.refreshToken(),
                tokens.refreshTokenExpiresAt(),
                tokens.user());
        ApiClient client = ApiClient.signedIn(HTTP, server.url(), stale, t -> refreshes.incrementAndGet());
        Path target =
                client.downloadBlob(uploaded.id(), dir.resolve("downloaded").resolve("cv.txt"));

        assertThat(Files.readString(target)).isEqualTo("Forklift licence, 3 years");
        assertThat(refreshes).hasValue(1);
        assertThat(dir.resolve("downloaded").resolve("cv.txt.part")).doesNotExist();
    }
}
