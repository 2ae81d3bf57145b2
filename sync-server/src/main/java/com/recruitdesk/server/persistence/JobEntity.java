package com.recruitdesk.server.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A job: 002's job united with 003's job requisition and job description. */
@Entity
@Table(name = "jobs")
class JobEntity extends SyncedRow {
    UUID organizationId;
    UUID clientId;
    UUID assignedRecruiterId;
    UUID createdByUserId;
    UUID hiringManagerUserId;

    // basic details
    String title;
    String internalJobId;
    /** full_time, part_time, contractor, temporary or intern. */
    String employmentType;
    /** on_site, remote or hybrid. */
    String workMode;

    String industry;
    String functionalArea;
    String department;

    // location and compensation
    @JdbcTypeCode(SqlTypes.JSON)
    List<String> jobLocations = new ArrayList<>();

    Long minSalary;
    Long maxSalary;
    String currency;
    /** hour, day, week, month or year. */
    String salaryUnit;

    @JdbcTypeCode(SqlTypes.JSON)
    List<String> benefitsPerks = new ArrayList<>();

    // description and requirements
    String aboutCompany;
    String jobSummary;
    UUID jdDocumentId;

    @JdbcTypeCode(SqlTypes.JSON)
    List<String> responsibilities = new ArrayList<>();

    String experienceRequired;
    String experienceLevel;
    BigDecimal minExperienceYears;
    BigDecimal maxExperienceYears;
    String educationQualification;

    /** An array of skills or a skill to level object. */
    @JdbcTypeCode(SqlTypes.JSON)
    JsonNode requiredSkills = JsonNodeFactory.instance.arrayNode();

    /** An array of skills or a skill to level object. */
    @JdbcTypeCode(SqlTypes.JSON)
    JsonNode preferredSkills = JsonNodeFactory.instance.arrayNode();

    @JdbcTypeCode(SqlTypes.JSON)
    List<String> toolsTechStack = new ArrayList<>();

    // application and process
    Integer numberOfOpenings;
    int positionsFilled;
    LocalDate applicationDeadline;

    @JdbcTypeCode(SqlTypes.JSON)
    List<String> hiringProcessRounds = new ArrayList<>();

    String noticePeriodAccepted;

    // SEO and publication
    String slug;
    String metaTitle;
    String metaDescription;
    boolean isPublished;
    Instant publishedAt;
    /** draft, open, sourcing, interview, offer, paused, filled, closed or cancelled. */
    String status = "draft";
}
