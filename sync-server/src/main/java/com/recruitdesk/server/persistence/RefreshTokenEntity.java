package com.recruitdesk.server.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A refresh token, stored as its SHA-256 hash only; see the V1 migration for the family rule. */
@Entity
@Table(name = "refresh_tokens")
class RefreshTokenEntity {
    @Id
    @Column(name = "id", nullable = false, updatable = false)
    UUID id;

    @Column(name = "family_id", nullable = false, updatable = false)
    UUID familyId;

    @Column(name = "user_id", nullable = false, updatable = false)
    UUID userId;

    @Column(name = "token_hash", nullable = false, updatable = false)
    byte[] tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    Instant expiresAt;

    @Column(name = "used_at")
    Instant usedAt;

    @Column(name = "revoked_at")
    Instant revokedAt;

    protected RefreshTokenEntity() {}

    RefreshTokenEntity(UUID familyId, UUID userId, byte[] tokenHash, Instant createdAt, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.familyId = familyId;
        this.userId = userId;
        this.tokenHash = tokenHash.clone();
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }
}
