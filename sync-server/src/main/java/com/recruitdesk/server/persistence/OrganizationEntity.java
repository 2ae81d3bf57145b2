package com.recruitdesk.server.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "organizations")
class OrganizationEntity extends SyncedRow {
    @Column(name = "name", nullable = false)
    String name;

    protected OrganizationEntity() {}

    OrganizationEntity(String name) {
        this.name = name;
    }
}
