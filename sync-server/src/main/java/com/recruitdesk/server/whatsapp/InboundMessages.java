package com.recruitdesk.server.whatsapp;

import com.recruitdesk.server.conversations.ConversationRow;
import com.recruitdesk.server.conversations.Conversations;
import com.recruitdesk.server.conversations.MessageRow;
import com.recruitdesk.server.conversations.Messages;
import com.recruitdesk.server.people.People;
import com.recruitdesk.server.people.WhatsAppIdentity;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores inbound messages: the person by whichever WhatsApp ids Meta sent ({@link People}), the
 * conversation per (number, person), the message once per provider id; then bumps unread and the
 * last message and reopens a closed conversation. All on the caller's connection, inside its
 * transaction, in few round trips: a new conversation is made already bumped, and an existing one
 * is bumped by the statement that inserts the message. The rows are written by the Conversations
 * feature's writers ({@link Messages}, {@link Conversations}).
 */
final class InboundMessages {
    private InboundMessages() {}

    /** What became of one inbound message. */
    enum Stored {
        STORED,
        /** Stored before: a redelivery. */
        DUPLICATE,
        /** It names no sender we can attribute it to, or has no id; the caller keeps it as a dead letter. */
        UNATTRIBUTED
    }

    /** Stores {@code m} from the person {@code sender} names, found or made by {@link People}. */
    static Stored store(Connection c, WhatsAppAccount account, InboundMessage m, WhatsAppIdentity sender)
            throws SQLException {
        if (m.providerId() == null) {
            return Stored.UNATTRIBUTED;
        }
        Optional<People.Found> found = People.resolve(c, account.organizationId(), sender);
        if (found.isEmpty()) {
            return Stored.UNATTRIBUTED;
        }
        UUID person = found.get().id();
        UUID replyTo = m.contextId() == null
                ? null
                : Messages.byProviderId(c, account.id(), m.contextId()).orElse(null);
        // A person made just now has no conversation yet: no need to look for one.
        Optional<UUID> existing =
                found.get().created() ? Optional.empty() : Conversations.find(c, account.id(), person);
        Optional<UUID> id;
        if (existing.isPresent()) {
            id = Messages.insertInboundAndBump(c, row(account, existing.get(), person, m, replyTo), m.preview());
        } else {
            Optional<UUID> made = Conversations.openLockingPerson(
                    c,
                    new ConversationRow()
                            .organizationId(account.organizationId())
                            .whatsappAccountId(account.id())
                            .candidateId(person)
                            .unreadCount(1)
                            .lastMessageAt(m.at())
                            .lastMessagePreview(preview(m))
                            .lastInboundAt(m.at()));
            if (made.isPresent()) {
                id = Messages.insertInbound(c, row(account, made.get(), person, m, replyTo));
                if (id.isEmpty()) {
                    // Only a message stored under another conversation can get here; the one made for it goes.
                    Conversations.delete(c, made.get());
                } else {
                    BotGreeting.queue(c, account, made.get(), person, m.at());
                }
            } else {
                UUID concurrent = Conversations.find(c, account.id(), person)
                        .orElseThrow(() -> new SQLException("no conversation for person " + person, "40001"));
                id = Messages.insertInboundAndBump(c, row(account, concurrent, person, m, replyTo), m.preview());
            }
        }
        if (id.isEmpty()) {
            return Stored.DUPLICATE;
        }
        if (m.hasMedia()) {
            MediaDownloads.queue(c, id.get());
        }
        return Stored.STORED;
    }

    /** The inbox line keeps the first 200 characters (as {@code left(…, 200)} does in SQL). */
    private static String preview(InboundMessage m) {
        String text = m.preview();
        return text.codePointCount(0, text.length()) <= 200 ? text : text.substring(0, text.offsetByCodePoints(0, 200));
    }

    /** The row of inbound message {@code m}, quoting {@code replyTo} (or nothing). */
    static MessageRow row(WhatsAppAccount account, UUID conversation, UUID person, InboundMessage m, UUID replyTo) {
        return new MessageRow()
                .organizationId(account.organizationId())
                .conversationId(conversation)
                .whatsappAccountId(account.id())
                .candidateId(person)
                .direction("inbound")
                .type(m.type())
                .voice(m.voice())
                .senderType("candidate")
                .body(m.body())
                .payload(m.payload())
                .mediaProviderId(m.mediaId())
                .mediaMimeType(m.mediaMimeType())
                .mediaCaption(m.mediaCaption())
                .mediaFilename(m.mediaFilename())
                .replyToMessageId(replyTo)
                .providerMessageId(m.providerId())
                .sentAt(m.at());
    }
}
