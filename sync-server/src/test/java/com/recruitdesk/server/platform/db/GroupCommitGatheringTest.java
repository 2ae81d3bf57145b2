package com.recruitdesk.server.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Decision 0056: when members are announced on their way, a batch waits within its window only for
 * those, one committer gathering at a time. The windows here are far longer than any test waits, so
 * a batch that closes in time closed because nothing more was on its way.
 */
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupCommitGatheringTest {
    private static final Duration LONG = Duration.ofMinutes(5);

    TestServer server;
    Database database;
    final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
    /** The members a committer has taken into a batch it gathers: it weighs each one as it takes it. */
    final List<String> taken = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    void start() {
        server = TestServer.withoutDemo();
        database = Database.open(server.database);
    }

    @AfterAll
    void stop() {
        database.close();
        server.close();
    }

    private GroupCommit<String, Integer> commits(Duration window, boolean announced) {
        return commits(2, window, announced);
    }

    private GroupCommit<String, Integer> commits(int committers, Duration window, boolean announced) {
        batches.clear();
        taken.clear();
        return new GroupCommit<>(
                database,
                new GroupCommit.Settings<>(
                        "tests",
                        committers,
                        window,
                        100,
                        member -> {
                            taken.add(member);
                            return 1;
                        },
                        fault -> false,
                        0,
                        announced),
                (c, members) -> {
                    Sql.one(c, "select 1", rs -> 1); // a real transaction on a real connection
                    batches.add(List.copyOf(members));
                    return members.stream().map(m -> members.size()).toList();
                });
    }

    private static CompletableFuture<Integer> submit(
            GroupCommit<String, Integer> commits, String member, GroupCommit.Arrival arrival) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return commits.submit(member, arrival);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Until a committer has taken {@code member}: queued alone says nothing, as the queue is empty before it too. */
    private void awaitTaken(String member) {
        Eventually.await(Duration.ofSeconds(10), member + " to be taken into a batch", () -> taken.contains(member));
    }

    @Test
    void aBatchWaitsForTheMembersOnTheirWayAndStartsOnceTheLastIsIn() throws Exception {
        try (GroupCommit<String, Integer> commits = commits(LONG, true)) {
            GroupCommit.Arrival first = commits.expect();
            GroupCommit.Arrival second = commits.expect();
            CompletableFuture<Integer> a = submit(commits, "a", first);
            // The first is taken and its batch waits for the second; the other committer must not take it.
            awaitTaken("a");
            assertThat(a).isNotDone();
            CompletableFuture<Integer> b = submit(commits, "b", second);
            assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(b.get(30, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(batches).containsExactly(List.of("a", "b"));
        }
    }

    @Test
    void withNothingOnItsWayABatchStartsAtOnce() throws Exception {
        try (GroupCommit<String, Integer> commits = commits(LONG, true)) {
            assertThat(submit(commits, "alone", null).get(30, TimeUnit.SECONDS)).isEqualTo(1);
            GroupCommit.Arrival announced = commits.expect();
            assertThat(submit(commits, "announced", announced).get(30, TimeUnit.SECONDS))
                    .isEqualTo(1);
            assertThat(batches).containsExactly(List.of("alone"), List.of("announced"));
        }
    }

    @Test
    void aMemberRefusedOnItsWayHoldsTheBatchNoLonger() throws Exception {
        try (GroupCommit<String, Integer> commits = commits(LONG, true)) {
            GroupCommit.Arrival kept = commits.expect();
            GroupCommit.Arrival refused = commits.expect();
            GroupCommit.Arrival later = commits.expect();
            later.close(); // closing twice counts once: were it counted twice, "refused" would not be waited for
            later.close();
            CompletableFuture<Integer> a = submit(commits, "kept", kept);
            awaitTaken("kept");
            assertThat(a).isNotDone();
            refused.close(); // e.g. a webhook whose signature was wrong
            assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(batches).containsExactly(List.of("kept"));
        }
    }

    @Test
    void closingWhileABatchGathersStillAppliesAndAnswersWhatItTook() throws Exception {
        GroupCommit<String, Integer> commits = commits(LONG, true);
        GroupCommit.Arrival first = commits.expect();
        GroupCommit.Arrival neverComes = commits.expect();
        CompletableFuture<Integer> a = submit(commits, "taken", first);
        awaitTaken("taken");
        commits.close(); // the server stops while the batch waits for a member still on its way
        assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(batches).containsExactly(List.of("taken"));
        neverComes.close();
    }

    @Test
    void withoutAnnouncementsABatchGathersForItsWholeWindow() throws Exception {
        // One committer, so that the second member can only join the first one's batch or wait for the next.
        try (GroupCommit<String, Integer> commits = commits(1, Duration.ofSeconds(3), false)) {
            CompletableFuture<Integer> a = submit(commits, "a", null);
            awaitTaken("a");
            CompletableFuture<Integer> b = submit(commits, "b", null);
            assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(b.get(30, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(batches).containsExactly(List.of("a", "b"));
        }
    }
}
