package com.recruitdesk.app.cohorts.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.sync.Submitter;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.whatsapp.CustomerServiceWindow;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends a student their upload link over WhatsApp as a reply in their conversation
 * ({@code conversation.sendMessage}, queued like any reply, offline too). Only the staff hold
 * conversations, so an institution admin never has one to send in; and a free-text reply needs the
 * student to have written in the last 24 hours, else it takes an approved template from Conversations.
 * The message shows in the thread once the server has it; a refusal is shown by the Conversations pane,
 * which owns the mutation. Writes to disk: call off the FX thread.
 */
public final class InvitationSender {
    /** What became of a send. */
    public enum Outcome {
        SENT,
        NO_CONVERSATION,
        WINDOW_CLOSED
    }

    private static final String CONVERSATION = """
            select c.data
              from current c
             where c.entity = ? and json_extract(c.data, '$.candidateId') = ?
             order by json_extract(c.data, '$.lastInboundAt') desc
             limit 1
            """;

    private final LocalStore store;
    private final Submitter submitter;
    private final Clock clock;

    public InvitationSender(LocalStore store, Submitter submitter, Clock clock) {
        this.store = store;
        this.submitter = submitter;
        this.clock = clock;
    }

    public Outcome send(UUID enrollmentId, String text) {
        Optional<JsonNode> conversation = store.row(Entities.COHORT_ENROLLMENT, enrollmentId)
                .map(e -> e.path("candidateId").asText(null))
                .flatMap(candidate -> store
                        .query(CONVERSATION, List.of(Entities.CONVERSATION, candidate), rs ->
                                (JsonNode) store.parse(rs.getString(1)))
                        .stream()
                        .findFirst());
        if (conversation.isEmpty()) {
            return Outcome.NO_CONVERSATION;
        }
        JsonNode c = conversation.get();
        Instant lastInbound = c.hasNonNull("lastInboundAt")
                ? Instant.parse(c.path("lastInboundAt").asText())
                : null;
        if (!CustomerServiceWindow.isOpen(lastInbound, clock.instant())) {
            return Outcome.WINDOW_CLOSED;
        }
        submitter.submit(
                ConversationMutations.SEND_MESSAGE,
                new ConversationMutations.SendMessage(
                        UUID.fromString(c.path("id").asText()), UUID.randomUUID(), text, null),
                List.of());
        return Outcome.SENT;
    }
}
