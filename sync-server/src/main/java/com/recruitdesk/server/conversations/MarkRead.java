package com.recruitdesk.server.conversations;

import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;

/** Marks a conversation read (no unread messages) or unread again (at least one). */
final class MarkRead implements Mutator<ConversationMutations.MarkRead> {
    @Override
    public MutationType<ConversationMutations.MarkRead> type() {
        return ConversationMutations.MARK_READ;
    }

    @Override
    public Access<ConversationMutations.MarkRead> access() {
        return Access.staff();
    }

    @Override
    public void apply(MutationContext ctx, ConversationMutations.MarkRead args) throws SQLException {
        Rows.require(ctx, "conversations", args.conversationId(), "The conversation");
        if (args.read()) {
            Rows.update(
                    ctx,
                    "update conversations set unread_count = 0 where id = ? and unread_count <> 0",
                    args.conversationId());
        } else {
            Rows.update(
                    ctx,
                    "update conversations set unread_count = 1 where id = ? and unread_count = 0",
                    args.conversationId());
        }
    }
}
