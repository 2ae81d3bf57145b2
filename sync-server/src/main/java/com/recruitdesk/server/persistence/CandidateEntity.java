package com.recruitdesk.server.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The person: 000's Aspirant, 001's Contact, 002's candidate_profile and 003's Candidate in one row,
 * keyed within the organization by {@code whatsappId} (E.164 with '+'), {@code whatsappUserId}
 * (Meta's business-scoped user id) and/or {@code email}.
 */
@Entity
@Table(name = "candidates")
class CandidateEntity extends SyncedRow {
    UUID organizationId;
    UUID ownerUserId;
    /** whatsapp, web_form, assessment, import, manual, cohort or referral. */
    String source = "whatsapp";

    // keys
    String whatsappId;
    /** Meta's business-scoped user id: the WhatsApp key when the number is hidden behind a username. */
    String whatsappUserId;

    String whatsappParentUserId;
    String email;
    /** Set on a duplicate whose WhatsApp identity moved to that person (decision 0015). */
    UUID mergedIntoId;

    // names
    String whatsappName;
    String whatsappUsername;
    String fullName;
    String firstName;
    String lastName;

    // 000 web form
    String location;

    @JdbcTypeCode(SqlTypes.JSON)
    List<String> preferredModelingType;

    Boolean hasKids;
    String preferredShift;

    @JdbcTypeCode(SqlTypes.JSON)
    List<String> unavailableShifts;

    String formNotes;
    Instant formSubmittedAt;
    UUID photoBlobId;

    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> metadata = new LinkedHashMap<>();

    // 002 contact and links
    String phone;
    String linkedinUrl;
    String portfolioUrl;
    String githubUrl;
    UUID resumeDocumentId;
    UUID portfolioDocumentId;
    Instant resumeLastUpdated;
    String bio;
    Boolean isActivelySearching;

    // skills and education
    String highestEducation;
    Integer yearOfPassing;

    @JdbcTypeCode(SqlTypes.JSON)
    List<String> skills;

    @JdbcTypeCode(SqlTypes.JSON)
    List<String> certificates;

    String projectsSummary;

    // job preferences
    BigDecimal totalExperienceYears;
    String experienceLevel;
    String currentJobTitle;
    String expectedRole;
    String jobTypePreference;

    @JdbcTypeCode(SqlTypes.JSON)
    List<String> currentLocations;

    @JdbcTypeCode(SqlTypes.JSON)
    List<String> preferredLocations;

    String readyToRelocate;
    Integer noticePeriodDays;
    LocalDate availabilityDate;
    Integer availabilityPercentage;
    String workAuthorization;

    // salary
    Long currentCtc;
    Long expectedCtc;
    String currency;
    Boolean isCtcNegotiable;

    // personal and broader preferences
    Boolean lookingForJobsAbroad;
    String sectorPreference;

    @JdbcTypeCode(SqlTypes.JSON)
    List<String> preferredIndustries;

    String gender;
    String maritalStatus;
    LocalDate dob;

    @JdbcTypeCode(SqlTypes.JSON)
    List<String> languages;

    String reservationCategory;
    String disability;
    String willingnessToTravel;
    Boolean hasDrivingLicense;

    // contact and availability
    Boolean hasCurrentOffers;
    Integer numberOfOffers;
    String bestTimeToContact;
    String preferredContactMode;
    String alternateEmail;
    String alternatePhone;
    String timeZone;

    // chatbot freshness
    Instant currentCtcLastUpdated;
    Instant expectedCtcLastUpdated;
    Instant noticePeriodLastUpdated;
    Instant totalExperienceLastUpdated;
    Instant currentLocationLastUpdated;
    Instant skillsLastUpdated;
    Instant preferredLocationLastUpdated;
    Instant lastPrescreeningAt;
}
