package com.recruitdesk.server.conversations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;

/** Deletes a canned response; messages sent with it keep their text. */
public final class DeleteCannedResponse implements Mutator {
    @Override
    public String name() {
        return ConversationMutations.DELETE_CANNED_RESPONSE.name();
    }

    @Override
    public void apply(MutationContext ctx) throws SQLException {
        Rows.requireStaff(ctx, "edit canned responses");
        ConversationMutations.DeleteCannedResponse args = ctx.args(ConversationMutations.DeleteCannedResponse.class);
        ObjectNode row = Rows.require(ctx, "canned_responses", args.id(), "The canned response");
        Rows.update(ctx, "delete from canned_responses where id = ?", args.id());
        ctx.logActivity(
                "cannedResponse",
                args.id(),
                "Deleted canned response /" + row.path("shortcut").asText(),
                ctx.mapper().createObjectNode().put("body", row.path("body").asText()));
    }
}
