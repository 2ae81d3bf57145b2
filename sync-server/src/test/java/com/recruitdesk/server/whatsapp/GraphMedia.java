package com.recruitdesk.server.whatsapp;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * Meta's media endpoints as a MockWebServer dispatcher: {@code GET /v23.0/{media-id}} answers the
 * file's metadata with a short-lived URL on the same server, {@code GET /lookaside/{media-id}}
 * answers the bytes (both only with the bearer token). {@code POST /{phone-number-id}/media} takes an
 * upload and {@code POST /{phone-number-id}/messages} a send. Failures can be scripted per path.
 */
final class GraphMedia extends Dispatcher {
    record File(byte[] bytes, String mimeType, Long declaredSize) {}

    private final Map<String, File> files = new ConcurrentHashMap<>();
    private final Map<String, Queue<MockResponse>> scripted = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final AtomicInteger uploads = new AtomicInteger();
    private final AtomicInteger sends = new AtomicInteger();

    /** Meta holds {@code bytes} under {@code mediaId}; its metadata says {@code declaredSize} (null: the real size). */
    GraphMedia file(String mediaId, byte[] bytes, String mimeType, Long declaredSize) {
        files.put(mediaId, new File(bytes, mimeType, declaredSize));
        return this;
    }

    GraphMedia file(String mediaId, byte[] bytes, String mimeType) {
        return file(mediaId, bytes, mimeType, null);
    }

    /** The next request to {@code path} gets {@code response} instead. */
    GraphMedia failNext(String path, MockResponse response) {
        scripted.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).add(response);
        return this;
    }

    int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        if (!("Bearer " + CloudApiWorld.ACCESS_TOKEN)
                .equals(request.getHeaders().get("Authorization"))) {
            return json(401, """
                    {"error":{"message":"Invalid OAuth access token.","type":"OAuthException","code":190}}""");
        }
        Queue<MockResponse> script = scripted.get(path);
        MockResponse next = script == null ? null : script.poll();
        if (next != null) {
            return next;
        }
        if (path.endsWith("/media") && "POST".equals(request.getMethod())) {
            return json(200, "{\"id\":\"" + (4490709327384033L + uploads.incrementAndGet()) + "\"}");
        }
        if (path.endsWith("/messages") && "POST".equals(request.getMethod())) {
            return OutboundSenderTest.accepted("wamid.media." + sends.incrementAndGet());
        }
        if (path.startsWith("/v23.0/")) {
            String id = path.substring("/v23.0/".length());
            File f = files.get(id);
            if (f == null) {
                return json(400, """
                        {"error":{"message":"Unsupported get request. Object with ID '%s' does not exist, cannot be loaded due to missing permissions, or does not support this operation.","type":"GraphMethodException","code":100,"error_subcode":33,"fbtrace_id":"AbCdEf"}}""".formatted(id));
            }
            long size = f.declaredSize() != null ? f.declaredSize() : f.bytes().length;
            return json(200, """
                    {"url":"%s","mime_type":"%s","sha256":"%s","file_size":"%d","id":"%s","messaging_product":"whatsapp"}""".formatted(
                            request.getUrl().resolve("/lookaside/" + id + "?ext=1764&hash=ATu"),
                            f.mimeType(),
                            sha256(f.bytes()),
                            size,
                            id));
        }
        if (path.startsWith("/lookaside/")) {
            File f = files.get(path.substring("/lookaside/".length()));
            if (f == null) {
                return new MockResponse.Builder().code(404).build();
            }
            MockResponse.Builder answer = new MockResponse.Builder().code(200).addHeader("Content-Type", f.mimeType());
            // A file whose size Meta did not say comes in chunks, without a Content-Length either.
            return (Long.valueOf(0).equals(f.declaredSize())
                            ? answer.chunkedBody(new Buffer().write(f.bytes()), 8_192)
                            : answer.body(new Buffer().write(f.bytes())))
                    .build();
        }
        return new MockResponse.Builder().code(404).build();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
