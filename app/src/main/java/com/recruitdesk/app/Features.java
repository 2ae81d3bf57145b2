package com.recruitdesk.app;

import com.recruitdesk.app.admin.AdminPane;
import com.recruitdesk.app.cohorts.CohortsPane;
import com.recruitdesk.app.cohorts.data.CohortIndexes;
import com.recruitdesk.app.conversations.ConversationsPane;
import com.recruitdesk.app.conversations.data.ConversationIndexes;
import com.recruitdesk.app.crm.SalesPane;
import com.recruitdesk.app.interviews.InterviewsPane;
import com.recruitdesk.app.interviews.data.InterviewIndexes;
import com.recruitdesk.app.overview.OverviewPane;
import com.recruitdesk.app.pane.PaneFactory;
import com.recruitdesk.app.pipelines.PipelinesPane;
import com.recruitdesk.app.pipelines.data.PipelineIndexes;
import com.recruitdesk.app.store.StoreRules;
import java.util.List;

/**
 * The features of the desktop, composed in one place: every pane in the order the navigation lists
 * them, and what each feature declares about the local store. A new feature adds its pane's
 * {@code FACTORY} and its data package's rules here.
 */
public final class Features {
    /** How the store files and searches every feature's rows. */
    public static final StoreRules STORE_RULES = StoreRules.merge(
            List.of(ConversationIndexes.RULES, PipelineIndexes.RULES, InterviewIndexes.RULES, CohortIndexes.RULES));

    /**
     * Every pane, in navigation order; each user sees those their roles use, the first one open.
     * Recruiters, managers and administrators start in Conversations, interviewers in Interviews,
     * institution admins in Cohorts, sales in Sales.
     */
    public static final List<PaneFactory> PANES = List.of(
            ConversationsPane.FACTORY,
            PipelinesPane.FACTORY,
            InterviewsPane.FACTORY,
            CohortsPane.FACTORY,
            SalesPane.FACTORY,
            AdminPane.factory(ConversationsPane::cannedResponses),
            OverviewPane.FACTORY);

    private Features() {}
}
