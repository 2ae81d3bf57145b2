package com.recruitdesk.app.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.Features;
import com.recruitdesk.app.common.DirectTaskExecutor;
import com.recruitdesk.app.pipelines.data.KeptMerges;
import com.recruitdesk.app.pipelines.data.Merge;
import com.recruitdesk.app.pipelines.data.PipelineCommands;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.sync.Submitter;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.sync.Change;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.protocol.sync.MutationResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A conflicting job edit kept in the store is offered again after a restart, merged on the server's
 * version with the fields chosen, and once merged or discarded is not offered again.
 */
class MergeViewModelTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @TempDir
    Path dir;

    private LocalStore store;
    private final UUID job = UUID.randomUUID();
    private final List<String> said = new ArrayList<>();

    @BeforeEach
    void open() {
        store = LocalStore.open(dir.resolve("store.db"), Features.STORE_RULES);
        store.applyPage(
                List.of(new Change(
                        Entities.JOB,
                        job,
                        Change.UPSERT,
                        4,
                        JSON.objectNode()
                                .put("id", job.toString())
                                .put("title", "Junior Java Developer")
                                .put("department", "Shows")
                                .put("version", 4))),
                "c1");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void restart() {
        store.close();
        store = LocalStore.open(dir.resolve("store.db"), Features.STORE_RULES);
    }

    /** A job.save made on version 3, refused because a colleague changed the department in version 4. */
    private UUID conflict() {
        ObjectNode args = JSON.objectNode().put("jobId", job.toString()).put("baseVersion", 3);
        args.putObject("changes").put("department", "Runway").put("industry", "Fashion");
        Mutation edit = new Mutation(UUID.randomUUID(), "job.save", args, Instant.now());
        store.enqueue(edit, List.of());
        ObjectNode current = JSON.objectNode().put("department", "Shows").put("version", 4);
        current.putObject("changedBy").putObject("department").put("by", "Morgan Manager");
        store.recordResults(
                List.of(edit),
                List.of(new MutationResult(
                        edit.id(),
                        MutationResult.REJECTED,
                        MutationResult.CONFLICT,
                        "Someone else changed department since you started; choose which values to keep.",
                        current)));
        return edit.id();
    }

    private MergeViewModel started() {
        // The outbox is the real store's; what a submit queues is read back from it.
        Submitter outbox = new Submitter() {
            @Override
            public <A extends Record> UUID submit(
                    com.recruitdesk.protocol.sync.MutationType<A> type,
                    A args,
                    List<LocalStore.Optimistic> optimistic,
                    List<UUID> uploads) {
                Mutation m = new Mutation(
                        UUID.randomUUID(), type.name(), Json.newMapper().valueToTree(args), Instant.now());
                store.enqueue(m, optimistic);
                return m.id();
            }
        };
        MergeViewModel merges = new MergeViewModel(
                new PipelineCommands(store, outbox, UUID.randomUUID(), Clock.systemUTC()),
                new KeptMerges(store),
                new DirectTaskExecutor(),
                said::add,
                e -> {
                    throw new AssertionError(e);
                });
        merges.start();
        return merges;
    }

    @Test
    void aJobConflictKeptBeforeARestartIsOfferedAndMergedOnTheServersVersion() {
        UUID refused = conflict();
        restart();

        MergeViewModel merges = started();

        Merge offered = merges.offeredProperty().get();
        assertThat(offered).isNotNull();
        assertThat(offered.mutationId()).isEqualTo(refused);
        assertThat(offered.kind()).isEqualTo(Merge.JOB);
        assertThat(offered.disputed()).extracting(Merge.Field::name).containsExactly("department");

        merges.resolve(offered, Set.of("department"));

        assertThat(merges.offeredProperty().get()).isNull();
        assertThat(store.pending(10)).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("job.save");
            assertThat(m.args().path("baseVersion").asLong()).isEqualTo(4);
            assertThat(m.args().path("changes").path("department").asText()).isEqualTo("Runway");
            assertThat(m.args().path("changes").path("industry").asText()).isEqualTo("Fashion");
        });
        restart();
        assertThat(started().offeredProperty().get())
                .as("merged: not offered again")
                .isNull();
    }

    @Test
    void aDiscardedMergeIsNotOfferedAgainAndTheNextWaitingOneIs() {
        UUID first = conflict();
        UUID second = conflict();
        MergeViewModel merges = started();
        assertThat(merges.offeredProperty().get().mutationId()).isEqualTo(first);
        assertThat(merges.waiting()).extracting(Merge::mutationId).containsExactly(second);

        merges.discard(merges.offeredProperty().get());

        assertThat(said).containsExactly("Your edit was not saved; the job shows the values on the server.");
        assertThat(merges.offeredProperty().get().mutationId()).isEqualTo(second);
        assertThat(store.pending(10)).as("nothing sent").isEmpty();
        restart();
        assertThat(started().offeredProperty().get().mutationId())
                .as("only the one not settled")
                .isEqualTo(second);
    }

    @Test
    void aDisputedRecruiterIsShownByName() {
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        store.applyPage(
                List.of(
                        new Change(Entities.USER, mine, Change.UPSERT, 1, user(mine, "Riley Recruiter")),
                        new Change(Entities.USER, theirs, Change.UPSERT, 1, user(theirs, "Morgan Manager"))),
                "c2");
        ObjectNode args = JSON.objectNode().put("jobId", job.toString()).put("baseVersion", 3);
        args.putObject("changes").put("assignedRecruiterId", mine.toString());
        Mutation edit = new Mutation(UUID.randomUUID(), "job.save", args, Instant.now());
        store.enqueue(edit, List.of());
        ObjectNode current =
                JSON.objectNode().put("assignedRecruiterId", theirs.toString()).put("version", 4);
        current.putObject("changedBy").putObject("assignedRecruiterId").put("by", "Morgan Manager");
        store.recordResults(
                List.of(edit),
                List.of(new MutationResult(
                        edit.id(), MutationResult.REJECTED, MutationResult.CONFLICT, "Changed.", current)));

        MergeViewModel merges = started();

        Merge.Field f = merges.offeredProperty().get().disputed().getFirst();
        assertThat(merges.text(f, f.mine())).isEqualTo("Riley Recruiter");
        assertThat(merges.text(f, f.theirs())).isEqualTo("Morgan Manager");
    }

    private static ObjectNode user(UUID id, String name) {
        return JSON.objectNode().put("id", id.toString()).put("fullName", name).put("version", 1);
    }
}
