package com.recruitdesk.server.auth;

import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.db.Insert;
import com.recruitdesk.server.platform.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
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
    private volatile byte[] key;

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

    /**
     * What a refresh came to. When {@code outcome} is {@link Outcome#ROTATED}: the user, the next
     * refresh token with its id, when it was issued and when it expires (a retry within the grace
     * gets these same values again).
     */
    public record Rotation(
            Outcome outcome, UUID userId, String next, UUID nextId, Instant issuedAt, Instant nextExpiresAt) {
        static Rotation refused(Outcome outcome, UUID userId) {
            return new Rotation(outcome, userId, null, null, null, null);
        }
    }

    private record Token(
            UUID id,
            UUID familyId,
            UUID userId,
            Instant createdAt,
            Instant expiresAt,
            Instant usedAt,
            Instant revokedAt) {}

    /** Starts a new family with its first token; returns the family id. */
    public UUID startFamily(UUID userId, byte[] tokenHash, Instant expiresAt) {
        UUID family = UUID.randomUUID();
        db.inTransaction(c -> insert(c, UUID.randomUUID(), family, userId, tokenHash, clock.instant(), expiresAt));
        return family;
    }

    /**
     * Spends {@code presented} and stores its successor in the family, valid for {@code ttl}. A token
     * spent less than {@code grace} ago whose successor is still unused is a retry after a lost
     * answer: it gets the same successor again. Any other spent token was copied: the family is revoked.
     */
    public Rotation rotate(String presented, Duration ttl, Duration grace) {
        byte[] presentedHash = RefreshTokenCodec.hash(presented);
        String next = RefreshTokenCodec.successor(successorKey(), presented);
        byte[] nextHash = RefreshTokenCodec.hash(next);
        return db.inTransaction(c -> {
            Instant now = clock.instant();
            Optional<Token> found = find(c, presentedHash);
            if (found.isEmpty()) {
                return Rotation.refused(Outcome.UNKNOWN, null);
            }
            Token token = found.get();
            if (token.revokedAt() != null) {
                return Rotation.refused(Outcome.REVOKED, token.userId());
            }
            if (token.usedAt() != null) {
                Optional<Token> successor = find(c, nextHash);
                boolean retry = successor.isPresent()
                        && successor.get().usedAt() == null
                        && successor.get().revokedAt() == null
                        && !now.isAfter(token.usedAt().plus(grace));
                if (retry) {
                    Token s = successor.get();
                    return new Rotation(Outcome.ROTATED, s.userId(), next, s.id(), s.createdAt(), s.expiresAt());
                }
                revokeFamily(c, token.familyId(), now);
                return Rotation.refused(Outcome.REUSED, token.userId());
            }
            if (!token.expiresAt().isAfter(now)) {
                return Rotation.refused(Outcome.EXPIRED, token.userId());
            }
            Sql.update(c, "update refresh_tokens set used_at = ? where token_hash = ?", now, presentedHash);
            UUID id = UUID.randomUUID();
            Instant expires = now.plus(ttl);
            insert(c, id, token.familyId(), token.userId(), nextHash, now, expires);
            return new Rotation(Outcome.ROTATED, token.userId(), next, id, now, expires);
        });
    }

    private byte[] successorKey() {
        byte[] key = this.key;
        if (key == null) {
            key = new ServerSecrets(db).getOrCreate("refresh-token-successor-key", 32);
            this.key = key;
        }
        return key;
    }

    private static Optional<Token> find(Connection c, byte[] hash) throws SQLException {
        return Sql.one(
                c,
                "select id, family_id, user_id, created_at, expires_at, used_at, revoked_at from refresh_tokens"
                        + " where token_hash = ? for update",
                rs -> new Token(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        instant(rs, 4),
                        instant(rs, 5),
                        instant(rs, 6),
                        instant(rs, 7)),
                (Object) hash);
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

    private static int insert(
            Connection c, UUID id, UUID family, UUID userId, byte[] hash, Instant at, Instant expiresAt)
            throws SQLException {
        return Insert.into("refresh_tokens")
                .set("id", id)
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
