package com.recruitdesk.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.protocol.auth.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStoreTest {
    @TempDir
    Path dir;

    private final StoredSession session =
            new StoredSession("http://localhost:8080", "a@b.test", UUID.randomUUID(), "A B", "token-1");

    @Test
    void theTokenFileIsReadableByTheUserOnly() throws Exception {
        SessionStore store = new SessionStore(dir.resolve("session.json"));
        store.save(session);

        assertThat(Files.getPosixFilePermissions(store.file()))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        assertThat(store.load()).contains(session);
    }

    @Test
    void aNewTokenReplacesTheOldOneWhole() throws Exception {
        SessionStore store = new SessionStore(dir.resolve("session.json"));
        store.save(session);
        store.save(session.withRefreshToken("token-2"));

        assertThat(store.load().orElseThrow().refreshToken()).isEqualTo("token-2");
        assertThat(Files.list(dir)).containsExactly(store.file());
    }

    @Test
    void signOutForgetsTheToken() throws Exception {
        SessionStore store = new SessionStore(dir.resolve("session.json"));
        store.save(session);
        store.clear();

        assertThat(store.load()).isEmpty();
        assertThat(store.file()).doesNotExist();
    }

    @Test
    void theTokenIsNeverPrinted() {
        assertThat(session.toString()).doesNotContain("token-1");
    }

    @Test
    void theRolesAreKeptAndAFileFromBeforeRolesReadsWithNone() throws Exception {
        SessionStore store = new SessionStore(dir.resolve("session.json"));
        StoredSession interviewer = new StoredSession(
                "http://localhost:8080", "i@b.test", UUID.randomUUID(), "I B", "t", List.of(Role.INTERVIEWER));
        store.save(interviewer);
        assertThat(store.load().orElseThrow().roles()).containsExactly(Role.INTERVIEWER);

        Files.writeString(
                store.file(),
                "{\"server\":\"http://localhost:8080\",\"email\":\"a@b.test\",\"userId\":\"" + UUID.randomUUID()
                        + "\",\"fullName\":\"A B\",\"refreshToken\":\"t\"}");
        assertThat(store.load()).hasValueSatisfying(s -> {
            assertThat(s.email()).isEqualTo("a@b.test");
            assertThat(s.roles()).isEmpty();
        });
    }
}
