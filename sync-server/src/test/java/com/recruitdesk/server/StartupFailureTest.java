package com.recruitdesk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.recruitdesk.server.platform.StartupException;
import com.recruitdesk.server.platform.config.ConfigLoader;
import com.recruitdesk.server.support.ServerProcess;
import com.recruitdesk.server.support.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad setting ends start-up with one sentence and a non-zero exit, not a stack trace. */
@Tag("database")
class StartupFailureTest {
    @TempDir
    Path dataDir;

    @Test
    void portInUseIsReportedInOneSentence() throws IOException {
        var db = TestPostgres.freshDatabase();
        try (ServerSocket taken = new ServerSocket(0)) {
            Map<String, String> env = Map.of(
                    "RD_DB_URL",
                    db.url(),
                    "RD_DB_USER",
                    db.user(),
                    "RD_HTTP_PORT",
                    Integer.toString(taken.getLocalPort()),
                    "RD_DATA_DIR",
                    dataDir.toString());

            assertThatThrownBy(() -> SyncServer.start(ConfigLoader.load(env)))
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " is already in use");
        }
    }

    @Test
    void unreachableDatabaseIsReportedInOneSentence() {
        Map<String, String> env = Map.of(
                "RD_DB_URL",
                "jdbc:postgresql://127.0.0.1:1/recruitdesk",
                "RD_HTTP_PORT",
                "0",
                "RD_DATA_DIR",
                dataDir.toString());

        assertThatThrownBy(() -> SyncServer.start(ConfigLoader.load(env)))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("Cannot connect to the database at jdbc:postgresql://127.0.0.1:1/recruitdesk");
    }

    @Test
    void mainExitsNonZeroWithOneLineForAnUnreachableDatabase() throws Exception {
        Result result = runMain(Map.of("RD_DB_URL", "jdbc:postgresql://127.0.0.1:1/recruitdesk"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("RecruitDesk server cannot start: Cannot connect to the database");
        assertThat(result.stderr()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void mainExitsNonZeroWithOneLineForABadSetting() throws Exception {
        Result result = runMain(Map.of("RD_HTTP_PORT", "eighty"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().strip())
                .isEqualTo(
                        "RecruitDesk server cannot start: RD_HTTP_PORT must be a port number from 0 to 65535, not 'eighty'.");
    }

    record Result(int exitCode, String stderr) {}

    private Result runMain(Map<String, String> env) throws Exception {
        Map<String, String> all = new HashMap<>(env);
        all.put("RD_DATA_DIR", dataDir.toString());
        try (ServerProcess process = ServerProcess.start(all)) {
            int exit = process.awaitExit(Duration.ofSeconds(60));
            return new Result(exit, process.stderr());
        }
    }
}
