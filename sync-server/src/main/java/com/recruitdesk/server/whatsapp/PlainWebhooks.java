package com.recruitdesk.server.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.server.conversations.Conversations;
import com.recruitdesk.server.conversations.Messages;
import com.recruitdesk.server.people.PeopleInBulk;
import com.recruitdesk.server.people.WhatsAppIdentity;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhook bodies that carry nothing but messages to one number, none with media or a quote (most of
 * what Meta sends: texts), stored set-based across a batch (decision 0051): the people they name
 * found in one statement and the new ones made in one, their new conversations in one, their
 * messages with the bumps of the conversations in one, the greetings in one, all under one savepoint.
 * Exactly what {@link InboundMessages} would store body by body. When any of it is not a plain case
 * (a person to update or merge, a row another transaction made meanwhile, a rule of the schema
 * broken, a fault of the database), the savepoint is rolled back and the caller applies the bodies
 * one by one, each under its own savepoint, as before (decision 0046).
 */
final class PlainWebhooks {
    private static final Logger LOG = LoggerFactory.getLogger(PlainWebhooks.class);

    /** One message of a plain body, and who sent it. */
    record Text(InboundMessage message, WhatsAppIdentity sender) {}

    /** A plain body: its number and its messages, in order. */
    record Plain(WhatsAppAccount account, List<Text> texts) {}

    private final MessageParser parser;

    PlainWebhooks(MessageParser parser) {
        this.parser = parser;
    }

    /**
     * {@code envelope} as a plain body, if it is one; its number is looked up in {@code accounts}
     * (and noted there), as {@link WebhookIngest} does.
     */
    Optional<Plain> plain(Connection c, JsonNode envelope, Map<String, Optional<WhatsAppAccount>> accounts)
            throws SQLException {
        WhatsAppAccount account = null;
        List<Text> texts = new ArrayList<>();
        for (JsonNode entry : envelope.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                if (!"messages".equals(change.path("field").asText())
                        || !value.path("statuses").isEmpty()
                        || !value.path("errors").isEmpty()) {
                    return Optional.empty();
                }
                Optional<WhatsAppAccount> number = WebhookIngest.account(
                        c, accounts, MessageParser.text(value.path("metadata"), "phone_number_id"));
                if (number.isEmpty() || (account != null && !account.equals(number.get()))) {
                    return Optional.empty();
                }
                account = number.get();
                WebhookContacts contacts = new WebhookContacts(value);
                for (JsonNode m : value.path("messages")) {
                    InboundMessage message = parser.parse(m);
                    WhatsAppIdentity sender = contacts.sender(m);
                    if (message.providerId() == null
                            || message.contextId() != null
                            || message.hasMedia()
                            || !sender.attributable()) {
                        return Optional.empty();
                    }
                    texts.add(new Text(message, sender));
                }
            }
        }
        return account == null || texts.isEmpty() ? Optional.empty() : Optional.of(new Plain(account, texts));
    }

    /**
     * Stores {@code bodies} (plain, all for one number) on the batch's transaction; one outcome per
     * body, in order. Empty, with nothing of them written, when they must be applied one by one.
     */
    Optional<List<WebhookIngest.Outcome>> store(Connection c, List<Plain> bodies) throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        Optional<List<WebhookIngest.Outcome>> outcomes;
        try {
            outcomes = storeAll(c, bodies.getFirst().account(), bodies);
        } catch (SQLException e) {
            LOG.debug("A batch of {} plain webhooks is applied one by one: {}", bodies.size(), e.getMessage());
            outcomes = Optional.empty();
        } catch (RuntimeException e) {
            LOG.warn("A batch of {} plain webhooks failed; applying them one by one", bodies.size(), e);
            outcomes = Optional.empty();
        }
        if (outcomes.isEmpty()) {
            c.rollback(savepoint); // throws if the transaction is lost: the batch then fails as a whole
        } else {
            c.releaseSavepoint(savepoint);
        }
        return outcomes;
    }

    /** A message to store: the first of its provider id in the batch, and whose it is. */
    private record Pending(Text text, UUID person) {}

    private static Optional<List<WebhookIngest.Outcome>> storeAll(
            Connection c, WhatsAppAccount account, List<Plain> bodies) throws SQLException {
        List<WhatsAppIdentity> who = bodies.stream()
                .flatMap(b -> b.texts().stream())
                .map(Text::sender)
                .distinct()
                .toList();
        Optional<Map<WhatsAppIdentity, PeopleInBulk.Found>> people =
                PeopleInBulk.resolve(c, account.organizationId(), account.id(), who);
        if (people.isEmpty()) {
            return Optional.empty();
        }
        // The first of each provider id is stored; a later one in the batch is a redelivery.
        Set<String> ids = new HashSet<>();
        List<Pending> pending = new ArrayList<>();
        for (Plain body : bodies) {
            for (Text t : body.texts()) {
                if (ids.add(t.message().providerId())) {
                    pending.add(new Pending(t, people.get().get(t.sender()).id()));
                }
            }
        }
        Map<UUID, UUID> conversations = new LinkedHashMap<>();
        people.get().values().forEach(p -> p.conversation().ifPresent(v -> conversations.put(p.id(), v)));
        Map<UUID, UUID> opened = open(c, account, pending, conversations);
        if (opened == null) {
            return Optional.empty();
        }
        conversations.putAll(opened);
        List<Messages.Inbound> rows = pending.stream()
                .map(p -> new Messages.Inbound(
                        InboundMessages.row(
                                account,
                                conversations.get(p.person()),
                                p.person(),
                                p.text().message(),
                                null),
                        p.text().message().preview(),
                        !opened.containsKey(p.person())))
                .toList();
        Map<String, UUID> stored = Messages.insertInboundAll(c, account.organizationId(), account.id(), rows);
        List<BotGreeting.First> firsts = new ArrayList<>();
        Set<UUID> greeted = new HashSet<>();
        for (Pending p : pending) {
            if (opened.containsKey(p.person())) {
                if (!stored.containsKey(p.text().message().providerId())) {
                    return Optional.empty(); // stored before under another conversation: InboundMessages decides
                }
                if (greeted.add(p.person())) {
                    firsts.add(new BotGreeting.First(
                            opened.get(p.person()),
                            p.person(),
                            p.text().message().at()));
                }
            }
        }
        BotGreeting.queueAll(c, account, firsts);
        List<WebhookIngest.Outcome> outcomes = new ArrayList<>(bodies.size());
        Set<String> counted = new HashSet<>();
        for (Plain body : bodies) {
            int fresh = 0;
            for (Text t : body.texts()) {
                if (stored.containsKey(t.message().providerId())
                        && counted.add(t.message().providerId())) {
                    fresh++;
                }
            }
            outcomes.add(new WebhookIngest.Outcome(fresh, body.texts().size() - fresh, 0, 0));
        }
        return Optional.of(outcomes);
    }

    /**
     * Opens the conversations of the people who have none on the number, made already bumped by
     * their messages of the batch; their ids by person, or null when another webhook made one meanwhile.
     */
    private static Map<UUID, UUID> open(
            Connection c, WhatsAppAccount account, List<Pending> pending, Map<UUID, UUID> existing)
            throws SQLException {
        Map<UUID, List<InboundMessage>> byPerson = new LinkedHashMap<>();
        for (Pending p : pending) {
            if (!existing.containsKey(p.person())) {
                byPerson.computeIfAbsent(p.person(), k -> new ArrayList<>())
                        .add(p.text().message());
            }
        }
        if (byPerson.isEmpty()) {
            return Map.of();
        }
        List<Conversations.Opening> openings = new ArrayList<>(byPerson.size());
        byPerson.forEach((person, messages) -> {
            // The inbox line is the last message by time, then by order, as bumping one by one leaves it.
            InboundMessage last = messages.getFirst();
            for (InboundMessage m : messages) {
                if (!m.at().isBefore(last.at())) {
                    last = m;
                }
            }
            openings.add(new Conversations.Opening(person, messages.size(), last.at(), last.preview()));
        });
        Map<UUID, UUID> made = Conversations.openAll(c, account.organizationId(), account.id(), openings);
        return made.size() == openings.size() ? made : null;
    }
}
