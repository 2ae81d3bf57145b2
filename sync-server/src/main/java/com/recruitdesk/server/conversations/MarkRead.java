package com.recruitdesk.server.conversations;

import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;

/** Marks a conversation read (no unread messages) or unread again (at least one). */
public final class MarkRead implements Mutator {
    @Override
    public String name() {
        return ConversationMutations.MARK_READ.name();
    }

    @Override
    public void apply(MutationContext ctx) throws SQLException {
        Rows.requireStaff(ctx, "mark conversations read");
        ConversationMutations.MarkRead args = ctx.args(ConversationMutations.MarkRead.class);
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
