package com.recruitdesk.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.app.common.OwnerOnly;
import com.recruitdesk.protocol.ErrorCodes;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.ProtocolVersion;
import com.recruitdesk.protocol.auth.LoginRequest;
import com.recruitdesk.protocol.auth.PasswordChangeRequest;
import com.recruitdesk.protocol.auth.RefreshRequest;
import com.recruitdesk.protocol.auth.TokenResponse;
import com.recruitdesk.protocol.blob.BlobInfo;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.protocol.sync.PullResponse;
import com.recruitdesk.protocol.sync.PushRequest;
import com.recruitdesk.protocol.sync.PushResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The server's HTTP API for one signed-in user. Keeps the access token in memory and refreshes it
 * when it is about to expire or is refused; each new refresh token is handed to the
 * {@link RefreshTokenSink} (which writes it to disk) <em>before</em> it is used, because the old one
 * is spent the moment the server answers.
 */
public final class ApiClient {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Duration EARLY_REFRESH = Duration.ofSeconds(60);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
    /** Sent on every request, so a server that no longer serves this desktop says so (426, decision 0022). */
    private static final String PROTOCOL = Integer.toString(ProtocolVersion.CURRENT);

    /** Stores a new refresh token durably; it must not return before the token is safe. */
    public interface RefreshTokenSink {
        void store(TokenResponse tokens) throws IOException;
    }

    private final OkHttpClient http;
    private final ObjectMapper mapper = Json.newMapper();
    private final String server;
    private final RefreshTokenSink sink;
    private String refreshToken;
    private String accessToken;
    private Instant accessExpiresAt = Instant.EPOCH;
    private volatile OkHttpClient fileClient;
    private final OkHttpClient probeHttp;

    public ApiClient(OkHttpClient http, String server, String refreshToken, RefreshTokenSink sink) {
        this.http = http;
        this.probeHttp = http.newBuilder().callTimeout(PROBE_TIMEOUT).build();
        this.server = server;
        this.refreshToken = refreshToken;
        this.sink = sink;
    }

    /** A client made from a fresh sign-in; the access token is used until it expires. */
    public static ApiClient signedIn(OkHttpClient http, String server, TokenResponse tokens, RefreshTokenSink sink) {
        ApiClient client = new ApiClient(http, server, tokens.refreshToken(), sink);
        client.accessToken = tokens.accessToken();
        client.accessExpiresAt = tokens.accessTokenExpiresAt();
        return client;
    }

    /** The shared HTTP client settings of the app; variants come from {@code newBuilder()}. */
    public static OkHttpClient newHttpClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(60))
                .pingInterval(Duration.ofSeconds(20))
                .retryOnConnectionFailure(false)
                .build();
    }

    public String server() {
        return server;
    }

    /** Signs in with email and password. */
    public static TokenResponse login(OkHttpClient http, String server, String email, String password)
            throws Unreachable, ApiFailure {
        ObjectMapper mapper = Json.newMapper();
        Request request = new Request.Builder()
                .url(server + Paths.LOGIN)
                .post(body(mapper, new LoginRequest(email, password)))
                .build();
        return execute(http, mapper, server, request, json(mapper, TokenResponse.class));
    }

    /**
     * Chooses a new password with the current one (a temporary password's first sign-in); answers
     * like {@link #login}.
     */
    public static TokenResponse changePassword(
            OkHttpClient http, String server, String email, String currentPassword, String newPassword)
            throws Unreachable, ApiFailure {
        ObjectMapper mapper = Json.newMapper();
        Request request = new Request.Builder()
                .url(server + Paths.PASSWORD)
                .post(body(mapper, new PasswordChangeRequest(email, currentPassword, newPassword)))
                .build();
        return execute(http, mapper, server, request, json(mapper, TokenResponse.class));
    }

    /** A read of the API ({@code path} with {@code query}, the blank values left out) as {@code type}. */
    public <T> T get(String path, Map<String, String> query, Class<T> type)
            throws Unreachable, ApiFailure, SessionEnded {
        return authorized(new Request.Builder().url(url(path, query)).get(), type);
    }

    /** As {@link #get}, the answer's body written to {@code target} (beside it first, then moved into place). */
    public Path download(String path, Map<String, String> query, Path target)
            throws Unreachable, ApiFailure, SessionEnded {
        return authorized(files(), new Request.Builder().url(url(path, query)).get(), response -> {
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            try (InputStream in = response.body().byteStream()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        });
    }

    private HttpUrl url(String path, Map<String, String> query) {
        HttpUrl.Builder url = HttpUrl.get(server + path).newBuilder();
        query.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                url.addQueryParameter(k, v);
            }
        });
        return url.build();
    }

    public PullResponse pull(String cursor, int limit) throws Unreachable, ApiFailure, SessionEnded {
        HttpUrl.Builder url =
                HttpUrl.get(server + Paths.SYNC_PULL).newBuilder().addQueryParameter("limit", Integer.toString(limit));
        if (cursor != null) {
            url.addQueryParameter("cursor", cursor);
        }
        return authorized(new Request.Builder().url(url.build()).get(), PullResponse.class);
    }

    public PushResponse push(List<Mutation> mutations) throws Unreachable, ApiFailure, SessionEnded {
        return authorized(
                new Request.Builder().url(server + Paths.SYNC_PUSH).post(body(mapper, new PushRequest(mutations))),
                PushResponse.class);
    }

    /**
     * Uploads a file under the id made for it here; repeating the upload after a cut is harmless
     * (the server answers the same for the same id and bytes).
     */
    public BlobInfo uploadBlob(UUID id, Path file, String mimeType, String filename)
            throws Unreachable, ApiFailure, SessionEnded {
        HttpUrl url = HttpUrl.get(server + Paths.BLOBS)
                .newBuilder()
                .addQueryParameter("id", id.toString())
                .addQueryParameter("filename", filename)
                .build();
        Request.Builder request =
                new Request.Builder().url(url).post(RequestBody.create(file.toFile(), MediaType.get(mimeType)));
        return authorized(files(), request, BlobInfo.class);
    }

    /** Downloads a file into {@code target} (written beside it first, then moved into place). */
    public Path downloadBlob(UUID id, Path target) throws Unreachable, ApiFailure, SessionEnded {
        return download(Paths.BLOBS + "/" + id, target);
    }

    /** A JSON answer of a {@code GET} of the API ({@code path} from {@link Paths}). */
    public <T> T get(String path, Class<T> type) throws Unreachable, ApiFailure, SessionEnded {
        return authorized(new Request.Builder().url(server + path).get(), type);
    }

    /**
     * Downloads what {@code path} of the API answers into {@code target} (written beside it first, then
     * moved into place), readable by this user only.
     */
    public Path download(String path, Path target) throws Unreachable, ApiFailure, SessionEnded {
        return authorized(files(), new Request.Builder().url(server + path).get(), response -> {
            OwnerOnly.folder(target.toAbsolutePath().getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            try (InputStream in = response.body().byteStream()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            OwnerOnly.restrict(partial); // a photo, CV or student's document: this user's only
            return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        });
    }

    /** The client for files: a large upload or download may take minutes on a slow line. */
    private OkHttpClient files() {
        OkHttpClient c = fileClient;
        if (c == null) {
            c = http.newBuilder()
                    .callTimeout(Duration.ofMinutes(15))
                    .readTimeout(Duration.ofMinutes(1))
                    .writeTimeout(Duration.ofMinutes(1))
                    .build();
            fileClient = c;
        }
        return c;
    }

    /** Opens the poke stream; the caller closes the returned socket. */
    public WebSocket openStream(WebSocketListener listener) throws Unreachable, ApiFailure, SessionEnded {
        String token = accessToken();
        Request request = new Request.Builder()
                .url(server + Paths.SYNC_STREAM)
                .header("Authorization", "Bearer " + token)
                .header(ProtocolVersion.HEADER, PROTOCOL)
                .build();
        return http.newWebSocket(request, listener);
    }

    /** Ends this session on the server (best effort: the local copy forgets the token regardless). */
    public void logout() throws Unreachable, ApiFailure, SessionEnded {
        String token;
        synchronized (this) {
            token = refreshToken;
        }
        Request.Builder request =
                new Request.Builder().url(server + Paths.LOGOUT).post(body(mapper, new RefreshRequest(token)));
        authorized(request, JsonNode.class);
    }

    /** The current access token, refreshed first if it is missing or about to expire. */
    public synchronized String accessToken() throws Unreachable, ApiFailure, SessionEnded {
        if (accessToken == null || Instant.now().plus(EARLY_REFRESH).isAfter(accessExpiresAt)) {
            refresh();
        }
        return accessToken;
    }

    private synchronized void refresh() throws Unreachable, ApiFailure, SessionEnded {
        Request request = new Request.Builder()
                .url(server + Paths.REFRESH)
                .post(body(mapper, new RefreshRequest(refreshToken)))
                .build();
        TokenResponse tokens;
        try {
            tokens = execute(http, mapper, server, request, json(mapper, TokenResponse.class));
        } catch (ApiFailure e) {
            if (e.status() == 401) {
                accessToken = null;
                if (ErrorCodes.ACCOUNT_INACTIVE.equals(e.code())) {
                    throw new SessionEnded(
                            "Your account has been deactivated, so this computer's copy of its data was removed.",
                            true);
                }
                throw new SessionEnded("Your session has ended; sign in again.");
            }
            throw e;
        }
        try {
            sink.store(tokens);
        } catch (IOException e) {
            throw new IllegalStateException("Could not save the new sign-in token: " + e.getMessage(), e);
        }
        refreshToken = tokens.refreshToken();
        accessToken = tokens.accessToken();
        accessExpiresAt = tokens.accessTokenExpiresAt();
    }

    private <T> T authorized(Request.Builder request, Class<T> type) throws Unreachable, ApiFailure, SessionEnded {
        return authorized(http, request, type);
    }

    private <T> T authorized(OkHttpClient client, Request.Builder request, Class<T> type)
            throws Unreachable, ApiFailure, SessionEnded {
        return authorized(client, request, json(mapper, type));
    }

    /** Sends {@code request} with the access token; a 401 refreshes the token once and sends it again. */
    private <T> T authorized(OkHttpClient client, Request.Builder request, Answer<T> answer)
            throws Unreachable, ApiFailure, SessionEnded {
        String token = accessToken();
        try {
            return execute(
                    client,
                    mapper,
                    server,
                    request.header("Authorization", "Bearer " + token).build(),
                    answer);
        } catch (ApiFailure e) {
            if (e.status() != 401) {
                throw e;
            }
            synchronized (this) {
                if (token.equals(accessToken)) {
                    accessToken = null; // refused early (e.g. clock skew): refresh once and retry
                }
            }
            return execute(
                    client,
                    mapper,
                    server,
                    request.header("Authorization", "Bearer " + accessToken()).build(),
                    answer);
        }
    }

    /** What to make of a successful response. */
    @FunctionalInterface
    private interface Answer<T> {
        T read(Response successful) throws IOException;
    }

    /**
     * True when the server answers a health probe ({@link Paths#HEALTH_LIVE}, {@link Paths#HEALTH_READY})
     * within a second: cheap enough to ask every second while offline, so a desktop notices the server
     * is back without waiting out a back-off.
     */
    public boolean answers(String healthPath) {
        try (Response response = probeHttp
                .newCall(new Request.Builder().url(server + healthPath).get().build())
                .execute()) {
            return response.isSuccessful();
        } catch (IOException e) {
            return false;
        }
    }

    /** The body as {@code type}; null for an empty answer. */
    private static <T> Answer<T> json(ObjectMapper mapper, Class<T> type) {
        return response -> {
            String text = response.body().string();
            return response.code() == 204 || text.isEmpty() ? null : mapper.readValue(text, type);
        };
    }

    private static <T> T execute(
            OkHttpClient http, ObjectMapper mapper, String server, Request request, Answer<T> answer)
            throws Unreachable, ApiFailure {
        try (Response response = http.newCall(request.newBuilder()
                        .header(ProtocolVersion.HEADER, PROTOCOL)
                        .build())
                .execute()) {
            if (!response.isSuccessful()) {
                throw failure(mapper, response, response.body().string());
            }
            return answer.read(response);
        } catch (JsonProcessingException e) {
            throw new ApiFailure(0, "malformed_json", "The server sent an answer this app cannot read.", null);
        } catch (IOException e) {
            throw new Unreachable(server, e);
        }
    }

    private static ApiFailure failure(ObjectMapper mapper, Response response, String text) {
        String code = "http_" + response.code();
        String message = "The server answered " + response.code() + ".";
        try {
            JsonNode error = mapper.readTree(text).path("error");
            code = error.path("code").asText(code);
            message = error.path("message").asText(message);
        } catch (IOException | RuntimeException e) {
            // not our JSON (a proxy's page): keep the status line
        }
        Duration retryAfter = null;
        String header = response.header("Retry-After");
        if (header != null && header.matches("\\d{1,9}")) {
            retryAfter = Duration.ofSeconds(Long.parseLong(header));
        }
        return new ApiFailure(response.code(), code, message, retryAfter);
    }

    private static RequestBody body(ObjectMapper mapper, Object value) {
        try {
            return RequestBody.create(mapper.writeValueAsBytes(value), JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
