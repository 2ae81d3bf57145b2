package com.recruitdesk.server.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.server.platform.db.Insert;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The demo's five jobs (one a draft) with their descriptions, and the prescreening questions of the
 * two that have them; {@link DemoPipeline} adds their applications.
 */
final class DemoJobs extends DemoPart {
    /** A job of the demo and the stage of each of its applications, in the order of the people. */
    record JobSpec(String key, String title, String status, List<String> stages) {}

    record Job(UUID id, String slug, Instant createdAt) {}

    record Question(UUID id, UUID jobId, String qid, List<String> choices) {}

    static final List<JobSpec> JOBS = List.of(
            new JobSpec(
                    "runway",
                    "Runway Model, Cape Town Fashion Week",
                    "open",
                    List.of("new", "new", "screening", "screening", "interview", "offer", "hired", "rejected")),
            new JobSpec(
                    "support",
                    "Customer Support Agent (WhatsApp and Email)",
                    "sourcing",
                    List.of("new", "screening", "screening", "interview", "rejected", "withdrawn", "offer", "new")),
            new JobSpec(
                    "java",
                    "Junior Java Developer",
                    "interview",
                    List.of("screening", "interview", "interview", "offer", "hired", "rejected", "new")),
            new JobSpec(
                    "warehouse",
                    "Warehouse Shift Supervisor",
                    "offer",
                    List.of("new", "screening", "interview", "withdrawn", "offer")),
            new JobSpec("print", "Commercial Print Model, Summer Campaign", "draft", List.of()));

    DemoJobs(DemoPart shared) {
        super(shared);
    }

    Job job(JobSpec spec) {
        String slug = spec.title()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        boolean published = !spec.status().equals("draft");
        Instant createdAt = ago(Duration.ofDays(45));
        Insert j = row("jobs", "job", spec.key(), createdAt)
                .set(
                        "assigned_recruiter_id",
                        spec.key().equals("java") || spec.key().equals("warehouse")
                                ? staff.recruiter2()
                                : staff.recruiter())
                .set("created_by_user_id", staff.manager())
                .set("hiring_manager_user_id", staff.manager())
                .set("title", spec.title())
                .set("internal_job_id", "RD-2026-" + (101 + JOBS.indexOf(spec)))
                .set("slug", slug)
                .set("status", spec.status())
                .set("currency", "ZAR")
                .set("number_of_openings", 2)
                .set("is_published", published)
                .set("published_at", published ? ago(Duration.ofDays(40)) : null)
                .set(
                        "application_deadline",
                        LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(30));
        ObjectNode skills = JsonNodeFactory.instance.objectNode();
        switch (spec.key()) {
            case "runway", "print" ->
                j.set("employment_type", "temporary")
                        .set("work_mode", "on_site")
                        .set("industry", "Fashion")
                        .json("job_locations", List.of("Cape Town"))
                        .set("min_salary", 2_500L)
                        .set("max_salary", 4_500L)
                        .set("salary_unit", "day")
                        .set("job_summary", "Runway and fitting work for three show days; fittings the week before.")
                        .json(
                                "responsibilities",
                                List.of("Attend fittings", "Walk in four shows", "Arrive camera-ready"))
                        .json(
                                "required_skills",
                                JsonNodeFactory.instance
                                        .arrayNode()
                                        .add("runway walk")
                                        .add("posing"))
                        .json("hiring_process_rounds", List.of("Photo review", "Casting", "Fitting"));
            case "support" ->
                j.set("employment_type", "full_time")
                        .set("work_mode", "hybrid")
                        .set("industry", "Telecommunications")
                        .json("job_locations", List.of("Johannesburg", "Remote"))
                        .set("min_salary", 12_000L)
                        .set("max_salary", 16_000L)
                        .set("salary_unit", "month")
                        .set("job_summary", "Answer customers on WhatsApp and email for a prepaid mobile brand.")
                        .json(
                                "responsibilities",
                                List.of("Resolve tickets", "Escalate outages", "Keep notes in the CRM"))
                        .json(
                                "required_skills",
                                skills.put("customer service", "intermediate").put("English", "fluent"))
                        .json("benefits_perks", List.of("Transport allowance", "Data bundle"))
                        .json("hiring_process_rounds", List.of("Prescreening", "Phone interview", "Offer"));
            case "java" ->
                j.set("employment_type", "full_time")
                        .set("work_mode", "hybrid")
                        .set("industry", "Financial services")
                        .json("job_locations", List.of("Cape Town"))
                        .set("min_salary", 360_000L)
                        .set("max_salary", 480_000L)
                        .set("salary_unit", "year")
                        .set("job_summary", "Build and run the payments API with a team of six.")
                        .json(
                                "required_skills",
                                skills.put("Java", "intermediate").put("SQL", "basic"))
                        .json(
                                "preferred_skills",
                                JsonNodeFactory.instance
                                        .arrayNode()
                                        .add("Spring")
                                        .add("PostgreSQL"))
                        .json("tools_tech_stack", List.of("Java 25", "Maven", "PostgreSQL", "Git"))
                        .set("min_experience_years", new BigDecimal("1.0"))
                        .set("max_experience_years", new BigDecimal("3.0"))
                        .json("hiring_process_rounds", List.of("Screening", "Technical interview", "Panel", "Offer"));
            case "warehouse" ->
                j.set("employment_type", "full_time")
                        .set("work_mode", "on_site")
                        .set("industry", "Logistics")
                        .json("job_locations", List.of("Durban"))
                        .set("min_salary", 18_000L)
                        .set("max_salary", 22_000L)
                        .set("salary_unit", "month")
                        .set("job_summary", "Lead a night shift of twelve pickers in a cold-chain warehouse.")
                        .json(
                                "required_skills",
                                JsonNodeFactory.instance
                                        .arrayNode()
                                        .add("team leadership")
                                        .add("WMS"))
                        .json("hiring_process_rounds", List.of("Phone screen", "On-site interview"));
            default -> throw new IllegalArgumentException(spec.key());
        }
        return new Job(idOf(j), slug, createdAt);
    }

    List<Question> prescreenQuestions(String jobKey, Job job) {
        List<Question> out = new ArrayList<>();
        int[] order = {0};
        switch (jobKey) {
            case "runway" -> {
                out.add(question(
                        job,
                        "ps_height_cm",
                        "How tall are you, in centimetres?",
                        "number",
                        true,
                        40,
                        List.of(),
                        Map.of("min", 170, "max", 195),
                        order));
                out.add(question(
                        job,
                        "ps_show_days",
                        "Can you attend all three show days?",
                        "choice",
                        true,
                        30,
                        List.of("Yes", "No", "Some of them"),
                        Map.of("accept", List.of("Yes")),
                        order));
                out.add(question(
                        job,
                        "ps_portfolio",
                        "Do you have a portfolio?",
                        "choice",
                        false,
                        20,
                        List.of("Yes", "No"),
                        null,
                        order));
                out.add(question(
                        job, "ps_city", "Which city do you live in?", "text", false, 10, List.of(), null, order));
            }
            case "support" -> {
                out.add(question(
                        job,
                        "ps_notice_period",
                        "When can you start?",
                        "choice",
                        true,
                        40,
                        List.of("Immediately", "In 2 weeks", "In a month or more"),
                        null,
                        order));
                out.add(question(
                        job,
                        "ps_languages",
                        "Which languages do you speak well?",
                        "multi_choice",
                        false,
                        30,
                        List.of("English", "isiZulu", "isiXhosa", "Afrikaans", "Sesotho"),
                        null,
                        order));
                out.add(question(
                        job,
                        "ps_night_shift",
                        "Can you work night shifts?",
                        "choice",
                        false,
                        30,
                        List.of("Yes", "No"),
                        null,
                        order));
            }
            default -> {}
        }
        return out;
    }

    private Question question(
            Job job,
            String qid,
            String text,
            String type,
            boolean mustHave,
            int weight,
            List<String> choices,
            Map<String, Object> validationRule,
            int[] order) {
        Insert q = row("prescreen_questions", "prescreen_question", qid, job.createdAt())
                .set("job_id", job.id())
                .set("qid", qid)
                .set("question_text", text)
                .set("question_type", type)
                .set("required", true)
                .set("must_have", mustHave)
                .set("weight", weight)
                .json("validation_rule", validationRule)
                .json("choices", choices)
                .set("sort_order", order[0]++);
        return new Question(idOf(q), job.id(), qid, choices);
    }
}
