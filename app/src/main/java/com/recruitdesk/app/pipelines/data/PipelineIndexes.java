package com.recruitdesk.app.pipelines.data;

import com.recruitdesk.app.store.EntityIndex;
import com.recruitdesk.app.store.StoreRules;
import com.recruitdesk.protocol.sync.Entities;

/**
 * How the local store files the rows the Pipelines pane will read: a person's applications, and
 * each application's notes and timeline, newest last.
 */
public final class PipelineIndexes {
    public static final StoreRules RULES = StoreRules.of(
            EntityIndex.of(Entities.APPLICATION).under("candidateId"),
            EntityIndex.of(Entities.APPLICATION_NOTE).under("applicationId").sortedBy("createdAt"),
            EntityIndex.of(Entities.APPLICATION_TIMELINE).under("applicationId").sortedBy("createdAt"));

    private PipelineIndexes() {}
}
