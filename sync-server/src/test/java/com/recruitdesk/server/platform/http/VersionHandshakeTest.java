package com.recruitdesk.server.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.ProtocolVersion;
import com.recruitdesk.server.support.TestServer;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real route table tells a desktop of an older protocol to update, before anything else answers. */
class VersionHandshakeTest {
    private static final OkHttpClient HTTP = new OkHttpClient();
    private static final ObjectMapper MAPPER = Json.newMapper();
    private static final String LOGIN_BODY =
            "{\"email\":\"" + TestServer.RECRUITER + "\",\"password\":\"" + TestServer.PASSWORD + "\"}";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Reply(int status, JsonNode json, String protocolHeader) {}

    private static Reply send(Request.Builder request) throws IOException {
        try (Response r = HTTP.newCall(request.build()).execute()) {
            String body = r.body().string();
            return new Reply(r.code(), body.isEmpty() ? null : MAPPER.readTree(body), r.header(ProtocolVersion.HEADER));
        }
    }

    private static Request.Builder at(String path) {
        return new Request.Builder().url("http://127.0.0.1:" + server.server.port() + path);
    }

    private static Request.Builder login(String protocol) {
        Request.Builder b = at(Paths.LOGIN).post(RequestBody.create(LOGIN_BODY, MediaType.get("application/json")));
        return protocol == null ? b : b.header(ProtocolVersion.HEADER, protocol);
    }

    @Test
    void versionIsOpenToAnyoneAndNamesTheBuiltRelease() throws IOException {
        Reply reply = send(at(Paths.VERSION).get());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("protocol").asInt()).isEqualTo(ProtocolVersion.CURRENT);
        assertThat(reply.json().path("minClientProtocol").asInt()).isEqualTo(VersionHandshake.MIN_CLIENT_PROTOCOL);
        // Filled in by the build from the project's version, not the fallback for unfiltered classes.
        assertThat(reply.json().path("serverVersion").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void aDesktopBelowTheMinimumIsToldToUpdateWith426() throws IOException {
        String old = Integer.toString(VersionHandshake.MIN_CLIENT_PROTOCOL - 1);
        String release =
                send(at(Paths.VERSION).get()).json().path("serverVersion").asText();

        Reply reply = send(login(old));

        assertThat(reply.status()).isEqualTo(426);
        assertThat(reply.json().path("error").path("code").asText()).isEqualTo("client_too_old");
        assertThat(reply.json().path("error").path("message").asText())
                .isEqualTo(
                        "This RecruitDesk desktop is older than the server; install version " + release + " or newer.");
        assertThat(reply.protocolHeader()).isEqualTo(Integer.toString(ProtocolVersion.CURRENT));
    }

    @Test
    void anOldDesktopHearsWhyBeforeItIsAskedToSignIn() throws IOException {
        String old = Integer.toString(VersionHandshake.MIN_CLIENT_PROTOCOL - 1);

        Reply reply = send(at(Paths.SYNC_PULL).get().header(ProtocolVersion.HEADER, old));

        assertThat(reply.status()).isEqualTo(426); // not 401: signing in again would not help
        assertThat(reply.json().path("error").path("code").asText()).isEqualTo("client_too_old");
    }

    @Test
    void theCurrentProtocolAndNoHeaderAreBothServed() throws IOException {
        assertThat(send(login(Integer.toString(ProtocolVersion.CURRENT))).status())
                .isEqualTo(200);
        assertThat(send(login(null)).status()).isEqualTo(200); // curl and scripts send no header
    }

    @Test
    void aHeaderThatIsNoNumberIsABadRequest() throws IOException {
        Reply reply = send(login("one"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("message").asText()).contains(ProtocolVersion.HEADER);
    }
}
