package com.recruitdesk.protocol.pipelines;

import com.recruitdesk.protocol.sync.Feature;
import com.recruitdesk.protocol.sync.MutationType;
import java.util.List;
import java.util.UUID;

/** The Pipelines feature's mutations and their argument records. */
public final class PipelineMutations {
    private PipelineMutations() {}

    /** The stages of an application, in pipeline order (seed 002); the last three close it. */
    public static final List<String> STAGES =
            List.of("new", "screening", "interview", "offer", "hired", "rejected", "withdrawn");

    public static final int MAX_REMARKS = 2_000;

    /** The kinds of note on an application (seed 003), the first the default. */
    public static final List<String> NOTE_TYPES = List.of("general", "follow_up", "red_flag");

    public static final int MAX_NOTE = 10_000;

    public record MoveApplication(UUID applicationId, String stage, Long baseVersion, String remarks) {}

    /**
     * A note on an application under the id the client made ({@code noteId}); {@code noteType} one of
     * {@link #NOTE_TYPES} (null: general). A private note is read only by its author.
     */
    public record AddNote(UUID applicationId, UUID noteId, String text, String noteType, boolean isPrivate) {}

    public static final MutationType<MoveApplication> MOVE_APPLICATION =
            MutationType.of("application.move", MoveApplication.class, Feature.PIPELINES, "The move was undone");
    public static final MutationType<AddNote> ADD_NOTE = MutationType.of(
            "application.addNote", AddNote.class, Feature.PIPELINES, "Your note on the application was not saved");

    public static final List<MutationType<?>> ALL = List.of(MOVE_APPLICATION, ADD_NOTE);
}
