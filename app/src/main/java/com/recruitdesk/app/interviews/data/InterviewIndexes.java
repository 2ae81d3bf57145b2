package com.recruitdesk.app.interviews.data;

import com.recruitdesk.app.store.EntityIndex;
import com.recruitdesk.app.store.StoreRules;
import com.recruitdesk.protocol.sync.Entities;

/** How the local store files the rows the Interviews pane will read: a person's interviews by when they are. */
public final class InterviewIndexes {
    public static final StoreRules RULES = StoreRules.of(
            EntityIndex.of(Entities.INTERVIEW_SESSION).under("candidateId").sortedBy("scheduledAt", "createdAt"));

    private InterviewIndexes() {}
}
