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

    public void record(String subject, Instant at) {
        db.inTransaction(
                c -> Sql.update(c, "insert into login_failures (subject, failed_at) values (?, ?)", subject, at));
    }

    /** The number of failures since {@code since} and the oldest of them. */
    public Window since(String subject, Instant since) {
        return db.inTransaction(c -> Sql.one(
                        c,
                        "select count(*), min(failed_at) from login_failures where subject = ? and failed_at > ?",
                        rs -> {
                            OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
                            return new Window(
                                    rs.getLong(1), Optional.ofNullable(oldest).map(OffsetDateTime::toInstant));
                        },
                        subject,
                        since)
                .orElseThrow());
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
