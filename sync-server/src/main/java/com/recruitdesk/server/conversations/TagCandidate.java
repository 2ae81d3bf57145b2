package com.recruitdesk.server.conversations;

import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.conversations.ConversationRules;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;

/** Adds a tag to a person or removes it; adding a tag they have, or removing one they lack, changes nothing. */
final class TagCandidate implements Mutator<ConversationMutations.TagCandidate> {
    @Override
    public MutationType<ConversationMutations.TagCandidate> type() {
        return ConversationMutations.TAG_CANDIDATE;
    }

    @Override
    public Access<ConversationMutations.TagCandidate> access() {
        return Access.staff();
    }

    @Override
    public void apply(MutationContext ctx, ConversationMutations.TagCandidate args) throws SQLException {
        String tag = Rows.text(args.tag() == null ? null : args.tag().strip(), "tag", ConversationRules.MAX_TAG);
        Rows.require(ctx, "candidates", args.candidateId(), "The candidate");
        int changed = args.add()
                ? CandidateTags.add(ctx.connection(), ctx.organizationId(), args.candidateId(), tag, null)
                : CandidateTags.remove(ctx.connection(), args.candidateId(), tag);
        if (changed > 0) {
            ctx.logActivity(
                    Entities.CANDIDATE,
                    args.candidateId(),
                    (args.add() ? "Tagged " : "Untagged ") + tag,
                    ctx.mapper().createObjectNode().put("tag", tag).put("added", args.add()));
        }
    }
}
