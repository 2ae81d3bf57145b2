package com.recruitdesk.server.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.recruitdesk.server.support.TempDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The embedded PostgreSQL lets in only who has its password, which only the server's user can read. */
@Tag("database")
class EmbeddedPasswordTest {
    private final Path dir = TempDirs.create("recruitdesk-embedded-password");
    private EmbeddedDatabase db;

    @AfterEach
    void stop() {
        if (db != null) {
            db.close();
        }
        TempDirs.delete(dir);
    }

    private Connection connect(String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        if (password != null) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + db.port() + "/recruitdesk", props);
    }

    @Test
    void aWrongPasswordOrNoneIsRefusedAndTheRightOneWorksAcrossRestarts() throws Exception {
        db = EmbeddedDatabase.start(dir);

        assertThatThrownBy(() -> connect("guess").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
        assertThatThrownBy(() -> connect(null).close()).isInstanceOf(SQLException.class);
        Path secret = dir.resolve(EmbeddedDatabase.PASSWORD_FILE);
        assertThat(Files.getPosixFilePermissions(secret)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String password = Files.readString(secret).strip();
        try (Connection c = connect(password)) {
            assertThat(c.isValid(5)).isTrue();
        }

        db.close();
        db = EmbeddedDatabase.start(dir);

        assertThatThrownBy(() -> connect("guess").close()).isInstanceOf(SQLException.class);
        try (Connection c = DriverManager.getConnection(
                db.connectionSettings().url(),
                db.connectionSettings().user(),
                db.connectionSettings().password())) {
            assertThat(c.isValid(5)).isTrue();
        }
    }
}
