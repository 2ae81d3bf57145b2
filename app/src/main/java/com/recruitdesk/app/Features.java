package com.recruitdesk.app;

import com.recruitdesk.app.conversations.data.ConversationIndexes;
import com.recruitdesk.app.interviews.data.InterviewIndexes;
import com.recruitdesk.app.pipelines.data.PipelineIndexes;
import com.recruitdesk.app.store.StoreRules;
import java.util.List;

/**
 * The features of the desktop, composed in one place: what each declares about the local store.
 * A new feature adds its data package's rules here (and its pane to {@code Panes}).
 */
public final class Features {
    /** How the store files and searches every feature's rows. */
    public static final StoreRules STORE_RULES =
            StoreRules.merge(List.of(ConversationIndexes.RULES, PipelineIndexes.RULES, InterviewIndexes.RULES));

    private Features() {}
}
