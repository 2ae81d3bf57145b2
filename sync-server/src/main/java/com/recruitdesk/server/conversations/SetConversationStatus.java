package com.recruitdesk.server.conversations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/** Moves a conversation between the statuses of the inbox (close, reopen, archive, ...). */
public final class SetConversationStatus implements Mutator {
    static final Set<String> STATUSES =
            Set.of("new", "open", "pending_form", "pending_photo", "needs_attention", "closed", "archived");

    @Override
    public String name() {
        return ConversationMutations.SET_STATUS.name();
    }

    @Override
    public void apply(MutationContext ctx) throws SQLException {
        Rows.requireStaff(ctx, "change a conversation's status");
        ConversationMutations.SetStatus args = ctx.args(ConversationMutations.SetStatus.class);
        if (args.status() == null || !STATUSES.contains(args.status())) {
            throw Rejection.invalid("A conversation's status is one of "
                    + String.join(", ", STATUSES.stream().sorted().toList()) + ".");
        }
        ObjectNode conversation = Rows.require(ctx, "conversations", args.conversationId(), "The conversation");
        Rows.checkConflicts(
                ctx,
                "conversation",
                conversation,
                args.baseVersion(),
                Map.of("status", TextNode.valueOf(args.status())));
        String previous = conversation.path("status").asText();
        if (previous.equals(args.status())) {
            return;
        }
        Rows.update(ctx, "update conversations set status = ? where id = ?", args.status(), args.conversationId());
        ObjectNode details =
                ctx.mapper().createObjectNode().put("from", previous).put("to", args.status());
        ctx.logActivity("conversation", args.conversationId(), "Status " + previous + " → " + args.status(), details);
    }
}
