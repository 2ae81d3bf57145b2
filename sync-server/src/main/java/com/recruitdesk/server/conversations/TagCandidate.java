package com.recruitdesk.server.conversations;

import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;

/** Adds a tag to a person or removes it; adding a tag they have, or removing one they lack, changes nothing. */
public final class TagCandidate implements Mutator {
    static final int MAX_TAG = 64;

    @Override
    public String name() {
        return ConversationMutations.TAG_CANDIDATE.name();
    }

    @Override
    public void apply(MutationContext ctx) throws SQLException {
        Rows.requireStaff(ctx, "tag candidates");
        ConversationMutations.TagCandidate args = ctx.args(ConversationMutations.TagCandidate.class);
        String tag = Rows.text(args.tag() == null ? null : args.tag().strip(), "tag", MAX_TAG);
        Rows.require(ctx, "candidates", args.candidateId(), "The candidate");
        int changed = args.add()
                ? Rows.update(ctx, """
                        insert into candidate_tags (organization_id, candidate_id, tag) values (?, ?, ?)
                        on conflict (candidate_id, tag) do nothing
                        """, ctx.principal().organizationId(), args.candidateId(), tag)
                : Rows.update(
                        ctx, "delete from candidate_tags where candidate_id = ? and tag = ?", args.candidateId(), tag);
        if (changed > 0) {
            ctx.logActivity(
                    "candidate",
                    args.candidateId(),
                    (args.add() ? "Tagged " : "Untagged ") + tag,
                    ctx.mapper().createObjectNode().put("tag", tag).put("added", args.add()));
        }
    }
}
