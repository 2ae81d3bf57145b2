package com.recruitdesk.server.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An applicant's answer to a prescreen question; {@code jobId} must be the job of both (composite keys). */
@Entity
@Table(name = "prescreen_answers")
class PrescreenAnswerEntity extends SyncedRow {
    UUID organizationId;
    UUID applicationId;
    UUID questionId;
    UUID jobId;
    String answerValue;
    String normalizedValue;
    Boolean validationResult;
    Integer questionScore;

    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> answerMetadata = new LinkedHashMap<>();

    UUID sourceMessageId;
}
