package com.recruitdesk.app.pipelines.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.store.RowValues;
import com.recruitdesk.protocol.pipelines.ApplicationFields;
import com.recruitdesk.protocol.pipelines.FieldSpec;
import com.recruitdesk.protocol.pipelines.JobFields;
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
 * A field-level edit ({@code application.update}, {@code job.save}, {@code candidate.updateProfile}:
 * each a {@link Kind}) the server
 * refused because someone else changed some of its fields since the version it was made on
 * (decision 0026): the user's value and the server's of each disputed field, who made the server's
 * and when, and the edit's other fields, which the refusal also took back. {@link #resubmit} is what
 * to send again on the server's version once the user has chosen per field (decisions 0037, 0042).
 *
 * @param rowId the edited row's id (the application, the job, the person whose profile it is)
 * @param edit every field the refused edit changed, by wire name, with the user's values
 */
public record Merge(UUID mutationId, Kind kind, UUID rowId, long version, ObjectNode edit, List<Field> disputed) {
    /**
     * An edit a merge can settle: its mutation, the argument naming the row, the fields it may change,
     * what a person calls the row, and how the chosen fields are sent again on a version.
     */
    public record Kind(String mutation, String idArg, List<FieldSpec> fields, String noun, Resend resend) {}

    /** Sends {@code changes} of row {@code id} again, made on {@code baseVersion}. */
    public interface Resend {
        void resend(PipelineCommands commands, UUID id, ObjectNode changes, long baseVersion);
    }

    public static final Kind APPLICATION = new Kind(
            PipelineMutations.UPDATE_APPLICATION.name(),
            "applicationId",
            ApplicationFields.ALL,
            "application",
            PipelineCommands::update);
    public static final Kind JOB =
            new Kind(PipelineMutations.SAVE_JOB.name(), "jobId", JobFields.ALL, "job", PipelineCommands::saveJob);
    public static final Kind PROFILE = new Kind(
            PipelineMutations.UPDATE_PROFILE.name(),
            "candidateId",
            ProfileFields.ALL,
            "profile",
            PipelineCommands::updateProfile);

    /** Every edit a merge can settle; another field-level edit adds its kind here. */
    public static final List<Kind> KINDS = List.of(APPLICATION, JOB, PROFILE);

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

    /** The merge a rejection offers: only a conflict of one of {@link #KINDS} that carries both sides. */
    public static Optional<Merge> of(LocalStore.Rejection r) {
        Optional<Kind> kind =
                KINDS.stream().filter(k -> k.mutation().equals(r.name())).findFirst();
        if (!MutationResult.CONFLICT.equals(r.code())
                || kind.isEmpty()
                || r.args() == null
                || r.current() == null
                || !(r.args().get("changes") instanceof ObjectNode changes)) {
            return Optional.empty();
        }
        UUID row = RowValues.uuid(r.args(), kind.get().idArg());
        if (row == null) {
            return Optional.empty();
        }
        List<Field> disputed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> change : changes.properties()) {
            Optional<FieldSpec> spec = FieldSpec.named(kind.get().fields(), change.getKey());
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
                r.mutationId(), kind.get(), row, r.current().path("version").asLong(), changes.deepCopy(), disputed));
    }

    /** The edit's fields nobody else changed: they are sent again whatever the user chooses. */
    public List<FieldSpec> undisputed() {
        List<FieldSpec> rest = new ArrayList<>();
        edit.fieldNames().forEachRemaining(name -> {
            if (disputed.stream().noneMatch(f -> f.name().equals(name))) {
                FieldSpec.named(kind.fields(), name).ifPresent(rest::add);
            }
        });
        return rest;
    }

    /** Sends {@link #resubmit}'s changes again on the server's version, as the edit's own mutation. */
    public void resend(PipelineCommands commands, ObjectNode changes) {
        kind.resend().resend(commands, rowId, changes, version);
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
