package com.recruitdesk.server.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.server.people.People;
import com.recruitdesk.server.platform.db.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a verified webhook body on a batch's transaction, under a savepoint of its own (decision
 * 0046): every change of every entry, its messages and its statuses. A change for an unknown
 * {@code phone_number_id}, or one that breaks a rule of the schema, is kept as a dead letter
 * instead. When the database fails the whole body rolls back and the caller answers non-2xx, so
 * Meta delivers it again (decision 0009).
 */
final class WebhookIngest {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookIngest.class);
    static final String TEMPLATE_STATUS_FIELD = "message_template_status_update";

    /** What one webhook body did. */
    record Outcome(int stored, int duplicates, int statuses, int deadLetters, int templates) {
        Outcome(int stored, int duplicates, int statuses, int deadLetters) {
            this(stored, duplicates, statuses, deadLetters, 0);
        }
    }

    private final Database database;
    private final ObjectMapper mapper;
    private final MessageParser parser;
    private final Statuses statuses;
    private final WebhookActivity activity;
    private final Set<String> unknownNumbersLogged = ConcurrentHashMap.newKeySet();

    WebhookIngest(Database database, ObjectMapper mapper) {
        this.database = database;
        this.mapper = mapper;
        this.parser = new MessageParser(mapper);
        this.statuses = new Statuses(mapper);
        this.activity = new WebhookActivity(database);
    }

    MessageParser parser() {
        return parser;
    }

    Statuses statuses() {
        return statuses;
    }

    /**
     * Applies one webhook body on a batch's transaction ({@link WebhookBatches}) under a savepoint of
     * its own, noting the numbers it was for in {@code numbers}. A body that broke a rule of the
     * schema is applied again change by change, the change that broke it kept as a dead letter; any
     * other fault rolls the body back to its savepoint, leaving the batch's other bodies, and is thrown.
     * {@code accounts} holds the numbers the batch has looked up so far, by {@code phone_number_id}.
     */
    Outcome applyInSavepoint(
            Connection c, JsonNode envelope, Map<String, Optional<WhatsAppAccount>> accounts, Set<UUID> numbers)
            throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try {
            Outcome outcome;
            try {
                outcome = applyAll(c, envelope, false, accounts, numbers);
            } catch (SQLException e) {
                if (!isDataError(e)) {
                    throw e;
                }
                // Savepoints cost two round trips a change, so only a body that broke a rule pays for them.
                c.rollback(savepoint);
                numbers.clear();
                outcome = applyAll(c, envelope, true, accounts, numbers);
            }
            c.releaseSavepoint(savepoint);
            return outcome;
        } catch (SQLException | RuntimeException e) {
            numbers.clear();
            c.rollback(savepoint);
            throw e;
        }
    }

    /** Webhooks for {@code numbers} were just stored (after their transaction's commit). */
    void seen(Set<UUID> numbers) {
        activity.seen(numbers);
    }

    private Outcome applyAll(
            Connection c,
            JsonNode envelope,
            boolean changeByChange,
            Map<String, Optional<WhatsAppAccount>> accounts,
            Set<UUID> numbers)
            throws SQLException {
        int[] totals = new int[5];
        for (JsonNode entry : envelope.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                String field = change.path("field").asText();
                if (TEMPLATE_STATUS_FIELD.equals(field)) {
                    Outcome o = templateStatus(
                            c,
                            MessageParser.text(entry, "id"),
                            entry.path("time").asLong(0),
                            change,
                            changeByChange);
                    totals[3] += o.deadLetters();
                    totals[4] += o.templates();
                    continue;
                }
                if (!"messages".equals(field)) {
                    continue; // account and quality updates are not handled yet
                }
                JsonNode value = change.path("value");
                String phoneNumberId = MessageParser.text(value.path("metadata"), "phone_number_id");
                Optional<WhatsAppAccount> account = account(c, accounts, phoneNumberId);
                if (account.isEmpty()) {
                    if (unknownNumbersLogged.add(String.valueOf(phoneNumberId))) {
                        LOG.warn(
                                "Webhook for phone_number_id {} which no WhatsApp number has; kept as a dead letter",
                                phoneNumberId);
                    }
                    totals[3] += deadLetter(c, phoneNumberId, "unknown phone_number_id", change);
                    continue;
                }
                numbers.add(account.get().id());
                Outcome o = inSavepoint(
                        c, changeByChange, phoneNumberId, change, () -> applyValue(c, account.get(), value));
                totals[0] += o.stored();
                totals[1] += o.duplicates();
                totals[2] += o.statuses();
                totals[3] += o.deadLetters();
            }
        }
        return new Outcome(totals[0], totals[1], totals[2], totals[3], totals[4]);
    }

    /** The number Meta calls {@code phoneNumberId}: a batch's bodies are mostly for one, so it is looked up once. */
    static Optional<WhatsAppAccount> account(
            Connection c, Map<String, Optional<WhatsAppAccount>> accounts, String phoneNumberId) throws SQLException {
        Optional<WhatsAppAccount> account = accounts.get(phoneNumberId);
        if (account == null) {
            account = WhatsAppAccounts.byPhoneNumberId(c, phoneNumberId);
            accounts.put(phoneNumberId, account);
        }
        return account;
    }

    /**
     * A template's status changed at Meta ({@code entry.id} is the WhatsApp Business Account). Applied
     * to that template on every number of the WABA; when the event alone cannot say the new state
     * (a template we do not have yet, an event naming no status) a sync of the WABA is asked for.
     */
    private Outcome templateStatus(Connection c, String wabaId, long eventTime, JsonNode change, boolean changeByChange)
            throws SQLException {
        if (wabaId == null || !MessageTemplates.knownWaba(c, wabaId)) {
            return new Outcome(
                    0,
                    0,
                    0,
                    deadLetter(
                            c, null, "template update for a WhatsApp Business Account no Cloud API number has", change),
                    0);
        }
        return inSavepoint(c, changeByChange, null, change, () -> {
            if (!MessageTemplates.applyStatusEvent(c, wabaId, eventTime, change.path("value"))) {
                TemplateSync.request(c, wabaId);
            }
            return new Outcome(0, 0, 0, 0, 1);
        });
    }

    /** Work on the caller's transaction that may throw {@link SQLException}. */
    @FunctionalInterface
    private interface ChangeWork {
        Outcome apply() throws SQLException;
    }

    /**
     * Applies one change; when applying change by change (the second try of a body that broke a rule),
     * inside a savepoint, so a change that breaks a rule is rolled back alone and kept as a dead letter.
     */
    private Outcome inSavepoint(
            Connection c, boolean changeByChange, String phoneNumberId, JsonNode change, ChangeWork work)
            throws SQLException {
        Savepoint savepoint = changeByChange ? c.setSavepoint() : null;
        try {
            Outcome o = work.apply();
            if (savepoint != null) {
                c.releaseSavepoint(savepoint);
            }
            return o;
        } catch (SQLException e) {
            if (savepoint == null || !isDataError(e)) {
                throw e;
            }
            c.rollback(savepoint);
            LOG.warn("Webhook change broke a rule of the data; kept as a dead letter: {}", e.getMessage());
            return new Outcome(
                    0, 0, 0, deadLetter(c, phoneNumberId, "rejected by the schema: " + e.getMessage(), change), 0);
        }
    }

    /** Applies one change's {@code value} for {@code account} in a transaction of its own (the simulator). */
    Outcome applyFor(WhatsAppAccount account, JsonNode value) throws SQLException {
        Outcome outcome =
                database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> applyValue(c, account, value));
        activity.seen(Set.of(account.id()));
        return outcome;
    }

    /** Applies one change's {@code value} for a known number, on the caller's transaction. */
    Outcome applyValue(Connection c, WhatsAppAccount account, JsonNode value) throws SQLException {
        WebhookContacts contacts = new WebhookContacts(value);
        int stored = 0;
        int duplicates = 0;
        int deadLetters = 0;
        for (JsonNode m : value.path("messages")) {
            InboundMessage message = parser.parse(m);
            switch (InboundMessages.store(c, account, message, contacts.sender(m))) {
                case STORED -> stored++;
                case DUPLICATE -> duplicates++;
                case UNATTRIBUTED -> {
                    LOG.warn(
                            "Inbound message {} names no sender we can attribute it to; kept as a dead letter",
                            message.providerId());
                    deadLetters += deadLetter(
                            c,
                            account.phoneNumberId(),
                            "message names no sender (no BSUID or phone number) or has no id",
                            oneMessageChange(value, m));
                }
            }
        }
        int applied = 0;
        for (JsonNode s : value.path("statuses")) {
            People.learn(c, account.organizationId(), contacts.recipient(s));
            statuses.apply(c, account.id(), StatusEvent.parse(s));
            applied++;
        }
        for (JsonNode error : value.path("errors")) {
            LOG.warn("WhatsApp reported an error for number {}: {}", account.phone(), error);
        }
        return new Outcome(stored, duplicates, applied, deadLetters);
    }

    /** A change holding only {@code message} (with the change's metadata and contacts), as Meta would send it. */
    private ObjectNode oneMessageChange(JsonNode value, JsonNode message) {
        ObjectNode change = mapper.createObjectNode();
        ObjectNode v = change.putObject("value");
        v.put("messaging_product", "whatsapp");
        v.set("metadata", value.path("metadata"));
        if (value.has("contacts")) {
            v.set("contacts", value.get("contacts"));
        }
        v.putArray("messages").add(message);
        change.put("field", "messages");
        return change;
    }

    private int deadLetter(Connection c, String phoneNumberId, String reason, JsonNode change) throws SQLException {
        String payload = change.toString();
        try (PreparedStatement ps = c.prepareStatement("""
                insert into whatsapp_dead_letters (phone_number_id, reason, payload, payload_sha256)
                values (?, ?, ?::jsonb, ?)
                on conflict (payload_sha256) do nothing
                """)) {
            ps.setString(1, phoneNumberId);
            ps.setString(2, reason);
            ps.setString(3, payload);
            ps.setBytes(4, sha256(payload));
            return ps.executeUpdate();
        }
    }

    private static boolean isDataError(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    ObjectMapper mapper() {
        return mapper;
    }
}
