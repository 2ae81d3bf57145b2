package com.recruitdesk.protocol.pipelines;

import java.util.List;
import java.util.Map;

/**
 * The candidate's master profile (seed 002 candidate_profiles, sections A–G), as
 * {@code candidate.updateProfile} edits it, and which of the seed's freshness timestamps each field
 * renews when its value changes.
 */
public final class ProfileFields {
    public static final List<FieldSpec> CONTACT = List.of(
            FieldSpec.line("fullName", "full_name", "name"),
            FieldSpec.line("phone", "phone", "phone"),
            FieldSpec.line("linkedinUrl", "linkedin_url", "LinkedIn address"),
            FieldSpec.line("portfolioUrl", "portfolio_url", "portfolio address"),
            FieldSpec.line("githubUrl", "github_url", "GitHub address"),
            FieldSpec.text("bio", "bio", "professional summary", 4_000),
            FieldSpec.bool("isActivelySearching", "is_actively_searching", "actively searching"));
    public static final List<FieldSpec> SKILLS = List.of(
            FieldSpec.line("highestEducation", "highest_education", "highest education"),
            FieldSpec.integer("yearOfPassing", "year_of_passing", "year of passing", 2200),
            FieldSpec.list("skills", "skills", "skills"),
            FieldSpec.list("certificates", "certificates", "certificates"),
            FieldSpec.text("projectsSummary", "projects_summary", "projects", 4_000));
    public static final List<FieldSpec> PREFERENCES = List.of(
            FieldSpec.decimal("totalExperienceYears", "total_experience_years", "total experience", 99),
            FieldSpec.line("currentJobTitle", "current_job_title", "current role"),
            FieldSpec.line("expectedRole", "expected_role", "expected role"),
            FieldSpec.line("jobTypePreference", "job_type_preference", "job type"),
            FieldSpec.list("currentLocations", "current_locations", "current locations"),
            FieldSpec.list("preferredLocations", "preferred_locations", "preferred locations"),
            FieldSpec.choice(
                    "readyToRelocate",
                    "ready_to_relocate",
                    "ready to relocate",
                    List.of("yes", "no", "open_to_discussion")),
            FieldSpec.integer("noticePeriodDays", "notice_period_days", "notice period (days)", 365),
            FieldSpec.date("availabilityDate", "availability_date", "available from"),
            FieldSpec.choice(
                    "preferredShift",
                    "preferred_shift",
                    "shift",
                    List.of("morning", "afternoon", "evening", "day", "night", "flexible", "any")),
            FieldSpec.line("workAuthorization", "work_authorization", "work authorization"));
    public static final List<FieldSpec> SALARY = List.of(
            FieldSpec.money("currentCtc", "current_ctc", "current CTC"),
            FieldSpec.money("expectedCtc", "expected_ctc", "expected CTC"),
            FieldSpec.matching("currency", "currency", "currency", "[A-Z]{3}"),
            FieldSpec.bool("isCtcNegotiable", "is_ctc_negotiable", "CTC negotiable"));
    public static final List<FieldSpec> PERSONAL = List.of(
            FieldSpec.bool("lookingForJobsAbroad", "looking_for_jobs_abroad", "looking abroad"),
            FieldSpec.line("sectorPreference", "sector_preference", "sector"),
            FieldSpec.list("preferredIndustries", "preferred_industries", "industries"),
            FieldSpec.line("gender", "gender", "gender"),
            FieldSpec.line("maritalStatus", "marital_status", "marital status"),
            FieldSpec.date("dob", "dob", "date of birth"),
            FieldSpec.list("languages", "languages", "languages"),
            FieldSpec.line("reservationCategory", "reservation_category", "reservation category"),
            FieldSpec.line("disability", "disability", "disability"),
            FieldSpec.line("willingnessToTravel", "willingness_to_travel", "willingness to travel"),
            FieldSpec.bool("hasDrivingLicense", "has_driving_license", "driving licence"));
    public static final List<FieldSpec> AVAILABILITY = List.of(
            FieldSpec.bool("hasCurrentOffers", "has_current_offers", "has offers"),
            FieldSpec.integer("numberOfOffers", "number_of_offers", "number of offers", 100),
            FieldSpec.line("bestTimeToContact", "best_time_to_contact", "best time to contact"),
            FieldSpec.choice(
                    "preferredContactMode",
                    "preferred_contact_mode",
                    "contact by",
                    List.of("email", "call", "whatsapp")),
            // Lower case, as the column's check wants it (the desktop lowers what is typed).
            FieldSpec.matching("alternateEmail", "alternate_email", "alternate email", "[^\\sA-Z@]+@[^\\sA-Z@]+"),
            FieldSpec.line("alternatePhone", "alternate_phone", "alternate phone"),
            FieldSpec.line("timeZone", "time_zone", "time zone"));

    /** A section of the profile as the seed groups it. */
    public record Section(String heading, List<FieldSpec> fields) {}

    /** The seed's sections, in order (F, the work history, is rows of its own). */
    public static final List<Section> SECTIONS = List.of(
            new Section("A · Contact and links", CONTACT),
            new Section("B · Skills and education", SKILLS),
            new Section("C · Job preferences", PREFERENCES),
            new Section("D · Salary", SALARY),
            new Section("E · Personal and broader preferences", PERSONAL),
            new Section("G · Contact and availability", AVAILABILITY));

    public static final List<FieldSpec> ALL =
            SECTIONS.stream().flatMap(sec -> sec.fields().stream()).toList();

    /** The freshness timestamp (wire name) a change of a field renews (seed 002 "Chatbot Freshness Timestamps"). */
    public static final Map<String, String> FRESHNESS = Map.of(
            "currentCtc", "currentCtcLastUpdated",
            "expectedCtc", "expectedCtcLastUpdated",
            "noticePeriodDays", "noticePeriodLastUpdated",
            "totalExperienceYears", "totalExperienceLastUpdated",
            "currentLocations", "currentLocationLastUpdated",
            "skills", "skillsLastUpdated",
            "preferredLocations", "preferredLocationLastUpdated");

    private ProfileFields() {}
}
