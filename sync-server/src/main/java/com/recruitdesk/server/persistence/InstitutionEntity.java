package com.recruitdesk.server.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A training institution (004): the scope of an INSTITUTION_ADMIN. */
@Entity
@Table(name = "institutions")
class InstitutionEntity extends SyncedRow {
    UUID organizationId;
    String name;
    String registrationNumber;
    String address;
    String contactEmail;
    String contactPhone;
    UUID superAdminUserId;

    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> settings = new LinkedHashMap<>();
}
