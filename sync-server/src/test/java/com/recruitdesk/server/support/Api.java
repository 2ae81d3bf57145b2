package com.recruitdesk.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A real HTTP client for one server under test. */
public final class Api {
    public static final MediaType JSON = MediaType.get("application/json");
    private static final OkHttpClient CLIENT = new OkHttpClient.Builder()
            .readTimeout(Duration.ofSeconds(30))
            .retryOnConnectionFailure(false)
            .build();
    private static final ObjectMapper MAPPER = Json.newMapper();

    private final String base;

    /**
     * Closes the idle keep-alive connections of every test server's client: a server that stops
     * waits (Jetty's shutdown idle timeout) for connections still open, not for closed ones.
     */
    public static void closeIdleConnections() {
        CLIENT.connectionPool().evictAll();
        BlobHttp.closeIdleConnections();
    }

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Reply(int status, String body, okhttp3.Headers headers) {
        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String errorCode() {
            return json().path("error").path("code").asText(null);
        }

        public String errorMessage() {
            return json().path("error").path("message").asText(null);
        }
    }

    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reply get(String path) {
        return get(path, null);
    }

    public Reply get(String path, String accessToken) {
        return send(request(path, accessToken).get().build());
    }

    public Reply post(String path, Object body) {
        return post(path, body, null);
    }

    public Reply post(String path, Object body, String accessToken) {
        String text = body instanceof String s ? s : toJson(body);
        return send(
                request(path, accessToken).post(RequestBody.create(text, JSON)).build());
    }

    public Reply send(String method, String path, RequestBody body) {
        return send(new Request.Builder().url(base + path).method(method, body).build());
    }

    private Request.Builder request(String path, String accessToken) {
        Request.Builder b = new Request.Builder().url(base + path);
        if (accessToken != null) {
            b.header("Authorization", "Bearer " + accessToken);
        }
        return b;
    }

    private static Reply send(Request request) {
        try (Response r = CLIENT.newCall(request).execute()) {
            return new Reply(r.code(), r.body().string(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
