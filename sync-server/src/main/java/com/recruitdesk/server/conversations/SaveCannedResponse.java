package com.recruitdesk.server.conversations;

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
import java.util.Optional;

/** Creates a canned response under the id the client made, or replaces its shortcut and text. */
final class SaveCannedResponse implements Mutator<ConversationMutations.SaveCannedResponse> {
    @Override
    public MutationType<ConversationMutations.SaveCannedResponse> type() {
        return ConversationMutations.SAVE_CANNED_RESPONSE;
    }

    @Override
    public Access<ConversationMutations.SaveCannedResponse> access() {
        return Access.staff();
    }

    @Override
    public void apply(MutationContext ctx, ConversationMutations.SaveCannedResponse args) throws SQLException {
        if (args.id() == null) {
            throw Rejection.invalid("A canned response needs the id the client made for it (id).");
        }
        String shortcut = ConversationRules.normaliseShortcut(
                Rows.text(args.shortcut(), "shortcut", ConversationRules.MAX_SHORTCUT));
        if (!ConversationRules.isValidShortcut(shortcut)) {
            throw Rejection.invalid(ConversationRules.SHORTCUT_RULE);
        }
        String body = Rows.text(args.body(), "text", ConversationRules.MAX_CANNED_BODY)
                .strip();
        if (Rows.exists(
                ctx,
                "select 1 from canned_responses where organization_id = ? and shortcut = ? and id <> ?",
                ctx.principal().organizationId(),
                shortcut,
                args.id())) {
            throw Rejection.invalid("Another canned response already uses the shortcut /" + shortcut + ".");
        }
        Optional<?> existing = Rows.lock(ctx, "canned_responses", args.id());
        if (existing.isEmpty()) {
            if (CannedResponses.insert(
                            ctx.connection(), args.id(), ctx.organizationId(), shortcut, body, ctx.userId(), null)
                    == 0) {
                // The id is another organization's: not found, as if it did not exist.
                throw Rejection.notFound("The canned response");
            }
        } else {
            Rows.update(
                    ctx,
                    "update canned_responses set shortcut = ?, body = ? where id = ? and (shortcut, body) is distinct from (?, ?)",
                    shortcut,
                    body,
                    args.id(),
                    shortcut,
                    body);
        }
        ctx.logActivity(
                Entities.CANNED_RESPONSE,
                args.id(),
                (existing.isEmpty() ? "Created canned response /" : "Edited canned response /") + shortcut,
                null);
    }
}
