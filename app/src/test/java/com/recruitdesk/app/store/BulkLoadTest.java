package com.recruitdesk.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.Features;
import com.recruitdesk.app.conversations.data.ConversationIndexes;
import com.recruitdesk.protocol.sync.Change;
import com.recruitdesk.protocol.sync.MutationResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first sync into an empty store is loaded in bulk (decision 0054): {@code current}'s listing
 * indexes are dropped while its pages come and made once with the last one; rows stay readable and
 * searchable meanwhile, and a store closed or killed mid-sync has its indexes again when it opens.
 */
class BulkLoadTest {
    static final int PAGE = 100;
    static final String CONVERSATION = "00000000-0000-0000-0000-00000000c0c0";

    @TempDir
    Path dir;

    /** A page of {@code n} messages of one conversation, each saying "bulk" and its number. */
    static List<Change> page(int first, int n) {
        List<Change> changes = new ArrayList<>();
        for (int i = first; i < first + n; i++) {
            UUID id = UUID.randomUUID();
            changes.add(new Change(
                    "message",
                    id,
                    Change.UPSERT,
                    1,
                    LocalStoreTest.message(id, "bulk line" + i)
                            .put("conversationId", CONVERSATION)
                            .put("sentAt", "2026-11-25T12:00:%02d.000000Z".formatted(i % 60))));
        }
        return changes;
    }

    private static List<String> listingIndexes(LocalStore store) {
        return store.query(
                "select name from sqlite_master where type = 'index' and tbl_name = 'current'"
                        + " and name in ('current_children', 'current_sorted') order by name",
                List.of(),
                rs -> rs.getString(1));
    }

    /** The plan of a thread's listing: through the children index when it is there. */
    private static String threadPlan(LocalStore store) {
        return String.join(
                " ",
                store.query(
                        "explain query plan select data from current where entity = 'message' and parent = ?"
                                + " order by sort_key desc limit 60",
                        List.of(CONVERSATION),
                        rs -> rs.getString(4)));
    }

    private static int threadSize(LocalStore store) {
        return store.query(
                        "select count(*) from current where entity = 'message' and parent = ?",
                        List.of(CONVERSATION),
                        rs -> rs.getInt(1))
                .getFirst();
    }

    @Test
    void aFirstSyncOfManyPagesMakesTheListingIndexesOnceWithItsLastPage() {
        try (LocalStore store = LocalStore.open(dir.resolve("store.db"), Features.STORE_RULES)) {
            assertThat(listingIndexes(store)).containsExactly("current_children", "current_sorted");

            store.applyPage(page(0, PAGE), "c1", true);

            assertThat(listingIndexes(store)).as("dropped while the sync runs").isEmpty();
            assertThat(store.meta(BulkLoad.KEY)).isPresent();
            assertThat(threadSize(store)).as("the rows so far are listed").isEqualTo(PAGE);
            assertThat(store.search(ConversationIndexes.MESSAGES, "bulk", 1000))
                    .as("and found")
                    .hasSize(PAGE);

            store.applyPage(page(PAGE, PAGE), "c2", true);
            store.applyPage(page(2 * PAGE, PAGE), "c3", false);

            assertThat(listingIndexes(store)).containsExactly("current_children", "current_sorted");
            assertThat(store.meta(BulkLoad.KEY)).isEmpty();
            assertThat(threadPlan(store)).contains("current_children");
            assertThat(threadSize(store)).isEqualTo(3 * PAGE);
            assertThat(store.search(ConversationIndexes.MESSAGES, "bulk", 1000)).hasSize(3 * PAGE);
            assertThat(store.search(ConversationIndexes.MESSAGES, "line250", 10))
                    .hasSize(1);
            assertThat(store.cursor()).contains("c3");
        }
    }

    @Test
    void aStoreThatHoldsServerRowsKeepsItsIndexesWhateverFollows() {
        try (LocalStore store = LocalStore.open(dir.resolve("store.db"), Features.STORE_RULES)) {
            store.applyPage(page(0, PAGE), "c1", false);

            store.applyPage(page(PAGE, PAGE), "c2", true);

            assertThat(listingIndexes(store)).containsExactly("current_children", "current_sorted");
            assertThat(store.meta(BulkLoad.KEY)).isEmpty();
        }
    }

    @Test
    void anOptimisticEditDuringTheLoadIsShownAndTakenBackAsEver() {
        try (LocalStore store = LocalStore.open(dir.resolve("store.db"), Features.STORE_RULES)) {
            List<Change> first = page(0, PAGE);
            store.applyPage(first, "c1", true);
            UUID id = first.getFirst().id();
            var edit = LocalStoreTest.mutation("conversation.editMessage");
            store.enqueue(
                    edit, List.of(new LocalStore.Optimistic("message", id, LocalStoreTest.message(id, "my edit"))));
            store.applyPage(page(PAGE, PAGE), "c2", false);
            assertThat(store.row("message", id).orElseThrow().path("body").asText())
                    .isEqualTo("my edit");

            store.recordResults(List.of(edit), List.of(MutationResult.rejected(edit.id(), "forbidden", "No.")));

            assertThat(store.row("message", id).orElseThrow().path("body").asText())
                    .isEqualTo("bulk line0");
            assertThat(store.search(ConversationIndexes.MESSAGES, "edit", 10)).isEmpty();
            assertThat(threadSize(store)).isEqualTo(2 * PAGE);
        }
    }

    @Test
    void aStoreClosedMidSyncHasItsIndexesWhenOpenedAndTheSyncGoesOn() {
        Path file = dir.resolve("store.db");
        try (LocalStore store = LocalStore.open(file, Features.STORE_RULES)) {
            store.applyPage(page(0, PAGE), "c1", true);
        }
        try (LocalStore store = LocalStore.open(file, Features.STORE_RULES)) {
            assertThat(listingIndexes(store)).containsExactly("current_children", "current_sorted");
            assertThat(store.meta(BulkLoad.KEY)).isEmpty();

            store.applyPage(page(PAGE, PAGE), "c2", true); // the engine's first sync goes on where it was

            assertThat(listingIndexes(store))
                    .as("not dropped again: the store holds rows")
                    .hasSize(2);
            assertThat(threadSize(store)).isEqualTo(2 * PAGE);
            assertThat(store.search(ConversationIndexes.MESSAGES, "bulk", 1000)).hasSize(2 * PAGE);
        }
    }

    /** Run in a child JVM: three pages of a first sync with more to come, says so, waits to be killed. */
    public static void main(String[] args) throws Exception {
        LocalStore store = LocalStore.open(Path.of(args[0]), Features.STORE_RULES);
        for (int p = 0; p < 3; p++) {
            store.applyPage(page(p * PAGE, PAGE), "c" + (p + 1), true);
        }
        KilledChild.committedAndWaitToBeKilled();
    }

    @Test
    void aDesktopKilledMidFirstSyncOpensWithItsIndexesAndSearchAndResumes() throws Exception {
        Path file = dir.resolve("store.db");
        KilledChild.runUntilCommittedThenKill(BulkLoadTest.class, file); // mid-sync: the indexes not made

        try (LocalStore store = LocalStore.open(file, Features.STORE_RULES)) {
            assertThat(listingIndexes(store)).containsExactly("current_children", "current_sorted");
            assertThat(store.meta(BulkLoad.KEY)).isEmpty();
            assertThat(threadPlan(store)).contains("current_children");
            assertThat(store.cursor())
                    .as("the sync resumes after the last whole page")
                    .contains("c3");
            assertThat(threadSize(store)).isEqualTo(3 * PAGE);
            assertThat(store.search(ConversationIndexes.MESSAGES, "bulk", 1000)).hasSize(3 * PAGE);

            store.applyPage(page(3 * PAGE, PAGE), "c4", false);

            assertThat(threadSize(store)).isEqualTo(4 * PAGE);
            assertThat(store.search(ConversationIndexes.MESSAGES, "line350", 10))
                    .hasSize(1);
        }
    }
}
