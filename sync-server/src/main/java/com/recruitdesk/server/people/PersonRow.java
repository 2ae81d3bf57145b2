package com.recruitdesk.server.people;

import com.recruitdesk.server.platform.db.Insert;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A new person ({@code candidates}: 000's Aspirant, 001's Contact, 002's and 003's Candidate in one
 * row), as the one writer of that table takes it: WhatsApp's find-or-create ({@link People}) writes
 * the identity columns, the demo a profile too. Later features (the web form, the bot, imports) add
 * the columns they fill. {@code null} values take the column's default.
 */
public final class PersonRow {
    private UUID id;
    private UUID organizationId;
    private UUID ownerUserId;
    private String source;
    private String whatsappId;
    private String whatsappUserId;
    private String whatsappParentUserId;
    private String whatsappUsername;
    private String whatsappName;
    private String email;
    private String phone;
    private String fullName;
    private String firstName;
    private String lastName;
    private String location;
    private Map<String, Object> metadata;
    private List<String> languages;
    private String preferredContactMode;
    private List<String> preferredModelingType;
    private Boolean hasKids;
    private String preferredShift;
    private List<String> unavailableShifts;
    private String formNotes;
    private Instant formSubmittedAt;
    private String currentJobTitle;
    private List<String> skills;
    private BigDecimal totalExperienceYears;
    private Long expectedCtc;
    private String currency;
    private Integer noticePeriodDays;
    private String readyToRelocate;
    private String highestEducation;
    private Integer yearOfPassing;
    private LocalDate dob;
    private String gender;
    private Instant skillsLastUpdated;
    private Instant createdAt;
    private Instant updatedAt;

    public UUID id() {
        return id;
    }

    public PersonRow id(UUID id) {
        this.id = id;
        return this;
    }

    public PersonRow organizationId(UUID organizationId) {
        this.organizationId = organizationId;
        return this;
    }

    public PersonRow ownerUserId(UUID ownerUserId) {
        this.ownerUserId = ownerUserId;
        return this;
    }

    public PersonRow source(String source) {
        this.source = source;
        return this;
    }

    public PersonRow whatsappId(String whatsappId) {
        this.whatsappId = whatsappId;
        return this;
    }

    public PersonRow whatsappUserId(String whatsappUserId) {
        this.whatsappUserId = whatsappUserId;
        return this;
    }

    public PersonRow whatsappParentUserId(String whatsappParentUserId) {
        this.whatsappParentUserId = whatsappParentUserId;
        return this;
    }

    public PersonRow whatsappUsername(String whatsappUsername) {
        this.whatsappUsername = whatsappUsername;
        return this;
    }

    public PersonRow whatsappName(String whatsappName) {
        this.whatsappName = whatsappName;
        return this;
    }

    public PersonRow email(String email) {
        this.email = email;
        return this;
    }

    public PersonRow phone(String phone) {
        this.phone = phone;
        return this;
    }

    public String fullName() {
        return fullName;
    }

    public PersonRow fullName(String fullName) {
        this.fullName = fullName;
        return this;
    }

    public PersonRow firstName(String firstName) {
        this.firstName = firstName;
        return this;
    }

    public PersonRow lastName(String lastName) {
        this.lastName = lastName;
        return this;
    }

    public String location() {
        return location;
    }

    public PersonRow location(String location) {
        this.location = location;
        return this;
    }

    public PersonRow metadata(Map<String, Object> metadata) {
        this.metadata = metadata;
        return this;
    }

    public PersonRow languages(List<String> languages) {
        this.languages = languages;
        return this;
    }

    public PersonRow preferredContactMode(String preferredContactMode) {
        this.preferredContactMode = preferredContactMode;
        return this;
    }

    public PersonRow preferredModelingType(List<String> preferredModelingType) {
        this.preferredModelingType = preferredModelingType;
        return this;
    }

    public PersonRow hasKids(Boolean hasKids) {
        this.hasKids = hasKids;
        return this;
    }

    public PersonRow preferredShift(String preferredShift) {
        this.preferredShift = preferredShift;
        return this;
    }

    public PersonRow unavailableShifts(List<String> unavailableShifts) {
        this.unavailableShifts = unavailableShifts;
        return this;
    }

    public PersonRow formNotes(String formNotes) {
        this.formNotes = formNotes;
        return this;
    }

    public PersonRow formSubmittedAt(Instant formSubmittedAt) {
        this.formSubmittedAt = formSubmittedAt;
        return this;
    }

    public PersonRow currentJobTitle(String currentJobTitle) {
        this.currentJobTitle = currentJobTitle;
        return this;
    }

    public PersonRow skills(List<String> skills) {
        this.skills = skills;
        return this;
    }

    public PersonRow totalExperienceYears(BigDecimal totalExperienceYears) {
        this.totalExperienceYears = totalExperienceYears;
        return this;
    }

    public PersonRow expectedCtc(Long expectedCtc) {
        this.expectedCtc = expectedCtc;
        return this;
    }

    public PersonRow currency(String currency) {
        this.currency = currency;
        return this;
    }

    public PersonRow noticePeriodDays(Integer noticePeriodDays) {
        this.noticePeriodDays = noticePeriodDays;
        return this;
    }

    public PersonRow readyToRelocate(String readyToRelocate) {
        this.readyToRelocate = readyToRelocate;
        return this;
    }

    public PersonRow highestEducation(String highestEducation) {
        this.highestEducation = highestEducation;
        return this;
    }

    public PersonRow yearOfPassing(Integer yearOfPassing) {
        this.yearOfPassing = yearOfPassing;
        return this;
    }

    public PersonRow dob(LocalDate dob) {
        this.dob = dob;
        return this;
    }

    public PersonRow gender(String gender) {
        this.gender = gender;
        return this;
    }

    public PersonRow skillsLastUpdated(Instant skillsLastUpdated) {
        this.skillsLastUpdated = skillsLastUpdated;
        return this;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public PersonRow createdAt(Instant createdAt) {
        this.createdAt = createdAt;
        return this;
    }

    public PersonRow updatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
        return this;
    }

    /** The {@code insert} of this row; the caller runs it, or first says what to do on a conflict. */
    public Insert insert() {
        return Insert.into("candidates")
                .set("id", id)
                .set("organization_id", organizationId)
                .set("owner_user_id", ownerUserId)
                .set("source", source)
                .set("whatsapp_id", whatsappId)
                .set("whatsapp_user_id", whatsappUserId)
                .set("whatsapp_parent_user_id", whatsappParentUserId)
                .set("whatsapp_username", whatsappUsername)
                .set("whatsapp_name", whatsappName)
                .set("email", email)
                .set("phone", phone)
                .set("full_name", fullName)
                .set("first_name", firstName)
                .set("last_name", lastName)
                .set("location", location)
                .json("metadata", metadata)
                .json("languages", languages)
                .set("preferred_contact_mode", preferredContactMode)
                .json("preferred_modeling_type", preferredModelingType)
                .set("has_kids", hasKids)
                .set("preferred_shift", preferredShift)
                .json("unavailable_shifts", unavailableShifts)
                .set("form_notes", formNotes)
                .set("form_submitted_at", formSubmittedAt)
                .set("current_job_title", currentJobTitle)
                .json("skills", skills)
                .set("total_experience_years", totalExperienceYears)
                .set("expected_ctc", expectedCtc)
                .set("currency", currency)
                .set("notice_period_days", noticePeriodDays)
                .set("ready_to_relocate", readyToRelocate)
                .set("highest_education", highestEducation)
                .set("year_of_passing", yearOfPassing)
                .set("dob", dob)
                .set("gender", gender)
                .set("skills_last_updated", skillsLastUpdated)
                .set("created_at", createdAt)
                .set("updated_at", updatedAt);
    }
}
