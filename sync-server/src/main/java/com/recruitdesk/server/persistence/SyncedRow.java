package com.recruitdesk.server.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The columns every synced row has: id, version (bumped on each change), created and updated times. */
@MappedSuperclass
abstract class SyncedRow {
    @Id
    @Column(name = "id", nullable = false, updatable = false)
    protected UUID id;

    @Version
    @Column(name = "version", nullable = false)
    protected long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    protected Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    protected Instant updatedAt;

    @PrePersist
    void beforeInsert() {
        if (id == null) {
            id = UUID.randomUUID();
        }
        // A row may arrive with its times set (demo data, imports); otherwise it is new now.
        if (createdAt == null) {
            createdAt = now();
        }
        if (updatedAt == null) {
            updatedAt = createdAt;
        }
    }

    /** PostgreSQL keeps microseconds; so does the row in memory, so it equals what is read back. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @PreUpdate
    void beforeUpdate() {
        updatedAt = now();
    }
}
