package com.recruitdesk.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.TestServer;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("database")
class LoginTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.withoutDemo();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void rightPasswordReturnsTokensAndTheUser() {
        Api.Reply reply = server.login(TestServer.RECRUITER, TestServer.PASSWORD);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.path("accessToken").asText()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThat(body.path("refreshToken").asText()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(Instant.parse(body.path("accessTokenExpiresAt").asText()))
                .isBetween(
                        server.clock.instant().plusSeconds(14 * 60),
                        server.clock.instant().plusSeconds(16 * 60));
        assertThat(body.path("user").path("email").asText()).isEqualTo(TestServer.RECRUITER);
        assertThat(body.path("user").path("roles").get(0).path("role").asText()).isEqualTo("RECRUITER");
        assertThat(body.path("user").has("passwordHash")).isFalse();
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        Api.Reply wrongPassword = server.login("manager@demo.test", "not-the-password");
        Api.Reply unknownEmail = server.login("nobody-here@demo.test", "not-the-password");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(unknownEmail.body());
        assertThat(wrongPassword.errorMessage()).isEqualTo("The email or password is not correct.");
    }

    @Test
    void emailMatchesWhateverItsCaseAndSurroundingSpaces() {
        Api.Reply reply = server.login("  Interviewer@Demo.TEST ", TestServer.PASSWORD);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("user").path("email").asText()).isEqualTo("interviewer@demo.test");
    }

    @Test
    void accessTokenOpensProtectedRoutes() {
        String token = server.loginRecruiter().json().path("accessToken").asText();

        Api.Reply me = server.api.get(Paths.ME, token);

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("fullName").asText()).isEqualTo("Riley Recruiter");
    }
}
