package com.recruitdesk.server.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.util.Map;

/** Assigns a conversation to a colleague who handles conversations, or unassigns it. */
final class AssignConversation implements Mutator<ConversationMutations.Assign> {
    @Override
    public MutationType<ConversationMutations.Assign> type() {
        return ConversationMutations.ASSIGN;
    }

    @Override
    public Access<ConversationMutations.Assign> access() {
        return Access.staff();
    }

    @Override
    public void apply(MutationContext ctx, ConversationMutations.Assign args) throws SQLException {
        ObjectNode conversation = Rows.require(ctx, "conversations", args.conversationId(), "The conversation");
        if (args.assigneeUserId() != null
                && !Rows.exists(ctx, """
                        select 1 from users u join user_roles r on r.user_id = u.id
                         where u.id = ? and u.organization_id = ? and u.status = 'active'
                           and r.role in ('ADMIN', 'MANAGER', 'RECRUITER')
                        """, args.assigneeUserId(), ctx.principal().organizationId())) {
            throw Rejection.invalid(
                    "Conversations can be assigned only to active recruiters, managers or administrators of your organization.");
        }
        JsonNode wanted = args.assigneeUserId() == null
                ? NullNode.getInstance()
                : TextNode.valueOf(args.assigneeUserId().toString());
        Rows.checkConflicts(
                ctx, Entities.CONVERSATION, conversation, args.baseVersion(), Map.of("assigned_user_id", wanted));
        if (conversation.path("assigned_user_id").equals(wanted)) {
            return;
        }
        Rows.update(
                ctx,
                "update conversations set assigned_user_id = ? where id = ?",
                args.assigneeUserId(),
                args.conversationId());
        ObjectNode details = ctx.mapper().createObjectNode();
        details.set("from", conversation.path("assigned_user_id"));
        details.set("to", wanted);
        ctx.logActivity(
                Entities.CONVERSATION,
                args.conversationId(),
                args.assigneeUserId() == null ? "Unassigned" : "Assigned",
                details);
    }
}
