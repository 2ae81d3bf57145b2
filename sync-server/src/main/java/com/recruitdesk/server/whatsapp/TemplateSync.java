package com.recruitdesk.server.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.tasks.BackgroundThread;
import com.recruitdesk.server.platform.tasks.Backoff;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background task that fetches every WhatsApp Business Account's templates from Meta (decision
 * 0016): at start and every {@code interval}, and whenever asked. Each WABA is a row of
 * {@code whatsapp_template_syncs}; an instance claims a due row with {@code SKIP LOCKED} and a lease,
 * so with several server instances exactly one fetches a WABA at a time. A failed fetch is retried
 * after a back-off doubling from 30 s to an hour, and applies nothing: all pages or none.
 */
final class TemplateSync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TemplateSync.class);
    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration LEASE = Duration.ofMinutes(5);
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final Database database;
    private final CloudApiTemplates graph;
    private final Duration interval;
    private final Clock clock;
    private final BackgroundThread thread = new BackgroundThread("whatsapp-template-sync");

    /** {@code interval} zero: only when asked (the admin endpoint, a template webhook). */
    TemplateSync(Database database, CloudApiTemplates graph, Duration interval, Clock clock) {
        this.database = database;
        this.graph = graph;
        this.interval = interval;
        this.clock = clock;
    }

    private boolean scheduled() {
        return !interval.isZero();
    }

    void start() {
        if (scheduled()) {
            thread.execute(this::dueAtStart);
        }
        thread.repeat(POLL, POLL, this::runDue);
    }

    /** Asks for a sync of every WABA of the organization's Cloud API numbers; returns their ids. */
    List<String> requestAll(UUID organization) throws SQLException {
        List<String> wabas = database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into whatsapp_template_syncs (waba_id, next_run_at)
                    select distinct waba_id, '-infinity'::timestamptz from whatsapp_accounts
                     where organization_id = ? and provider = 'cloud_api' and waba_id is not null
                    on conflict (waba_id) do update set next_run_at = '-infinity'
                    returning waba_id
                    """)) {
                ps.setObject(1, organization);
                List<String> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                return ids;
            }
        });
        wake();
        return wabas;
    }

    /** Asks for a sync of {@code wabaId} on the caller's transaction (a template webhook); the next poll takes it. */
    static void request(Connection c, String wabaId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into whatsapp_template_syncs (waba_id, next_run_at) values (?, '-infinity')
                on conflict (waba_id) do update set next_run_at = '-infinity'
                """)) {
            ps.setString(1, wabaId);
            ps.executeUpdate();
        }
    }

    private void wake() {
        try {
            thread.execute(this::runDue);
        } catch (RejectedExecutionException e) {
            // closing: the next start runs it
        }
    }

    private void dueAtStart() {
        try {
            database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
                ensureRows(c);
                try (PreparedStatement ps = c.prepareStatement(
                        "update whatsapp_template_syncs set next_run_at = '-infinity' where lease_until is null")) {
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            LOG.warn("Template sync cannot reach the database at start: {}", e.getMessage());
        }
        runDue();
    }

    /** Every WABA of a Cloud API number has a row; a new one is due at once. */
    private static void ensureRows(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into whatsapp_template_syncs (waba_id, next_run_at)
                select distinct waba_id, '-infinity'::timestamptz from whatsapp_accounts
                 where provider = 'cloud_api' and waba_id is not null
                on conflict do nothing
                """)) {
            ps.executeUpdate();
        }
    }

    private record Claim(String wabaId, int failures) {}

    private void runDue() {
        try {
            if (scheduled()) {
                database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
                    ensureRows(c);
                    return null;
                });
            }
            Optional<Claim> claim;
            while (!Thread.currentThread().isInterrupted() && (claim = claim()).isPresent()) {
                run(claim.get());
            }
        } catch (SQLException e) {
            LOG.warn("Template sync cannot reach the database: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Template sync failed", e);
        }
    }

    /** Takes one due WABA for this instance: leased, and its next turn already scheduled. */
    private Optional<Claim> claim() throws SQLException {
        Instant now = clock.instant();
        return database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    update whatsapp_template_syncs s
                       set lease_until = ?, next_run_at = coalesce(?::timestamptz, 'infinity')
                     where s.waba_id = (select waba_id from whatsapp_template_syncs
                                         where next_run_at <= ? and (lease_until is null or lease_until <= ?)
                                         order by next_run_at
                                         limit 1
                                           for update skip locked)
                    returning s.waba_id, s.failures
                    """)) {
                ps.setTimestamp(1, Timestamp.from(now.plus(LEASE)));
                ps.setTimestamp(2, scheduled() ? Timestamp.from(now.plus(interval)) : null);
                ps.setTimestamp(3, Timestamp.from(now));
                ps.setTimestamp(4, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Claim(rs.getString(1), rs.getInt(2))) : Optional.empty();
                }
            }
        });
    }

    private void run(Claim claim) throws SQLException {
        boolean known = database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            if (MessageTemplates.knownWaba(c, claim.wabaId())) {
                return true;
            }
            try (PreparedStatement ps = c.prepareStatement("delete from whatsapp_template_syncs where waba_id = ?")) {
                ps.setString(1, claim.wabaId());
                ps.executeUpdate();
            }
            return false;
        });
        if (!known) {
            return; // no Cloud API number is on that WABA any more
        }
        List<JsonNode> listed;
        try {
            listed = graph.list(claim.wabaId());
        } catch (IOException e) {
            failed(claim, e.getMessage());
            return;
        }
        List<MetaTemplate> templates = new ArrayList<>(listed.size());
        for (JsonNode t : listed) {
            MetaTemplate.parse(t)
                    .ifPresentOrElse(
                            templates::add,
                            () -> LOG.warn(
                                    "Template {} of WABA {} has a name or category RecruitDesk cannot keep; skipped",
                                    t.path("name").asText("?"),
                                    claim.wabaId()));
        }
        MessageTemplates.Applied applied = database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            MessageTemplates.Applied a = MessageTemplates.apply(c, claim.wabaId(), templates);
            try (PreparedStatement ps = c.prepareStatement("""
                    update whatsapp_template_syncs
                       set lease_until = null, failures = 0, last_error = null, last_synced_at = ?
                     where waba_id = ?
                    """)) {
                ps.setTimestamp(1, Timestamp.from(clock.instant()));
                ps.setString(2, claim.wabaId());
                ps.executeUpdate();
            }
            return a;
        });
        LOG.info(
                "Templates of WABA {} synced: {} at Meta, {} rows written, {} disabled",
                claim.wabaId(),
                templates.size(),
                applied.written(),
                applied.disabled());
    }

    private void failed(Claim claim, String reason) throws SQLException {
        Duration delay = backoff(claim.failures() + 1);
        LOG.warn("Templates of WABA {} not synced ({}); trying again in {}", claim.wabaId(), reason, delay);
        Instant now = clock.instant();
        database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    update whatsapp_template_syncs
                       set lease_until = null, failures = failures + 1, last_error = ?,
                           next_run_at = least(next_run_at, ?)
                     where waba_id = ?
                    """)) {
                ps.setString(1, reason);
                ps.setTimestamp(2, Timestamp.from(now.plus(delay)));
                ps.setString(3, claim.wabaId());
                ps.executeUpdate();
            }
            return null;
        });
    }

    static Duration backoff(int failures) {
        return Backoff.doubling(FIRST_RETRY, failures, MAX_BACKOFF);
    }

    @Override
    public void close() {
        thread.close();
    }
}
