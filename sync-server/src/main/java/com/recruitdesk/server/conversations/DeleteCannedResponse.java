package com.recruitdesk.server.conversations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;

/** Deletes a canned response; messages sent with it keep their text. */
final class DeleteCannedResponse implements Mutator<ConversationMutations.DeleteCannedResponse> {
    @Override
    public MutationType<ConversationMutations.DeleteCannedResponse> type() {
        return ConversationMutations.DELETE_CANNED_RESPONSE;
    }

    @Override
    public Access<ConversationMutations.DeleteCannedResponse> access() {
        return Access.staff();
    }

    @Override
    public void apply(MutationContext ctx, ConversationMutations.DeleteCannedResponse args) throws SQLException {
        ObjectNode row = Rows.require(ctx, "canned_responses", args.id(), "The canned response");
        Rows.update(ctx, "delete from canned_responses where id = ?", args.id());
        ctx.logActivity(
                Entities.CANNED_RESPONSE,
                args.id(),
                "Deleted canned response /" + row.path("shortcut").asText(),
                ctx.mapper().createObjectNode().put("body", row.path("body").asText()));
    }
}
