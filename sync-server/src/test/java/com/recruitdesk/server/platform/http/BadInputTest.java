package com.recruitdesk.server.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.protocol.Paths;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.TestServer;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("database")
class BadInputTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.withoutDemo();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {"email": "a@b.test", "password":          | 400 | malformed_json
            {"email": "a@b.test"}                       | 400 | invalid
            {"password": "secret"}                      | 400 | invalid
            {"email": "", "password": "secret"}         | 400 | invalid
            {"email": 42, "password": {"x": 1}}         | 400 | invalid
            [1, 2]                                      | 400 | invalid
            null                                        | 400 | malformed_json
            {"email": "a@b.test", "password": "p"} tail | 400 | malformed_json
            """)
    void badLoginBodiesGetAClearJsonError(String body, int status, String code) {
        Api.Reply reply = server.api.post(Paths.LOGIN, body);

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.errorCode()).isEqualTo(code);
        assertThat(reply.errorMessage()).isNotBlank();
    }

    @Test
    void missingFieldIsNamedInTheMessage() {
        assertThat(server.api.post(Paths.LOGIN, "{\"email\":\"a@b.test\"}").errorMessage())
                .contains("'password'");
    }

    @Test
    void emptyBodyIsRefused() {
        Api.Reply reply = server.api.send("POST", Paths.LOGIN, RequestBody.create(new byte[0], Api.JSON));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("malformed_json");
    }

    @Test
    void oversizedBodyIsRefusedWith413() {
        String huge = "{\"email\":\"" + "a".repeat((int) HttpApi.MAX_REQUEST_BYTES) + "\",\"password\":\"p\"}";

        Api.Reply reply = server.api.post(Paths.LOGIN, huge);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.errorCode()).isEqualTo("payload_too_large");
    }

    @Test
    void bodyThatIsNotJsonIsRefusedWith415() {
        Api.Reply reply = server.api.send(
                "POST",
                Paths.LOGIN,
                RequestBody.create("email=a&password=b", MediaType.get("application/x-www-form-urlencoded")));

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.errorCode()).isEqualTo("unsupported_media_type");
    }

    @Test
    void unknownPathIsAJson404() {
        Api.Reply reply = server.api.get("/no/such/thing");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("not_found");
        assertThat(reply.headers().get("Content-Type")).startsWith("application/json");
    }

    @Test
    void wrongMethodIsAJson405() {
        Api.Reply reply = server.api.send("DELETE", Paths.HEALTH_LIVE, null);

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.errorCode()).isEqualTo("method_not_allowed");
    }
}
