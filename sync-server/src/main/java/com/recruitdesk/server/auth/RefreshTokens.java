package com.recruitdesk.server.auth;

import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.db.Insert;
import com.recruitdesk.server.platform.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Refresh-token families. Every login starts a family; {@link #rotate} spends one token and issues
 * its successor. A spent token presented again revokes the whole family, since one of the two
 * holders is a thief and we cannot tell which.
 */
public final class RefreshTokens {
    private final Database db;
    private final Clock clock;

    public RefreshTokens(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public enum Outcome {
        ROTATED,
        UNKNOWN,
        EXPIRED,
        REVOKED,
        /** A spent token came back: the family is now revoked. */
        REUSED
    }

    public record Rotation(Outcome outcome, UUID userId) {}

    private record Token(UUID familyId, UUID userId, Instant expiresAt, Instant usedAt, Instant revokedAt) {}

    /** Starts a new family with its first token; returns the family id. */
    public UUID startFamily(UUID userId, byte[] tokenHash, Instant expiresAt) {
        UUID family = UUID.randomUUID();
        db.inTransaction(c -> insert(c, family, userId, tokenHash, clock.instant(), expiresAt));
        return family;
    }

    /** Spends the token whose hash is {@code presented} and, if it was good, stores {@code next} in its family. */
    public Rotation rotate(byte[] presented, byte[] next, Instant nextExpiresAt) {
        return db.inTransaction(c -> {
            Instant now = clock.instant();
            Optional<Token> found = Sql.one(
                    c,
                    "select family_id, user_id, expires_at, used_at, revoked_at from refresh_tokens"
                            + " where token_hash = ? for update",
                    rs -> new Token(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class),
                            instant(rs, 3),
                            instant(rs, 4),
                            instant(rs, 5)),
                    (Object) presented);
            if (found.isEmpty()) {
                return new Rotation(Outcome.UNKNOWN, null);
            }
            Token token = found.get();
            if (token.revokedAt() != null) {
                return new Rotation(Outcome.REVOKED, token.userId());
            }
            if (token.usedAt() != null) {
                revokeFamily(c, token.familyId(), now);
                return new Rotation(Outcome.REUSED, token.userId());
            }
            if (!token.expiresAt().isAfter(now)) {
                return new Rotation(Outcome.EXPIRED, token.userId());
            }
            Sql.update(c, "update refresh_tokens set used_at = ? where token_hash = ?", now, presented);
            insert(c, token.familyId(), token.userId(), next, now, nextExpiresAt);
            return new Rotation(Outcome.ROTATED, token.userId());
        });
    }

    /** Revokes the family of the token whose hash is given, if it belongs to {@code userId}; true if it did. */
    public boolean revokeFamilyOf(byte[] tokenHash, UUID userId) {
        return db.inTransaction(c -> {
            Optional<UUID> family = Sql.one(
                    c,
                    "select family_id from refresh_tokens where token_hash = ? and user_id = ?",
                    rs -> rs.getObject(1, UUID.class),
                    tokenHash,
                    userId);
            if (family.isPresent()) {
                revokeFamily(c, family.get(), clock.instant());
            }
            return family.isPresent();
        });
    }

    /**
     * On the caller's transaction: every session of {@code userId} ends (an administrator deactivated
     * them or reset their password); returns how many tokens were still live.
     */
    public static int revokeAll(Connection c, UUID userId, Instant now) throws SQLException {
        return Sql.update(
                c, "update refresh_tokens set revoked_at = ? where user_id = ? and revoked_at is null", now, userId);
    }

    private static int insert(Connection c, UUID family, UUID userId, byte[] hash, Instant at, Instant expiresAt)
            throws SQLException {
        return Insert.into("refresh_tokens")
                .set("family_id", family)
                .set("user_id", userId)
                .set("token_hash", hash.clone())
                .set("created_at", at)
                .set("expires_at", expiresAt)
                .execute(c);
    }

    private static void revokeFamily(Connection c, UUID familyId, Instant now) throws SQLException {
        Sql.update(
                c,
                "update refresh_tokens set revoked_at = ? where family_id = ? and revoked_at is null",
                now,
                familyId);
    }

    private static Instant instant(java.sql.ResultSet rs, int column) throws SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
