package com.recruitdesk.server.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.protocol.Paths;
import com.recruitdesk.server.SyncServer;
import com.recruitdesk.server.platform.config.ConfigLoader;
import com.recruitdesk.server.platform.db.ConnectionSettings;
import com.recruitdesk.server.platform.db.EmbeddedDatabase;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness follows the database: 503 with a reason while it is away, 200 again once it is back. */
@Tag("database")
class ReadinessTest {
    @TempDir
    Path dir;

    @Test
    void readinessFollowsTheDatabase() {
        EmbeddedDatabase postgres = EmbeddedDatabase.start(dir.resolve("db"));
        int pgPort = postgres.port();
        ConnectionSettings db = postgres.connectionSettings();
        SyncServer server = SyncServer.start(ConfigLoader.load(Map.of(
                "RD_DB_URL", db.url(), "RD_DB_USER", db.user(), "RD_HTTP_PORT", "0", "RD_DATA_DIR", dir.toString())));
        Api api = new Api(server.port());
        try {
            assertThat(api.get(Paths.HEALTH_READY).status()).isEqualTo(200);

            postgres.close();
            Eventually.await(
                    Duration.ofSeconds(30),
                    "ready to turn 503",
                    () -> api.get(Paths.HEALTH_READY).status() == 503);
            Api.Reply down = api.get(Paths.HEALTH_READY);
            assertThat(down.errorCode()).isEqualTo("not_ready");
            assertThat(down.errorMessage()).contains("database is unreachable");
            assertThat(api.get(Paths.HEALTH_LIVE).status()).isEqualTo(200);

            postgres = EmbeddedDatabase.start(dir.resolve("db"), pgPort);
            Eventually.await(
                    Duration.ofSeconds(30),
                    "ready to turn 200",
                    () -> api.get(Paths.HEALTH_READY).status() == 200);
        } finally {
            server.stop();
            postgres.close();
        }
    }
}
