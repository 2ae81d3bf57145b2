package com.recruitdesk.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.Paths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/** The blob endpoints over real HTTP, as the desktop calls them: raw bytes up, raw bytes down. */
public final class BlobHttp {
    private static final OkHttpClient CLIENT = new OkHttpClient.Builder()
            .readTimeout(Duration.ofSeconds(30))
            .retryOnConnectionFailure(false)
            .build();

    static void closeIdleConnections() {
        CLIENT.connectionPool().evictAll();
    }

    private final int port;

    public BlobHttp(int port) {
        this.port = port;
    }

    /** A response with its body as bytes. */
    public record Reply(int status, byte[] body, okhttp3.Headers headers) {
        public JsonNode json() {
            try {
                return Json.newMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
            }
        }

        public String errorCode() {
            return json().path("error").path("code").asText(null);
        }

        @Override
        public String toString() {
            return status + " "
                    + (body.length < 2_000 ? new String(body, StandardCharsets.UTF_8) : body.length + " bytes");
        }
    }

    /** {@code POST /api/v1/blobs?id=&filename=} with the bytes and their MIME type; null leaves a part out. */
    public Reply upload(String token, UUID id, String filename, String mimeType, byte[] bytes) {
        return post(token, id, filename, RequestBody.create(bytes, mimeType == null ? null : MediaType.get(mimeType)));
    }

    /** The same upload sent in chunks, without a Content-Length, so the server only sees the size as it reads. */
    public Reply uploadChunked(String token, UUID id, String filename, String mimeType, byte[] bytes) {
        return post(token, id, filename, new RequestBody() {
            @Override
            public MediaType contentType() {
                return MediaType.get(mimeType);
            }

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.write(bytes);
            }
        });
    }

    /** An upload with the query and Content-Type header exactly as given. */
    public Reply uploadRaw(String token, String query, String contentType, byte[] bytes) {
        return call(request(token)
                .url("http://127.0.0.1:" + port + Paths.BLOBS + query)
                .header("Content-Type", contentType)
                .post(RequestBody.create(bytes, null))
                .build());
    }

    private Reply post(String token, UUID id, String filename, RequestBody body) {
        HttpUrl.Builder url =
                HttpUrl.get("http://127.0.0.1:" + port + Paths.BLOBS).newBuilder();
        if (id != null) {
            url.addQueryParameter("id", id.toString());
        }
        if (filename != null) {
            url.addQueryParameter("filename", filename);
        }
        return call(request(token).url(url.build()).post(body).build());
    }

    public Reply get(String token, UUID id) {
        return get(token, id.toString(), null);
    }

    public Reply get(String token, String id, String ifNoneMatch) {
        Request.Builder request = request(token).url("http://127.0.0.1:" + port + Paths.BLOBS + "/" + id);
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return call(request.build());
    }

    private static Request.Builder request(String token) {
        Request.Builder b = new Request.Builder();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static Reply call(Request request) {
        try (Response r = CLIENT.newCall(request).execute()) {
            return new Reply(r.code(), r.body().bytes(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
