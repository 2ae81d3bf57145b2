package com.recruitdesk.server.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.server.SyncServer;
import com.recruitdesk.server.platform.config.ConfigLoader;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TempDirs;
import com.recruitdesk.server.support.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A server configured for the Cloud API, with Meta's Graph API played by a MockWebServer, and two
 * WhatsApp numbers of the demo organization that webhooks name by their {@code phone_number_id}.
 */
final class CloudApiWorld implements AutoCloseable {
    static final String APP_SECRET = "6f1c2b0e9a8d4c7f3b5a1e2d9c8b7a60";
    static final String VERIFY_TOKEN = "recruitdesk-verify-4711";
    static final String ACCESS_TOKEN = "EAAJB3x7ZC0ZBwBAtest-access-token";
    static final String MAIN_PHONE_NUMBER_ID = "106540352242922";
    static final String MAIN_DISPLAY = "15550783881";
    static final String SECOND_PHONE_NUMBER_ID = "106540352242923";
    static final String SECOND_DISPLAY = "15550783882";

    private static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectMapper MAPPER = Json.newMapper();
    private static final OkHttpClient CLIENT = new OkHttpClient.Builder()
            .readTimeout(Duration.ofSeconds(30))
            .retryOnConnectionFailure(false)
            .build();

    final MockWebServer graph = new MockWebServer();
    final TestServer server;
    final UUID organization;
    final UUID mainAccount;
    final UUID secondAccount;

    private CloudApiWorld(Map<String, String> extraEnv, Dispatcher graphDispatcher, boolean demo) {
        if (graphDispatcher != null) {
            graph.setDispatcher(graphDispatcher);
        }
        try {
            graph.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new HashMap<>();
        env.put("RD_WHATSAPP_APP_SECRET", APP_SECRET);
        env.put("RD_WHATSAPP_VERIFY_TOKEN", VERIFY_TOKEN);
        env.put("RD_WHATSAPP_ACCESS_TOKEN", ACCESS_TOKEN);
        env.put("RD_WHATSAPP_API_BASE", graph.url("/v23.0").toString());
        // Templates are fetched only when a test asks (TemplateSyncTest), so Graph sees no unscripted calls.
        env.put("RD_WHATSAPP_TEMPLATE_SYNC_MINUTES", "0");
        env.putAll(extraEnv);
        server = demo ? TestServer.start(env) : TestServer.withoutDemo(env);
        try (Connection c = SyncFixture.connect(server.database)) {
            organization =
                    SyncFixture.insert(c, "select organization_id from users where email = ?", TestServer.RECRUITER);
            mainAccount = SyncFixture.insert(
                    c,
                    "insert into whatsapp_accounts (organization_id, display_name, phone, provider, phone_number_id, waba_id, connection_status)"
                            + " values (?, 'Talent line', '+15550783881', 'cloud_api', ?, ?, 'connected') returning id",
                    organization,
                    MAIN_PHONE_NUMBER_ID,
                    MetaPayloads.WABA_ID);
            secondAccount = SyncFixture.insert(
                    c,
                    "insert into whatsapp_accounts (organization_id, display_name, phone, provider, phone_number_id, waba_id, connection_status)"
                            + " values (?, 'Jobs line', '+15550783882', 'cloud_api', ?, ?, 'connected') returning id",
                    organization,
                    SECOND_PHONE_NUMBER_ID,
                    MetaPayloads.WABA_ID);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two Cloud API numbers in the demo organization, which has its staff but none of the demo's data. */
    static CloudApiWorld start() {
        return new CloudApiWorld(Map.of(), null, false);
    }

    static CloudApiWorld start(Map<String, String> extraEnv) {
        return new CloudApiWorld(extraEnv, null, false);
    }

    /** With Graph answering through {@code graphDispatcher} from the start (before the numbers exist). */
    static CloudApiWorld start(Map<String, String> extraEnv, Dispatcher graphDispatcher) {
        return new CloudApiWorld(extraEnv, graphDispatcher, false);
    }

    /** As {@link #start(Map, Dispatcher)} beside the whole demo (its simulated numbers and their templates). */
    static CloudApiWorld startBesideTheDemo(Map<String, String> extraEnv, Dispatcher graphDispatcher) {
        return new CloudApiWorld(extraEnv, graphDispatcher, true);
    }

    /**
     * A second server instance on this world's database and Graph, as a deployment with two instances
     * has; {@code templateSyncMinutes} is its template sync interval.
     */
    SyncServer startSecondInstance(int templateSyncMinutes) {
        return startSecondInstance(templateSyncMinutes, Map.of());
    }

    /** As {@link #startSecondInstance(int)} with extra settings (the first instance's, say). */
    SyncServer startSecondInstance(int templateSyncMinutes, Map<String, String> extraEnv) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "RD_DB_URL", server.database.url(),
                "RD_DB_USER", server.database.user(),
                "RD_DB_PASSWORD", server.database.password(),
                "RD_HTTP_PORT", "0",
                "RD_DATA_DIR", TempDirs.create("recruitdesk-second").toString(),
                "RD_WHATSAPP_APP_SECRET", APP_SECRET,
                "RD_WHATSAPP_ACCESS_TOKEN", ACCESS_TOKEN,
                "RD_WHATSAPP_API_BASE", graph.url("/v23.0").toString(),
                "RD_WHATSAPP_TEMPLATE_SYNC_MINUTES", Integer.toString(templateSyncMinutes)));
        env.putAll(extraEnv);
        return SyncServer.start(ConfigLoader.load(env));
    }

    /** Asks for a template sync now, signed in as {@code email}. */
    Api.Reply requestTemplateSync(String email) {
        String token = server.login(email, TestServer.PASSWORD)
                .json()
                .path("accessToken")
                .asText();
        return server.api.post(Paths.WHATSAPP_TEMPLATE_SYNC, Map.of(), token);
    }

    /** Posts {@code body} signed as Meta signs it. */
    Api.Reply deliver(String body) {
        return post(body, WebhookSignature.sign(APP_SECRET, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** A text message to the main number, delivered and signed. */
    Api.Reply deliverText(String waId, String name, String wamid, long timestamp, String text) {
        return deliver(MetaPayloads.envelope(
                MAIN_PHONE_NUMBER_ID,
                MAIN_DISPLAY,
                MetaPayloads.messageValue(waId, name, MetaPayloads.text(waId, wamid, timestamp, text))));
    }

    Api.Reply deliverStatuses(String... statuses) {
        return deliver(MetaPayloads.envelope(MAIN_PHONE_NUMBER_ID, MAIN_DISPLAY, MetaPayloads.statusValue(statuses)));
    }

    /** Posts {@code body} with the given signature header, or none when it is null. */
    Api.Reply post(String body, String signature) {
        Request.Builder request = new Request.Builder()
                .url("http://127.0.0.1:" + server.server.port() + Paths.WHATSAPP_WEBHOOK)
                .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), JSON));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return call(request.build());
    }

    Api.Reply get(String pathAndQuery) {
        return call(new Request.Builder()
                .url("http://127.0.0.1:" + server.server.port() + pathAndQuery)
                .build());
    }

    private static Api.Reply call(Request request) {
        try (Response r = CLIENT.newCall(request).execute()) {
            return new Api.Reply(r.code(), r.body().string(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long count(String sql, Object... params) {
        return SyncFixture.count(server.database, sql, params);
    }

    /** The rows of {@code sql} as JSON objects (snake_case columns). */
    List<JsonNode> rows(String sql, Object... params) {
        try (Connection c = SyncFixture.connect(server.database);
                PreparedStatement ps = c.prepareStatement("select to_jsonb(t)::text from (" + sql + ") t")) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<JsonNode> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(MAPPER.readTree(rs.getString(1)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode row(String sql, Object... params) {
        List<JsonNode> rows = rows(sql, params);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row, got " + rows.size() + " for " + sql);
        }
        return rows.getFirst();
    }

    void execute(String sql, Object... params) {
        try (Connection c = SyncFixture.connect(server.database);
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        CLIENT.connectionPool().evictAll(); // the webhook deliveries' connection would hold the stop
        server.close();
        graph.close();
    }
}
