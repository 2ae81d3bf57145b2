package com.recruitdesk.app.pipelines.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.pipelines.FieldSpec;
import com.recruitdesk.protocol.pipelines.ProfileFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The profile editor's form without its controls: each field of {@link ProfileFields#ALL} as the
 * text the editor shows (lists comma-separated, yes/no as "true"/"false"), read back into the wire
 * value, checked by the rule the server applies ({@link FieldSpec#problem}) and reduced to the fields
 * that changed: {@code candidate.updateProfile} carries nothing else.
 */
public final class ProfileForm {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ProfileForm() {}

    /** The person's fields as the editor starts them. */
    public static Map<String, String> texts(JsonNode person) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldSpec f : ProfileFields.ALL) {
            out.put(f.name(), text(f, person == null ? null : person.get(f.name())));
        }
        return out;
    }

    static String text(FieldSpec f, JsonNode v) {
        if (f.kind() == FieldSpec.Kind.BOOLEAN) {
            return Boolean.toString(v != null && v.asBoolean(false));
        }
        if (v != null && v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(i -> items.add(i.asText()));
            return String.join(", ", items);
        }
        return JobForm.text(f, v);
    }

    /** What {@code typed} means on the wire for {@code f}; what is not a number or a date stays text (and is refused). */
    public static JsonNode value(FieldSpec f, String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.isEmpty()) {
            return f.kind() == FieldSpec.Kind.BOOLEAN ? JSON.booleanNode(false) : NullNode.getInstance();
        }
        return switch (f.kind()) {
            case TEXT_LIST -> {
                ArrayNode list = JSON.arrayNode();
                Arrays.stream(t.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .forEach(list::add);
                yield list;
            }
            // The column keeps addresses in lower case; what is typed is lowered, not refused.
            case TEXT -> JSON.textNode(f.name().equals("alternateEmail") ? t.toLowerCase(Locale.ROOT) : t);
            default -> JobForm.value(f, t);
        };
    }

    /**
     * The form against the person's row as the editor opened it: the changed fields and, for each, its
     * problem in the server's words. A field left as it was is not checked again, so an old value the
     * rules now refuse does not stop an edit of another field.
     */
    public static JobForm.Checked check(JsonNode person, Map<String, String> typed) {
        ObjectNode changes = JSON.objectNode();
        List<String> problems = new ArrayList<>();
        for (FieldSpec f : ProfileFields.ALL) {
            if (!typed.containsKey(f.name())) {
                continue;
            }
            JsonNode after = value(f, typed.get(f.name()));
            JsonNode before = person == null ? null : person.get(f.name());
            if (same(f, before, after)) {
                continue;
            }
            f.problem(after).ifPresent(problems::add);
            changes.set(f.name(), after);
        }
        return new JobForm.Checked(changes, problems);
    }

    /** The fields of {@code typed} whose value {@link FieldSpec#problem} refuses, by wire name. */
    public static List<String> wrongFields(JsonNode person, Map<String, String> typed) {
        JobForm.Checked c = check(person, typed);
        List<String> wrong = new ArrayList<>();
        c.changes()
                .properties()
                .forEach(e -> FieldSpec.named(ProfileFields.ALL, e.getKey())
                        .filter(f -> f.problem(e.getValue()).isPresent())
                        .ifPresent(f -> wrong.add(f.name())));
        return wrong;
    }

    /** Two values that mean the same here: no value and an empty one, false and no answer, 5 and 5.0. */
    private static boolean same(FieldSpec f, JsonNode before, JsonNode after) {
        if (f.kind() == FieldSpec.Kind.BOOLEAN) {
            return (before != null && before.asBoolean(false)) == after.asBoolean(false);
        }
        boolean noBefore = before == null
                || before.isNull()
                || before.isMissingNode()
                || (before.isTextual() && before.asText().isBlank())
                || (before.isArray() && before.isEmpty());
        boolean noAfter = after.isNull() || (after.isArray() && after.isEmpty());
        if (noBefore || noAfter) {
            return noBefore && noAfter;
        }
        if (before.isNumber() && after.isNumber()) {
            return before.decimalValue().compareTo(after.decimalValue()) == 0;
        }
        if (before.isTextual() && after.isTextual()) {
            return before.asText().strip().equals(after.asText());
        }
        return before.equals(after);
    }
}
