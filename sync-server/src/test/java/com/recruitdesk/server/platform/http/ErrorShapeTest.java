package com.recruitdesk.server.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.TestPostgres;
import com.recruitdesk.server.support.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every error is the API's JSON shape, also those Jetty answers before a route sees the request and
 * a failure the route did not expect (the 503 while stopping: {@code GracefulShutdownTest}).
 */
@Tag("database")
class ErrorShapeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
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
    void aRequestJettyCannotParseGetsAJson400() throws IOException {
        String response = raw("GET " + Paths.HEALTH_LIVE + " HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(header(response, "Content-Type")).startsWith("application/json");
        JsonNode error = body(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("invalid");
        assertThat(error.path("message").asText()).startsWith("The request could not be read");
    }

    @Test
    void anUnexpectedFailureInARouteIsAJson500() {
        String token = server.loginRecruiter().json().path("accessToken").asText();
        TestPostgres.reachable(server.database, false);
        Api.Reply reply;
        try {
            reply = server.api.get(Paths.SYNC_PULL, token);
        } finally {
            TestPostgres.reachable(server.database, true);
        }

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.headers().get("Content-Type")).startsWith("application/json");
        assertThat(reply.errorCode()).isEqualTo("internal");
        assertThat(reply.errorMessage()).isNotBlank();
        // and the server serves again once the database is back
        Eventually.await(
                Duration.ofSeconds(30),
                "pulls to work again",
                () -> server.api.get(Paths.SYNC_PULL, token).status() == 200);
    }

    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String header(String response, String name) {
        for (String line : response.substring(0, response.indexOf("\r\n\r\n")).split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return "";
    }

    static JsonNode body(String response) throws IOException {
        return JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
    }
}
