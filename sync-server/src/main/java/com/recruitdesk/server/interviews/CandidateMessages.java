package com.recruitdesk.server.interviews;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.whatsapp.CustomerServiceWindow;
import com.recruitdesk.protocol.whatsapp.TemplateShape;
import com.recruitdesk.server.conversations.Conversations;
import com.recruitdesk.server.conversations.MessageRow;
import com.recruitdesk.server.conversations.Messages;
import com.recruitdesk.server.conversations.TemplateMessages;
import com.recruitdesk.server.platform.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Tells the candidate on WhatsApp that their interview was scheduled, moved or cancelled, or reminds
 * them of it, through the product's one send path: a queued line of their conversation that the
 * WhatsApp sender task sends. Inside the 24-hour window it is free text; outside it, the number's
 * approved template named for the event ({@code interview_scheduled}, {@code interview_rescheduled},
 * {@code interview_cancelled}, {@code interview_reminder}) with the person's first name, the job, the
 * time and the place as its variables. Without a conversation or such a template nothing is sent,
 * and the outcome says why (the activity log keeps it).
 */
final class CandidateMessages {
    enum Event {
        SCHEDULED("interview_scheduled"),
        RESCHEDULED("interview_rescheduled"),
        CANCELLED("interview_cancelled"),
        REMINDER("interview_reminder");

        final String template;

        Event(String template) {
            this.template = template;
        }
    }

    /** How the candidate was told: {@code text}, {@code template}, or {@code not_sent} and why. */
    record Outcome(String how, UUID messageId, String reason) {
        static Outcome notSent(String reason) {
            return new Outcome("not_sent", null, reason);
        }

        ObjectNode json(ObjectMapper mapper) {
            ObjectNode o = mapper.createObjectNode().put("how", how);
            if (messageId != null) {
                o.put("messageId", messageId.toString());
            }
            if (reason != null) {
                o.put("reason", reason);
            }
            return o;
        }
    }

    private final Connection c;
    private final ObjectMapper mapper;

    CandidateMessages(Connection c, ObjectMapper mapper) {
        this.c = c;
        this.mapper = mapper;
    }

    /** Queues the message about {@code interview}; {@code sender} is the user who made the change, null for the system. */
    Outcome tell(Interview interview, Event event, UUID sender, Instant now) throws SQLException {
        Optional<ObjectNode> found =
                Sql.one(c, """
                select to_jsonb(c)::text from conversations c
                 where c.candidate_id = ? and c.organization_id = ?
                 order by c.last_inbound_at desc nulls last, c.last_message_at desc nulls last
                 limit 1 for update
                """, rs -> json(rs.getString(1)), interview.candidateId(), interview.organizationId());
        if (found.isEmpty()) {
            return Outcome.notSent(interview.candidateName() + " has no WhatsApp conversation with us");
        }
        ObjectNode conversation = found.get();
        MessageRow line = new MessageRow()
                .id(UUID.randomUUID())
                .organizationId(interview.organizationId())
                .conversationId(uuid(conversation, "id"))
                .whatsappAccountId(uuid(conversation, "whatsapp_account_id"))
                .candidateId(interview.candidateId())
                .direction("outbound")
                .senderType(sender == null ? "bot" : "user") // a reminder is the product speaking
                .senderUserId(sender)
                .status("queued")
                .sentAt(now);
        String lastInbound = conversation.path("last_inbound_at").asText(null);
        boolean open = CustomerServiceWindow.isOpen(
                lastInbound == null ? null : OffsetDateTime.parse(lastInbound).toInstant(), now);
        boolean template = !open;
        if (open) {
            line.type("text").body(text(interview, event));
        } else {
            Optional<ObjectNode> approved = Sql.one(
                    c, """
                    select to_jsonb(t)::text from message_templates t
                     where t.whatsapp_account_id = ? and t.name = ? and t.status = 'approved'
                     order by t.language like 'en%' desc, t.language limit 1
                    """, rs -> json(rs.getString(1)), uuid(conversation, "whatsapp_account_id"), event.template);
            if (approved.isEmpty()) {
                return Outcome.notSent("the 24-hour window is closed and the number has no approved template '"
                        + event.template + "'");
            }
            TemplateShape shape = TemplateShape.of(approved.get().path("components"));
            Optional<List<String>> body = values(shape.bodyPlaceholders(), shape.named(), interview, event);
            Optional<List<String>> header = values(shape.headerPlaceholders(), shape.named(), interview, event);
            if (shape.unsupported().isPresent() || body.isEmpty() || header.isEmpty()) {
                return Outcome.notSent(
                        "the template '" + event.template + "' asks for values this message does not have");
            }
            TemplateMessages.fill(mapper, line, approved.get(), shape, body.get(), header.get());
        }
        Messages.insert(c, line);
        Conversations.sent(c, conversation, now, line.body(), template);
        return new Outcome(template ? "template" : "text", line.id(), null);
    }

    static String text(Interview i, Event event) {
        String hi = "Hi "
                + (i.candidateFirstName() == null || i.candidateFirstName().isBlank()
                        ? "there"
                        : i.candidateFirstName())
                + ", ";
        String what = "your " + i.what();
        return switch (event) {
            case SCHEDULED ->
                hi + what + " is booked for " + i.when() + ", " + i.where()
                        + ". Reply here if the time does not suit you.";
            case RESCHEDULED ->
                hi + what + " has moved to " + i.when() + ", " + i.where()
                        + ". Reply here if the new time does not suit you.";
            case CANCELLED -> hi + what + " on " + i.when() + " is cancelled. We will be in touch.";
            case REMINDER ->
                hi + "a reminder of " + what + " on " + i.when() + ", " + i.where()
                        + ". Reply YES to confirm you will attend.";
        };
    }

    /**
     * The values for a template's placeholders: by position the first name, the job, the time and the
     * place (a cancellation has no place); by name whichever of those the names ask for. Empty when
     * the template wants something else.
     */
    static Optional<List<String>> values(List<String> placeholders, boolean named, Interview i, Event event) {
        String job = i.jobTitle() == null ? "your interview" : i.jobTitle();
        String first =
                i.candidateFirstName() == null || i.candidateFirstName().isBlank() ? "there" : i.candidateFirstName();
        List<String> positional =
                event == Event.CANCELLED ? List.of(first, job, i.when()) : List.of(first, job, i.when(), i.where());
        Map<String, String> byName = Map.of(
                "first_name",
                first,
                "name",
                first,
                "job",
                job,
                "job_title",
                job,
                "role",
                job,
                "when",
                i.when(),
                "date",
                i.when(),
                "time",
                i.when(),
                "where",
                i.where(),
                "place",
                i.where());
        List<String> out = new ArrayList<>();
        for (int k = 0; k < placeholders.size(); k++) {
            String value = named
                    ? byName.get(placeholders.get(k).toLowerCase(Locale.ROOT))
                    : k < positional.size() ? positional.get(k) : null;
            if (value == null || (named && event == Event.CANCELLED && value.equals(i.where()))) {
                return Optional.empty();
            }
            out.add(value);
        }
        return Optional.of(out);
    }

    private ObjectNode json(String row) throws SQLException {
        try {
            return (ObjectNode) mapper.readTree(row);
        } catch (java.io.IOException e) {
            throw new SQLException("unreadable row", e);
        }
    }

    private static UUID uuid(ObjectNode row, String field) {
        return UUID.fromString(row.path(field).asText());
    }
}
