package com.recruitdesk.app.interviews.data;

import com.recruitdesk.app.store.EntityIndex;
import com.recruitdesk.app.store.StoreRules;
import com.recruitdesk.protocol.sync.Entities;

/**
 * How the local store files the rows the Interviews pane reads: a person's interviews by when they
 * are, each interview's panel, scorecards under their interview by when they were submitted, an
 * amendment under its scorecard. (Documents and notifications are few and read by their fields, so
 * the features that own those entities file them as they need.)
 */
public final class InterviewIndexes {
    public static final StoreRules RULES = StoreRules.of(
            EntityIndex.of(Entities.INTERVIEW_SESSION).under("candidateId").sortedBy("scheduledAt", "createdAt"),
            EntityIndex.of(Entities.INTERVIEW_PARTICIPANT)
                    .under("interviewSessionId")
                    .sortedBy("createdAt"),
            EntityIndex.of(Entities.INTERVIEW_FEEDBACK)
                    .under("interviewSessionId")
                    .sortedBy("submittedAt", "createdAt"),
            EntityIndex.of(Entities.INTERVIEW_FEEDBACK_AMENDMENT)
                    .under("feedbackId")
                    .sortedBy("createdAt"));

    private InterviewIndexes() {}
}
