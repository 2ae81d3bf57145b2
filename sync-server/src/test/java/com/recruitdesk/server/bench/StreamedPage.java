package com.recruitdesk.server.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.recruitdesk.protocol.Paths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One pull page read as a desktop in a first sync would: with the streaming parser straight off the
 * response body, counting the changes and messages, so the client's heap holds no page's tree.
 */
record StreamedPage(int changes, int messages, String cursor, boolean hasMore) {
    private static final JsonFactory JSON = new JsonFactory();
    /** Whether the page travels compressed, as it does to a desktop ({@code -Dbench.gzip=false}: not). */
    static final boolean GZIP = !"false".equals(System.getProperty("bench.gzip"));

    static StreamedPage pull(OkHttpClient http, int port, String token, String cursor, int limit) {
        String url = "http://127.0.0.1:" + port + Paths.SYNC_PULL + "?limit=" + limit
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        Request.Builder request = new Request.Builder().url(url).header("Authorization", "Bearer " + token);
        if (!GZIP) {
            request.header("Accept-Encoding", "identity"); // OkHttp asks for gzip unless told otherwise
        }
        try (Response response = http.newCall(request.build()).execute()) {
            if (response.code() != 200) {
                throw new IllegalStateException("pull failed: " + response.code() + " "
                        + response.body().string());
            }
            return read(response.body().byteStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StreamedPage read(java.io.InputStream body) throws IOException {
        int changes = 0;
        int messages = 0;
        String next = null;
        boolean more = false;
        try (JsonParser p = JSON.createParser(body)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "cursor" -> next = p.getText();
                    case "hasMore" -> more = value == JsonToken.VALUE_TRUE;
                    case "changes" -> {
                        expect(value, JsonToken.START_ARRAY);
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            changes++;
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String name = p.currentName();
                                p.nextToken();
                                if ("entity".equals(name) && "message".equals(p.getText())) {
                                    messages++;
                                }
                                p.skipChildren();
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        }
        return new StreamedPage(changes, messages, next, more);
    }

    private static void expect(JsonToken got, JsonToken wanted) {
        if (got != wanted) {
            throw new IllegalStateException("a pull page's JSON: expected " + wanted + ", got " + got);
        }
    }
}
