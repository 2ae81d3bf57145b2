package com.recruitdesk.server.conversations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.conversations.ConversationRules;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;

/** A private note in a thread: seen by colleagues, never sent to the candidate. */
final class AddNote implements Mutator<ConversationMutations.AddNote> {
    @Override
    public MutationType<ConversationMutations.AddNote> type() {
        return ConversationMutations.ADD_NOTE;
    }

    @Override
    public Access<ConversationMutations.AddNote> access() {
        return Access.staff();
    }

    @Override
    public void apply(MutationContext ctx, ConversationMutations.AddNote args) throws SQLException {
        ThreadMessages.requireId(args.noteId(), "note", "noteId");
        String text = Rows.text(args.text(), "note", ConversationRules.MAX_NOTE);
        ObjectNode conversation = ThreadMessages.conversation(ctx, args.conversationId());
        ThreadMessages.requireUnused(ctx, args.noteId());
        Messages.insert(
                ctx.connection(),
                ThreadMessages.byUser(ctx, conversation, args.noteId(), "internal", "note")
                        .body(text));
    }
}
