package com.recruitdesk.protocol.sync;

import java.util.List;
import java.util.UUID;

/**
 * Argument records of the mutations in {@link MutationNames}. Mutations that edit fields carry the
 * row version they were based on ({@code baseVersion}); the server merges edits to different fields
 * and rejects an edit to a field someone else changed since as a conflict.
 */
public final class Args {
    private Args() {}

    /**
     * {@code messageId} is made by the client so its optimistic row and the server's are one row.
     * With {@code mediaBlobId} (an uploaded file) the message is a photo, video, audio or document
     * by the file's type ({@link WhatsAppMedia}) and {@code text} is its caption, if any.
     */
    public record SendMessage(
            UUID conversationId, UUID messageId, String text, UUID replyToMessageId, UUID mediaBlobId) {
        public SendMessage(UUID conversationId, UUID messageId, String text, UUID replyToMessageId) {
            this(conversationId, messageId, text, replyToMessageId, null);
        }
    }

    /**
     * An approved WhatsApp template, the only kind of message allowed outside the 24-hour window
     * ({@link CustomerServiceWindow}). {@code variables} fill the body's {{1}}, {{2}}, … in order
     * (or its named {{first_name}}, … in the order they first appear); {@code headerVariables} fill a
     * text header's placeholder the same way, and may be left out for templates without one.
     */
    public record SendTemplate(
            UUID conversationId,
            UUID messageId,
            UUID templateId,
            List<String> variables,
            List<String> headerVariables) {
        public SendTemplate {
            variables = variables == null ? List.of() : List.copyOf(variables);
            headerVariables = headerVariables == null ? List.of() : List.copyOf(headerVariables);
        }

        /** A template whose header, if any, has no variable. */
        public SendTemplate(UUID conversationId, UUID messageId, UUID templateId, List<String> variables) {
            this(conversationId, messageId, templateId, variables, List.of());
        }
    }

    public record SetStatus(UUID conversationId, String status, Long baseVersion) {}

    /** {@code assigneeUserId} null unassigns. */
    public record Assign(UUID conversationId, UUID assigneeUserId, Long baseVersion) {}

    public record MarkRead(UUID conversationId, boolean read) {}

    public record AddNote(UUID conversationId, UUID noteId, String text) {}

    /** {@code add} false removes the tag. */
    public record TagCandidate(UUID candidateId, String tag, boolean add) {}

    /** Creates the canned response {@code id} (made by the client) or replaces its shortcut and text. */
    public record SaveCannedResponse(UUID id, String shortcut, String body) {}

    public record DeleteCannedResponse(UUID id) {}

    public record MoveApplication(UUID applicationId, String stage, Long baseVersion, String remarks) {}
}
