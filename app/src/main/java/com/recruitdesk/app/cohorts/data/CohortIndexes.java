package com.recruitdesk.app.cohorts.data;

import com.recruitdesk.app.store.EntityIndex;
import com.recruitdesk.app.store.StoreRules;
import com.recruitdesk.protocol.sync.Entities;

/** How the store files the Cohorts pane's rows: documents and decisions under their enrollment, oldest first. */
public final class CohortIndexes {
    public static final StoreRules RULES = StoreRules.of(
            EntityIndex.of(Entities.UPLOADED_DOCUMENT)
                    .under("cohortEnrollmentId")
                    .sortedBy("createdAt"),
            EntityIndex.of(Entities.DOCUMENT_VERIFICATION)
                    .under("cohortEnrollmentId")
                    .sortedBy("createdAt"),
            EntityIndex.of(Entities.COHORT_ENROLLMENT).under("cohortId").sortedBy("createdAt"));

    private CohortIndexes() {}
}
