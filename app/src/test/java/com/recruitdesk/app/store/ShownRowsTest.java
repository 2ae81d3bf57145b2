package com.recruitdesk.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.Features;
import com.recruitdesk.app.conversations.data.ConversationIndexes;
import com.recruitdesk.protocol.sync.Change;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.protocol.sync.MutationResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A row shown as the server sent it keeps its version and feed place in {@code current} and has no
 * {@code rows} entry (store version 8, decision 0054); an optimistic row or delete moves the server's
 * row into {@code rows} and its end moves it back. A version-7 store keeps every row through the upgrade.
 */
class ShownRowsTest {
    @TempDir
    Path dir;

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();

    private int count(String sql) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("store.db"));
                Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String body(LocalStore store, UUID id) {
        return store.row("message", id).orElseThrow().path("body").asText();
    }

    private static Change message(UUID id, long version, String body, long seq) {
        return new Change("message", id, Change.UPSERT, version, LocalStoreTest.message(id, body), seq);
    }

    @Test
    void aShownRowHasNoRowsEntryUntilAnOptimisticRowTakesItsPlaceAndAfter() throws Exception {
        try (LocalStore store = LocalStore.open(dir.resolve("store.db"), Features.STORE_RULES)) {
            store.applyPage(List.of(message(a, 3, "server text", 7)), "c1");
            assertThat(count("select count(*) from rows")).isZero();
            assertThat(count("select version * 100 + seq from current where id = '" + a + "'"))
                    .isEqualTo(307);
            assertThat(store.serverVersion("message", a)).contains(3L);
            assertThat(store.totalRows()).isEqualTo(1);

            Mutation edit = LocalStoreTest.mutation("conversation.editMessage");
            store.enqueue(edit, List.of(new LocalStore.Optimistic("message", a, LocalStoreTest.message(a, "mine"))));
            assertThat(count("select count(*) from rows where id = '" + a + "' and version = 3 and data is not null"))
                    .isEqualTo(1);
            assertThat(store.serverVersion("message", a)).contains(3L);
            assertThat(store.totalRows()).isEqualTo(1);
            store.applyPage(List.of(message(a, 2, "older", 8)), "c2");
            store.recordResults(List.of(edit), List.of(MutationResult.rejected(edit.id(), "forbidden", "No.")));

            assertThat(body(store, a)).isEqualTo("server text");
            assertThat(count("select count(*) from rows")).as("back in current").isZero();
            assertThat(store.serverVersion("message", a)).contains(3L);
            store.applyPage(List.of(message(a, 2, "older again", 9)), "c3");
            assertThat(body(store, a)).isEqualTo("server text");
        }
    }

    @Test
    void aDeleteOfAShownRowRemovesItAndBuriesIt() {
        try (LocalStore store = LocalStore.open(dir.resolve("store.db"), Features.STORE_RULES)) {
            store.applyPage(List.of(message(a, 3, "server text", 7)), "c1");

            store.applyPage(List.of(new Change("message", a, Change.DELETE, 4, null, 8)), "c2");

            assertThat(store.row("message", a)).isEmpty();
            assertThat(store.serverVersion("message", a)).isEmpty();
            assertThat(store.search(ConversationIndexes.MESSAGES, "server", 10)).isEmpty();
            store.applyPage(List.of(message(a, 3, "server text", 7)), "c3");
            assertThat(store.row("message", a))
                    .as("an older change after the delete")
                    .isEmpty();
            assertThat(store.totalRows()).isZero();
        }
    }

    @Test
    void aResetRemovesShownRowsAndKeepsOptimisticOnes() {
        try (LocalStore store = LocalStore.open(dir.resolve("store.db"), Features.STORE_RULES)) {
            store.applyPage(List.of(message(a, 3, "server text", 7), message(b, 1, "other", 8)), "c1");
            store.enqueue(
                    LocalStoreTest.mutation("conversation.editMessage"),
                    List.of(new LocalStore.Optimistic("message", b, LocalStoreTest.message(b, "mine"))));

            store.reset("start");

            assertThat(store.row("message", a)).isEmpty();
            assertThat(body(store, b)).isEqualTo("mine");
            assertThat(store.totalRows()).isZero();
            assertThat(store.search(ConversationIndexes.MESSAGES, "server", 10)).isEmpty();
        }
    }

    @Test
    void aVersionSevenStoreKeepsEveryRowThroughTheUpgrade() throws Exception {
        Path file = dir.resolve("store.db");
        Mutation edit = LocalStoreTest.mutation("conversation.editMessage");
        LocalStore store = LocalStore.open(file, Features.STORE_RULES);
        store.applyPage(
                List.of(message(a, 3, "first", 7), message(b, 5, "second", 9), message(c, 2, "third", 10)), "c1");
        store.enqueue(edit, List.of(new LocalStore.Optimistic("message", c, LocalStoreTest.message(c, "my edit"))));
        store.close();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = db.createStatement()) {
            OlderStores.asVersion7(s);
        }
        assertThat(count("select count(*) from rows")).isEqualTo(3);

        store = LocalStore.open(file, Features.STORE_RULES);
        try {
            assertThat(count("pragma user_version")).isEqualTo(8);
            assertThat(count("select count(*) from rows"))
                    .as("only the covered row's")
                    .isEqualTo(1);
            assertThat(store.totalRows()).isEqualTo(3);
            assertThat(store.serverVersion("message", a)).contains(3L);
            assertThat(store.serverVersion("message", b)).contains(5L);
            assertThat(store.serverVersion("message", c)).contains(2L);
            assertThat(body(store, c)).isEqualTo("my edit");
            assertThat(store.search(ConversationIndexes.MESSAGES, "second", 10)).hasSize(1);

            store.applyPage(List.of(message(a, 2, "older", 11), message(b, 6, "newer", 12)), "c2");
            assertThat(body(store, a)).isEqualTo("first");
            assertThat(body(store, b)).isEqualTo("newer");
            store.recordResults(List.of(edit), List.of(MutationResult.rejected(edit.id(), "forbidden", "No.")));
            assertThat(body(store, c)).isEqualTo("third");
            assertThat(count("select count(*) from rows")).isZero();
        } finally {
            store.close();
        }
    }
}
