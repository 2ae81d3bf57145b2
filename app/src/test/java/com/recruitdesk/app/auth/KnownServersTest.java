package com.recruitdesk.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownServersTest {
    @TempDir
    Path dir;

    @Test
    void theLastServerComesFirstAndEachOnlyOnce() throws Exception {
        KnownServers servers = new KnownServers(dir.resolve("servers.json"));
        assertThat(servers.load()).isEmpty();

        servers.remember("http://office:8080");
        servers.remember("https://recruitdesk.example.com");
        servers.remember("http://office:8080");

        assertThat(new KnownServers(dir.resolve("servers.json")).load())
                .containsExactly("http://office:8080", "https://recruitdesk.example.com");
    }

    @Test
    void onlyTheLastTenAreKept() throws Exception {
        KnownServers servers = new KnownServers(dir.resolve("servers.json"));
        for (int i = 1; i <= 12; i++) {
            servers.remember("http://server" + i + ":8080");
        }

        assertThat(servers.load()).hasSize(KnownServers.MAX).first().isEqualTo("http://server12:8080");
        assertThat(servers.load()).doesNotContain("http://server1:8080", "http://server2:8080");
    }

    @Test
    void aDamagedFileOnlyCostsTheSuggestions() throws Exception {
        Path file = Files.writeString(dir.resolve("servers.json"), "{not json");
        KnownServers servers = new KnownServers(file);

        assertThat(servers.load()).isEmpty();
        assertThat(servers.remember("http://office:8080")).containsExactly("http://office:8080");
    }
}
