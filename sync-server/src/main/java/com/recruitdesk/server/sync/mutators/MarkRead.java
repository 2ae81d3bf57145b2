package com.recruitdesk.server.sync.mutators;

import com.recruitdesk.protocol.sync.Args;
import com.recruitdesk.protocol.sync.MutationNames;
import com.recruitdesk.server.sync.MutationContext;
import com.recruitdesk.server.sync.Mutator;
import com.recruitdesk.server.sync.Rows;
import java.sql.SQLException;

/** Marks a conversation read (no unread messages) or unread again (at least one). */
public final class MarkRead implements Mutator {
    @Override
    public String name() {
        return MutationNames.MARK_READ;
    }

    @Override
    public void apply(MutationContext ctx) throws SQLException {
        Rows.requireStaff(ctx, "mark conversations read");
        Args.MarkRead args = ctx.args(Args.MarkRead.class);
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
