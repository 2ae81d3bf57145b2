package com.recruitdesk.server.demo;

import com.recruitdesk.server.demo.DemoJobs.Job;
import com.recruitdesk.server.demo.DemoJobs.JobSpec;
import com.recruitdesk.server.demo.DemoJobs.Question;
import com.recruitdesk.server.people.PersonRow;
import com.recruitdesk.server.pipelines.Prescreens;
import com.recruitdesk.server.pipelines.Timeline;
import com.recruitdesk.server.platform.db.Insert;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The Pipelines pane: five jobs, applications at every stage with their timelines, and prescreen
 * questions and answers (one failing a must-have); then the interviews of those applications
 * ({@link DemoInterviews}).
 */
final class DemoPipeline extends DemoPart {
    /** What the interviews need of an application. */
    record Application(UUID id, UUID candidateId, UUID jobId, String stage) {}

    private final List<PersonRow> people;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final List<Application> applications = new ArrayList<>();

    DemoPipeline(DemoPart shared, List<PersonRow> people, List<UUID> numbers) {
        super(shared);
        this.people = people;
        jobs();
        new DemoInterviews(this, applications, jobs.get("java").id(), numbers);
    }

    // ---------------------------------------------------------------------------------------------
    // Jobs, prescreening, applications

    private static final List<String> PATH = List.of("new", "screening", "interview", "offer", "hired");

    private void jobs() {
        DemoJobs catalogue = new DemoJobs(this);
        int firstCandidate = 0;
        for (JobSpec spec : DemoJobs.JOBS) {
            Job job = catalogue.job(spec);
            jobs.put(spec.key(), job);
            List<Question> questions = catalogue.prescreenQuestions(spec.key(), job);
            for (int k = 0; k < spec.stages().size(); k++) {
                application(
                        job,
                        questions,
                        people.get(firstCandidate + k),
                        spec.stages().get(k),
                        k);
            }
            firstCandidate += spec.stages().size();
        }
    }

    private void application(Job job, List<Question> questions, PersonRow person, String stage, int k) {
        Instant appliedAt = ago(Duration.ofDays(4 + 3L * k));
        boolean answered = !questions.isEmpty() && !stage.equals("new");
        boolean heightFails = answered && stage.equals("rejected");
        boolean submitted = stage.equals("offer") || stage.equals("hired");
        boolean followUp = stage.equals("screening") || stage.equals("offer");
        Integer jdMatchScore = answered ? (heightFails ? 35 : 70 + k * 3) : null;
        Insert a = row("applications", "application", job.slug() + "/" + k, appliedAt)
                .set("candidate_id", person.id())
                .set("job_id", job.id())
                .set("applied_at", appliedAt)
                .set("stage", stage)
                .set("match_score", 55 + (k * 11) % 45)
                .set(
                        "automation_status",
                        switch (stage) {
                            case "new" -> k % 2 == 0 ? "new" : "contacting";
                            case "screening" -> k % 2 == 0 ? "awaiting_reply" : "live_chat";
                            case "withdrawn" -> "declined";
                            default -> "completed";
                        })
                .set("is_recruiter_approved", !stage.equals("new"))
                .set(
                        "follow_up_status",
                        switch (stage) {
                            case "screening" -> "shortlisted";
                            case "interview" -> "interview_scheduled";
                            case "offer" -> "offered";
                            case "hired" -> "joined";
                            case "rejected" -> "rejected";
                            default -> null;
                        })
                .set(
                        "next_follow_up_date",
                        followUp ? LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1 + k % 4) : null)
                .set(
                        "follow_up_remarks",
                        followUp ? (stage.equals("offer") ? "Waiting for the signed offer" : "Call after 14:00") : null)
                .set("pre_screening_completed", answered)
                .set("must_have_failed", heightFails)
                .set("last_prescreening_at", answered ? appliedAt.plus(Duration.ofHours(2)) : null)
                .set("jd_match_score", jdMatchScore)
                .json(
                        "pre_screening_summary",
                        answered
                                ? new LinkedHashMap<>(Map.of(
                                        "answered",
                                        questions.size(),
                                        "score",
                                        jdMatchScore,
                                        "mustHaveFailed",
                                        heightFails))
                                : null)
                .set("submitted_to_client", submitted)
                .set("submitted_to_client_at", submitted ? appliedAt.plus(Duration.ofDays(2)) : null)
                .set("ai_custom_summary", person.fullName() + " applied through WhatsApp; " + person.location() + ".");
        Application application = new Application(idOf(a), person.id(), job.id(), stage);
        applications.add(application);
        timeline(application, appliedAt, k);
        if (answered) {
            for (Question q : questions) {
                answer(application, appliedAt, q, person, heightFails, k);
            }
            // The derived results come from the answers, by the scoring the server always uses.
            write(c -> {
                Prescreens.rescore(c, application.id(), job.id(), appliedAt.plus(Duration.ofHours(2)));
                return 0;
            });
        }
    }

    /** The application's stages so far, written as {@code application.move} writes a move. */
    private void timeline(Application a, Instant appliedAt, int k) {
        List<String> steps = new ArrayList<>();
        steps.add("new");
        String stage = a.stage();
        if (PATH.contains(stage)) {
            steps.addAll(PATH.subList(1, PATH.indexOf(stage) + 1));
        } else {
            steps.add("screening");
            steps.add(stage);
        }
        String previous = null;
        for (int n = 0; n < steps.size(); n++) {
            Timeline step = new Timeline(
                    id("application_timeline", a.id() + "/" + n),
                    org,
                    a.id(),
                    "stage",
                    previous,
                    steps.get(n),
                    n == 0 ? null : recruiterFor(k),
                    switch (steps.get(n)) {
                        case "new" -> "Applied on WhatsApp";
                        case "screening" -> "Prescreening started";
                        case "interview" -> "Invited to interview";
                        case "offer" -> "Client approved; offer sent";
                        case "hired" -> "Offer signed";
                        case "rejected" -> "Does not meet a must-have requirement";
                        case "withdrawn" -> "Candidate accepted another offer";
                        default -> null;
                    },
                    appliedAt.plus(Duration.ofHours(6L * n)));
            write(c -> step.append(c, now));
            previous = steps.get(n);
        }
    }

    private void answer(Application a, Instant appliedAt, Question q, PersonRow person, boolean heightFails, int k) {
        String value;
        String normalized;
        boolean valid = true;
        switch (q.qid()) {
            case "ps_height_cm" -> {
                int cm = heightFails ? 162 : 172 + k * 2;
                value = cm + " cm";
                normalized = Integer.toString(cm);
                valid = !heightFails;
            }
            case "ps_city" -> {
                value = person.location();
                normalized = person.location();
            }
            case "ps_languages" -> {
                value = "English, isiZulu";
                normalized = "[\"English\",\"isiZulu\"]";
            }
            default -> {
                String choice = q.choices().get(k % q.choices().size());
                value = choice.toLowerCase(Locale.ROOT);
                normalized = choice;
            }
        }
        row("prescreen_answers", "prescreen_answer", a.id() + "/" + q.qid(), appliedAt.plus(Duration.ofHours(2)))
                .set("application_id", a.id())
                .set("question_id", q.id())
                .set("job_id", q.jobId())
                .set("answer_value", value)
                .set("normalized_value", normalized)
                .set("validation_result", valid)
                .set("question_score", valid ? 60 + (k * 13) % 41 : 0)
                .json("answer_metadata", new LinkedHashMap<>(Map.of("channel", "whatsapp", "attempts", 1 + k % 2)));
    }
}
