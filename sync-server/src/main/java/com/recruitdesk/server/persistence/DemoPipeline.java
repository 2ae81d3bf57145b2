package com.recruitdesk.server.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
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
 * The Pipelines and Interviews panes: five jobs, applications at every stage with their
 * timelines, prescreen questions and answers (one failing a must-have), and interviews with and
 * without scorecards, taken by the two demo interviewers.
 */
final class DemoPipeline extends DemoPart {
    private record JobSpec(String key, String title, String status, List<String> stages) {}

    private final List<CandidateEntity> candidates;
    private final Map<String, JobEntity> jobs = new LinkedHashMap<>();
    private final List<ApplicationEntity> applications = new ArrayList<>();

    DemoPipeline(DemoPart shared, List<CandidateEntity> candidates) {
        super(shared);
        this.candidates = candidates;
        jobs();
        interviews();
    }

    // ---------------------------------------------------------------------------------------------
    // Jobs, prescreening, applications

    private static final List<JobSpec> JOBS = List.of(
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

    private static final List<String> PATH = List.of("new", "screening", "interview", "offer", "hired");

    private void jobs() {
        int firstCandidate = 0;
        for (JobSpec spec : JOBS) {
            JobEntity job = job(spec);
            jobs.put(spec.key(), job);
            List<PrescreenQuestionEntity> questions = prescreenQuestions(spec.key(), job);
            for (int k = 0; k < spec.stages().size(); k++) {
                application(
                        job,
                        questions,
                        candidates.get(firstCandidate + k),
                        spec.stages().get(k),
                        k);
            }
            firstCandidate += spec.stages().size();
        }
    }

    private JobEntity job(JobSpec spec) {
        JobEntity j = new JobEntity();
        j.organizationId = org;
        j.assignedRecruiterId =
                spec.key().equals("java") || spec.key().equals("warehouse") ? staff.recruiter2() : staff.recruiter();
        j.createdByUserId = staff.manager();
        j.hiringManagerUserId = staff.manager();
        j.title = spec.title();
        j.internalJobId = "RD-2026-" + (101 + JOBS.indexOf(spec));
        j.slug = spec.title()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        j.status = spec.status();
        j.currency = "ZAR";
        j.numberOfOpenings = 2;
        j.isPublished = !spec.status().equals("draft");
        j.publishedAt = j.isPublished ? ago(Duration.ofDays(40)) : null;
        j.applicationDeadline = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(30);
        ObjectNode skills = JsonNodeFactory.instance.objectNode();
        switch (spec.key()) {
            case "runway", "print" -> {
                j.employmentType = "temporary";
                j.workMode = "on_site";
                j.industry = "Fashion";
                j.jobLocations = List.of("Cape Town");
                j.minSalary = 2_500L;
                j.maxSalary = 4_500L;
                j.salaryUnit = "day";
                j.jobSummary = "Runway and fitting work for three show days; fittings the week before.";
                j.responsibilities = List.of("Attend fittings", "Walk in four shows", "Arrive camera-ready");
                j.requiredSkills =
                        JsonNodeFactory.instance.arrayNode().add("runway walk").add("posing");
                j.hiringProcessRounds = List.of("Photo review", "Casting", "Fitting");
            }
            case "support" -> {
                j.employmentType = "full_time";
                j.workMode = "hybrid";
                j.industry = "Telecommunications";
                j.jobLocations = List.of("Johannesburg", "Remote");
                j.minSalary = 12_000L;
                j.maxSalary = 16_000L;
                j.salaryUnit = "month";
                j.jobSummary = "Answer customers on WhatsApp and email for a prepaid mobile brand.";
                j.responsibilities = List.of("Resolve tickets", "Escalate outages", "Keep notes in the CRM");
                j.requiredSkills =
                        skills.put("customer service", "intermediate").put("English", "fluent");
                j.benefitsPerks = List.of("Transport allowance", "Data bundle");
                j.hiringProcessRounds = List.of("Prescreening", "Phone interview", "Offer");
            }
            case "java" -> {
                j.employmentType = "full_time";
                j.workMode = "hybrid";
                j.industry = "Financial services";
                j.jobLocations = List.of("Cape Town");
                j.minSalary = 360_000L;
                j.maxSalary = 480_000L;
                j.salaryUnit = "year";
                j.jobSummary = "Build and run the payments API with a team of six.";
                j.requiredSkills = skills.put("Java", "intermediate").put("SQL", "basic");
                j.preferredSkills =
                        JsonNodeFactory.instance.arrayNode().add("Spring").add("PostgreSQL");
                j.toolsTechStack = List.of("Java 25", "Maven", "PostgreSQL", "Git");
                j.minExperienceYears = new BigDecimal("1.0");
                j.maxExperienceYears = new BigDecimal("3.0");
                j.hiringProcessRounds = List.of("Screening", "Technical interview", "Panel", "Offer");
            }
            case "warehouse" -> {
                j.employmentType = "full_time";
                j.workMode = "on_site";
                j.industry = "Logistics";
                j.jobLocations = List.of("Durban");
                j.minSalary = 18_000L;
                j.maxSalary = 22_000L;
                j.salaryUnit = "month";
                j.jobSummary = "Lead a night shift of twelve pickers in a cold-chain warehouse.";
                j.requiredSkills = JsonNodeFactory.instance
                        .arrayNode()
                        .add("team leadership")
                        .add("WMS");
                j.hiringProcessRounds = List.of("Phone screen", "On-site interview");
            }
            default -> throw new IllegalArgumentException(spec.key());
        }
        return add(j, "job", spec.key(), ago(Duration.ofDays(45)));
    }

    private List<PrescreenQuestionEntity> prescreenQuestions(String jobKey, JobEntity job) {
        List<PrescreenQuestionEntity> out = new ArrayList<>();
        switch (jobKey) {
            case "runway" -> {
                out.add(question(
                        job, "ps_height_cm", "How tall are you, in centimetres?", "number", true, 40, List.of()));
                out.add(question(
                        job,
                        "ps_show_days",
                        "Can you attend all three show days?",
                        "choice",
                        true,
                        30,
                        List.of("Yes", "No", "Some of them")));
                out.add(question(
                        job, "ps_portfolio", "Do you have a portfolio?", "choice", false, 20, List.of("Yes", "No")));
                out.add(question(job, "ps_city", "Which city do you live in?", "text", false, 10, List.of()));
                out.getFirst().validationRule = new LinkedHashMap<>(Map.of("min", 170, "max", 195));
            }
            case "support" -> {
                out.add(question(
                        job,
                        "ps_notice_period",
                        "When can you start?",
                        "choice",
                        true,
                        40,
                        List.of("Immediately", "In 2 weeks", "In a month or more")));
                out.add(question(
                        job,
                        "ps_languages",
                        "Which languages do you speak well?",
                        "multi_choice",
                        false,
                        30,
                        List.of("English", "isiZulu", "isiXhosa", "Afrikaans", "Sesotho")));
                out.add(question(
                        job,
                        "ps_night_shift",
                        "Can you work night shifts?",
                        "choice",
                        false,
                        30,
                        List.of("Yes", "No")));
            }
            default -> {}
        }
        for (int k = 0; k < out.size(); k++) {
            out.get(k).sortOrder = k;
        }
        return out;
    }

    private PrescreenQuestionEntity question(
            JobEntity job, String qid, String text, String type, boolean mustHave, int weight, List<String> choices) {
        PrescreenQuestionEntity q = new PrescreenQuestionEntity();
        q.organizationId = org;
        q.jobId = job.id;
        q.qid = qid;
        q.questionText = text;
        q.questionType = type;
        q.mustHave = mustHave;
        q.weight = weight;
        q.choices = choices;
        return add(q, "prescreen_question", qid, job.createdAt);
    }

    private void application(
            JobEntity job, List<PrescreenQuestionEntity> questions, CandidateEntity person, String stage, int k) {
        ApplicationEntity a = new ApplicationEntity();
        a.organizationId = org;
        a.candidateId = person.id;
        a.jobId = job.id;
        a.appliedAt = ago(Duration.ofDays(4 + 3L * k));
        a.stage = stage;
        a.matchScore = 55 + (k * 11) % 45;
        a.automationStatus = switch (stage) {
            case "new" -> k % 2 == 0 ? "new" : "contacting";
            case "screening" -> k % 2 == 0 ? "awaiting_reply" : "live_chat";
            case "withdrawn" -> "declined";
            default -> "completed";
        };
        a.isRecruiterApproved = !stage.equals("new");
        a.followUpStatus = switch (stage) {
            case "screening" -> "shortlisted";
            case "interview" -> "interview_scheduled";
            case "offer" -> "offered";
            case "hired" -> "joined";
            case "rejected" -> "rejected";
            default -> null;
        };
        if (stage.equals("screening") || stage.equals("offer")) {
            a.nextFollowUpDate = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1 + k % 4);
            a.followUpRemarks = stage.equals("offer") ? "Waiting for the signed offer" : "Call after 14:00";
        }
        boolean answered = !questions.isEmpty() && !stage.equals("new");
        boolean heightFails = answered && stage.equals("rejected");
        a.preScreeningCompleted = answered;
        a.mustHaveFailed = heightFails;
        if (answered) {
            a.lastPrescreeningAt = a.appliedAt.plus(Duration.ofHours(2));
            a.jdMatchScore = heightFails ? 35 : 70 + k * 3;
            a.preScreeningSummary = new LinkedHashMap<>(
                    Map.of("answered", questions.size(), "score", a.jdMatchScore, "mustHaveFailed", heightFails));
        }
        a.submittedToClient = stage.equals("offer") || stage.equals("hired");
        a.submittedToClientAt = a.submittedToClient ? a.appliedAt.plus(Duration.ofDays(2)) : null;
        a.aiCustomSummary = person.fullName + " applied through WhatsApp; " + person.location + ".";
        applications.add(add(a, "application", job.slug + "/" + k, a.appliedAt));
        timeline(a, k);
        if (answered) {
            for (PrescreenQuestionEntity q : questions) {
                answer(a, q, person, heightFails, k);
            }
        }
    }

    private void timeline(ApplicationEntity a, int k) {
        List<String> steps = new ArrayList<>();
        steps.add("new");
        String stage = a.stage;
        if (PATH.contains(stage)) {
            steps.addAll(PATH.subList(1, PATH.indexOf(stage) + 1));
        } else {
            steps.add("screening");
            steps.add(stage);
        }
        String previous = null;
        for (int n = 0; n < steps.size(); n++) {
            ApplicationTimelineEntity step = new ApplicationTimelineEntity();
            step.organizationId = org;
            step.applicationId = a.id;
            step.field = "stage";
            step.previousStatus = previous;
            step.newStatus = steps.get(n);
            step.changedByUserId = n == 0 ? null : recruiterFor(k);
            step.remarks = switch (steps.get(n)) {
                case "new" -> "Applied on WhatsApp";
                case "screening" -> "Prescreening started";
                case "interview" -> "Invited to interview";
                case "offer" -> "Client approved; offer sent";
                case "hired" -> "Offer signed";
                case "rejected" -> "Does not meet a must-have requirement";
                case "withdrawn" -> "Candidate accepted another offer";
                default -> null;
            };
            add(step, "application_timeline", a.id + "/" + n, a.appliedAt.plus(Duration.ofHours(6L * n)));
            previous = steps.get(n);
        }
    }

    private void answer(
            ApplicationEntity a, PrescreenQuestionEntity q, CandidateEntity person, boolean heightFails, int k) {
        PrescreenAnswerEntity ans = new PrescreenAnswerEntity();
        ans.organizationId = org;
        ans.applicationId = a.id;
        ans.questionId = q.id;
        ans.jobId = q.jobId;
        switch (q.qid) {
            case "ps_height_cm" -> {
                int cm = heightFails ? 162 : 172 + k * 2;
                ans.answerValue = cm + " cm";
                ans.normalizedValue = Integer.toString(cm);
                ans.validationResult = !heightFails;
            }
            case "ps_city" -> {
                ans.answerValue = person.location;
                ans.normalizedValue = person.location;
                ans.validationResult = true;
            }
            case "ps_languages" -> {
                ans.answerValue = "English and isiZulu";
                ans.normalizedValue = "[\"English\",\"isiZulu\"]";
                ans.validationResult = true;
            }
            default -> {
                String choice = q.choices.get(k % q.choices.size());
                ans.answerValue = choice.toLowerCase(Locale.ROOT);
                ans.normalizedValue = choice;
                ans.validationResult = true;
            }
        }
        ans.questionScore = Boolean.TRUE.equals(ans.validationResult) ? 60 + (k * 13) % 41 : 0;
        ans.answerMetadata = new LinkedHashMap<>(Map.of("channel", "whatsapp", "attempts", 1 + k % 2));
        add(ans, "prescreen_answer", a.id + "/" + q.qid, a.appliedAt.plus(Duration.ofHours(2)));
    }

    // ---------------------------------------------------------------------------------------------
    // Interviews

    private void interviews() {
        int n = 0;
        for (ApplicationEntity a : applications) {
            switch (a.stage) {
                case "interview" -> {
                    if (n % 3 == 0) {
                        // Done yesterday; the scorecards are not in yet.
                        session(a, n, "completed", ago(Duration.ofHours(26)), Feedback.NONE);
                    } else if (n % 3 == 1) {
                        session(a, n, "scheduled", now.plus(Duration.ofHours(20 + n)), Feedback.NONE);
                    } else {
                        // The first slot was missed; the second is tomorrow.
                        session(a, n, "no_show", ago(Duration.ofDays(3)), Feedback.NONE);
                        session(a, n + 100, "scheduled", now.plus(Duration.ofDays(1)), Feedback.NONE);
                    }
                }
                case "offer" ->
                    session(
                            a,
                            n,
                            "completed",
                            ago(Duration.ofDays(5)),
                            n % 2 == 0 ? Feedback.BOTH : Feedback.ONE_DRAFT);
                case "hired" -> session(a, n, "completed", ago(Duration.ofDays(12)), Feedback.BOTH);
                case "rejected" -> {
                    if (a.jobId.equals(jobs.get("java").id)) {
                        session(a, n, "completed", ago(Duration.ofDays(8)), Feedback.NEGATIVE);
                    }
                }
                case "withdrawn" -> {
                    InterviewSessionEntity cancelled =
                            session(a, n, "cancelled", ago(Duration.ofDays(2)), Feedback.NONE);
                    cancelled.cancellationReason = "Candidate withdrew: accepted another offer";
                }
                default -> {}
            }
            n++;
        }
    }

    private enum Feedback {
        NONE,
        BOTH,
        ONE_DRAFT,
        NEGATIVE
    }

    private InterviewSessionEntity session(ApplicationEntity a, int n, String status, Instant at, Feedback feedback) {
        InterviewSessionEntity s = new InterviewSessionEntity();
        s.organizationId = org;
        s.createdByUserId = recruiterFor(n);
        s.candidateId = a.candidateId;
        s.jobId = a.jobId;
        s.applicationId = a.id;
        s.interviewType =
                List.of("technical", "behavioral", "panel", "cultural").get(n % 4);
        s.interviewMode = List.of("video", "in_person", "phone").get(n % 3);
        s.scheduledAt = at;
        s.durationMinutes = n % 2 == 0 ? 45 : 60;
        s.timezone = "Africa/Johannesburg";
        s.status = status;
        s.preparationNotes = "Read the CV and the prescreening answers first.";
        s.questionGuide =
                "1. Walk us through your last role. 2. A difficult customer or deadline. 3. Questions for us.";
        if (s.interviewMode.equals("video")) {
            s.meetingLink = "https://meet.recruitdesk.test/" + a.id.toString().substring(0, 8);
        } else if (s.interviewMode.equals("in_person")) {
            s.meetingRoom = "Boardroom 2, 3rd floor";
        }
        if (status.equals("completed")) {
            s.startedAt = at.plus(minutes(2));
            s.endedAt = s.startedAt.plus(minutes(s.durationMinutes + 5));
            s.actualDurationMinutes = s.durationMinutes + 5;
            s.meetingNotes = "Candidate was on time and well prepared.";
        }
        if (!status.equals("cancelled")) {
            s.reminderSentAt = at.minus(Duration.ofHours(24)).isBefore(now) ? at.minus(Duration.ofHours(24)) : null;
        }
        add(s, "interview_session", a.id + "/" + n, at.minus(Duration.ofDays(3)));
        participant(s, staff.interviewer(), "lead");
        participant(s, staff.interviewer2(), "panelist");
        switch (feedback) {
            case BOTH -> {
                feedback(s, staff.interviewer(), true, "strong_hire", "4.5");
                feedback(s, staff.interviewer2(), true, "hire", "4.0");
            }
            case ONE_DRAFT -> {
                feedback(s, staff.interviewer(), true, "hire", "4.0");
                feedback(s, staff.interviewer2(), false, "maybe", "3.0");
            }
            case NEGATIVE -> {
                feedback(s, staff.interviewer(), true, "no_hire", "2.0");
                feedback(s, staff.interviewer2(), true, "no_hire", "2.5");
            }
            case NONE -> {}
        }
        return s;
    }

    private void participant(InterviewSessionEntity s, UUID user, String role) {
        InterviewParticipantEntity p = new InterviewParticipantEntity();
        p.organizationId = org;
        p.interviewSessionId = s.id;
        p.userId = user;
        p.participantRole = role;
        add(p, "interview_participant", s.id + "/" + user, s.createdAt);
    }

    private void feedback(
            InterviewSessionEntity s, UUID interviewer, boolean submitted, String recommendation, String rating) {
        InterviewFeedbackEntity f = new InterviewFeedbackEntity();
        f.organizationId = org;
        f.interviewSessionId = s.id;
        f.interviewerUserId = interviewer;
        BigDecimal overall = new BigDecimal(rating);
        f.overallRating = overall;
        f.recommendation = recommendation;
        f.technicalSkillsRating = overall;
        f.communicationRating = overall.add(new BigDecimal("0.5")).min(new BigDecimal("5.0"));
        f.problemSolvingRating = overall;
        f.cultureFitRating = overall.subtract(new BigDecimal("0.5")).max(BigDecimal.ZERO);
        JsonNode skills = JsonNodeFactory.instance
                .objectNode()
                .put("communication", f.communicationRating)
                .put("problem solving", f.problemSolvingRating);
        f.skillsEvaluated = skills;
        f.questionsAsked = List.of("Walk us through your last role", "Tell us about a difficult customer");
        boolean positive = recommendation.endsWith("hire") && !recommendation.equals("no_hire");
        f.strengths = positive ? "Clear, confident, asks good questions." : "Friendly and punctual.";
        f.weaknesses = positive ? "Little experience with our tools." : "Could not explain the basics of the role.";
        f.detailedNotes = "Scorecard from the " + s.interviewType + " interview.";
        f.requiresSecondRound = recommendation.equals("maybe");
        f.isFinal = submitted;
        f.submittedAt = submitted ? s.endedAt.plus(minutes(30)) : null;
        add(f, "interview_feedback", s.id + "/" + interviewer, s.endedAt.plus(minutes(20)));
    }
}
