package com.recruitdesk.protocol.sync;

import java.util.List;

/**
 * The entity names rows travel under in the change feed ({@link Change#entity}), one per synced
 * table (the table each comes from is beside it). Generic code on either side never spells one out;
 * features name their entities through these constants.
 */
public final class Entities {
    /** {@code organizations} */
    public static final String ORGANIZATION = "organization";
    /** {@code institutions} */
    public static final String INSTITUTION = "institution";
    /** {@code users} */
    public static final String USER = "user";
    /** {@code user_settings} */
    public static final String USER_SETTINGS = "userSettings";
    /** {@code system_settings} */
    public static final String SYSTEM_SETTING = "systemSetting";
    /** {@code workspaces} */
    public static final String WORKSPACE = "workspace";
    /** {@code workspace_members} */
    public static final String WORKSPACE_MEMBER = "workspaceMember";
    /** {@code whatsapp_accounts} */
    public static final String WHATSAPP_ACCOUNT = "whatsappAccount";
    /** {@code candidates} */
    public static final String CANDIDATE = "candidate";
    /** {@code candidate_tags} */
    public static final String CANDIDATE_TAG = "candidateTag";
    /** {@code candidate_work_history} */
    public static final String CANDIDATE_WORK_HISTORY = "candidateWorkHistory";
    /** {@code uploaded_documents} */
    public static final String UPLOADED_DOCUMENT = "uploadedDocument";
    /** {@code blobs} */
    public static final String BLOB = "blob";
    /** {@code leads} */
    public static final String LEAD = "lead";
    /** {@code sales_tasks} */
    public static final String SALES_TASK = "salesTask";
    /** {@code clients} */
    public static final String CLIENT = "client";
    /** {@code jobs} */
    public static final String JOB = "job";
    /** {@code external_job_postings} */
    public static final String EXTERNAL_JOB_POSTING = "externalJobPosting";
    /** {@code question_sets} */
    public static final String QUESTION_SET = "questionSet";
    /** {@code assessments} */
    public static final String ASSESSMENT = "assessment";
    /** {@code questions} */
    public static final String QUESTION = "question";
    /** {@code test_sessions} */
    public static final String TEST_SESSION = "testSession";
    /** {@code test_answers} */
    public static final String TEST_ANSWER = "testAnswer";
    /** {@code proctoring_events} */
    public static final String PROCTORING_EVENT = "proctoringEvent";
    /** {@code invitation_tokens} */
    public static final String INVITATION_TOKEN = "invitationToken";
    /** {@code applications} */
    public static final String APPLICATION = "application";
    /** {@code application_timeline} */
    public static final String APPLICATION_TIMELINE = "applicationTimeline";
    /** {@code application_notes} */
    public static final String APPLICATION_NOTE = "applicationNote";
    /** {@code prescreen_questions} */
    public static final String PRESCREEN_QUESTION = "prescreenQuestion";
    /** {@code prescreen_answers} */
    public static final String PRESCREEN_ANSWER = "prescreenAnswer";
    /** {@code conversations} */
    public static final String CONVERSATION = "conversation";
    /** {@code message_templates} */
    public static final String MESSAGE_TEMPLATE = "messageTemplate";
    /** {@code broadcasts} */
    public static final String BROADCAST = "broadcast";
    /** {@code broadcast_recipients} */
    public static final String BROADCAST_RECIPIENT = "broadcastRecipient";
    /** {@code messages} */
    public static final String MESSAGE = "message";
    /** {@code job_faq} */
    public static final String JOB_FAQ = "jobFaq";
    /** {@code automations} */
    public static final String AUTOMATION = "automation";
    /** {@code chat_sessions} */
    public static final String CHAT_SESSION = "chatSession";
    /** {@code action_queue} */
    public static final String ACTION_QUEUE_ITEM = "actionQueueItem";
    /** {@code interview_sessions} */
    public static final String INTERVIEW_SESSION = "interviewSession";
    /** {@code interview_participants} */
    public static final String INTERVIEW_PARTICIPANT = "interviewParticipant";
    /** {@code interview_feedback} */
    public static final String INTERVIEW_FEEDBACK = "interviewFeedback";
    /** {@code interview_feedback_amendments} */
    public static final String INTERVIEW_FEEDBACK_AMENDMENT = "interviewFeedbackAmendment";
    /** {@code notifications} */
    public static final String NOTIFICATION = "notification";
    /** {@code skills} */
    public static final String SKILL = "skill";
    /** {@code job_roles} */
    public static final String JOB_ROLE = "jobRole";
    /** {@code skill_matches} */
    public static final String SKILL_MATCH = "skillMatch";
    /** {@code sponsors} */
    public static final String SPONSOR = "sponsor";
    /** {@code cohorts} */
    public static final String COHORT = "cohort";
    /** {@code cohort_enrollments} */
    public static final String COHORT_ENROLLMENT = "cohortEnrollment";
    /** {@code document_verifications} */
    public static final String DOCUMENT_VERIFICATION = "documentVerification";
    /** {@code activity_logs} */
    public static final String ACTIVITY_LOG = "activityLog";
    /** {@code export_jobs} */
    public static final String EXPORT_JOB = "exportJob";
    /** {@code export_metadata} */
    public static final String EXPORT_METADATA = "exportMetadata";
    /** {@code extraction_logs} */
    public static final String EXTRACTION_LOG = "extractionLog";
    /** {@code canned_responses} */
    public static final String CANNED_RESPONSE = "cannedResponse";

    /** Every entity the feed carries. */
    public static final List<String> ALL = List.of(
            ORGANIZATION,
            INSTITUTION,
            USER,
            USER_SETTINGS,
            SYSTEM_SETTING,
            WORKSPACE,
            WORKSPACE_MEMBER,
            WHATSAPP_ACCOUNT,
            CANDIDATE,
            CANDIDATE_TAG,
            CANDIDATE_WORK_HISTORY,
            UPLOADED_DOCUMENT,
            BLOB,
            LEAD,
            SALES_TASK,
            CLIENT,
            JOB,
            EXTERNAL_JOB_POSTING,
            QUESTION_SET,
            ASSESSMENT,
            QUESTION,
            TEST_SESSION,
            TEST_ANSWER,
            PROCTORING_EVENT,
            INVITATION_TOKEN,
            APPLICATION,
            APPLICATION_TIMELINE,
            APPLICATION_NOTE,
            PRESCREEN_QUESTION,
            PRESCREEN_ANSWER,
            CONVERSATION,
            MESSAGE_TEMPLATE,
            BROADCAST,
            BROADCAST_RECIPIENT,
            MESSAGE,
            JOB_FAQ,
            AUTOMATION,
            CHAT_SESSION,
            ACTION_QUEUE_ITEM,
            INTERVIEW_SESSION,
            INTERVIEW_PARTICIPANT,
            INTERVIEW_FEEDBACK,
            INTERVIEW_FEEDBACK_AMENDMENT,
            NOTIFICATION,
            SKILL,
            JOB_ROLE,
            SKILL_MATCH,
            SPONSOR,
            COHORT,
            COHORT_ENROLLMENT,
            DOCUMENT_VERIFICATION,
            ACTIVITY_LOG,
            EXPORT_JOB,
            EXPORT_METADATA,
            EXTRACTION_LOG,
            CANNED_RESPONSE);

    private Entities() {}
}
