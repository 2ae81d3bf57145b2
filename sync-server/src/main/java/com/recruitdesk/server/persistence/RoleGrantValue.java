package com.recruitdesk.server.persistence;

import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.auth.RoleGrant;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;
import java.util.UUID;

/** One row of {@code user_roles}. */
@Embeddable
class RoleGrantValue {
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false)
    Role role;

    @Column(name = "institution_id")
    UUID institutionId;

    protected RoleGrantValue() {}

    RoleGrantValue(RoleGrant grant) {
        this.role = grant.role();
        this.institutionId = grant.institutionId();
    }

    RoleGrant toGrant() {
        return new RoleGrant(role, institutionId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoleGrantValue other
                && role == other.role
                && Objects.equals(institutionId, other.institutionId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(role, institutionId);
    }
}
