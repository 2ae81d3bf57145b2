package com.recruitdesk.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.auth.RefreshRequest;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("database")
class RefreshTokenTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.withoutDemo();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode login() {
        return server.loginRecruiter().json();
    }

    private static Api.Reply refresh(String token) {
        return server.api.post(Paths.REFRESH, new RefreshRequest(token));
    }

    @Test
    void refreshRotatesBothTokens() {
        JsonNode first = login();

        Api.Reply reply = refresh(first.path("refreshToken").asText());

        assertThat(reply.status()).isEqualTo(200);
        JsonNode second = reply.json();
        assertThat(second.path("refreshToken").asText())
                .isNotEqualTo(first.path("refreshToken").asText());
        assertThat(second.path("accessToken").asText())
                .isNotEqualTo(first.path("accessToken").asText());
        assertThat(server.api.get(Paths.ME, second.path("accessToken").asText()).status())
                .isEqualTo(200);
        assertThat(refresh(second.path("refreshToken").asText()).status()).isEqualTo(200);
    }

    @Test
    void reusedRefreshTokenRevokesFamily() {
        String first = login().path("refreshToken").asText();
        String second = refresh(first).json().path("refreshToken").asText();
        server.clock.advance(AuthService.RETRY_GRACE.plusSeconds(1));

        Api.Reply reuse = refresh(first);

        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.errorMessage()).contains("already used");
        // The thief's or the owner's newer token: either way the whole family is dead.
        assertThat(refresh(second).status()).isEqualTo(401);
    }

    @Test
    void reuseInOneFamilyLeavesOtherSessionsAlone() {
        String laptop = login().path("refreshToken").asText();
        String desktop = login().path("refreshToken").asText();
        refresh(laptop);
        server.clock.advance(AuthService.RETRY_GRACE.plusSeconds(1));

        refresh(laptop);

        assertThat(refresh(desktop).status()).isEqualTo(200);
    }

    @Test
    void aRefreshRetriedAfterALostAnswerGetsTheSamePair() {
        String spent = login().path("refreshToken").asText();
        JsonNode answered = refresh(spent).json(); // the answer the client never received
        server.clock.advance(Duration.ofSeconds(3));

        Api.Reply retried = refresh(spent);

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().path("refreshToken").asText())
                .isEqualTo(answered.path("refreshToken").asText());
        assertThat(retried.json().path("accessToken").asText())
                .isEqualTo(answered.path("accessToken").asText());
        assertThat(refresh(answered.path("refreshToken").asText()).status())
                .as("the family lives on")
                .isEqualTo(200);
    }

    @Test
    void aSpentTokenWhoseSuccessorWasUsedRevokesTheFamilyEvenWithinTheGrace() {
        String spent = login().path("refreshToken").asText();
        String next = refresh(spent).json().path("refreshToken").asText();
        String after = refresh(next).json().path("refreshToken").asText();

        assertThat(refresh(spent).status()).isEqualTo(401);
        assertThat(refresh(after).status()).isEqualTo(401);
    }

    @Test
    void expiredRefreshTokenIsRefused() {
        String token = login().path("refreshToken").asText();

        server.clock.advance(AuthService.REFRESH_TTL.plus(Duration.ofMinutes(1)));
        try {
            Api.Reply reply = refresh(token);
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.errorMessage()).contains("expired");
        } finally {
            server.clock.advance(
                    AuthService.REFRESH_TTL.plus(Duration.ofMinutes(1)).negated());
        }
    }

    @Test
    void unknownRefreshTokenIsRefused() {
        assertThat(refresh("made-up-token-made-up-token-made-up-token").status())
                .isEqualTo(401);
    }

    @Test
    void logoutRevokesTheSession() {
        JsonNode session = login();
        String access = session.path("accessToken").asText();
        String refreshToken = session.path("refreshToken").asText();

        Api.Reply logout = server.api.post(Paths.LOGOUT, new RefreshRequest(refreshToken), access);

        assertThat(logout.status()).isEqualTo(204);
        assertThat(refresh(refreshToken).status()).isEqualTo(401);
    }

    @Test
    void logoutNeedsAnAccessToken() {
        String refreshToken = login().path("refreshToken").asText();

        Api.Reply logout = server.api.post(Paths.LOGOUT, new RefreshRequest(refreshToken));

        assertThat(logout.status()).isEqualTo(401);
        assertThat(refresh(refreshToken).status()).isEqualTo(200);
    }

    @Test
    void logoutCannotEndAnotherUsersSession() {
        String victimRefresh = server.login("manager@demo.test", TestServer.PASSWORD)
                .json()
                .path("refreshToken")
                .asText();
        String attackerAccess = login().path("accessToken").asText();

        Api.Reply logout = server.api.post(Paths.LOGOUT, new RefreshRequest(victimRefresh), attackerAccess);

        assertThat(logout.status()).isEqualTo(404);
        assertThat(refresh(victimRefresh).status()).isEqualTo(200);
    }
}
