package com.recruitdesk.app.pipelines.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.Features;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.sync.Change;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.Mutation;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board's cards as read from the store: each field picked out of the synced rows. */
class BoardTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @TempDir
    Path dir;

    private LocalStore store;
    private final UUID job = UUID.randomUUID();
    private final UUID otherJob = UUID.randomUUID();

    @BeforeEach
    void open() {
        store = LocalStore.open(dir.resolve("store.db"), Features.STORE_RULES);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aCardCarriesThePersonTheStageSinceItsLastMoveTheScoreAndTheFollowUp() {
        UUID person = UUID.randomUUID();
        UUID application = UUID.randomUUID();
        store.applyPage(
                List.of(
                        change(Entities.CANDIDATE, person, JSON.objectNode().put("fullName", "Asha Rao")),
                        change(
                                Entities.APPLICATION,
                                application,
                                application(person, job, "interview")
                                        .put("matchScore", 40)
                                        .put("jdMatchScore", 85)
                                        .put("mustHaveFailed", true)
                                        .put("nextFollowUpDate", "2026-12-03")
                                        .put("version", 7)),
                        timeline(application, "created", "2026-11-01T09:00:00Z"),
                        timeline(application, "stage", "2026-11-20T15:30:00Z"),
                        timeline(application, "followUpStatus", "2026-11-25T10:00:00Z")),
                "c1");

        assertThat(new Board(store).cards(job)).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(application);
            assertThat(c.candidateId()).isEqualTo(person);
            assertThat(c.name()).isEqualTo("Asha Rao");
            assertThat(c.stage()).isEqualTo("interview");
            // the last stage change, not the later follow-up edit
            assertThat(c.inStageSince()).isEqualTo(Instant.parse("2026-11-20T15:30:00Z"));
            assertThat(c.score())
                    .as("the prescreen's score wins over the plain match")
                    .isEqualTo(85);
            assertThat(c.mustHaveFailed()).isTrue();
            assertThat(c.nextFollowUp()).isEqualTo(LocalDate.of(2026, 12, 3));
            assertThat(c.pending()).isFalse();
            assertThat(c.version()).isEqualTo(7);
        });
    }

    @Test
    void aCardWithoutTimelineOrScoresFallsBackToWhenTheyAppliedAndTheNextNameTheyGave() {
        UUID whatsappOnly = UUID.randomUUID();
        UUID missing = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        store.applyPage(
                List.of(
                        change(
                                Entities.CANDIDATE,
                                whatsappOnly,
                                JSON.objectNode().put("fullName", "  ").put("whatsappName", "Ravi K")),
                        change(
                                Entities.APPLICATION,
                                first,
                                application(whatsappOnly, job, "new").put("appliedAt", "2026-11-02T08:00:00Z")),
                        change(Entities.APPLICATION, second, application(missing, job, null)),
                        change(Entities.APPLICATION, UUID.randomUUID(), application(whatsappOnly, otherJob, "offer"))),
                "c1");

        List<Card> cards = new Board(store).cards(job);

        assertThat(cards).extracting(Card::id).containsExactlyInAnyOrder(first, second);
        Card byWhatsapp =
                cards.stream().filter(c -> c.id().equals(first)).findFirst().orElseThrow();
        assertThat(byWhatsapp.name()).isEqualTo("Ravi K");
        assertThat(byWhatsapp.inStageSince()).isEqualTo(Instant.parse("2026-11-02T08:00:00Z"));
        assertThat(byWhatsapp.score()).isNull();
        assertThat(byWhatsapp.mustHaveFailed()).isFalse();
        assertThat(byWhatsapp.nextFollowUp()).isNull();
        Card unknown =
                cards.stream().filter(c -> c.id().equals(second)).findFirst().orElseThrow();
        assertThat(unknown.name()).isEqualTo("Unknown person");
        assertThat(unknown.stage()).as("a row without a stage is new").isEqualTo("new");
    }

    @Test
    void aCardWhoseChangeIsStillOnItsWayIsMarkedPending() {
        UUID person = UUID.randomUUID();
        UUID application = UUID.randomUUID();
        store.applyPage(List.of(change(Entities.APPLICATION, application, application(person, job, "new"))), "c1");

        store.enqueue(
                new Mutation(UUID.randomUUID(), "application.move", JSON.objectNode(), Instant.now()),
                List.of(new LocalStore.Optimistic(
                        Entities.APPLICATION, application, application(person, job, "screening"))));

        assertThat(new Board(store).cards(job)).singleElement().satisfies(c -> {
            assertThat(c.stage()).isEqualTo("screening");
            assertThat(c.pending()).isTrue();
        });
    }

    private static ObjectNode application(UUID person, UUID job, String stage) {
        ObjectNode a = JSON.objectNode().put("candidateId", person.toString()).put("jobId", job.toString());
        if (stage != null) {
            a.put("stage", stage);
        }
        return a;
    }

    private static Change timeline(UUID application, String field, String at) {
        return change(
                Entities.APPLICATION_TIMELINE,
                UUID.randomUUID(),
                JSON.objectNode()
                        .put("applicationId", application.toString())
                        .put("field", field)
                        .put("createdAt", at));
    }

    private static Change change(String entity, UUID id, ObjectNode data) {
        data.put("id", id.toString());
        return new Change(entity, id, Change.UPSERT, 1, data);
    }
}
