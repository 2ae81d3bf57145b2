package com.recruitdesk.server.conversations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.conversations.ConversationRules;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.util.Map;

/** Moves a conversation between the statuses of the inbox (close, reopen, archive, ...). */
final class SetConversationStatus implements Mutator<ConversationMutations.SetStatus> {
    @Override
    public MutationType<ConversationMutations.SetStatus> type() {
        return ConversationMutations.SET_STATUS;
    }

    @Override
    public Access<ConversationMutations.SetStatus> access() {
        return Access.staff();
    }

    @Override
    public void apply(MutationContext ctx, ConversationMutations.SetStatus args) throws SQLException {
        if (args.status() == null || !ConversationRules.STATUSES.contains(args.status())) {
            throw Rejection.invalid("A conversation's status is one of "
                    + String.join(
                            ", ", ConversationRules.STATUSES.stream().sorted().toList()) + ".");
        }
        ObjectNode conversation = Rows.require(ctx, "conversations", args.conversationId(), "The conversation");
        Rows.checkConflicts(
                ctx,
                Entities.CONVERSATION,
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
        ctx.logActivity(
                Entities.CONVERSATION, args.conversationId(), "Status " + previous + " → " + args.status(), details);
    }
}
