package com.recruitdesk.server.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One template as Meta lists it, mapped to the columns of {@code message_templates} (decision 0016):
 * category lower-cased, Meta's status as ours, components kept as Meta sends them.
 */
record MetaTemplate(
        String providerId,
        String name,
        String language,
        String category,
        String status,
        JsonNode components,
        String rejectionReason) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");
    private static final Set<String> CATEGORIES = Set.of("marketing", "utility", "authentication");
    /** Meta's template statuses, each kept under its own name (V6 widened the check to all of them). */
    private static final Set<String> STATUSES = Set.of(
            "approved",
            "pending",
            "rejected",
            "paused",
            "disabled",
            "in_appeal",
            "pending_deletion",
            "deleted",
            "archived",
            "limit_exceeded");

    /** Empty when Meta's template cannot be kept here (a name or category our schema does not allow). */
    static Optional<MetaTemplate> parse(JsonNode t) {
        String name = MessageParser.text(t, "name");
        String language = MessageParser.text(t, "language");
        String category = lower(MessageParser.text(t, "category"));
        if (name == null || !NAME.matcher(name).matches() || language == null || !CATEGORIES.contains(category)) {
            return Optional.empty();
        }
        JsonNode components = t.path("components");
        return Optional.of(new MetaTemplate(
                MessageParser.text(t, "id"),
                name,
                language,
                category,
                status(MessageParser.text(t, "status")),
                components.isArray() ? components : JsonNodeFactory.instance.arrayNode(),
                reason(MessageParser.text(t, "rejected_reason"))));
    }

    /**
     * Our status for Meta's: the same word in lower case. A status Meta adds later is kept as
     * {@code disabled} (not sendable) until we know it, rather than failing the whole sync.
     */
    static String status(String meta) {
        String s = lower(meta);
        return STATUSES.contains(s) ? s : "disabled";
    }

    /**
     * The status a {@code message_template_status_update} event sets; empty for events that do not
     * say it (FLAGGED keeps the template approved until its disable date, LOCKED and UNLOCKED are
     * about editing, UNARCHIVED returns to a status the event does not name): those are fetched.
     */
    static Optional<String> statusForEvent(String event) {
        String e = lower(event);
        if ("reinstated".equals(e)) {
            return Optional.of("approved");
        }
        return STATUSES.contains(e) ? Optional.of(e) : Optional.empty();
    }

    /** Meta's rejection reason, without its "NONE". */
    static String reason(String meta) {
        return meta == null || meta.isBlank() || "NONE".equalsIgnoreCase(meta) ? null : meta;
    }

    private static String lower(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }
}
