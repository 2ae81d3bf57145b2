package com.recruitdesk.protocol.sync;

import java.util.UUID;

/**
 * Argument records of the mutations in {@link MutationNames}. Mutations that edit fields carry the
 * row version they were based on ({@code baseVersion}); the server merges edits to different fields
 * and rejects an edit to a field someone else changed since as a conflict.
 */
public final class Args {
    private Args() {}

    /** {@code messageId} is made by the client so its optimistic row and the server's are one row. */
    public record SendMessage(UUID conversationId, UUID messageId, String text, UUID replyToMessageId) {}

    public record SetStatus(UUID conversationId, String status, Long baseVersion) {}

    /** {@code assigneeUserId} null unassigns. */
    public record Assign(UUID conversationId, UUID assigneeUserId, Long baseVersion) {}

    public record MarkRead(UUID conversationId, boolean read) {}

    public record AddNote(UUID conversationId, UUID noteId, String text) {}

    /** {@code add} false removes the tag. */
    public record TagCandidate(UUID candidateId, String tag, boolean add) {}

    public record MoveApplication(UUID applicationId, String stage, Long baseVersion, String remarks) {}
}
