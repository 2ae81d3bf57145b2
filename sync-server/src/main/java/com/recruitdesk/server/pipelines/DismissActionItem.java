package com.recruitdesk.server.pipelines;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** An item of the action queue dismissed by the recruiter it is for; the rules never make it again for the same cause. */
final class DismissActionItem implements Mutator<PipelineMutations.DismissActionItem> {
    @Override
    public MutationType<PipelineMutations.DismissActionItem> type() {
        return PipelineMutations.DISMISS_ACTION_ITEM;
    }

    @Override
    public Access<PipelineMutations.DismissActionItem> access() {
        return Access.anyOf(Access.ownerOf(
                "action_queue", "user_id", "The action item", PipelineMutations.DismissActionItem::itemId));
    }

    @Override
    public void apply(MutationContext ctx, PipelineMutations.DismissActionItem args) throws SQLException {
        ObjectNode item = Rows.require(ctx, "action_queue", args.itemId(), "The action item");
        if (item.path("is_dismissed").asBoolean()) {
            return;
        }
        Rows.update(
                ctx,
                "update action_queue set is_dismissed = true, dismissed_at = ? where id = ?",
                OffsetDateTime.ofInstant(ctx.now(), ZoneOffset.UTC),
                args.itemId());
        ctx.logActivity(
                Entities.ACTION_QUEUE_ITEM,
                args.itemId(),
                "Dismissed: " + item.path("title").asText(),
                ctx.mapper()
                        .createObjectNode()
                        .put("actionType", item.path("action_type").asText()));
    }
}
