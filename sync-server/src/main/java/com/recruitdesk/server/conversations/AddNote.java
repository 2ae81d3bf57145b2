package com.recruitdesk.server.conversations;

import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;

/** A private note in a thread: seen by colleagues, never sent to the candidate. */
public final class AddNote implements Mutator {
    static final int MAX_TEXT = 10_000;

    @Override
    public String name() {
        return ConversationMutations.ADD_NOTE.name();
    }

    @Override
    public void apply(MutationContext ctx) throws SQLException {
        Rows.requireStaff(ctx, "add notes");
        ConversationMutations.AddNote args = ctx.args(ConversationMutations.AddNote.class);
        ThreadMessages.Draft draft = ThreadMessages.draft(
                ctx, args.conversationId(), args.noteId(), "noteId", args.text(), "note", MAX_TEXT);
        ThreadMessages.insert(ctx, draft, "internal", "note", null, null);
    }
}
