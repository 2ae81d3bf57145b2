package com.recruitdesk.server.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.pipelines.FieldSpec;
import com.recruitdesk.protocol.sync.MutationResult;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Rejection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An edit of some fields of a row ({@code job.save}, {@code application.update},
 * {@code candidate.updateProfile}): checked field by field against the protocol's {@link FieldSpec}s,
 * merged with what others changed since the edit's base version, written in one statement, and
 * logged with the fields and the version it made, which is how a later conflict names who changed a
 * field (decision 0026).
 *
 * @param values the new value of each field, as JDBC binds it (null clears)
 */
record FieldEdit(ObjectNode changes, Map<FieldSpec, Object> values) {
    /** Reads {@code changes} against {@code specs}: an unknown field or a bad value is refused with the reason. */
    static FieldEdit read(ObjectNode changes, List<FieldSpec> specs) {
        if (changes == null || changes.isEmpty()) {
            throw Rejection.invalid("The edit changes no field.");
        }
        Map<FieldSpec, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : changes.properties()) {
            FieldSpec spec = FieldSpec.named(specs, field.getKey())
                    .orElseThrow(
                            () -> Rejection.invalid("There is no field named '" + field.getKey() + "' to change."));
            spec.problem(field.getValue()).ifPresent(problem -> {
                throw Rejection.invalid(problem);
            });
            values.put(spec, jdbc(spec, field.getValue()));
        }
        return new FieldEdit(changes, values);
    }

    /** The field's value as it will be, by wire name: the edit's, else the row's ({@code row} in snake_case). */
    JsonNode after(ObjectNode row, List<FieldSpec> specs, String name) {
        if (changes.has(name)) {
            return changes.get(name);
        }
        return FieldSpec.named(specs, name).map(s -> row.get(s.column())).orElse(null);
    }

    /** The fields whose value differs from the row's ({@code row} in snake_case). */
    List<FieldSpec> changedFrom(ObjectNode row) {
        List<FieldSpec> changed = new ArrayList<>();
        for (FieldSpec spec : values.keySet()) {
            if (!same(row.get(spec.column()), changes.get(spec.name()))) {
                changed.add(spec);
            }
        }
        return changed;
    }

    /**
     * Field-level merge: fields someone <em>else</em> changed after {@code baseVersion}, to a value
     * other than this edit's, are a conflict, refused with their current values and who changed
     * them; fields only this edit changes (or changed by the same person before) merge silently.
     */
    void checkConflicts(MutationContext ctx, String entity, ObjectNode current, Long baseVersion) throws SQLException {
        if (baseVersion == null) {
            throw Rejection.invalid("An edit must say which version of the row it was made on (baseVersion).");
        }
        long version = current.path("version").asLong();
        if (baseVersion > version) {
            throw Rejection.invalid(
                    "The edit is based on version " + baseVersion + ", newer than the server's " + version + ".");
        }
        if (baseVersion == version) {
            return;
        }
        ctx.writeHeldActivityLog(); // the edits of this batch's earlier mutations count too
        List<Change> since = Sql.list(
                ctx.connection(),
                """
                select a.details, coalesce(u.full_name, u.email, 'someone'), a.created_at
                  from activity_logs a left join users u on u.id = a.user_id
                 where a.organization_id = ? and a.entity_type = ? and a.entity_id = ?
                   and a.details -> 'fields' is not null and (a.details ->> 'version')::bigint > ?
                   and a.user_id is distinct from ?
                 order by a.created_at desc
                """,
                rs -> new Change(
                        parse(ctx, rs.getString(1)),
                        rs.getString(2),
                        rs.getObject(3, java.time.OffsetDateTime.class).toInstant()),
                ctx.organizationId(),
                entity,
                UUID.fromString(current.path("id").asText()),
                baseVersion,
                ctx.userId());
        ObjectNode disputed = ctx.mapper().createObjectNode();
        ObjectNode who = ctx.mapper().createObjectNode();
        List<String> names = new ArrayList<>();
        for (FieldSpec spec : values.keySet()) {
            Optional<Change> theirs = since.stream()
                    .filter(c -> c.details().path("fields").has(spec.name()))
                    .findFirst();
            if (theirs.isPresent() && !same(current.get(spec.column()), changes.get(spec.name()))) {
                disputed.set(spec.name(), current.get(spec.column()));
                who.putObject(spec.name())
                        .put("by", theirs.get().by())
                        .put("at", theirs.get().at().toString());
                names.add(spec.label());
            }
        }
        if (!disputed.isEmpty()) {
            ObjectNode attached = disputed.deepCopy();
            attached.put("version", version);
            attached.set("changedBy", who);
            throw new Rejection(
                    MutationResult.CONFLICT,
                    "Someone else changed " + String.join(", ", names)
                            + " since you started; choose which values to keep.",
                    attached);
        }
    }

    /** Writes the values into row {@code id} of {@code table} (with {@code extra} columns), in one statement. */
    void write(MutationContext ctx, String table, UUID id, Map<String, Object> extra) throws SQLException {
        List<String> sets = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        values.forEach((spec, value) -> {
            sets.add(spec.column() + " = ?");
            params.add(value);
        });
        extra.forEach((column, value) -> {
            sets.add(column + " = ?");
            params.add(value);
        });
        params.add(id);
        params.add(ctx.organizationId());
        Sql.update(
                ctx.connection(),
                "update " + table + " set " + String.join(", ", sets) + " where id = ? and organization_id = ?",
                params.toArray());
    }

    /** The activity log's details: the fields set and the version the change made. */
    ObjectNode details(MutationContext ctx, long newVersion) {
        ObjectNode details = ctx.mapper().createObjectNode();
        details.put("version", newVersion);
        details.set("fields", changes.deepCopy());
        return details;
    }

    /** A value as JDBC binds it for its column; text trimmed, empty text cleared. */
    static Object jdbc(FieldSpec spec, JsonNode value) {
        if (value == null || value.isNull()) {
            return switch (spec.kind()) {
                case TEXT_LIST -> Sql.jsonb(List.of());
                case BOOLEAN -> Boolean.FALSE;
                default -> null;
            };
        }
        return switch (spec.kind()) {
            case TEXT, CHOICE ->
                value.asText().strip().isEmpty() ? null : value.asText().strip();
            case INTEGER -> value.asLong() <= Integer.MAX_VALUE ? (Object) value.asInt() : (Object) value.asLong();
            case MONEY -> value.asLong();
            case DECIMAL -> value.decimalValue();
            case DATE -> LocalDate.parse(value.asText());
            case BOOLEAN -> value.asBoolean();
            case TEXT_LIST -> {
                List<String> items = new ArrayList<>();
                value.forEach(v -> items.add(v.asText().strip()));
                yield Sql.jsonb(items);
            }
            case ID -> UUID.fromString(value.asText());
        };
    }

    /** Two JSON values that mean the same (5 and 5.0; null, missing, empty text and an empty list). */
    static boolean same(JsonNode a, JsonNode b) {
        boolean aEmpty = empty(a);
        boolean bEmpty = empty(b);
        if (aEmpty || bEmpty) {
            return aEmpty && bEmpty;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isTextual() && b.isTextual()) {
            return a.asText().strip().equals(b.asText().strip());
        }
        return a.equals(b);
    }

    private static boolean empty(JsonNode v) {
        return v == null
                || v.isNull()
                || v.isMissingNode()
                || (v.isTextual() && v.asText().isBlank())
                || (v.isArray() && v.isEmpty());
    }

    /** A value as a timeline entry writes it: text, or null. */
    static String text(JsonNode v) {
        if (empty(v)) {
            return null;
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(i -> items.add(i.asText()));
            return String.join(", ", items);
        }
        return v.asText();
    }

    private static JsonNode parse(MutationContext ctx, String json) {
        try {
            return ctx.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the activity log holds unreadable JSON", e);
        }
    }

    private record Change(JsonNode details, String by, Instant at) {}
}
