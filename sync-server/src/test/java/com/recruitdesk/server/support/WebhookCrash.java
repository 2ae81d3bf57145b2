package com.recruitdesk.server.support;

import com.recruitdesk.protocol.Paths;
import com.recruitdesk.server.SyncServer;
import com.recruitdesk.server.platform.config.ConfigLoader;
import com.recruitdesk.server.platform.db.ConnectionSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * kill -9 of a server in the middle of a webhook batch (decision 0046), for {@code WebhookCrashTest}
 * and {@code bench/webhooks}. A server in a JVM of its own is posted several signed bodies at once,
 * each with several texts from new people; the last text of one of them is from a person whose
 * conversation this holds locked, so that body's batch stops with rows written and uncommitted, and
 * the server is killed (SIGKILL) there. Then each body's messages are counted (all or none), the
 * server is started again on the same data, and every body is delivered twice more, as Meta
 * redelivers; the messages stored twice and lost are counted from the rows.
 */
public final class WebhookCrash {
    private static final String SECRET = "crash-app-secret-0123456789abcdef";
    private static final String PHONE_NUMBER_ID = "106540352249999";
    private static final String LOCKED_WA_ID = "27849999999";
    private static final MediaType JSON = MediaType.get("application/json");
    private static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .readTimeout(Duration.ofSeconds(60))
            .retryOnConnectionFailure(false)
            .build();

    /**
     * What came of it: bodies whose messages were all there after the kill, partly there (must be 0),
     * how long the killed batch's transaction had run, and after the redeliveries, the answers that
     * were not 200, the messages stored twice and those lost (both must be 0).
     */
    public record Result(
            int bodies,
            int messages,
            int wholeAfterKill,
            int partialAfterKill,
            long killedAfterMillis,
            int redeliveriesRefused,
            long storedTwice,
            long lost) {}

    private WebhookCrash() {}

    /** {@code bodies} bodies of {@code texts} texts each, plus the one that stops its batch, on {@code db}. */
    public static Result run(ConnectionSettings db, Path dataDir, int bodies, int texts) throws Exception {
        UUID locked = world(db);
        List<byte[]> all = new ArrayList<>();
        for (int b = 0; b < bodies; b++) {
            all.add(body(b, texts, false));
        }
        all.add(body(bodies, texts, true));
        Map<String, String> env = env(db, dataDir, freePort());
        long killedAfter;
        try (ServerProcess doomed = ServerProcess.start(env);
                Connection locker = SyncFixture.connect(db)) {
            doomed.awaitReadyLine(Duration.ofSeconds(90));
            locker.setAutoCommit(false);
            SyncFixture.insert(locker, "select id from conversations where id = ? for update", locked);
            String url = "http://127.0.0.1:" + env.get("RD_HTTP_PORT") + Paths.WHATSAPP_WEBHOOK;
            List<CompletableFuture<Integer>> posted = new ArrayList<>();
            for (byte[] body : all) {
                posted.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return post(url, body);
                            } catch (IOException connectionDiedWithTheServer) {
                                return -1;
                            }
                        },
                        task -> Thread.ofVirtual().start(task)));
            }
            Eventually.await(
                    Duration.ofSeconds(60),
                    "a webhook batch to have written and to wait on the locked conversation",
                    () -> SyncFixture.count(
                                    db,
                                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                                            + " and backend_xid is not null and datname = current_database()")
                            == 1);
            killedAfter = SyncFixture.count(
                    db,
                    "select coalesce(max(extract(epoch from now() - xact_start) * 1000), 0)::bigint"
                            + " from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()");
            doomed.kill();
            locker.rollback();
            CompletableFuture.allOf(posted.toArray(CompletableFuture[]::new)).join();
        }
        int whole = 0;
        int partial = 0;
        for (int b = 0; b <= bodies; b++) {
            long stored = count(db, "count(*)", "wamid.CRASH." + b + ".%");
            whole += stored == texts ? 1 : 0;
            partial += stored > 0 && stored < texts ? 1 : 0;
        }
        int refused = 0;
        Map<String, String> again = new HashMap<>(env);
        again.put("RD_HTTP_PORT", "0");
        try (SyncServer restarted = SyncServer.start(ConfigLoader.load(again))) {
            String url = "http://127.0.0.1:" + restarted.port() + Paths.WHATSAPP_WEBHOOK;
            for (int round = 0; round < 2; round++) {
                for (byte[] body : all) {
                    refused += post(url, body) == 200 ? 0 : 1;
                }
            }
        }
        long rows = count(db, "count(*)", "wamid.CRASH.%");
        long distinct = count(db, "count(distinct provider_message_id)", "wamid.CRASH.%");
        int messages = all.size() * texts;
        return new Result(
                all.size(), messages, whole, partial, killedAfter, refused, rows - distinct, messages - distinct);
    }

    /** An organization with a Cloud API number, and the person whose conversation stops a batch. */
    private static UUID world(ConnectionSettings db) throws SQLException {
        try (Connection c = SyncFixture.connect(db)) {
            UUID org = SyncFixture.insert(c, "insert into organizations (name) values ('Crash test') returning id");
            UUID account = SyncFixture.insert(
                    c,
                    "insert into whatsapp_accounts (organization_id, display_name, phone, provider, phone_number_id, waba_id)"
                            + " values (?, 'Crash line', '+15550789999', 'cloud_api', ?, '102290129349998') returning id",
                    org,
                    PHONE_NUMBER_ID);
            UUID person = SyncFixture.insert(
                    c,
                    "insert into candidates (organization_id, whatsapp_id, whatsapp_name) values (?, ?, 'Locked') returning id",
                    org,
                    "+" + LOCKED_WA_ID);
            return SyncFixture.insert(
                    c,
                    "insert into conversations (organization_id, whatsapp_account_id, candidate_id) values (?, ?, ?) returning id",
                    org,
                    account,
                    person);
        }
    }

    /** Body {@code b}: {@code texts} texts from new people, the last from the locked person if {@code stops}. */
    private static byte[] body(int b, int texts, boolean stops) {
        long now = Instant.now().getEpochSecond();
        List<String> contacts = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < texts; i++) {
            String waId = stops && i == texts - 1 ? LOCKED_WA_ID : "2784%03d%04d".formatted(b, i);
            contacts.add("{\"profile\":{\"name\":\"Candidate %s\"},\"wa_id\":\"%s\"}".formatted(waId, waId));
            messages.add(
                    "{\"from\":\"%s\",\"id\":\"wamid.CRASH.%d.%d\",\"timestamp\":\"%d\",\"type\":\"text\",\"text\":{\"body\":\"Text %d of body %d\"}}"
                            .formatted(waId, b, i, now, i, b));
        }
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129349998","changes":[{"field":"messages",\
                "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550789999",\
                "phone_number_id":"%s"},"contacts":[%s],"messages":[%s]}}]}]}""".formatted(PHONE_NUMBER_ID, String.join(",", contacts), String.join(",", messages))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static int post(String url, byte[] body) throws IOException {
        Request request = new Request.Builder()
                .url(url)
                .header("X-Hub-Signature-256", sign(body))
                .post(RequestBody.create(body, JSON))
                .build();
        try (Response r = HTTP.newCall(request).execute()) {
            r.body().string();
            return r.code();
        }
    }

    private static String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> env(ConnectionSettings db, Path dataDir, int port) {
        Map<String, String> env = new HashMap<>();
        env.put("RD_DB_URL", db.url());
        env.put("RD_DB_USER", db.user());
        env.put("RD_DB_PASSWORD", db.password());
        env.put("RD_HTTP_PORT", Integer.toString(port));
        env.put("RD_DATA_DIR", dataDir.toString());
        env.put("RD_WHATSAPP_APP_SECRET", SECRET);
        env.put("RD_WHATSAPP_VERIFY_TOKEN", "crash");
        env.put("RD_WHATSAPP_ACCESS_TOKEN", "crash-token");
        env.put("RD_WHATSAPP_API_BASE", "http://127.0.0.1:9/v23.0"); // nothing is sent
        env.put("RD_WHATSAPP_TEMPLATE_SYNC_MINUTES", "0");
        return env;
    }

    private static long count(ConnectionSettings db, String what, String wamids) {
        return SyncFixture.count(db, "select " + what + " from messages where provider_message_id like ?", wamids);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
