package com.recruitdesk.server.persistence;

import java.time.Instant;
import java.util.Optional;

/** Failed sign-ins per subject ("email:…" or "ip:…"), shared by all server instances through the database. */
public final class LoginFailures {
    private final Database db;

    LoginFailures(Database db) {
        this.db = db;
    }

    public void record(String subject, Instant at) {
        db.transaction(
                s -> s.createNativeMutationQuery("insert into login_failures (subject, failed_at) values (:s, :at)")
                        .setParameter("s", subject)
                        .setParameter("at", at)
                        .executeUpdate());
    }

    /** The number of failures since {@code since} and the oldest of them. */
    public Window since(String subject, Instant since) {
        return db.transaction(s -> {
            Object[] row = s.createNativeQuery(
                            "select count(*), min(failed_at) from login_failures where subject = :s and failed_at > :since",
                            Object[].class)
                    .setParameter("s", subject)
                    .setParameter("since", since)
                    .getSingleResult();
            long count = ((Number) row[0]).longValue();
            return new Window(count, Optional.ofNullable(toInstant(row[1])));
        });
    }

    public void clear(String subject) {
        db.transaction(s -> s.createNativeMutationQuery("delete from login_failures where subject = :s")
                .setParameter("s", subject)
                .executeUpdate());
    }

    /** Forgets failures older than {@code before}; they no longer count toward any window. */
    public int purge(Instant before) {
        return db.transaction(s -> s.createNativeMutationQuery("delete from login_failures where failed_at <= :before")
                .setParameter("before", before)
                .executeUpdate());
    }

    public record Window(long count, Optional<Instant> oldest) {}

    private static Instant toInstant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case java.time.OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
        };
    }
}
