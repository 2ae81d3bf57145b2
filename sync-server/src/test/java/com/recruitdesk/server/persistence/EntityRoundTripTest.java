package com.recruitdesk.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.auth.RoleGrant;
import com.recruitdesk.server.support.TestPostgres;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each mapped aggregate survives a trip through Hibernate and PostgreSQL: persisted in one
 * session, read back in another, every field (jsonb included) equals what was written.
 */
class EntityRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MICROS);

    private static Database db;
    private static UUID org;
    private static UUID recruiter;
    private static UUID interviewer;
    private static UUID interviewer2;

    @BeforeAll
    static void open() {
        db = Database.open(TestPostgres.freshDatabase(), Clock.systemUTC());
        org = db.accounts().createOrganization("Round Trip Agency");
        recruiter = user("recruiter@rt.test", Role.RECRUITER);
        interviewer = user("interviewer@rt.test", Role.INTERVIEWER);
        interviewer2 = user("interviewer2@rt.test", Role.INTERVIEWER);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void whatsAppAccountRoundTrips() {
        assertRoundTrip(account("+27215550100"));
    }

    @Test
    void candidateWithEveryFieldAndItsTagRoundTrip() {
        CandidateEntity c = new CandidateEntity();
        c.organizationId = org;
        c.ownerUserId = recruiter;
        c.source = "web_form";
        c.whatsappId = "+27825550111";
        c.email = "thandi.mokoena@example.com";
        c.whatsappName = "Thandi M";
        c.fullName = "Thandi Mokoena";
        c.firstName = "Thandi";
        c.lastName = "Mokoena";
        c.location = "Cape Town";
        c.preferredModelingType = List.of("runway", "commercial");
        c.hasKids = false;
        c.preferredShift = "morning";
        c.unavailableShifts = List.of("evening");
        c.formNotes = "Available from March";
        c.formSubmittedAt = T0.minus(Duration.ofDays(2));
        c.metadata =
                new LinkedHashMap<>(Map.of("heightCm", 176, "referredBy", "Instagram", "sizes", List.of("S", "M")));
        c.phone = "+27215550999";
        c.linkedinUrl = "https://www.linkedin.com/in/thandi";
        c.portfolioUrl = "https://thandi.example.com";
        c.githubUrl = "https://github.com/thandi";
        c.resumeLastUpdated = T0.minus(Duration.ofDays(30));
        c.bio = "Commercial and runway model";
        c.isActivelySearching = true;
        c.highestEducation = "National Senior Certificate";
        c.yearOfPassing = 2019;
        c.skills = List.of("runway", "posing");
        c.certificates = List.of("First Aid Level 1");
        c.projectsSummary = "Cape Town Fashion Week 2025";
        c.totalExperienceYears = new BigDecimal("3.5");
        c.experienceLevel = "mid";
        c.currentJobTitle = "Freelance model";
        c.expectedRole = "Brand ambassador";
        c.jobTypePreference = "contract";
        c.currentLocations = List.of("Cape Town");
        c.preferredLocations = List.of("Cape Town", "Johannesburg");
        c.readyToRelocate = "open_to_discussion";
        c.noticePeriodDays = 14;
        c.availabilityDate = LocalDate.of(2026, 3, 1);
        c.availabilityPercentage = 80;
        c.workAuthorization = "South African citizen";
        c.currentCtc = 240_000L;
        c.expectedCtc = 300_000L;
        c.currency = "ZAR";
        c.isCtcNegotiable = true;
        c.lookingForJobsAbroad = false;
        c.sectorPreference = "fashion";
        c.preferredIndustries = List.of("fashion", "retail");
        c.gender = "female";
        c.maritalStatus = "single";
        c.dob = LocalDate.of(2001, 7, 14);
        c.languages = List.of("English", "isiXhosa");
        c.reservationCategory = "none";
        c.disability = "none";
        c.willingnessToTravel = "yes";
        c.hasDrivingLicense = true;
        c.hasCurrentOffers = true;
        c.numberOfOffers = 1;
        c.bestTimeToContact = "mornings";
        c.preferredContactMode = "whatsapp";
        c.alternateEmail = "thandi.m@example.org";
        c.alternatePhone = "+27215550998";
        c.timeZone = "Africa/Johannesburg";
        c.currentCtcLastUpdated = T0.minusSeconds(10);
        c.expectedCtcLastUpdated = T0.minusSeconds(20);
        c.noticePeriodLastUpdated = T0.minusSeconds(30);
        c.totalExperienceLastUpdated = T0.minusSeconds(40);
        c.currentLocationLastUpdated = T0.minusSeconds(50);
        c.skillsLastUpdated = T0.minusSeconds(60);
        c.preferredLocationLastUpdated = T0.minusSeconds(70);
        c.lastPrescreeningAt = T0.minusSeconds(80);
        assertRoundTrip(c);

        CandidateTagEntity tag = new CandidateTagEntity();
        tag.organizationId = org;
        tag.candidateId = c.id;
        tag.tag = "runway";
        assertRoundTrip(tag);
    }

    @Test
    void conversationAndItsMessagesOfEveryKindRoundTrip() {
        WhatsAppAccountEntity account = persisted(account("+27215550101"));
        CandidateEntity person = persisted(candidate("+27825550222"));

        ConversationEntity conv = new ConversationEntity();
        conv.organizationId = org;
        conv.whatsappAccountId = account.id;
        conv.candidateId = person.id;
        conv.status = "needs_attention";
        conv.assignedUserId = recruiter;
        conv.unreadCount = 2;
        conv.lastMessageAt = T0.minusSeconds(5);
        conv.lastMessagePreview = "Here is my CV";
        conv.lastInboundAt = T0.minusSeconds(5);
        assertRoundTrip(conv);

        MessageEntity location = message(conv, "inbound", "location", "candidate");
        location.providerMessageId = "wamid.RT-LOCATION";
        location.payload = new LinkedHashMap<>(
                Map.of("latitude", -33.9249, "longitude", 18.4241, "name", "V&A Waterfront", "address", "Cape Town"));
        assertRoundTrip(location);

        MessageEntity document = message(conv, "inbound", "document", "candidate");
        document.providerMessageId = "wamid.RT-DOCUMENT";
        document.mediaProviderId = "1234567890";
        document.mediaMimeType = "application/pdf";
        document.mediaFilename = "cv.pdf";
        document.mediaCaption = "Here is my CV";
        document.replyToMessageId = location.id;
        assertRoundTrip(document);

        MessageEntity failed = message(conv, "outbound", "text", "user");
        failed.senderUserId = recruiter;
        failed.body = "Are you still interested?";
        failed.providerMessageId = "wamid.RT-FAILED";
        failed.status = "failed";
        failed.errorCode = 131047;
        failed.errorTitle = "Re-engagement message";
        assertRoundTrip(failed);

        MessageEntity read = message(conv, "outbound", "interactive", "bot");
        read.body = "Which shift suits you?";
        read.payload = new LinkedHashMap<>(Map.of("buttons", List.of(Map.of("id", "morning", "title", "Morning"))));
        read.providerMessageId = "wamid.RT-READ";
        read.status = "read";
        read.deliveredAt = T0.minusSeconds(3);
        read.readAt = T0.minusSeconds(2);
        assertRoundTrip(read);

        MessageEntity voice = message(conv, "inbound", "audio", "candidate");
        voice.isVoice = true;
        voice.providerMessageId = "wamid.RT-VOICE";
        voice.mediaProviderId = "99887766";
        voice.mediaMimeType = "audio/ogg";
        assertRoundTrip(voice);

        MessageEntity note = message(conv, "internal", "note", "user");
        note.senderUserId = recruiter;
        note.body = "Called her, she will resend the CV";
        assertRoundTrip(note);
    }

    @Test
    void jobWithPrescreenQuestionRoundTrips() throws Exception {
        JobEntity job = job("rt-job-1");
        job.clientId = null;
        job.assignedRecruiterId = recruiter;
        job.createdByUserId = recruiter;
        job.hiringManagerUserId = recruiter;
        job.internalJobId = "RT-001";
        job.employmentType = "full_time";
        job.workMode = "hybrid";
        job.industry = "Software";
        job.functionalArea = "Engineering";
        job.department = "Platform";
        job.jobLocations = List.of("Cape Town", "Remote");
        job.minSalary = 420_000L;
        job.maxSalary = 600_000L;
        job.currency = "ZAR";
        job.salaryUnit = "year";
        job.benefitsPerks = List.of("Medical aid", "Laptop");
        job.aboutCompany = "A fintech";
        job.jobSummary = "Build the payments API";
        job.responsibilities = List.of("Write Java", "Review code");
        job.experienceRequired = "2+ years";
        job.experienceLevel = "junior";
        job.minExperienceYears = new BigDecimal("2.0");
        job.maxExperienceYears = new BigDecimal("4.5");
        job.educationQualification = "BSc Computer Science";
        job.requiredSkills = JSON.readTree("{\"java\": \"advanced\", \"sql\": \"intermediate\"}");
        job.preferredSkills = JSON.readTree("[\"kotlin\", \"postgresql\"]");
        job.toolsTechStack = List.of("Maven", "Git");
        job.numberOfOpenings = 2;
        job.positionsFilled = 1;
        job.applicationDeadline = LocalDate.of(2026, 12, 31);
        job.hiringProcessRounds = List.of("Screening call", "Technical", "Offer");
        job.noticePeriodAccepted = "30 days";
        job.metaTitle = "Junior Java Developer";
        job.metaDescription = "Join us";
        job.isPublished = true;
        job.publishedAt = T0.minus(Duration.ofDays(3));
        job.status = "open";
        assertRoundTrip(job);

        PrescreenQuestionEntity q = question(job, "ps_notice_period", "choice");
        q.mustHave = true;
        q.weight = 40;
        q.validationRule = new LinkedHashMap<>(Map.of("maxDays", 30));
        q.choices = List.of("Immediately", "2 weeks", "1 month");
        q.sortOrder = 2;
        assertRoundTrip(q);
    }

    @Test
    void applicationWithTimelineAndPrescreenAnswerRoundTrip() throws Exception {
        JobEntity job = persisted(job("rt-job-2"));
        PrescreenQuestionEntity q = persisted(question(job, "ps_years", "number"));
        CandidateEntity person = persisted(candidate("+27825550333"));

        ApplicationEntity a = new ApplicationEntity();
        a.organizationId = org;
        a.candidateId = person.id;
        a.jobId = job.id;
        a.appliedAt = T0.minus(Duration.ofDays(5));
        a.stage = "screening";
        a.matchScore = 82;
        a.aiCustomSummary = "Strong Java, little SQL";
        a.automationStatus = "awaiting_reply";
        a.isRecruiterApproved = true;
        a.followUpStatus = "shortlisted";
        a.nextFollowUpDate = LocalDate.of(2026, 12, 1);
        a.followUpRemarks = "Call after 14:00";
        a.preScreeningCompleted = true;
        a.preScreeningSummary = new LinkedHashMap<>(Map.of("score", 75, "mustHaveFailed", false));
        a.jdMatchScore = 70;
        a.lastPrescreeningAt = T0.minus(Duration.ofDays(1));
        a.submittedToClient = true;
        a.submittedToClientAt = T0.minusSeconds(100);
        a.candidateAvailability = "immediate";
        a.submittedSkills = JSON.readTree("[\"java\", \"spring\"]");
        a.roleAppliedFor = "Junior Java Developer";
        ApplicationEntity loaded = assertRoundTrip(a);
        assertThat(loaded.isActive).as("generated from the stage").isTrue();

        ApplicationTimelineEntity step = new ApplicationTimelineEntity();
        step.organizationId = org;
        step.applicationId = a.id;
        step.field = "stage";
        step.previousStatus = "new";
        step.newStatus = "screening";
        step.changedByUserId = recruiter;
        step.remarks = "Good CV";
        assertRoundTrip(step);

        PrescreenAnswerEntity answer = new PrescreenAnswerEntity();
        answer.organizationId = org;
        answer.applicationId = a.id;
        answer.questionId = q.id;
        answer.jobId = job.id;
        answer.answerValue = "three years";
        answer.normalizedValue = "3";
        answer.validationResult = true;
        answer.questionScore = 90;
        answer.answerMetadata = new LinkedHashMap<>(Map.of("parser", "number", "confidence", 0.93));
        assertRoundTrip(answer);
    }

    @Test
    void interviewWithParticipantsAndFeedbackRoundTrip() throws Exception {
        CandidateEntity person = persisted(candidate("+27825550444"));
        JobEntity job = persisted(job("rt-job-3"));

        InterviewSessionEntity session = new InterviewSessionEntity();
        session.organizationId = org;
        session.createdByUserId = recruiter;
        session.candidateId = person.id;
        session.jobId = job.id;
        session.interviewType = "panel";
        session.interviewMode = "video";
        session.scheduledAt = T0.minus(Duration.ofHours(3));
        session.durationMinutes = 45;
        session.timezone = "Africa/Johannesburg";
        session.status = "completed";
        session.startedAt = T0.minus(Duration.ofHours(3));
        session.endedAt = T0.minus(Duration.ofHours(2));
        session.actualDurationMinutes = 52;
        session.preparationNotes = "Read the CV";
        session.questionGuide = "Java basics, SQL joins";
        session.meetingLink = "https://meet.example.com/abc";
        session.meetingRoom = "Table Mountain room";
        session.meetingNotes = "Went well";
        session.reminderSentAt = T0.minus(Duration.ofDays(1));
        assertRoundTrip(session);

        InterviewParticipantEntity lead = participant(session, interviewer, "lead");
        assertRoundTrip(lead);
        assertRoundTrip(participant(session, interviewer2, "panelist"));

        InterviewFeedbackEntity f = new InterviewFeedbackEntity();
        f.organizationId = org;
        f.interviewSessionId = session.id;
        f.interviewerUserId = interviewer;
        f.overallRating = new BigDecimal("4.5");
        f.recommendation = "hire";
        f.technicalSkillsRating = new BigDecimal("4.0");
        f.communicationRating = new BigDecimal("5.0");
        f.problemSolvingRating = new BigDecimal("3.5");
        f.cultureFitRating = new BigDecimal("4.5");
        f.skillsEvaluated = JSON.readTree("{\"java\": 4, \"sql\": 3}");
        f.strengths = "Clear thinker";
        f.weaknesses = "Little SQL";
        f.detailedNotes = "Solved the exercise in 20 minutes";
        f.questionsAsked = new ArrayList<>(List.of("Explain a HashMap", "Write a join"));
        f.requiresSecondRound = true;
        f.followUpNotes = "Second round with the CTO";
        f.submittedAt = T0.minus(Duration.ofHours(1));
        f.isFinal = true;
        assertRoundTrip(f);
    }

    @Test
    void institutionCohortAndEnrollmentRoundTrip() {
        InstitutionEntity inst = new InstitutionEntity();
        inst.organizationId = org;
        inst.name = "Round Trip Academy";
        inst.registrationNumber = "2019/123456/07";
        inst.address = "1 Long Street, Cape Town";
        inst.contactEmail = "office@rt-academy.test";
        inst.contactPhone = "+27215550123";
        inst.superAdminUserId = recruiter;
        inst.settings = new LinkedHashMap<>(Map.of("requireIdDocument", true, "documents", List.of("id_document")));
        assertRoundTrip(inst);

        CohortEntity cohort = new CohortEntity();
        cohort.organizationId = org;
        cohort.institutionId = inst.id;
        cohort.createdByUserId = recruiter;
        cohort.name = "Retail Learnership 2026";
        cohort.programType = "learnership";
        cohort.sponsorEmail = "hr@sponsor.test";
        cohort.studentCount = 25;
        cohort.adminSignedAt = T0.minus(Duration.ofDays(10));
        cohort.state = "active";
        cohort.startDate = LocalDate.of(2026, 2, 1);
        cohort.endDate = LocalDate.of(2026, 11, 30);
        assertRoundTrip(cohort);

        CandidateEntity student = persisted(candidate("+27825550555"));
        CohortEnrollmentEntity e = new CohortEnrollmentEntity();
        e.organizationId = org;
        e.institutionId = inst.id;
        e.cohortId = cohort.id;
        e.candidateId = student.id;
        e.state = "in_progress";
        e.documentVerificationState = "rejected";
        e.rejectionReason = "ID copy is not certified";
        e.studentData = new LinkedHashMap<>(Map.of("age", 22, "city", "Khayelitsha", "gender", "female"));
        assertRoundTrip(e);
    }

    @Test
    void changingARowBumpsItsVersionAndUpdatedAt() {
        WhatsAppAccountEntity account = persisted(account("+27215550102"));
        Instant created = account.updatedAt;

        db.transaction(s -> {
            s.find(WhatsAppAccountEntity.class, account.id).connectionStatus = "disconnected";
            return null;
        });
        WhatsAppAccountEntity loaded = load(account);

        assertThat(loaded.connectionStatus).isEqualTo("disconnected");
        assertThat(loaded.version).isEqualTo(account.version + 1);
        assertThat(loaded.updatedAt).isAfterOrEqualTo(created);
        assertThat(loaded.createdAt).isEqualTo(account.createdAt);
    }

    @Test
    void movingAnApplicationToHiredMakesItInactive() {
        JobEntity job = persisted(job("rt-job-4"));
        CandidateEntity person = persisted(candidate("+27825550666"));
        ApplicationEntity a = new ApplicationEntity();
        a.organizationId = org;
        a.candidateId = person.id;
        a.jobId = job.id;
        a.appliedAt = T0;
        persisted(a);
        assertThat(a.isActive).as("read back after insert").isTrue();

        Boolean activeAfterUpdate = db.transaction(s -> {
            ApplicationEntity managed = s.find(ApplicationEntity.class, a.id);
            managed.stage = "hired";
            s.flush();
            return managed.isActive;
        });

        assertThat(activeAfterUpdate).as("read back after update").isFalse();
        assertThat(load(a).isActive).isFalse();
    }

    // ---------------------------------------------------------------------------------------------

    private static <T extends SyncedRow> T assertRoundTrip(T written) {
        persisted(written);
        T loaded = load(written);
        assertThat(loaded).isNotSameAs(written);
        assertThat(loaded)
                .usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .withEqualsForType(JsonNode::equals, JsonNode.class)
                .isEqualTo(written);
        return loaded;
    }

    private static <T extends SyncedRow> T persisted(T row) {
        db.transaction(s -> {
            s.persist(row);
            return null;
        });
        return row;
    }

    @SuppressWarnings("unchecked")
    private static <T extends SyncedRow> T load(T row) {
        return db.transaction(s -> (T) s.find(row.getClass(), row.id));
    }

    private static UUID user(String email, Role role) {
        return db.accounts()
                .create(org, email, email, "not-a-real-hash", List.of(RoleGrant.of(role)))
                .id();
    }

    private static WhatsAppAccountEntity account(String phone) {
        WhatsAppAccountEntity a = new WhatsAppAccountEntity();
        a.organizationId = org;
        a.displayName = "Recruiting line " + phone;
        a.phone = phone;
        a.provider = "cloud_api";
        a.phoneNumberId = "pn-" + phone.substring(1);
        a.wabaId = "waba-1";
        a.connectionStatus = "connected";
        a.webhookUrl = "https://hooks.example.com/wa";
        a.lastConnectedAt = T0.minusSeconds(60);
        return a;
    }

    private static CandidateEntity candidate(String whatsappId) {
        CandidateEntity c = new CandidateEntity();
        c.organizationId = org;
        c.whatsappId = whatsappId;
        c.whatsappName = "Person " + whatsappId;
        return c;
    }

    private static JobEntity job(String slug) {
        JobEntity j = new JobEntity();
        j.organizationId = org;
        j.title = "Job " + slug;
        j.slug = slug;
        return j;
    }

    private static PrescreenQuestionEntity question(JobEntity job, String qid, String type) {
        PrescreenQuestionEntity q = new PrescreenQuestionEntity();
        q.organizationId = org;
        q.jobId = job.id;
        q.qid = qid;
        q.questionText = "Question " + qid;
        q.questionType = type;
        return q;
    }

    private static MessageEntity message(ConversationEntity conv, String direction, String type, String senderType) {
        MessageEntity m = new MessageEntity();
        m.organizationId = org;
        m.conversationId = conv.id;
        m.whatsappAccountId = conv.whatsappAccountId;
        m.candidateId = conv.candidateId;
        m.direction = direction;
        m.type = type;
        m.senderType = senderType;
        m.sentAt = T0.minusSeconds(30);
        return m;
    }

    private static InterviewParticipantEntity participant(InterviewSessionEntity session, UUID user, String role) {
        InterviewParticipantEntity p = new InterviewParticipantEntity();
        p.organizationId = org;
        p.interviewSessionId = session.id;
        p.userId = user;
        p.participantRole = role;
        return p;
    }
}
