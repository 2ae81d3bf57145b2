package com.recruitdesk.server.sync.mutators;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.sync.Args;
import com.recruitdesk.protocol.sync.MutationNames;
import com.recruitdesk.server.sync.MutationContext;
import com.recruitdesk.server.sync.Mutator;
import com.recruitdesk.server.sync.Rejection;
import com.recruitdesk.server.sync.Rows;
import java.sql.SQLException;
import java.util.UUID;

/** A private note in a thread: seen by colleagues, never sent to the candidate. */
public final class AddNote implements Mutator {
    static final int MAX_TEXT = 10_000;

    @Override
    public String name() {
        return MutationNames.ADD_NOTE;
    }

    @Override
    public void apply(MutationContext ctx) throws SQLException {
        Rows.requireStaff(ctx, "add notes");
        Args.AddNote args = ctx.args(Args.AddNote.class);
        if (args.noteId() == null) {
            throw Rejection.invalid("A new note needs the id the client made for it (noteId).");
        }
        String text = Rows.text(args.text(), "note", MAX_TEXT);
        ObjectNode conversation = Rows.require(ctx, "conversations", args.conversationId(), "The conversation");
        if (Rows.exists(ctx, "select 1 from messages where id = ?", args.noteId())) {
            throw Rejection.invalid("A message with this id exists already.");
        }
        Rows.update(
                ctx,
                """
                insert into messages (id, organization_id, conversation_id, whatsapp_account_id, candidate_id, direction, type,
                                      sender_type, sender_user_id, body, sent_at)
                values (?, ?, ?, ?, ?, 'internal', 'note', 'user', ?, ?, ?)
                """,
                args.noteId(),
                ctx.principal().organizationId(),
                args.conversationId(),
                UUID.fromString(conversation.path("whatsapp_account_id").asText()),
                UUID.fromString(conversation.path("candidate_id").asText()),
                ctx.principal().userId(),
                text,
                ctx.now());
    }
}
