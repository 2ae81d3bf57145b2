package com.recruitdesk.server.persistence;

import jakarta.persistence.LockModeType;
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

    RefreshTokens(Database db) {
        this.db = db;
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

    /** Starts a new family with its first token; returns the family id. */
    public UUID startFamily(UUID userId, byte[] tokenHash, Instant expiresAt) {
        return db.transaction(s -> {
            var token = new RefreshTokenEntity(
                    UUID.randomUUID(), userId, tokenHash, db.clock().instant(), expiresAt);
            s.persist(token);
            return token.familyId;
        });
    }

    /** Spends the token whose hash is {@code presented} and, if it was good, stores {@code next} in its family. */
    public Rotation rotate(byte[] presented, byte[] next, Instant nextExpiresAt) {
        return db.transaction(s -> {
            Instant now = db.clock().instant();
            Optional<RefreshTokenEntity> found = s.createSelectionQuery(
                            "from RefreshTokenEntity where tokenHash = :hash", RefreshTokenEntity.class)
                    .setParameter("hash", presented)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .uniqueResultOptional();
            if (found.isEmpty()) {
                return new Rotation(Outcome.UNKNOWN, null);
            }
            RefreshTokenEntity token = found.get();
            if (token.revokedAt != null) {
                return new Rotation(Outcome.REVOKED, token.userId);
            }
            if (token.usedAt != null) {
                revokeFamily(s, token.familyId, now);
                return new Rotation(Outcome.REUSED, token.userId);
            }
            if (!token.expiresAt.isAfter(now)) {
                return new Rotation(Outcome.EXPIRED, token.userId);
            }
            token.usedAt = now;
            s.persist(new RefreshTokenEntity(token.familyId, token.userId, next, now, nextExpiresAt));
            return new Rotation(Outcome.ROTATED, token.userId);
        });
    }

    /** Revokes the family of the token whose hash is given, if it belongs to {@code userId}; true if it did. */
    public boolean revokeFamilyOf(byte[] tokenHash, UUID userId) {
        return db.transaction(s -> {
            Optional<RefreshTokenEntity> found = s.createSelectionQuery(
                            "from RefreshTokenEntity where tokenHash = :hash and userId = :user",
                            RefreshTokenEntity.class)
                    .setParameter("hash", tokenHash)
                    .setParameter("user", userId)
                    .uniqueResultOptional();
            found.ifPresent(t -> revokeFamily(s, t.familyId, db.clock().instant()));
            return found.isPresent();
        });
    }

    private static void revokeFamily(org.hibernate.Session s, UUID familyId, Instant now) {
        s.createMutationQuery(
                        "update RefreshTokenEntity set revokedAt = :now where familyId = :family and revokedAt is null")
                .setParameter("now", now)
                .setParameter("family", familyId)
                .executeUpdate();
    }
}
