package com.recruitdesk.app.conversations.data;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.blobs.Attachment;
import com.recruitdesk.app.blobs.Blobs;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.store.LocalStore.Optimistic;
import com.recruitdesk.app.store.RowValues;
import com.recruitdesk.app.sync.Submitter;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.conversations.ConversationRules;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.whatsapp.WhatsAppMedia;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The pane's changes as named mutations, each with the optimistic rows that show it at once: the
 * server decides, and a rejection takes the optimistic rows away again. Every method writes to the
 * outbox on disk: call them off the FX thread.
 */
public final class ConversationCommands {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final LocalStore store;
    private final Submitter submitter;
    private final Blobs blobs;
    private final UUID me;
    private final Clock clock;

    public ConversationCommands(LocalStore store, Submitter submitter, Blobs blobs, UUID me, Clock clock) {
        this.store = store;
        this.submitter = submitter;
        this.blobs = blobs;
        this.me = me;
        this.clock = clock;
    }

    /** A reply: text, a file with an optional caption, or both; {@code replyTo} quotes a message. */
    public UUID send(UUID conversationId, String text, UUID replyTo, Attachment attachment) {
        ObjectNode conversation = conversation(conversationId);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String caption = text == null || text.isBlank() ? null : text.strip();
        ObjectNode message = message(conversation, id, now, "outbound");
        message.put("status", "queued");
        if (replyTo != null) {
            message.put("replyToMessageId", replyTo.toString());
        }
        String preview;
        List<UUID> uploads = List.of();
        if (attachment == null) {
            message.put("type", "text").put("body", caption);
            preview = caption;
        } else {
            String type = WhatsAppMedia.typeOf(attachment.mimeType());
            message.put("type", type)
                    .put("mediaBlobId", attachment.blobId().toString())
                    .put("mediaMimeType", attachment.mimeType())
                    .put("mediaFilename", attachment.filename())
                    .put("mediaCaption", caption);
            preview = ConversationRules.mediaPreview(type, attachment.filename(), caption);
            blobs.queueUpload(attachment);
            uploads = List.of(attachment.blobId());
        }
        ObjectNode after = conversation.deepCopy();
        after.put("lastMessageAt", RowValues.format(now)).put("lastMessagePreview", ConversationRules.preview(preview));
        reopen(conversation, after, false);
        submitter.submit(
                ConversationMutations.SEND_MESSAGE,
                new ConversationMutations.SendMessage(
                        conversationId, id, caption, replyTo, attachment == null ? null : attachment.blobId()),
                List.of(
                        new Optimistic(Entities.MESSAGE, id, message),
                        new Optimistic(Entities.CONVERSATION, conversationId, after)),
                uploads);
        return id;
    }

    /** Sends a failed message again, as a new message with the same content. */
    public UUID retry(MessageItem failed) {
        if (failed.mediaBlobId() != null) {
            return resend(failed);
        }
        return send(failed.conversationId(), failed.body(), failed.replyToId(), null);
    }

    private UUID resend(MessageItem failed) {
        ObjectNode conversation = conversation(failed.conversationId());
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        ObjectNode message = message(conversation, id, now, "outbound");
        message.put("status", "queued")
                .put("type", failed.type())
                .put("mediaBlobId", failed.mediaBlobId().toString())
                .put("mediaMimeType", failed.mediaMimeType())
                .put("mediaFilename", failed.mediaFilename())
                .put("mediaCaption", failed.mediaCaption());
        ObjectNode after = conversation.deepCopy();
        after.put("lastMessageAt", RowValues.format(now))
                .put(
                        "lastMessagePreview",
                        ConversationRules.mediaPreview(failed.type(), failed.mediaFilename(), failed.mediaCaption()));
        submitter.submit(
                ConversationMutations.SEND_MESSAGE,
                new ConversationMutations.SendMessage(
                        failed.conversationId(), id, failed.mediaCaption(), failed.replyToId(), failed.mediaBlobId()),
                List.of(
                        new Optimistic(Entities.MESSAGE, id, message),
                        new Optimistic(Entities.CONVERSATION, failed.conversationId(), after)));
        return id;
    }

    /** An approved template with its variables: what may be sent outside the 24-hour window. */
    public UUID sendTemplate(UUID conversationId, Template template, List<String> variables) {
        return sendTemplate(conversationId, template, variables, List.of());
    }

    /** As above, with the values of a text header's placeholders too. */
    public UUID sendTemplate(
            UUID conversationId, Template template, List<String> variables, List<String> headerVariables) {
        ObjectNode conversation = conversation(conversationId);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String rendered = template.renderAll(variables, headerVariables);
        ObjectNode message = message(conversation, id, now, "outbound");
        message.put("status", "queued")
                .put("type", "template")
                .put("body", rendered)
                .put("templateId", template.id().toString());
        ObjectNode t = message.putObject("payload").putObject("template");
        t.put("name", template.name()).put("language", template.language());
        variables.forEach(t.putArray("bodyParameters")::add);
        if (!headerVariables.isEmpty()) {
            headerVariables.forEach(t.putArray("headerParameters")::add);
        }
        ObjectNode after = conversation.deepCopy();
        after.put("lastMessageAt", RowValues.format(now))
                .put("lastMessagePreview", ConversationRules.preview(rendered));
        reopen(conversation, after, true);
        submitter.submit(
                ConversationMutations.SEND_TEMPLATE,
                new ConversationMutations.SendTemplate(conversationId, id, template.id(), variables, headerVariables),
                List.of(
                        new Optimistic(Entities.MESSAGE, id, message),
                        new Optimistic(Entities.CONVERSATION, conversationId, after)));
        return id;
    }

    /** A private note in the thread: colleagues see it, the candidate never does. */
    public UUID addNote(UUID conversationId, String text) {
        ObjectNode conversation = conversation(conversationId);
        UUID id = UUID.randomUUID();
        ObjectNode note = message(conversation, id, clock.instant(), "internal");
        note.put("type", "note").put("body", text.strip());
        submitter.submit(
                ConversationMutations.ADD_NOTE,
                new ConversationMutations.AddNote(conversationId, id, text.strip()),
                List.of(new Optimistic(Entities.MESSAGE, id, note)));
        return id;
    }

    public void setStatus(UUID conversationId, ConversationStatus status) {
        ObjectNode conversation = conversation(conversationId);
        ObjectNode after = conversation.deepCopy().put("status", status.wire());
        submitter.submit(
                ConversationMutations.SET_STATUS,
                new ConversationMutations.SetStatus(
                        conversationId, status.wire(), baseVersion(Entities.CONVERSATION, conversationId)),
                List.of(new Optimistic(Entities.CONVERSATION, conversationId, after)));
    }

    /** Gives the conversation to {@code assignee}, or to nobody when null. */
    public void assign(UUID conversationId, UUID assignee) {
        ObjectNode conversation = conversation(conversationId);
        ObjectNode after = conversation.deepCopy();
        if (assignee == null) {
            after.putNull("assignedUserId");
        } else {
            after.put("assignedUserId", assignee.toString());
        }
        submitter.submit(
                ConversationMutations.ASSIGN,
                new ConversationMutations.Assign(
                        conversationId, assignee, baseVersion(Entities.CONVERSATION, conversationId)),
                List.of(new Optimistic(Entities.CONVERSATION, conversationId, after)));
    }

    public void assignToMe(UUID conversationId) {
        assign(conversationId, me);
    }

    public void markRead(UUID conversationId, boolean read) {
        ObjectNode conversation = conversation(conversationId);
        int unread = conversation.path("unreadCount").asInt(0);
        if (read == (unread == 0)) {
            return; // nothing to change
        }
        ObjectNode after = conversation.deepCopy().put("unreadCount", read ? 0 : 1);
        submitter.submit(
                ConversationMutations.MARK_READ,
                new ConversationMutations.MarkRead(conversationId, read),
                List.of(new Optimistic(Entities.CONVERSATION, conversationId, after)));
    }

    public void addTag(UUID candidateId, String tag) {
        String clean = tag.strip();
        UUID provisional = UUID.randomUUID(); // the server makes the row; this one shows until the pull brings it
        ObjectNode row = JSON.objectNode()
                .put("id", provisional.toString())
                .put("candidateId", candidateId.toString())
                .put("tag", clean)
                .put("createdAt", RowValues.format(clock.instant()));
        submitter.submit(
                ConversationMutations.TAG_CANDIDATE,
                new ConversationMutations.TagCandidate(candidateId, clean, true),
                List.of(new Optimistic(Entities.CANDIDATE_TAG, provisional, row)));
    }

    /** Adds the person to a job (the Pipelines feature's mutation; its board shows the new card). */
    public UUID addToJob(UUID candidateId, UUID jobId) {
        UUID id = UUID.randomUUID();
        String now = RowValues.format(clock.instant());
        ObjectNode row = JSON.objectNode()
                .put("id", id.toString())
                .put("jobId", jobId.toString())
                .put("candidateId", candidateId.toString())
                .put("stage", PipelineMutations.STAGES.getFirst())
                .put("appliedAt", now)
                .put("createdAt", now)
                .put("updatedAt", now)
                .put("version", 0);
        submitter.submit(
                PipelineMutations.CREATE_APPLICATION,
                new PipelineMutations.CreateApplication(id, jobId, candidateId, null),
                List.of(new Optimistic(Entities.APPLICATION, id, row)));
        return id;
    }

    public void removeTag(UUID candidateId, CandidateProfile.Tag tag) {
        submitter.submit(
                ConversationMutations.TAG_CANDIDATE,
                new ConversationMutations.TagCandidate(candidateId, tag.tag(), false),
                List.of(Optimistic.deleted(Entities.CANDIDATE_TAG, tag.id())));
    }

    /** Creates ({@code id} null) or edits a canned response. */
    public UUID saveCannedResponse(UUID id, String shortcut, String body) {
        UUID row = id == null ? UUID.randomUUID() : id;
        String clean = ConversationRules.normaliseShortcut(shortcut);
        ObjectNode data = JSON.objectNode()
                .put("id", row.toString())
                .put("shortcut", clean)
                .put("body", body.strip());
        submitter.submit(
                ConversationMutations.SAVE_CANNED_RESPONSE,
                new ConversationMutations.SaveCannedResponse(row, clean, body.strip()),
                List.of(new Optimistic(Entities.CANNED_RESPONSE, row, data)));
        return row;
    }

    public void deleteCannedResponse(UUID id) {
        submitter.submit(
                ConversationMutations.DELETE_CANNED_RESPONSE,
                new ConversationMutations.DeleteCannedResponse(id),
                List.of(Optimistic.deleted(Entities.CANNED_RESPONSE, id)));
    }

    /** The status a conversation takes when we send into it (the server applies the same rule). */
    private static void reopen(ObjectNode conversation, ObjectNode after, boolean template) {
        String status = RowValues.text(conversation, "status");
        String next = ConversationRules.statusAfterSend(status, template);
        if (next != null && !next.equals(status)) {
            after.put("status", next);
        }
    }

    private ObjectNode message(ObjectNode conversation, UUID id, Instant now, String direction) {
        String at = RowValues.format(now);
        return JSON.objectNode()
                .put("id", id.toString())
                .put("conversationId", RowValues.text(conversation, "id"))
                .put("whatsappAccountId", RowValues.text(conversation, "whatsappAccountId"))
                .put("candidateId", RowValues.text(conversation, "candidateId"))
                .put("direction", direction)
                .put("senderType", "user")
                .put("senderUserId", me.toString())
                .put("isVoice", false)
                .put("sentAt", at)
                .put("createdAt", at)
                .put("updatedAt", at);
    }

    private ObjectNode conversation(UUID id) {
        return store.row(Entities.CONVERSATION, id)
                .orElseThrow(() -> new IllegalArgumentException("No conversation " + id + " on this computer."));
    }

    /** The server's version the user's edit is based on (the newest this computer has seen). */
    private Long baseVersion(String entity, UUID id) {
        return store.serverVersion(entity, id).orElse(0L);
    }
}
