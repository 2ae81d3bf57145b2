package com.recruitdesk.server.pipelines;

import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.db.Insert;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;

/**
 * A recruiter's note on an application (seed 003's ApplicationNote): general, a follow-up or a red
 * flag; a private one reaches only its author's desktop. The one writer of {@code application_notes}.
 */
final class AddApplicationNote implements Mutator<PipelineMutations.AddNote> {
    @Override
    public MutationType<PipelineMutations.AddNote> type() {
        return PipelineMutations.ADD_NOTE;
    }

    @Override
    public Access<PipelineMutations.AddNote> access() {
        return RecruitingStaff.only();
    }

    @Override
    public void apply(MutationContext ctx, PipelineMutations.AddNote args) throws SQLException {
        if (args.noteId() == null) {
            throw Rejection.invalid("A new note needs the id the client made for it (noteId).");
        }
        String text = Rows.text(args.text(), "note", PipelineMutations.MAX_NOTE).strip();
        String type = args.noteType() == null ? PipelineMutations.NOTE_TYPES.getFirst() : args.noteType();
        if (!PipelineMutations.NOTE_TYPES.contains(type)) {
            throw Rejection.invalid(
                    "A note on an application is one of " + String.join(", ", PipelineMutations.NOTE_TYPES) + ".");
        }
        Rows.require(ctx, "applications", args.applicationId(), "The application");
        if (Rows.exists(ctx, "select 1 from application_notes where id = ?", args.noteId())) {
            throw Rejection.invalid("A note with this id exists already.");
        }
        Insert.into("application_notes")
                .set("id", args.noteId())
                .set("organization_id", ctx.organizationId())
                .set("application_id", args.applicationId())
                .set("author_user_id", ctx.userId())
                .set("note_text", text)
                .set("note_type", type)
                .set("is_private", args.isPrivate())
                .execute(ctx.connection());
        // The timeline says a note was added; a private note's text stays its author's.
        new Timeline(
                        null,
                        ctx.organizationId(),
                        args.applicationId(),
                        "note",
                        null,
                        args.isPrivate() ? "private note" : type,
                        ctx.userId(),
                        args.isPrivate() ? null : text,
                        null)
                .append(ctx.connection(), ctx.now());
        ctx.logActivity(
                Entities.APPLICATION,
                args.applicationId(),
                args.isPrivate() ? "Added a private note" : "Added a " + type.replace('_', ' ') + " note",
                ctx.mapper()
                        .createObjectNode()
                        .put("noteId", args.noteId().toString())
                        .put("noteType", type)
                        .put("private", args.isPrivate()));
    }
}
