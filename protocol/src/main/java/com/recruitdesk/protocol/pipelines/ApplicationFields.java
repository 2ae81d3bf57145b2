package com.recruitdesk.protocol.pipelines;

import java.util.List;

/**
 * The fields of an application a recruiter edits in its detail ({@code application.update}); the
 * stage moves with {@code application.move}, and the prescreen results are the server's alone.
 */
public final class ApplicationFields {
    /** Seed 002's manual follow-up statuses, in the order the detail offers them. */
    public static final List<String> FOLLOW_UP_STATUSES = List.of(
            "shortlisted", "interview_scheduled", "offered", "joined", "no_show", "under_follow_up", "rejected");

    public static final List<FieldSpec> ALL = List.of(
            FieldSpec.choice("followUpStatus", "follow_up_status", "follow-up status", FOLLOW_UP_STATUSES),
            FieldSpec.date("nextFollowUpDate", "next_follow_up_date", "next follow-up date"),
            FieldSpec.text("followUpRemarks", "follow_up_remarks", "follow-up remarks", 2_000),
            FieldSpec.bool("isRecruiterApproved", "is_recruiter_approved", "recruiter approval"),
            FieldSpec.bool("submittedToClient", "submitted_to_client", "submitted to client"),
            FieldSpec.integer("matchScore", "match_score", "match score", 100),
            FieldSpec.text("aiCustomSummary", "ai_custom_summary", "match summary", 4_000));

    private ApplicationFields() {}

    /** "under_follow_up" → "Under follow-up". */
    public static String label(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String words = value.replace("_", " ").replace("follow up", "follow-up");
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
