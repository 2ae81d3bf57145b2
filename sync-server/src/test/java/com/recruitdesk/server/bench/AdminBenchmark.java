package com.recruitdesk.server.bench;

import com.recruitdesk.protocol.Paths;
import com.recruitdesk.server.SyncServer;
import com.recruitdesk.server.platform.config.ConfigLoader;
import com.recruitdesk.server.platform.db.ConnectionSettings;
import com.recruitdesk.server.platform.db.EmbeddedDatabase;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TempDirs;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The administrator's reads on a large organization, on the real server over real HTTP and its
 * embedded PostgreSQL: a page of the activity log (unfiltered, by person, by kind prefix, paged deep
 * with the cursor), the whole log as CSV, and the numbers' health over a day of busy sends; each next
 * to the same rows read by plain JDBC from the same database in the same run (the floor: what the
 * query costs without HTTP, JSON and access checks). Prints figures; not a test.
 *
 * <p>{@code AdminBenchmark [log-lines=200000] [sends-in-24h=100000]}
 */
public final class AdminBenchmark {
    private static final int ROUNDS = 30;

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int sends = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path dir = TempDirs.create("recruitdesk-admin-bench");
        try (EmbeddedDatabase pg = EmbeddedDatabase.start(dir)) {
            ConnectionSettings db = pg.connectionSettings();
            Map<String, String> env = Map.of(
                    "RD_DB_URL", db.url(),
                    "RD_DB_USER", db.user(),
                    "RD_DB_PASSWORD", db.password(),
                    "RD_HTTP_PORT", "0",
                    "RD_DATA_DIR", dir.toString(),
                    "RD_DEMO", "true");
            try (SyncServer server = SyncServer.start(ConfigLoader.load(env))) {
                run(server, db, lines, sends);
            }
        }
    }

    private static void run(SyncServer server, ConnectionSettings db, int lines, int sends) throws Exception {
        UUID organization =
                UUID.fromString(text(db, "select organization_id::text from users where email = ?", "admin@demo.test"));
        UUID person = UUID.fromString(text(db, "select id::text from users where email = ?", "recruiter@demo.test"));
        fill(db, organization, lines, sends);
        System.out.printf(
                "RecruitDesk administration benchmark — %d cores; %,d activity log lines, %,d outbound sends in the"
                        + " last 24 h%n",
                Runtime.getRuntime().availableProcessors(),
                SyncFixture.count(db, "select count(*) from activity_logs"),
                SyncFixture.count(
                        db,
                        "select count(*) from messages where direction = 'outbound'"
                                + " and created_at > now() - interval '24 hours'"));
        Api api = new Api(server.port());
        String token = new SyncClient(api, "admin@demo.test", "demo-password").accessToken;

        try (Connection c = SyncFixture.connect(db)) {
            String page = "select id, created_at, user_id, action_type, entity_type, entity_id, description, ip_address"
                    + " from activity_logs where organization_id = ? %s order by created_at desc, id desc limit 50";
            compare(
                    "activity log, newest page of 50",
                    () -> lines(api, token, Paths.ADMIN_ACTIVITY + "?limit=50"),
                    () -> jdbc(c, page.formatted(""), organization));
            compare(
                    "activity log, one person's newest 50",
                    () -> lines(api, token, Paths.ADMIN_ACTIVITY + "?limit=50&userId=" + person),
                    () -> jdbc(c, page.formatted("and user_id = ?"), organization, person));
            compare(
                    "activity log, kind 'user.' (rare), newest 50",
                    () -> lines(api, token, Paths.ADMIN_ACTIVITY + "?limit=50&kind=user."),
                    () -> jdbc(c, page.formatted("and action_type like 'user.%'"), organization));
            String deep = api.get(Paths.ADMIN_ACTIVITY + "?limit=50", token)
                    .json()
                    .path("next")
                    .asText();
            for (int i = 0; i < 40; i++) { // 2,000 lines down
                deep = api.get(Paths.ADMIN_ACTIVITY + "?limit=50&before=" + deep, token)
                        .json()
                        .path("next")
                        .asText();
            }
            String cursor = deep;
            compare(
                    "activity log, a page 2,000 lines down (cursor)",
                    () -> lines(api, token, Paths.ADMIN_ACTIVITY + "?limit=50&before=" + cursor),
                    () -> jdbc(c, page.formatted("and created_at < now() - interval '1 hour'"), organization));
            long t0 = System.nanoTime();
            Api.Reply csv = api.get(Paths.ADMIN_ACTIVITY_CSV, token);
            double csvSeconds = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            int raw = jdbc(
                    c,
                    "select id, created_at, user_id, action_type, entity_type, entity_id, description,"
                            + " ip_address, details::text from activity_logs where organization_id = ? order by created_at desc",
                    organization);
            double rawSeconds = (System.nanoTime() - t1) / 1e9;
            long csvLines = csv.body().lines().count() - 1;
            System.out.printf(
                    "activity log as CSV over HTTP: %,d lines, %.1f MB in %.2f s (%,.0f lines/s); the same rows by JDBC:"
                            + " %.2f s (%,.0f rows/s); CSV at %.0f %% of the JDBC rate%n",
                    csvLines,
                    csv.body().length() / 1e6,
                    csvSeconds,
                    csvLines / csvSeconds,
                    rawSeconds,
                    raw / rawSeconds,
                    100 * (csvLines / csvSeconds) / (raw / rawSeconds));
            compare(
                    "numbers' health (every number of the organization)",
                    () -> api.get(Paths.ADMIN_NUMBER_HEALTH, token)
                            .json()
                            .path("numbers")
                            .size(),
                    () -> jdbc(c, """
                            select m.whatsapp_account_id, count(*), count(*) filter (where m.status = 'failed')
                              from messages m join whatsapp_accounts a on a.id = m.whatsapp_account_id
                             where a.organization_id = ? and m.direction = 'outbound'
                               and m.created_at >= now() - interval '24 hours'
                             group by 1""", organization));
        }
    }

    /** Times {@code server} and {@code floor} alternately, {@link #ROUNDS} times each after a warm-up. */
    private static void compare(String what, Supplier<Integer> server, Supplier<Integer> floor) {
        for (int i = 0; i < 5; i++) {
            server.get();
            floor.get();
        }
        List<Long> s = new ArrayList<>();
        List<Long> f = new ArrayList<>();
        int rows = 0;
        for (int i = 0; i < ROUNDS; i++) {
            long t = System.nanoTime();
            rows = server.get();
            s.add(System.nanoTime() - t);
            t = System.nanoTime();
            floor.get();
            f.add(System.nanoTime() - t);
        }
        System.out.printf(
                "%s: over HTTP p50 %.1f ms, p90 %.1f ms (%d rows); plain JDBC query p50 %.1f ms, p90 %.1f ms%n",
                what, ms(s, 50), ms(s, 90), rows, ms(f, 50), ms(f, 90));
    }

    private static double ms(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100)) / 1e6;
    }

    private static int lines(Api api, String token, String path) {
        Api.Reply reply = api.get(path, token);
        if (reply.status() != 200) {
            throw new IllegalStateException(path + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.json().path("entries").size();
    }

    private static int jdbc(Connection c, String sql, Object... params) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            int n = 0;
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                    n++;
                }
            }
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(ConnectionSettings db, String sql, Object param) throws SQLException {
        try (Connection c = SyncFixture.connect(db);
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, param);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /**
     * {@code lines} log lines over 90 days by the demo's people (one in a thousand a {@code user.} change),
     * and {@code sends} outbound messages of the last day, each a copy of one of the demo's sends in turn,
     * one in twenty failed with one of four codes.
     */
    private static void fill(ConnectionSettings db, UUID organization, int lines, int sends) {
        SyncFixture.execute(db, """
                insert into activity_logs (organization_id, user_id, action_type, entity_type, entity_id, description,
                                           ip_address, created_at)
                select ?::uuid, u.id,
                       case when g % 1000 = 0 then 'user.setRoles' when g % 3 = 0 then 'message.send'
                            else 'application.move' end,
                       'application', gen_random_uuid(), 'Moved an application to the next stage (' || g || ')',
                       '192.168.1.' || (g % 250), now() - (g * (interval '90 days' / ?::int))
                  from generate_series(1, ?::int) g
                  join lateral (select id from users where organization_id = ?::uuid order by id
                                offset (g % 8) limit 1) u on true""", organization, lines, lines, organization);
        SyncFixture.execute(db, """
                with src as (select row_number() over (order by id) - 1 as k, m.*
                               from messages m where direction = 'outbound' and sender_user_id is not null),
                     n as (select count(*) as c from src)
                insert into messages (organization_id, conversation_id, whatsapp_account_id, candidate_id, direction,
                                      type, body, sender_type, sender_user_id, status, error_code, error_title,
                                      created_at, sent_at)
                select m.organization_id, m.conversation_id, m.whatsapp_account_id, m.candidate_id, 'outbound', 'text',
                       'Bench send ' || g, 'user', m.sender_user_id,
                       case when g % 20 = 0 then 'failed' else 'delivered' end,
                       case when g % 20 = 0 then (array[131026, 131047, 130472, 131049])[1 + g / 20 % 4] end,
                       case when g % 20 = 0 then 'Message undeliverable' end,
                       now() - (g * (interval '23 hours' / ?::int)), now() - (g * (interval '23 hours' / ?::int))
                  from generate_series(1, ?::int) g
                  cross join n
                  join src m on m.k = g % n.c""", sends, sends, sends);
        SyncFixture.execute(db, "analyze");
    }
}
