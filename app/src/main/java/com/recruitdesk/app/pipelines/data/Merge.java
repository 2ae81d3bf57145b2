package com.recruitdesk.app.pipelines.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.store.RowValues;
import com.recruitdesk.protocol.pipelines.ApplicationFields;
import com.recruitdesk.protocol.pipelines.FieldSpec;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.pipelines.ProfileFields;
import com.recruitdesk.protocol.sync.MutationResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An edit ({@code application.update}, {@code candidate.updateProfile}) the server refused because
 * someone else changed some of its fields since the version it was made on (decision 0026): the
 * user's value and the server's of each disputed field, who made the server's and when, and the
 * edit's other fields, which the refusal also took back. {@link #resubmit} is what to send again on the server's version once the user has
 * chosen per field (decision 0037).
 *
 * @param type the refused mutation's name, one of {@link #EDITS}
 * @param rowId the edited row: the application, or the person whose profile it is
 * @param edit every field the refused edit changed, by wire name, with the user's values
 */
public record Merge(UUID mutationId, String type, UUID rowId, long version, ObjectNode edit, List<Field> disputed) {
    /** The edits a merge settles: by mutation, the argument that names the row and the fields it edits. */
    static final Map<String, Map.Entry<String, List<FieldSpec>>> EDITS = Map.of(
            PipelineMutations.UPDATE_APPLICATION.name(), Map.entry("applicationId", ApplicationFields.ALL),
            PipelineMutations.UPDATE_PROFILE.name(), Map.entry("candidateId", ProfileFields.ALL));

    /** A field both sides changed: the user's value, the server's, and who set the server's. */
    public record Field(FieldSpec spec, JsonNode mine, JsonNode theirs, String by, Instant at) {
        public String name() {
            return spec.name();
        }

        /** The value as a person reads it: "Yes" / "No", a choice's label, "(empty)". */
        public static String text(FieldSpec spec, JsonNode value) {
            if (value != null && value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(i -> items.add(i.asText()));
                return items.isEmpty() ? "(empty)" : String.join(", ", items);
            }
            if (value == null
                    || value.isNull()
                    || value.isMissingNode()
                    || value.asText().isBlank()) {
                return spec.kind() == FieldSpec.Kind.BOOLEAN ? "No" : "(empty)";
            }
            return switch (spec.kind()) {
                case BOOLEAN -> value.asBoolean() ? "Yes" : "No";
                case CHOICE -> ApplicationFields.label(value.asText());
                default -> value.asText();
            };
        }
    }

    /** The merge a rejection offers: only a conflict of one of {@link #EDITS} that carries both sides. */
    public static Optional<Merge> of(LocalStore.Rejection r) {
        if (!MutationResult.CONFLICT.equals(r.code())
                || !EDITS.containsKey(r.name())
                || r.args() == null
                || r.current() == null
                || !(r.args().get("changes") instanceof ObjectNode changes)) {
            return Optional.empty();
        }
        UUID row = RowValues.uuid(r.args(), EDITS.get(r.name()).getKey());
        if (row == null) {
            return Optional.empty();
        }
        List<Field> disputed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> change : changes.properties()) {
            Optional<FieldSpec> spec = FieldSpec.named(EDITS.get(r.name()).getValue(), change.getKey());
            if (spec.isEmpty() || !r.current().has(change.getKey())) {
                continue;
            }
            JsonNode who = r.current().path("changedBy").path(change.getKey());
            disputed.add(new Field(
                    spec.get(),
                    change.getValue(),
                    r.current().get(change.getKey()),
                    who.path("by").asText("someone"),
                    RowValues.instant(who, "at")));
        }
        if (disputed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Merge(
                r.mutationId(), r.name(), row, r.current().path("version").asLong(), changes.deepCopy(), disputed));
    }

    /** The edit's fields nobody else changed: they are sent again whatever the user chooses. */
    public List<FieldSpec> undisputed() {
        List<FieldSpec> rest = new ArrayList<>();
        edit.fieldNames().forEachRemaining(name -> {
            if (disputed.stream().noneMatch(f -> f.name().equals(name))) {
                FieldSpec.named(EDITS.get(type).getValue(), name).ifPresent(rest::add);
            }
        });
        return rest;
    }

    /** Whether this is an edit of a person's profile (else of an application). */
    public boolean ofProfile() {
        return PipelineMutations.UPDATE_PROFILE.name().equals(type);
    }

    /** What was edited, as the dialog and the pane say it: "application" or "profile". */
    public String what() {
        return ofProfile() ? "profile" : "application";
    }

    /**
     * The changes to send again on {@link #version}: the undisputed fields, and the user's value of
     * each disputed field they chose to keep ({@code keepMine}); a field where theirs is kept is left
     * out (the server already holds it). Empty when nothing is left to send.
     */
    public ObjectNode resubmit(Set<String> keepMine) {
        ObjectNode changes = edit.deepCopy();
        for (Field f : disputed) {
            if (!keepMine.contains(f.name())) {
                changes.remove(f.name());
            }
        }
        return changes;
    }
}
