package com.recruitdesk.server.conversations;

import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Creates a canned response under the id the client made, or replaces its shortcut and text. */
public final class SaveCannedResponse implements Mutator {
    static final int MAX_BODY = 4_096;
    private static final Pattern SHORTCUT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    @Override
    public String name() {
        return ConversationMutations.SAVE_CANNED_RESPONSE.name();
    }

    @Override
    public void apply(MutationContext ctx) throws SQLException {
        Rows.requireStaff(ctx, "edit canned responses");
        ConversationMutations.SaveCannedResponse args = ctx.args(ConversationMutations.SaveCannedResponse.class);
        if (args.id() == null) {
            throw Rejection.invalid("A canned response needs the id the client made for it (id).");
        }
        String shortcut = Rows.text(args.shortcut(), "shortcut", 32)
                .strip()
                .replaceFirst("^/", "")
                .toLowerCase(Locale.ROOT);
        if (!SHORTCUT.matcher(shortcut).matches()) {
            throw Rejection.invalid("A shortcut is 1 to 32 lowercase letters, digits, '-' or '_', such as 'welcome'.");
        }
        String body = Rows.text(args.body(), "text", MAX_BODY).strip();
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
            if (Rows.exists(ctx, "select 1 from canned_responses where id = ?", args.id())) {
                throw Rejection.forbidden("That canned response belongs to another organization.");
            }
            Rows.update(
                    ctx,
                    "insert into canned_responses (id, organization_id, shortcut, body, created_by_user_id) values (?, ?, ?, ?, ?)",
                    args.id(),
                    ctx.principal().organizationId(),
                    shortcut,
                    body,
                    ctx.principal().userId());
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
                "cannedResponse",
                args.id(),
                (existing.isEmpty() ? "Created canned response /" : "Edited canned response /") + shortcut,
                null);
    }
}
