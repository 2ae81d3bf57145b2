package com.recruitdesk.server.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A question the bot asks applicants to a job (002 job_prescreen_questions). */
@Entity
@Table(name = "prescreen_questions")
class PrescreenQuestionEntity extends SyncedRow {
    UUID organizationId;
    UUID jobId;
    /** Unique per job, e.g. ps_notice_period. */
    String qid;

    String questionText;
    /** text, number, date, choice or multi_choice. */
    String questionType;

    boolean required = true;
    boolean mustHave;
    int weight = 1;

    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> validationRule;

    @JdbcTypeCode(SqlTypes.JSON)
    List<String> choices = new ArrayList<>();

    int sortOrder;
}
