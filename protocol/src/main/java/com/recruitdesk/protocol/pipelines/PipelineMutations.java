package com.recruitdesk.protocol.pipelines;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.sync.Feature;
import com.recruitdesk.protocol.sync.MutationType;
import java.util.List;
import java.util.UUID;

/** The Pipelines feature's mutations and their argument records. */
public final class PipelineMutations {
    private PipelineMutations() {}

    /** The stages of an application, in pipeline order (seed 002); the last three close it. */
    public static final List<String> STAGES =
            List.of("new", "screening", "interview", "offer", "hired", "rejected", "withdrawn");

    public static final int MAX_REMARKS = 2_000;

    /** The kinds of note on an application (seed 003), the first the default. */
    public static final List<String> NOTE_TYPES = List.of("general", "follow_up", "red_flag");

    public static final int MAX_NOTE = 10_000;

    public record MoveApplication(UUID applicationId, String stage, Long baseVersion, String remarks) {}

    /**
     * A note on an application under the id the client made ({@code noteId}); {@code noteType} one of
     * {@link #NOTE_TYPES} (null: general). A private note is read only by its author.
     */
    public record AddNote(UUID applicationId, UUID noteId, String text, String noteType, boolean isPrivate) {}

    /**
     * A job created or edited: {@code changes} holds the fields set, by wire name ({@link JobFields}),
     * a JSON null clearing one. A new job has {@code baseVersion} null and the id the client made;
     * an edit names the version it was made on, so fields changed meanwhile by someone else are a
     * conflict to merge, never overwritten.
     */
    public record SaveJob(UUID jobId, Long baseVersion, ObjectNode changes) {}

    /** Moves a job through {@link JobStatus}. */
    public record SetJobStatus(UUID jobId, String status, Long baseVersion) {}

    /** A candidate added to a job, under the id the client made; one active application per person and job. */
    public record CreateApplication(UUID applicationId, UUID jobId, UUID candidateId, String remarks) {}

    /**
     * A person not yet on file added by hand with their application to a job, in one step, under the
     * ids the client made; {@code phone} in E.164 and {@code email} as {@link NewPerson} checks them.
     */
    public record AddPersonToJob(
            UUID candidateId, UUID applicationId, UUID jobId, String fullName, String phone, String email) {}

    /** Fields of an application's detail changed ({@link ApplicationFields}), made on {@code baseVersion}. */
    public record UpdateApplication(UUID applicationId, Long baseVersion, ObjectNode changes) {}

    /** Fields of a person's master profile changed ({@link ProfileFields}), made on {@code baseVersion}. */
    public record UpdateProfile(UUID candidateId, Long baseVersion, ObjectNode changes) {}

    /**
     * A role of a person's work history (seed 002 section F), created or replaced under the id the
     * client made; dates as yyyy-mm-dd (null: not known), checked by {@link WorkHistory}.
     */
    public record SaveWorkHistory(
            UUID roleId,
            UUID candidateId,
            String companyName,
            String jobTitle,
            String startDate,
            String endDate,
            boolean isCurrent) {}

    public record DeleteWorkHistory(UUID roleId) {}

    /**
     * A prescreen question of a job, created or replaced under the id the client made; {@code type}
     * one of {@link PrescreenScoring#TYPES}, {@code weight} 1–100, {@code validationRule} as
     * {@link PrescreenScoring} reads it.
     */
    public record SavePrescreenQuestion(
            UUID questionId,
            UUID jobId,
            String qid,
            String questionText,
            String questionType,
            boolean required,
            boolean mustHave,
            int weight,
            ObjectNode validationRule,
            List<String> choices,
            int sortOrder) {}

    public record DeletePrescreenQuestion(UUID questionId) {}

    /**
     * The order a job's prescreen questions are asked in, first asked first. Questions of the job not
     * listed (a colleague's, added meanwhile) follow in their order; listed ones no longer on the job
     * are passed over.
     */
    public record ReorderPrescreenQuestions(UUID jobId, List<UUID> questionIds) {}

    /** The most questions one reorder may list. */
    public static final int MAX_PRESCREEN_QUESTIONS = 200;

    /** An answer to a prescreen question, as said on a call (or, later, by the bot); the server scores it. */
    public record RecordPrescreenAnswer(UUID applicationId, UUID questionId, String answerValue) {}

    public record DismissActionItem(UUID itemId) {}

    /** An export of a job's applications ({@link #EXPORT_FORMATS}), with their CVs when {@code withCvs}. */
    public record RequestExport(UUID exportId, UUID jobId, String format, boolean withCvs) {}

    /** What an export writes (seed 002 export_format). */
    public static final List<String> EXPORT_FORMATS = List.of("excel", "csv", "json");

    public static final MutationType<MoveApplication> MOVE_APPLICATION =
            MutationType.of("application.move", MoveApplication.class, Feature.PIPELINES, "The move was undone");
    public static final MutationType<AddNote> ADD_NOTE = MutationType.of(
            "application.addNote", AddNote.class, Feature.PIPELINES, "Your note on the application was not saved");
    public static final MutationType<SaveJob> SAVE_JOB =
            MutationType.of("job.save", SaveJob.class, Feature.PIPELINES, "Your changes to the job were not saved");
    public static final MutationType<SetJobStatus> SET_JOB_STATUS =
            MutationType.of("job.setStatus", SetJobStatus.class, Feature.PIPELINES, "The job's status was not changed");
    public static final MutationType<CreateApplication> CREATE_APPLICATION = MutationType.of(
            "application.create", CreateApplication.class, Feature.PIPELINES, "The candidate was not added to the job");
    public static final MutationType<AddPersonToJob> ADD_PERSON_TO_JOB = MutationType.of(
            "candidate.addToJob", AddPersonToJob.class, Feature.PIPELINES, "The person was not added to the job");
    public static final MutationType<UpdateApplication> UPDATE_APPLICATION = MutationType.of(
            "application.update",
            UpdateApplication.class,
            Feature.PIPELINES,
            "Your changes to the application were not saved");
    public static final MutationType<UpdateProfile> UPDATE_PROFILE = MutationType.of(
            "candidate.updateProfile",
            UpdateProfile.class,
            Feature.PIPELINES,
            "Your changes to the profile were not saved");
    public static final MutationType<SaveWorkHistory> SAVE_WORK_HISTORY = MutationType.of(
            "candidate.saveWorkHistory",
            SaveWorkHistory.class,
            Feature.PIPELINES,
            "The role was not saved to the work history");
    public static final MutationType<DeleteWorkHistory> DELETE_WORK_HISTORY = MutationType.of(
            "candidate.deleteWorkHistory",
            DeleteWorkHistory.class,
            Feature.PIPELINES,
            "The role was not removed from the work history");
    public static final MutationType<SavePrescreenQuestion> SAVE_PRESCREEN_QUESTION = MutationType.of(
            "prescreenQuestion.save",
            SavePrescreenQuestion.class,
            Feature.PIPELINES,
            "The prescreen question was not saved");
    public static final MutationType<DeletePrescreenQuestion> DELETE_PRESCREEN_QUESTION = MutationType.of(
            "prescreenQuestion.delete",
            DeletePrescreenQuestion.class,
            Feature.PIPELINES,
            "The prescreen question was not removed");
    public static final MutationType<ReorderPrescreenQuestions> REORDER_PRESCREEN_QUESTIONS = MutationType.of(
            "prescreenQuestion.reorder",
            ReorderPrescreenQuestions.class,
            Feature.PIPELINES,
            "The prescreen questions were not put in the new order");
    public static final MutationType<RecordPrescreenAnswer> RECORD_PRESCREEN_ANSWER = MutationType.of(
            "prescreenAnswer.record",
            RecordPrescreenAnswer.class,
            Feature.PIPELINES,
            "The prescreen answer was not recorded");
    public static final MutationType<DismissActionItem> DISMISS_ACTION_ITEM = MutationType.of(
            "actionItem.dismiss", DismissActionItem.class, Feature.PIPELINES, "The action item is back in your queue");
    public static final MutationType<RequestExport> REQUEST_EXPORT =
            MutationType.of("exportJob.request", RequestExport.class, Feature.PIPELINES, "The export was not started");

    public static final List<MutationType<?>> ALL = List.of(
            MOVE_APPLICATION,
            ADD_NOTE,
            SAVE_JOB,
            SET_JOB_STATUS,
            CREATE_APPLICATION,
            ADD_PERSON_TO_JOB,
            UPDATE_APPLICATION,
            UPDATE_PROFILE,
            SAVE_WORK_HISTORY,
            DELETE_WORK_HISTORY,
            SAVE_PRESCREEN_QUESTION,
            DELETE_PRESCREEN_QUESTION,
            REORDER_PRESCREEN_QUESTIONS,
            RECORD_PRESCREEN_ANSWER,
            DISMISS_ACTION_ITEM,
            REQUEST_EXPORT);
}
