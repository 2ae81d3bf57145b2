package com.recruitdesk.server.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void defaultsNeedNoSetting() {
        ServerConfig config = ConfigLoader.load(Map.of());

        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.database()).isEmpty();
        assertThat(config.dataDir().endsWith(Path.of(".recruitdesk", "server"))).isTrue();
        assertThat(config.whatsApp().simulator()).isTrue();
        assertThat(config.whatsApp().templateSyncInterval()).isEqualTo(java.time.Duration.ofMinutes(15));
        assertThat(config.demo()).isFalse();
        assertThat(config.blobMaxBytes()).isEqualTo(100L * 1024 * 1024);
    }

    @Test
    void blobLimitIsSetInBytes() {
        assertThat(ConfigLoader.load(Map.of("RD_BLOB_MAX_BYTES", "5242880")).blobMaxBytes())
                .isEqualTo(5_242_880L);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            RD_HTTP_PORT      | eighty              | RD_HTTP_PORT must be a port number
            RD_HTTP_PORT      | 70000               | RD_HTTP_PORT must be a port number
            RD_DB_URL         | mysql://db/x        | RD_DB_URL must be a PostgreSQL JDBC URL
            RD_DEMO           | maybe               | RD_DEMO must be true or false
            RD_ADMIN_EMAIL    | owner@agency.test   | Set both RD_ADMIN_EMAIL and RD_ADMIN_PASSWORD
            RD_ADMIN_PASSWORD | long-enough-secret  | Set both RD_ADMIN_EMAIL and RD_ADMIN_PASSWORD
            RD_WHATSAPP_APP_SECRET | s3cret         | RD_WHATSAPP_ACCESS_TOKEN is required
            RD_WHATSAPP_TEMPLATE_SYNC_MINUTES | -5  | RD_WHATSAPP_TEMPLATE_SYNC_MINUTES must be a whole number of 0 or more
            RD_CONFIG_FILE    | /no/such/file.props | Cannot read the configuration file
            RD_BLOB_MAX_BYTES | 100MB               | RD_BLOB_MAX_BYTES must be a whole number of bytes above 0
            RD_BLOB_MAX_BYTES | 0                   | RD_BLOB_MAX_BYTES must be a whole number of bytes above 0
            """)
    void badValueIsReportedInOneSentence(String key, String value, String message) {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(key, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void shortAdminPasswordIsRefused() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("RD_ADMIN_EMAIL", "a@b.test", "RD_ADMIN_PASSWORD", "short")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("at least " + ConfigLoader.MIN_ADMIN_PASSWORD_LENGTH);
    }

    @Test
    void propertiesFileSetsTheSameKeysAndTheEnvironmentWins() throws IOException {
        Path file = dir.resolve("server.properties");
        Files.writeString(file, """
                RD_HTTP_PORT=9191
                RD_DB_URL=jdbc:postgresql://db.office:5432/recruitdesk
                RD_DB_USER=recruitdesk
                RD_DEMO=true
                """);
        Map<String, String> env = new HashMap<>();
        env.put(ConfigLoader.CONFIG_FILE, file.toString());
        env.put("RD_HTTP_PORT", "9292");

        ServerConfig config = ConfigLoader.load(env);

        assertThat(config.httpPort()).isEqualTo(9292);
        assertThat(config.database()).hasValueSatisfying(db -> {
            assertThat(db.url()).isEqualTo("jdbc:postgresql://db.office:5432/recruitdesk");
            assertThat(db.user()).isEqualTo("recruitdesk");
        });
        assertThat(config.demo()).isTrue();
    }

    @Test
    void secretsStayOutOfToString() {
        ServerConfig config = ConfigLoader.load(Map.of(
                "RD_DB_URL",
                "jdbc:postgresql://h/db",
                "RD_DB_PASSWORD",
                "db-secret",
                "RD_ADMIN_EMAIL",
                "a@b.test",
                "RD_ADMIN_PASSWORD",
                "admin-secret-123"));

        assertThat(config.toString()).doesNotContain("db-secret").doesNotContain("admin-secret-123");
    }
}
