package com.recruitdesk.app.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Where a row sits in the lists panes show: the row it belongs under (a message's conversation, a
 * tag's candidate) and the time it sorts by, in epoch microseconds. Computed in Java when a row is
 * written, so the store can index and page them without parsing JSON in SQL (the server may send
 * times with any UTC offset, which text order would get wrong).
 */
record RowKeys(String parent, Long sortKey) {
    private record Rule(String parentField, String timeField, String fallbackTimeField) {}

    private static final Rule DEFAULT = new Rule(null, "updatedAt", "createdAt");
    private static final Map<String, Rule> RULES = Map.of(
            "message", new Rule("conversationId", "sentAt", "createdAt"),
            "conversation", new Rule("candidateId", "lastMessageAt", "createdAt"),
            "candidateTag", new Rule("candidateId", "createdAt", null),
            "application", new Rule("candidateId", "updatedAt", "createdAt"),
            "applicationNote", new Rule("applicationId", "createdAt", null),
            "applicationTimeline", new Rule("applicationId", "createdAt", null),
            "messageTemplate", new Rule("whatsappAccountId", "updatedAt", null),
            "interviewSession", new Rule("candidateId", "scheduledAt", "createdAt"));

    static RowKeys of(String entity, JsonNode data) {
        Rule rule = RULES.getOrDefault(entity, DEFAULT);
        String parent = rule.parentField() == null ? null : text(data, rule.parentField());
        Long sort = micros(text(data, rule.timeField()));
        if (sort == null && rule.fallbackTimeField() != null) {
            sort = micros(text(data, rule.fallbackTimeField()));
        }
        return new RowKeys(parent, sort);
    }

    /** An ISO-8601 time with offset as epoch microseconds, or null when absent or unreadable. */
    static Long micros(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return ChronoUnit.MICROS.between(java.time.Instant.EPOCH, OffsetDateTime.parse(iso));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode v = data.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }
}
