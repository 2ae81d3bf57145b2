package com.recruitdesk.protocol.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Every field of a job the editor offers (seed 002's jobs and seed 003's requisition fields), in the
 * editor's order, and the rules across fields both ends check: salaries and experience in order,
 * no deadline in the past for a live job, an address (slug) of the right form.
 */
public final class JobFields {
    public static final List<String> EMPLOYMENT_TYPES =
            List.of("full_time", "part_time", "contractor", "temporary", "intern");
    public static final List<String> WORK_MODES = List.of("on_site", "remote", "hybrid");
    public static final List<String> SALARY_UNITS = List.of("hour", "day", "week", "month", "year");
    public static final String SLUG_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

    public static final List<FieldSpec> BASICS = List.of(
            FieldSpec.line("title", "title", "title"),
            FieldSpec.line("internalJobId", "internal_job_id", "internal job id"),
            FieldSpec.id("clientId", "client_id", "client"),
            FieldSpec.id("assignedRecruiterId", "assigned_recruiter_id", "recruiter"),
            FieldSpec.id("hiringManagerUserId", "hiring_manager_user_id", "hiring manager"),
            FieldSpec.choice("employmentType", "employment_type", "employment type", EMPLOYMENT_TYPES),
            FieldSpec.choice("workMode", "work_mode", "work mode", WORK_MODES),
            FieldSpec.line("industry", "industry", "industry"),
            FieldSpec.line("functionalArea", "functional_area", "functional area"),
            FieldSpec.line("department", "department", "department"));
    public static final List<FieldSpec> PLACE_AND_PAY = List.of(
            FieldSpec.list("jobLocations", "job_locations", "locations"),
            FieldSpec.money("minSalary", "min_salary", "minimum salary"),
            FieldSpec.money("maxSalary", "max_salary", "maximum salary"),
            FieldSpec.matching("currency", "currency", "currency", "[A-Z]{3}"),
            FieldSpec.choice("salaryUnit", "salary_unit", "salary unit", SALARY_UNITS),
            FieldSpec.list("benefitsPerks", "benefits_perks", "benefits"));
    public static final List<FieldSpec> DESCRIPTION = List.of(
            FieldSpec.text("aboutCompany", "about_company", "about the company", FieldSpec.MAX_TEXT),
            FieldSpec.text("jobSummary", "job_summary", "job summary", FieldSpec.MAX_TEXT),
            FieldSpec.list("responsibilities", "responsibilities", "responsibilities"),
            FieldSpec.line("experienceRequired", "experience_required", "experience required"),
            FieldSpec.decimal("minExperienceYears", "min_experience_years", "minimum experience", 99),
            FieldSpec.decimal("maxExperienceYears", "max_experience_years", "maximum experience", 99),
            FieldSpec.line("educationQualification", "education_qualification", "education"),
            FieldSpec.list("requiredSkills", "required_skills", "required skills"),
            FieldSpec.list("preferredSkills", "preferred_skills", "preferred skills"),
            FieldSpec.list("toolsTechStack", "tools_tech_stack", "tools and tech stack"));
    public static final List<FieldSpec> PROCESS = List.of(
            FieldSpec.integer("numberOfOpenings", "number_of_openings", "positions available", 10_000),
            FieldSpec.integer("positionsFilled", "positions_filled", "positions filled", 10_000),
            FieldSpec.date("applicationDeadline", "application_deadline", "closing date"),
            FieldSpec.list("hiringProcessRounds", "hiring_process_rounds", "hiring rounds"),
            FieldSpec.line("noticePeriodAccepted", "notice_period_accepted", "notice period accepted"));
    public static final List<FieldSpec> SEO = List.of(
            FieldSpec.matching("slug", "slug", "page address", SLUG_PATTERN),
            FieldSpec.line("metaTitle", "meta_title", "page title"),
            FieldSpec.text("metaDescription", "meta_description", "page description", 320));

    /** Every field, in the editor's order. */
    public static final List<FieldSpec> ALL = concat(BASICS, PLACE_AND_PAY, DESCRIPTION, PROCESS, SEO);

    private JobFields() {}

    @SafeVarargs
    private static List<FieldSpec> concat(List<FieldSpec>... groups) {
        List<FieldSpec> all = new ArrayList<>();
        for (List<FieldSpec> g : groups) {
            all.addAll(g);
        }
        return List.copyOf(all);
    }

    /**
     * What is wrong with a job as it would be after an edit ({@code job} reads a field by wire name
     * from the merged row), its status {@code status}, today being {@code today}; empty when nothing.
     */
    public static List<String> crossFieldProblems(Function<String, JsonNode> job, String status, LocalDate today) {
        List<String> problems = new ArrayList<>();
        JsonNode title = job.apply("title");
        if (title == null || title.isNull() || title.asText().isBlank()) {
            problems.add("A job needs a title.");
        }
        if (bothSet(job, "minSalary", "maxSalary")
                && job.apply("minSalary").asLong() > job.apply("maxSalary").asLong()) {
            problems.add("The minimum salary is more than the maximum.");
        }
        if (bothSet(job, "minExperienceYears", "maxExperienceYears")
                && job.apply("minExperienceYears")
                                .decimalValue()
                                .compareTo(job.apply("maxExperienceYears").decimalValue())
                        > 0) {
            problems.add("The minimum experience is more than the maximum.");
        }
        if (bothSet(job, "positionsFilled", "numberOfOpenings")
                && job.apply("positionsFilled").asLong()
                        > job.apply("numberOfOpenings").asLong()) {
            problems.add("More positions are filled than there are.");
        }
        JsonNode deadline = job.apply("applicationDeadline");
        if (JobStatus.isLive(status)
                && deadline != null
                && deadline.isTextual()
                && LocalDate.parse(deadline.asText()).isBefore(today)) {
            problems.add("The closing date " + deadline.asText() + " has passed; move it before opening the job.");
        }
        return problems;
    }

    private static boolean bothSet(Function<String, JsonNode> job, String a, String b) {
        JsonNode x = job.apply(a);
        JsonNode y = job.apply(b);
        return x != null && !x.isNull() && x.isNumber() && y != null && !y.isNull() && y.isNumber();
    }

    /** A page address made from a title: "Senior Nurse (ICU)" → {@code senior-nurse-icu}. */
    public static String slugOf(String title) {
        String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (ascii.length() > 60) {
            ascii = ascii.substring(0, 60).replaceAll("-+$", "");
        }
        return ascii.isEmpty() ? "job" : ascii;
    }
}
