package com.recruitdesk.server.whatsapp;

import com.recruitdesk.protocol.admin.BusinessHours;
import com.recruitdesk.server.conversations.MessageRow;
import com.recruitdesk.server.conversations.Messages;
import com.recruitdesk.server.platform.settings.OrganizationSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The greeting a number sends, from the bot, to a person who writes to it for the first time (the
 * organization's {@code BOT_GREETINGS} setting); outside the {@code BUSINESS_HOURS} it adds when the
 * office opens. It is queued like any reply, in the inbound message's transaction, so a redelivered
 * first message (which makes no new conversation) greets nobody twice.
 */
final class BotGreeting {
    private static final DateTimeFormatter OPENS = DateTimeFormatter.ofPattern("EEEE 'at' HH:mm", Locale.ENGLISH);

    private BotGreeting() {}

    /** A conversation just made for a person's first message, written {@code at}. */
    record First(UUID conversation, UUID person, Instant at) {}

    /** Queues the greeting of {@code account} into the conversation just made for the first message, written {@code at}. */
    static void queue(Connection c, WhatsAppAccount account, UUID conversation, UUID person, Instant at)
            throws SQLException {
        queueAll(c, account, List.of(new First(conversation, person, at)));
    }

    /**
     * Queues the greeting of {@code account} into each of a batch's new conversations of that number:
     * the settings are read once, the greetings written in one statement (decision 0051).
     */
    static void queueAll(Connection c, WhatsAppAccount account, List<First> firsts) throws SQLException {
        if (firsts.isEmpty()) {
            return;
        }
        Optional<String> greeting = OrganizationSettings.greeting(c, account.organizationId(), account.id());
        if (greeting.isEmpty()) {
            return;
        }
        BusinessHours hours = OrganizationSettings.businessHours(c, account.organizationId());
        Messages.insertAll(
                c,
                firsts.stream()
                        .map(first -> new MessageRow()
                                .id(UUID.randomUUID())
                                .organizationId(account.organizationId())
                                .conversationId(first.conversation())
                                .whatsappAccountId(account.id())
                                .candidateId(first.person())
                                .direction("outbound")
                                .type("text")
                                .senderType("bot")
                                .body(text(greeting.get(), hours, first.at()))
                                .status("queued")
                                .sentAt(first.at()))
                        .toList());
    }

    /** The greeting, with when the office opens again if it is closed {@code at}. */
    static String text(String greeting, BusinessHours hours, Instant at) {
        if (hours.isOpen(at)) {
            return greeting;
        }
        Optional<ZonedDateTime> opens = hours.nextOpening(at);
        return opens.map(o -> greeting + "\n\nOur office is closed now; we answer from " + OPENS.format(o) + ".")
                .orElse(greeting);
    }
}
