package com.recruitdesk.server.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.auth.LoginRequest;
import com.recruitdesk.server.SyncServer;
import com.recruitdesk.server.auth.PasswordHasher;
import com.recruitdesk.server.platform.config.ConfigLoader;
import com.recruitdesk.server.platform.db.ConnectionSettings;
import com.recruitdesk.server.platform.db.EmbeddedDatabase;
import com.recruitdesk.server.support.Api;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An office upgrades: the data directory of an older release (its embedded PostgreSQL at schema V3,
 * with a user in it) is opened by this release, which migrates it to the newest schema and keeps
 * the user able to sign in.
 */
class UpgradeTest {
    private static final String OLD_SCHEMA = "3";
    private static final String EMAIL = "office-admin@example.test";
    private static final String PASSWORD = "a-long-enough-password";

    @TempDir
    Path dataDir;

    @Test
    void aDataDirectoryOfAnOlderReleaseIsMigratedToTheNewestSchemaAndKeepsItsUsers() throws Exception {
        UUID user = UUID.randomUUID();
        try (EmbeddedDatabase old = EmbeddedDatabase.start(dataDir)) {
            flyway(old.connectionSettings()).target(OLD_SCHEMA).load().migrate();
            try (Connection c = connect(old.connectionSettings())) {
                UUID org = UUID.randomUUID();
                execute(c, "insert into organizations (id, name) values (?, 'Upgraded agency')", org);
                execute(
                        c,
                        "insert into users (id, organization_id, email, full_name, password_hash) values (?, ?, ?,"
                                + " 'Office Admin', ?)",
                        user,
                        org,
                        EMAIL,
                        new PasswordHasher().hash(PASSWORD));
                execute(c, "insert into user_roles (user_id, role) values (?, 'ADMIN')", user);
            }
            assertThat(currentVersion(old.connectionSettings())).isEqualTo(OLD_SCHEMA);
        }

        // The newer release on the same data directory: RD_ADMIN_* is ignored, a user exists already.
        SyncServer server = SyncServer.start(ConfigLoader.load(Map.of(
                "RD_DATA_DIR", dataDir.toString(),
                "RD_HTTP_PORT", "0",
                "RD_ADMIN_EMAIL", "someone-else@example.test",
                "RD_ADMIN_PASSWORD", "another-long-password")));
        try {
            Api api = new Api(server.port());
            assertThat(api.get(Paths.HEALTH_READY).status()).isEqualTo(200);
            Api.Reply login = api.post(Paths.LOGIN, new LoginRequest(EMAIL, PASSWORD));
            assertThat(login.status()).as(login.body()).isEqualTo(200);
            assertThat(login.json().path("user").path("email").asText()).isEqualTo(EMAIL);
        } finally {
            server.stop();
        }

        try (EmbeddedDatabase upgraded = EmbeddedDatabase.start(dataDir)) {
            MigrationInfoService info =
                    flyway(upgraded.connectionSettings()).load().info();
            MigrationInfo[] all = info.all();
            String newest = all[all.length - 1].getVersion().getVersion();
            assertThat(Integer.parseInt(newest)).isGreaterThan(Integer.parseInt(OLD_SCHEMA));
            assertThat(currentVersion(upgraded.connectionSettings())).isEqualTo(newest);
            assertThat(info.pending()).isEmpty();
            try (Connection c = connect(upgraded.connectionSettings());
                    PreparedStatement s = c.prepareStatement("select roles from users where id = ?")) {
                s.setObject(1, user);
                try (ResultSet rs = s.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    // users.roles came with a later migration, which filled it from user_roles.
                    assertThat(Arrays.asList((String[]) rs.getArray(1).getArray()))
                            .containsExactly("ADMIN");
                }
                try (PreparedStatement count = c.prepareStatement("select count(*) from users");
                        ResultSet rs = count.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1))
                            .as("no second administrator was made")
                            .isEqualTo(1);
                }
            }
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(ConnectionSettings db) {
        return Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("classpath:db/migration");
    }

    private static String currentVersion(ConnectionSettings db) {
        return flyway(db).load().info().current().getVersion().getVersion();
    }

    private static Connection connect(ConnectionSettings db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    private static void execute(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }
}
