package com.recruitdesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.auth.LoginRequest;
import com.recruitdesk.server.platform.config.ConfigLoader;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default set-up: no database configured, so the server runs its own PostgreSQL under RD_DATA_DIR. */
@Tag("database")
class EmbeddedServerTest {
    @TempDir
    Path dataDir;

    private SyncServer start(String adminPassword) {
        return SyncServer.start(ConfigLoader.load(Map.of(
                "RD_DATA_DIR",
                dataDir.toString(),
                "RD_HTTP_PORT",
                "0",
                "RD_ADMIN_EMAIL",
                "owner@agency.test",
                "RD_ADMIN_PASSWORD",
                adminPassword)));
    }

    private static int login(SyncServer server, String password) {
        return new Api(server.port())
                .post(Paths.LOGIN, new LoginRequest("owner@agency.test", password))
                .status();
    }

    @Test
    void dataSurvivesARestartAndTheFirstAdminIsCreatedOnce() {
        SyncServer first = start("first-password-123");
        try {
            assertThat(new Api(first.port()).get(Paths.HEALTH_READY).status()).isEqualTo(200);
            assertThat(login(first, "first-password-123")).isEqualTo(200);
        } finally {
            first.stop();
        }
        // A clean stop leaves no PostgreSQL lock behind.
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();

        SyncServer second = start("second-password-456");
        try {
            assertThat(login(second, "first-password-123")).isEqualTo(200);
            assertThat(login(second, "second-password-456")).isEqualTo(401);
        } finally {
            second.stop();
        }
    }

    @Test
    void serverKilledWithSigkillLeavesDataThatTheNextStartTakesOver() throws Exception {
        try (ServerProcess killed = ServerProcess.start(Map.of(
                "RD_DATA_DIR", dataDir.toString(),
                "RD_HTTP_PORT", "0",
                "RD_ADMIN_EMAIL", "owner@agency.test",
                "RD_ADMIN_PASSWORD", "first-password-123"))) {
            assertThat(killed.awaitReadyLine(Duration.ofSeconds(90))).contains("is ready on");
            killed.kill();
        }
        long orphanPid = readPid(dataDir.resolve("postgres/postmaster.pid"));
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive))
                .as("PostgreSQL outlives a killed server")
                .hasValue(true);

        SyncServer server = start("second-password-456");
        try {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
            assertThat(login(server, "first-password-123")).isEqualTo(200);
        } finally {
            server.stop();
        }
    }

    private static long readPid(Path pidFile) {
        try {
            return Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
