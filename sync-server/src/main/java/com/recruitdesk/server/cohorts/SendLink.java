package com.recruitdesk.server.cohorts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.cohorts.CohortMutations;
import com.recruitdesk.protocol.cohorts.CohortRules;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.protocol.whatsapp.TemplateShape;
import com.recruitdesk.server.conversations.ConversationRow;
import com.recruitdesk.server.conversations.Conversations;
import com.recruitdesk.server.conversations.MessageRow;
import com.recruitdesk.server.conversations.Messages;
import com.recruitdesk.server.conversations.TemplateMessages;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends a student their upload link on WhatsApp from the server (decision 0039): always the approved
 * template {@link CohortRules#LINK_TEMPLATE} with the link as a parameter, which WhatsApp takes inside
 * and outside the 24-hour window, queued as a line of the student's conversation (made on a number
 * that has the template if there is none) for the one sender task. The reviewer, an institution admin
 * say, never sees the conversation: its rows reach the staff only. The trail records the send.
 */
final class SendLink implements Mutator<CohortMutations.SendLink> {
    private static final String CONVERSATION = """
            select to_jsonb(c)::text from conversations c
              join whatsapp_accounts w on w.id = c.whatsapp_account_id and w.connection_status <> 'disconnected'
             where c.candidate_id = ? and c.organization_id = ?
               and exists (select 1 from message_templates t
                            where t.whatsapp_account_id = w.id and t.name = ? and t.status = 'approved')
             order by c.last_inbound_at desc nulls last, c.last_message_at desc nulls last
             limit 1 for update of c
            """;
    private static final String NUMBER = """
            select w.id from whatsapp_accounts w
             where w.organization_id = ? and w.connection_status <> 'disconnected'
               and exists (select 1 from message_templates t
                            where t.whatsapp_account_id = w.id and t.name = ? and t.status = 'approved')
             order by w.created_at, w.id limit 1
            """;
    private static final String TEMPLATE = """
            select to_jsonb(t)::text from message_templates t
             where t.whatsapp_account_id = ? and t.name = ? and t.status = 'approved'
             order by t.language like 'en%' desc, t.language limit 1
            """;

    @Override
    public MutationType<CohortMutations.SendLink> type() {
        return CohortMutations.SEND_LINK;
    }

    @Override
    public Access<CohortMutations.SendLink> access() {
        return Access.anyOf(
                Access.administrators(),
                Access.institutionAdminOf(
                        "cohort_enrollments", "The enrollment", CohortMutations.SendLink::enrollmentId));
    }

    @Override
    public void apply(MutationContext ctx, CohortMutations.SendLink a) throws SQLException {
        // The organization's public address when it has one: the desktop's may be an office address
        // that a student's phone cannot reach.
        String address = com.recruitdesk.server.platform.settings.OrganizationSettings.publicAddress(
                        ctx.connection(), ctx.organizationId())
                .orElseGet(() -> pageAddress(a.pageAddress()));
        ObjectNode enrollment = Rows.require(ctx, "cohort_enrollments", a.enrollmentId(), "The enrollment");
        String cohort = EnrollmentLink.requireUploads(ctx, enrollment);
        String expires = enrollment.path("invitation_expires_at").asText(null);
        if (expires != null && !ctx.now().isBefore(OffsetDateTime.parse(expires).toInstant())) {
            throw Rejection.invalid("The student's link has expired; make a new link first.");
        }
        UUID person = UUID.fromString(enrollment.path("candidate_id").asText());
        ObjectNode student = Rows.require(ctx, "candidates", person, "The student");
        String name = student.path("full_name").asText("the student");
        ObjectNode conversation = conversation(ctx, person, student, name);
        UUID number = UUID.fromString(conversation.path("whatsapp_account_id").asText());
        ObjectNode template =
                one(ctx, TEMPLATE, number, CohortRules.LINK_TEMPLATE).orElseThrow(() -> noTemplate());
        TemplateShape shape = TemplateShape.of(template.path("components"));
        String link = address + EnrollmentLink.path(ctx, enrollment);
        String first = firstName(student, name);
        var body = LinkValues.of(shape.bodyPlaceholders(), shape.named(), first, cohort, link);
        var header = LinkValues.of(shape.headerPlaceholders(), shape.named(), first, cohort, link);
        if (shape.unsupported().isPresent() || body.isEmpty() || header.isEmpty()) {
            throw Rejection.invalid("The template '" + CohortRules.LINK_TEMPLATE
                    + "' asks for values other than the student's first name, the cohort and the link.");
        }
        Instant now = ctx.now();
        MessageRow line = TemplateMessages.fill(
                ctx.mapper(),
                new MessageRow()
                        .id(UUID.randomUUID())
                        .organizationId(ctx.organizationId())
                        .conversationId(UUID.fromString(conversation.path("id").asText()))
                        .whatsappAccountId(number)
                        .candidateId(person)
                        .direction("outbound")
                        .senderType("user")
                        .senderUserId(ctx.userId())
                        .status("queued")
                        .sentAt(now),
                template,
                shape,
                body.get(),
                header.get());
        Messages.insert(ctx.connection(), line);
        Conversations.sent(ctx.connection(), conversation, now, line.body(), true);
        String numberName = one(ctx, "select to_jsonb(w)::text from whatsapp_accounts w where id = ?", number)
                .map(w -> w.path("display_name").asText())
                .orElse("our number");
        Trail.append(
                ctx.connection(),
                Trail.Decision.linkEvent(
                        UUID.randomUUID(),
                        enrollment,
                        ctx.userId(),
                        CohortRules.LINK_SENT,
                        "Upload link sent on WhatsApp from " + numberName + " (template " + CohortRules.LINK_TEMPLATE
                                + ")",
                        now));
        ctx.logActivity(
                Entities.COHORT_ENROLLMENT,
                a.enrollmentId(),
                "Sent the student their upload link on WhatsApp",
                ctx.mapper().createObjectNode().put("messageId", line.id().toString()));
    }

    /** The student's conversation on a number with the template, made on the first such number if they have none. */
    private static ObjectNode conversation(MutationContext ctx, UUID person, ObjectNode student, String name)
            throws SQLException {
        var found = one(ctx, CONVERSATION, person, ctx.organizationId(), CohortRules.LINK_TEMPLATE);
        if (found.isPresent()) {
            return found.get();
        }
        if (student.path("whatsapp_id").isNull()
                && student.path("whatsapp_user_id").isNull()) {
            throw Rejection.invalid(
                    name + " has no WhatsApp number; copy the link and send it another way, or" + " add their number.");
        }
        UUID number = Sql.one(
                        ctx.connection(),
                        NUMBER,
                        rs -> rs.getObject(1, UUID.class),
                        ctx.organizationId(),
                        CohortRules.LINK_TEMPLATE)
                .orElseThrow(SendLink::noTemplate);
        Conversations.find(ctx.connection(), number, person)
                .or(() -> open(ctx, number, person))
                .orElseThrow(() -> new SQLException("no conversation made"));
        return one(
                        ctx,
                        "select to_jsonb(c)::text from conversations c where whatsapp_account_id = ? and candidate_id = ?"
                                + " for update",
                        number,
                        person)
                .orElseThrow();
    }

    private static Optional<UUID> open(MutationContext ctx, UUID number, UUID person) {
        try {
            return Conversations.openLockingPerson(
                    ctx.connection(),
                    new ConversationRow()
                            .id(UUID.randomUUID())
                            .organizationId(ctx.organizationId())
                            .whatsappAccountId(number)
                            .candidateId(person));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Rejection noTemplate() {
        return Rejection.invalid("No connected WhatsApp number has the approved template '" + CohortRules.LINK_TEMPLATE
                + "' yet (WhatsApp sends a link only in an approved template); an administrator submits it to Meta"
                + " under Administration → Templates.");
    }

    private static String firstName(ObjectNode student, String name) {
        String first = student.path("first_name").asText("");
        if (first.isBlank()) {
            first = name.strip().split("\\s+")[0];
        }
        return first.isBlank() ? "there" : first;
    }

    /** {@code https://host[:port]}: the address the link starts with, nothing after the host. */
    static String pageAddress(String given) {
        return com.recruitdesk.protocol.admin.PageAddress.normalized(given)
                .orElseThrow(() -> Rejection.invalid(com.recruitdesk.protocol.admin.PageAddress.WRONG));
    }

    private static Optional<ObjectNode> one(MutationContext ctx, String sql, Object... params) throws SQLException {
        return Sql.one(ctx.connection(), sql, rs -> row(ctx, rs.getString(1)), params);
    }

    private static ObjectNode row(MutationContext ctx, String json) throws SQLException {
        try {
            return (ObjectNode) ctx.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new SQLException("unreadable row", e);
        }
    }

    /** The values of the template's placeholders. */
    static final class LinkValues {
        private LinkValues() {}

        static Optional<List<String>> of(
                List<String> placeholders, boolean named, String first, String cohort, String link) {
            List<String> positional = List.of(first, cohort, link);
            List<String> out = new ArrayList<>();
            for (int k = 0; k < placeholders.size(); k++) {
                String value = named
                        ? switch (placeholders.get(k).toLowerCase(Locale.ROOT)) {
                            case "first_name", "name" -> first;
                            case "cohort", "cohort_name", "programme", "program" -> cohort;
                            case "link", "url", "upload_link" -> link;
                            default -> null;
                        }
                        : k < positional.size() ? positional.get(k) : null;
                if (value == null) {
                    return Optional.empty();
                }
                out.add(value);
            }
            return Optional.of(out);
        }
    }
}
