package com.recruitdesk.server.conversations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.server.platform.sync.FirstRead;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** What writing a line into a conversation's thread takes, for replies, templates and private notes alike. */
final class ThreadMessages {
    private ThreadMessages() {}

    /**
     * The conversation of a new line, locked: a row of the caller's organization, else not found; as
     * the batch's earlier lines left it (their bump of it is written at the batch's end, decision 0043).
     */
    static ObjectNode conversation(MutationContext ctx, UUID conversationId) throws SQLException {
        return ctx.withDeferred(
                Conversations.TABLE, Rows.require(ctx, Conversations.TABLE, conversationId, "The conversation"));
    }

    /** Refuses a send through a number an administrator disconnected (it sends nothing until connected again). */
    static void requireConnected(MutationContext ctx, ObjectNode conversation) throws SQLException {
        if (Rows.exists(
                ctx,
                "select 1 from whatsapp_accounts where id = ? and connection_status = 'disconnected'",
                uuid(conversation, "whatsapp_account_id"))) {
            throw disconnected();
        }
    }

    /**
     * {@link #requireUnused} and {@link #requireConnected} in one query, which the mutator reads
     * ahead ({@link #unusedAndConnectedQuery}) in its savepoint's round trip (decision 0043).
     */
    static void requireUnusedAndConnected(MutationContext ctx, UUID id, UUID conversationId) throws SQLException {
        Optional<String> refused = ctx.readFirst(unusedAndConnectedQuery(id, conversationId));
        if (Messages.held(ctx, id).isPresent()) {
            throw messageExists();
        }
        if (refused.isPresent()) {
            throw "message".equals(refused.get()) ? messageExists() : disconnected();
        }
    }

    /** 'message' when the id is taken, 'disconnected' when the conversation's number is; null when neither. */
    static String unusedAndConnectedQuery(UUID id, UUID conversationId) {
        return "select " + unusedAndConnected(MutationContext.literal(id), MutationContext.literal(conversationId));
    }

    /** {@link #unusedAndConnectedQuery}, read for a run's replies in one statement (decision 0050). */
    static FirstRead unusedAndConnectedRead(UUID id, UUID conversationId) {
        return FirstRead.together(
                unusedAndConnectedQuery(id, conversationId),
                "select k.n, " + unusedAndConnected("k.k1", "k.k2") + " from " + FirstRead.KEYS,
                id,
                conversationId);
    }

    private static String unusedAndConnected(String id, String conversationId) {
        return "case when exists (select 1 from messages where id = " + id + ")"
                + " then 'message' when exists (select 1 from conversations c join whatsapp_accounts a"
                + " on a.id = c.whatsapp_account_id where c.id = " + conversationId
                + " and a.connection_status = 'disconnected') then 'disconnected' end";
    }

    private static Rejection disconnected() {
        return Rejection.invalid("This conversation's WhatsApp number is disconnected, so it sends nothing; an"
                + " administrator can connect it again under Administration.");
    }

    private static Rejection messageExists() {
        return Rejection.invalid("A message with this id exists already.");
    }

    /** A new line comes with the id the client made for it, so its optimistic row and ours are one. */
    static void requireId(UUID id, String what, String idField) {
        if (id == null) {
            throw Rejection.invalid("A new " + what + " needs the id the client made for it (" + idField + ").");
        }
    }

    static void requireUnused(MutationContext ctx, UUID id) throws SQLException {
        if (Messages.held(ctx, id).isPresent() || Messages.exists(ctx.connection(), id)) {
            throw messageExists();
        }
    }

    /** A new line of {@code conversation} written by the signed-in user now. */
    static MessageRow byUser(MutationContext ctx, ObjectNode conversation, UUID id, String direction, String type) {
        return new MessageRow()
                .id(id)
                .organizationId(ctx.organizationId())
                .conversationId(uuid(conversation, "id"))
                .whatsappAccountId(uuid(conversation, "whatsapp_account_id"))
                .candidateId(uuid(conversation, "candidate_id"))
                .direction(direction)
                .type(type)
                .senderType("user")
                .senderUserId(ctx.userId())
                .sentAt(ctx.now());
    }

    private static UUID uuid(ObjectNode row, String field) {
        return UUID.fromString(row.path(field).asText());
    }
}
