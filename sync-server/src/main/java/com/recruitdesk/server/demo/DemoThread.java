package com.recruitdesk.server.demo;

import com.recruitdesk.server.conversations.ConversationRow;
import com.recruitdesk.server.conversations.MessageRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Collects one demo conversation's messages, each written by the Conversations feature's row
 * writer, then fills in the conversation's summary columns as the webhooks and mutations keep them.
 */
final class DemoThread {
    private final DemoPart part;
    private final ConversationRow conv;
    private final DemoPeople.Person person;
    private final List<MessageRow> messages = new ArrayList<>();
    private final String key;

    DemoThread(DemoPart part, ConversationRow conv, DemoPeople.Person person, DemoInbox.Account account) {
        this.part = part;
        this.conv = conv;
        this.person = person;
        this.key = person.index() + "/" + account.key();
        conv.id(part.id("conversation", key));
        part.write(c -> conv.insert().orSkipExistingId().execute(c)); // created_at is set in finish
    }

    MessageRow in(String type, String body, Instant at) {
        MessageRow m = message("inbound", type, "candidate", null, body, at);
        return m.providerMessageId(providerId(m));
    }

    MessageRow user(String body, String status, Instant at) {
        return out("text", "user", part.recruiterFor(person.index()), body, status, at);
    }

    MessageRow bot(String body, String status, Instant at) {
        return out("text", "bot", null, body, status, at);
    }

    MessageRow out(String type, String senderType, UUID user, String body, String status, Instant at) {
        MessageRow m = message("outbound", type, senderType, user, body, at).status(status);
        if (!status.equals("queued")) {
            m.providerMessageId(providerId(m));
        }
        if (status.equals("delivered") || status.equals("read")) {
            m.deliveredAt(at.plusSeconds(4));
        }
        if (status.equals("read")) {
            m.readAt(at.plus(DemoPart.minutes(3)));
        }
        return m;
    }

    void note(String body, Instant at) {
        message("internal", "note", "user", part.recruiterFor(person.index()), body, at);
    }

    void system(String body, Instant at) {
        message("internal", "system", "system", null, body, at);
    }

    private MessageRow message(String direction, String type, String senderType, UUID user, String body, Instant at) {
        MessageRow m = new MessageRow()
                .organizationId(part.org)
                .conversationId(conv.id())
                .whatsappAccountId(conv.whatsappAccountId())
                .candidateId(conv.candidateId())
                .direction(direction)
                .type(type)
                .senderType(senderType)
                .senderUserId(user)
                .body(body)
                .sentAt(at);
        messages.add(m);
        m.id(part.id("message", key + "/" + messages.size())).createdAt(at).updatedAt(at);
        part.write(c -> m.insert().orSkipExistingId().execute(c));
        return m;
    }

    private static String providerId(MessageRow m) {
        return "wamid.DEMO" + m.id().toString().replace("-", "").toUpperCase(Locale.ROOT);
    }

    void finish(Instant end) {
        conv.createdAt(messages.getFirst().sentAt()).updatedAt(end);
        List<MessageRow> chat =
                messages.stream().filter(m -> !m.direction().equals("internal")).toList();
        MessageRow last = chat.getLast();
        conv.lastMessageAt(last.sentAt()).lastMessagePreview(preview(last));
        conv.lastInboundAt(chat.stream()
                .filter(m -> m.direction().equals("inbound"))
                .map(MessageRow::sentAt)
                .reduce((a, b) -> b)
                .orElse(null));
        boolean handled = conv.status().equals("closed") || conv.status().equals("archived");
        int unread = 0;
        for (MessageRow m : chat) {
            if (m.direction().equals("outbound") && !m.status().equals("failed")) {
                unread = 0;
            } else if (m.direction().equals("inbound")) {
                unread++;
            }
        }
        conv.unreadCount(handled ? 0 : unread);
    }

    private static String preview(MessageRow m) {
        return switch (m.type()) {
            case "image" -> "📷 " + (m.mediaCaption() == null ? "Photo" : m.mediaCaption());
            case "document" -> "📄 " + m.mediaFilename();
            case "audio" -> "🎤 Voice message";
            case "location" -> "📍 " + m.payload().path("name").asText();
            case "reaction" -> "Reacted " + m.payload().path("emoji").asText();
            case "contacts" -> "👤 " + m.body();
            default -> m.body();
        };
    }
}
