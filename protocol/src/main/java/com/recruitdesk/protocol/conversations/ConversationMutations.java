package com.recruitdesk.protocol.conversations;

import com.recruitdesk.protocol.sync.Feature;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.protocol.whatsapp.CustomerServiceWindow;
import com.recruitdesk.protocol.whatsapp.WhatsAppMedia;
import java.util.List;
import java.util.UUID;

/**
 * The Conversations feature's mutations and their argument records: the shared inbox, the person's
 * tags and the team's canned responses. Mutations that edit fields carry the row version they were
 * based on ({@code baseVersion}); the server merges edits to different fields and rejects an edit to
 * a field someone else changed since as a conflict.
 */
public final class ConversationMutations {
    private ConversationMutations() {}

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

    public static final MutationType<SendMessage> SEND_MESSAGE = MutationType.of(
            "conversation.sendMessage", SendMessage.class, Feature.CONVERSATIONS, "Your message was not sent");
    public static final MutationType<SendTemplate> SEND_TEMPLATE = MutationType.of(
            "conversation.sendTemplate", SendTemplate.class, Feature.CONVERSATIONS, "Your template was not sent");
    public static final MutationType<SetStatus> SET_STATUS = MutationType.of(
            "conversation.setStatus", SetStatus.class, Feature.CONVERSATIONS, "The status change was undone");
    public static final MutationType<Assign> ASSIGN =
            MutationType.of("conversation.assign", Assign.class, Feature.CONVERSATIONS, "The assignment was undone");
    public static final MutationType<MarkRead> MARK_READ = MutationType.of(
            "conversation.markRead", MarkRead.class, Feature.CONVERSATIONS, "Marking read/unread was undone");
    public static final MutationType<AddNote> ADD_NOTE =
            MutationType.of("conversation.addNote", AddNote.class, Feature.CONVERSATIONS, "Your note was not saved");
    public static final MutationType<TagCandidate> TAG_CANDIDATE =
            MutationType.of("candidate.tag", TagCandidate.class, Feature.CONVERSATIONS, "The tag change was undone");
    public static final MutationType<SaveCannedResponse> SAVE_CANNED_RESPONSE = MutationType.of(
            "cannedResponse.save",
            SaveCannedResponse.class,
            Feature.CONVERSATIONS,
            "The canned response was not saved");
    public static final MutationType<DeleteCannedResponse> DELETE_CANNED_RESPONSE = MutationType.of(
            "cannedResponse.delete",
            DeleteCannedResponse.class,
            Feature.CONVERSATIONS,
            "The canned response was not deleted");

    public static final List<MutationType<?>> ALL = List.of(
            SEND_MESSAGE,
            SEND_TEMPLATE,
            SET_STATUS,
            ASSIGN,
            MARK_READ,
            ADD_NOTE,
            TAG_CANDIDATE,
            SAVE_CANNED_RESPONSE,
            DELETE_CANNED_RESPONSE);
}
