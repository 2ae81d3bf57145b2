package com.recruitdesk.server.auth;

import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.db.Sql;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Failed sign-ins per subject ("email:…" or "ip:…"), shared by all server instances through the database. */
public final class LoginFailures {
    private final Database db;

    public LoginFailures(Database db) {
        this.db = db;
    }

    /** A limit on one subject's failures within a window. */
    public record Limit(String subject, int max) {}

    /** Why {@link #reserve} refused: the subject over its limit and its failures in the window. */
    public record Refusal(String subject, Window window) {}

    /**
     * Atomically: if no subject has {@code max} failures since {@code since}, counts this attempt as
     * a failure of each (returning the rows' ids, to take back if the password was right); else
     * refuses. Concurrent attempts on one subject take turns (an advisory lock per subject), so
     * parallel guesses cannot all pass the check before any is counted.
     */
    /** The failures counted for an attempt, or why it was refused before any was. */
    public record Reservation(java.util.List<Long> ids, Optional<Refusal> refusal) {}

    public Reservation reserve(java.util.List<Limit> limits, Instant now, Instant since) {
        return db.inTransaction(c -> {
            java.util.List<Limit> ordered = limits.stream()
                    .sorted(java.util.Comparator.comparing(Limit::subject))
                    .toList();
            for (Limit limit : ordered) {
                Sql.one(c, "select pg_advisory_xact_lock(hashtextextended(?, 7))", rs -> true, limit.subject());
            }
            for (Limit limit : ordered) {
                Window window = window(c, limit.subject(), since);
                if (window.count() >= limit.max()) {
                    return new Reservation(java.util.List.of(), Optional.of(new Refusal(limit.subject(), window)));
                }
            }
            java.util.List<Long> ids = new java.util.ArrayList<>();
            for (Limit limit : ordered) {
                ids.add(Sql.one(
                                c,
                                "insert into login_failures (subject, failed_at) values (?, ?) returning id",
                                rs -> rs.getLong(1),
                                limit.subject(),
                                now)
                        .orElseThrow());
            }
            return new Reservation(ids, Optional.empty());
        });
    }

    /** Takes back failures counted by {@link #reserve} (the password was right). */
    public void release(java.util.List<Long> ids) {
        if (!ids.isEmpty()) {
            db.inTransaction(c ->
                    Sql.update(c, "delete from login_failures where id = any(?)", (Object) ids.toArray(new Long[0])));
        }
    }

    private static Window window(java.sql.Connection c, String subject, Instant since) throws java.sql.SQLException {
        return Sql.one(
                        c,
                        "select count(*), min(failed_at) from login_failures where subject = ? and failed_at > ?",
                        rs -> {
                            OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
                            return new Window(
                                    rs.getLong(1), Optional.ofNullable(oldest).map(OffsetDateTime::toInstant));
                        },
                        subject,
                        since)
                .orElseThrow();
    }

    public void clear(String subject) {
        db.inTransaction(c -> Sql.update(c, "delete from login_failures where subject = ?", subject));
    }

    /** Forgets failures older than {@code before}; they no longer count toward any window. */
    public int purge(Instant before) {
        return db.inTransaction(c -> Sql.update(c, "delete from login_failures where failed_at <= ?", before));
    }

    public record Window(long count, Optional<Instant> oldest) {}
}
