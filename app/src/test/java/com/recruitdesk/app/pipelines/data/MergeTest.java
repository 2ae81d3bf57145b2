package com.recruitdesk.app.pipelines.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.store.LocalStore;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The merge a conflicting application or job edit offers, and what it sends again once chosen. */
class MergeTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final UUID application = UUID.randomUUID();

    private LocalStore.Rejection conflict(String name, String code) {
        ObjectNode args =
                JSON.objectNode().put("applicationId", application.toString()).put("baseVersion", 2);
        args.putObject("changes")
                .put("followUpStatus", "no_show")
                .put("followUpRemarks", "Did not come")
                .put("isRecruiterApproved", true);
        ObjectNode current = JSON.objectNode().put("followUpStatus", "offered").put("version", 5);
        current.putObject("changedBy")
                .putObject("followUpStatus")
                .put("by", "Morgan Manager")
                .put("at", "2026-12-01T10:15:00Z");
        return new LocalStore.Rejection(
                UUID.randomUUID(), name, code, "Someone else changed it.", Instant.now(), args, current);
    }

    @Test
    void aConflictOfAnApplicationEditOffersItsDisputedFieldsWithWhoChangedThem() {
        Merge m = Merge.of(conflict("application.update", "conflict")).orElseThrow();

        assertThat(m.rowId()).isEqualTo(application);
        assertThat(m.kind()).isEqualTo(Merge.APPLICATION);
        assertThat(m.version()).isEqualTo(5);
        assertThat(m.disputed()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("followUpStatus");
            assertThat(Merge.Field.text(f.spec(), f.mine())).isEqualTo("No show");
            assertThat(Merge.Field.text(f.spec(), f.theirs())).isEqualTo("Offered");
            assertThat(f.by()).isEqualTo("Morgan Manager");
            assertThat(f.at()).isEqualTo(Instant.parse("2026-12-01T10:15:00Z"));
        });
        assertThat(m.undisputed()).extracting(s -> s.name()).containsExactly("followUpRemarks", "isRecruiterApproved");
    }

    @Test
    void keepingTheirsSendsOnlyTheUndisputedFieldsAndKeepingMineSendsMineToo() {
        Merge m = Merge.of(conflict("application.update", "conflict")).orElseThrow();

        assertThat(m.resubmit(Set.of()).properties())
                .extracting(e -> e.getKey())
                .containsExactly("followUpRemarks", "isRecruiterApproved");
        assertThat(m.resubmit(Set.of("followUpStatus")).path("followUpStatus").asText())
                .isEqualTo("no_show");
    }

    @Test
    void otherRefusalsOfferNoMerge() {
        assertThat(Merge.of(conflict("application.update", "invalid"))).isEmpty();
        assertThat(Merge.of(conflict("job.setStatus", "conflict")))
                .as("no field-level edit")
                .isEmpty();
        assertThat(Merge.of(new LocalStore.Rejection(
                        UUID.randomUUID(), "application.update", "conflict", "Changed.", Instant.now())))
                .as("a rejection kept before its values were")
                .isEmpty();
    }

    @Test
    void aConflictOfAJobEditOffersItsDisputedFieldsAndSendsTheRestAgain() {
        UUID job = UUID.randomUUID();
        ObjectNode args = JSON.objectNode().put("jobId", job.toString()).put("baseVersion", 3);
        args.putObject("changes").put("department", "Runway").put("industry", "Fashion");
        ObjectNode current = JSON.objectNode().put("department", "Shows").put("version", 4);
        current.putObject("changedBy").putObject("department").put("by", "Morgan Manager");

        Merge m = Merge.of(new LocalStore.Rejection(
                        UUID.randomUUID(),
                        "job.save",
                        "conflict",
                        "Someone else changed department.",
                        Instant.now(),
                        args,
                        current))
                .orElseThrow();

        assertThat(m.kind()).isEqualTo(Merge.JOB);
        assertThat(m.rowId()).isEqualTo(job);
        assertThat(m.version()).isEqualTo(4);
        assertThat(m.disputed()).singleElement().satisfies(f -> {
            assertThat(f.spec().label()).isEqualTo("department");
            assertThat(f.mine().asText()).isEqualTo("Runway");
            assertThat(f.theirs().asText()).isEqualTo("Shows");
            assertThat(f.by()).isEqualTo("Morgan Manager");
        });
        assertThat(m.undisputed()).extracting(s -> s.name()).containsExactly("industry");
        assertThat(m.resubmit(Set.of()).properties())
                .extracting(e -> e.getKey())
                .containsExactly("industry");
    }

    @Test
    void aConflictOfAProfileEditOffersItsFieldsAndSaysItIsTheProfile() {
        UUID person = UUID.randomUUID();
        ObjectNode args =
                JSON.objectNode().put("candidateId", person.toString()).put("baseVersion", 3);
        args.putObject("changes")
                .put("noticePeriodDays", 60)
                .putArray("skills")
                .add("Java")
                .add("Kotlin");
        ObjectNode current = JSON.objectNode().put("noticePeriodDays", 90).put("version", 6);
        current.putObject("changedBy").putObject("noticePeriodDays").put("by", "Morgan Manager");
        Merge m = Merge.of(new LocalStore.Rejection(
                        UUID.randomUUID(),
                        "candidate.updateProfile",
                        "conflict",
                        "Someone else changed it.",
                        Instant.now(),
                        args,
                        current))
                .orElseThrow();

        assertThat(m.kind()).isEqualTo(Merge.PROFILE);
        assertThat(m.kind().noun()).isEqualTo("profile");
        assertThat(m.rowId()).isEqualTo(person);
        assertThat(m.version()).isEqualTo(6);
        assertThat(m.disputed())
                .singleElement()
                .satisfies(f -> assertThat(f.spec().label()).isEqualTo("notice period (days)"));
        assertThat(m.undisputed()).extracting(s -> s.name()).containsExactly("skills");
        assertThat(Merge.Field.text(
                        m.undisputed().getFirst(), args.path("changes").path("skills")))
                .isEqualTo("Java, Kotlin");
    }
}
