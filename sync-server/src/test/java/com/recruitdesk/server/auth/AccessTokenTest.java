package com.recruitdesk.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.server.platform.access.AccessTokens;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("database")
class AccessTokenTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.withoutDemo();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String accessToken() {
        return server.loginRecruiter().json().path("accessToken").asText();
    }

    @Test
    void missingTokenIsUnauthorizedWithABearerChallenge() {
        Api.Reply reply = server.api.get(Paths.ME);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.headers().get("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(reply.errorCode()).isEqualTo("unauthorized");
    }

    @Test
    void tokenWithAlteredClaimsIsRefused() {
        String[] parts = accessToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"RECRUITER\"", "\"ADMIN\"");
        String forged = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];

        Api.Reply reply = server.api.get(Paths.ME, forged);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("unauthorized");
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() {
        JsonNode user = server.loginRecruiter().json().path("user");
        String forged = JWT.create()
                .withIssuer("recruitdesk")
                .withSubject(user.path("id").asText())
                .withClaim("org", user.path("organizationId").asText())
                .withClaim("roles", java.util.List.of("ADMIN"))
                .withExpiresAt(Date.from(server.clock.instant().plusSeconds(600)))
                .sign(Algorithm.HMAC256("a guessed secret key of sufficient length"));

        assertThat(server.api.get(Paths.ME, forged).status()).isEqualTo(401);
    }

    @Test
    void unsignedTokenIsRefused() {
        String[] parts = accessToken().split("\\.");
        String none = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(server.api.get(Paths.ME, none + "." + parts[1] + ".").status())
                .isEqualTo(401);
    }

    @Test
    void expiredTokenIsRefusedAsExpired() {
        String token = accessToken();

        server.clock.advance(AccessTokens.TTL.plus(Duration.ofMinutes(1)));
        try {
            Api.Reply reply = server.api.get(Paths.ME, token);
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.errorCode()).isEqualTo("token_expired");
        } finally {
            server.clock.advance(AccessTokens.TTL.plus(Duration.ofMinutes(1)).negated());
        }
    }

    @Test
    void garbageInTheAuthorizationHeaderIsRefused() {
        assertThat(server.api.get(Paths.ME, "not-a-jwt").status()).isEqualTo(401);
    }
}
