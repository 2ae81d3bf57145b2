package com.recruitdesk.app.pipelines.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.pipelines.FieldSpec;
import com.recruitdesk.protocol.pipelines.JobFields;
import com.recruitdesk.protocol.sync.Entities;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The job editor's form without its controls: each field of {@link JobFields#ALL} as the text a
 * person typed, turned into the wire value, checked by the same rules the server applies
 * ({@link FieldSpec#problem}, {@link JobFields#crossFieldProblems}), and reduced to the fields that
 * changed, so an edit sends only what it touches (the server merges field by field).
 */
public final class JobForm {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A choice for a reference field: the row's id and the name to show. */
    public record Option(String id, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What the form would send, and what is wrong with it (empty: it may be saved). */
    public record Checked(ObjectNode changes, List<String> problems) {}

    private JobForm() {}

    /** The job's fields as the editor shows them (text, one entry a line for lists); empty for a new job. */
    public static Map<String, String> texts(JsonNode job) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldSpec f : JobFields.ALL) {
            out.put(f.name(), job == null ? "" : text(f, job.path(f.name())));
        }
        return out;
    }

    static String text(FieldSpec f, JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(i -> items.add(i.asText()));
            return String.join("\n", items);
        }
        return v.isNumber() ? v.decimalValue().stripTrailingZeros().toPlainString() : v.asText();
    }

    /** What the text typed for {@code f} means on the wire; text that is not a number stays text (and is refused). */
    public static JsonNode value(FieldSpec f, String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.isEmpty()) {
            return NullNode.getInstance();
        }
        return switch (f.kind()) {
            case INTEGER, MONEY -> {
                try {
                    yield JSON.numberNode(Long.parseLong(t.replace(",", "").replace(" ", "")));
                } catch (NumberFormatException e) {
                    yield JSON.textNode(t);
                }
            }
            case DECIMAL -> {
                try {
                    yield JSON.numberNode(new BigDecimal(t.replace(',', '.')));
                } catch (NumberFormatException e) {
                    yield JSON.textNode(t);
                }
            }
            case TEXT_LIST -> {
                ArrayNode list = JSON.arrayNode();
                Arrays.stream(t.split("\\R"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .forEach(list::add);
                yield list;
            }
            case BOOLEAN -> JSON.booleanNode(Boolean.parseBoolean(t));
            default -> JSON.textNode(t);
        };
    }

    /**
     * The form checked against {@code job} as it is ({@code null}: a new job): the changed fields, each
     * field's problem, then the rules across fields on the job as it would be. A new job without a
     * page address gets one made from its title.
     */
    public static Checked check(JsonNode job, Map<String, String> typed, LocalDate today) {
        ObjectNode changes = JSON.objectNode();
        List<String> problems = new ArrayList<>();
        for (FieldSpec f : JobFields.ALL) {
            JsonNode v = value(f, typed.getOrDefault(f.name(), ""));
            f.problem(v).ifPresent(problems::add);
            JsonNode before = job == null ? NullNode.getInstance() : job.path(f.name());
            if (!same(before, v)) {
                changes.set(f.name(), v);
            }
        }
        if (job == null
                && changes.path("slug").isNull()
                && changes.path("title").isTextual()) {
            changes.put("slug", JobFields.slugOf(changes.path("title").asText()));
        }
        ObjectNode after = job == null ? JSON.objectNode() : ((ObjectNode) job).deepCopy();
        after.setAll(changes);
        String status = after.path("status").asText("draft");
        problems.addAll(JobFields.crossFieldProblems(after::get, status, today));
        return new Checked(changes, problems);
    }

    private static boolean same(JsonNode before, JsonNode after) {
        boolean noBefore = before == null || before.isNull() || before.isMissingNode();
        if (noBefore || after.isNull()) {
            return noBefore && after.isNull();
        }
        if (before.isNumber() && after.isNumber()) {
            return before.decimalValue().compareTo(after.decimalValue()) == 0;
        }
        return Objects.equals(before, after);
    }

    /** The rows a reference field may point at (users for people, clients for the client), by name. */
    public static List<Option> options(LocalStore store, FieldSpec f) {
        String entity = "clientId".equals(f.name()) ? Entities.CLIENT : Entities.USER;
        return store
                .query("select data from current where entity = ?", List.of(entity), rs -> store.parse(rs.getString(1)))
                .stream()
                .map(r -> new Option(
                        r.path("id").asText(),
                        r.hasNonNull("name")
                                ? r.path("name").asText()
                                : r.hasNonNull("fullName")
                                        ? r.path("fullName").asText()
                                        : r.path("email").asText()))
                .sorted(Comparator.comparing(Option::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }
}
