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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pulled row's JSON is written once (decision 0044): in {@code current} while the user sees the
 * server's row, moved into {@code rows} when an optimistic row takes its place, so undoing the
 * optimistic row always brings the server's back.
 */
class WriteOnceTest {
    @TempDir
    Path dir;

    private LocalStore store;
    private final UUID id = UUID.randomUUID();

    @BeforeEach
    void open() {
        store = LocalStore.open(dir.resolve("store.db"), Features.STORE_RULES);
        store.applyPage(
                List.of(new Change("message", id, Change.UPSERT, 3, LocalStoreTest.message(id, "server text"), 7)),
                "c1");
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** How many copies of the row's JSON the file holds: in {@code rows} and in {@code current}. */
    private int copies() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("store.db"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select (select count(data) from rows where id = '" + id + "')"
                        + " + (select count(data) from current where id = '" + id + "')")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private String shown() {
        return store.row("message", id).orElseThrow().path("body").asText();
    }

    @Test
    void aPulledRowIsStoredOnceAndShownAndFound() throws Exception {
        assertThat(copies()).isEqualTo(1);
        assertThat(shown()).isEqualTo("server text");
        assertThat(store.serverVersion("message", id)).contains(3L);
        assertThat(store.search(ConversationIndexes.MESSAGES, "server", 10)).hasSize(1);
    }

    @Test
    void aRejectedEditBringsBackTheServersRow() throws Exception {
        Mutation edit = LocalStoreTest.mutation("conversation.editMessage");
        store.enqueue(edit, List.of(new LocalStore.Optimistic("message", id, LocalStoreTest.message(id, "my edit"))));
        assertThat(shown()).isEqualTo("my edit");

        store.recordResults(List.of(edit), List.of(MutationResult.rejected(edit.id(), "forbidden", "No.")));

        assertThat(shown()).isEqualTo("server text");
    }

    @Test
    void aRejectedOptimisticDeleteBringsBackTheServersRow() {
        Mutation delete = LocalStoreTest.mutation("conversation.deleteMessage");
        store.enqueue(delete, List.of(LocalStore.Optimistic.deleted("message", id)));
        assertThat(store.row("message", id)).isEmpty();

        store.recordResults(List.of(delete), List.of(MutationResult.rejected(delete.id(), "forbidden", "No.")));

        assertThat(shown()).isEqualTo("server text");
    }

    @Test
    void aServerChangeUnderAnEditIsShownOnceTheEditIsDone() throws Exception {
        Mutation edit = LocalStoreTest.mutation("conversation.editMessage");
        store.enqueue(edit, List.of(new LocalStore.Optimistic("message", id, LocalStoreTest.message(id, "my edit"))));
        store.applyPage(
                List.of(new Change("message", id, Change.UPSERT, 4, LocalStoreTest.message(id, "newer on server"), 9)),
                "c2");
        assertThat(shown()).isEqualTo("my edit");

        store.recordResults(List.of(edit), List.of(MutationResult.applied(edit.id())));
        store.completeApplied();

        assertThat(shown()).isEqualTo("newer on server");
        assertThat(store.serverVersion("message", id)).contains(4L);
    }

    @Test
    void aStoreThatKeptRowsTwiceKeepsThemOnceAfterTheUpgradeAndAnEditsServerRowStays() throws Exception {
        UUID edited = UUID.randomUUID();
        store.applyPage(
                List.of(new Change("message", edited, Change.UPSERT, 1, LocalStoreTest.message(edited, "before"), 8)),
                "c2");
        Mutation edit = LocalStoreTest.mutation("conversation.editMessage");
        store.enqueue(
                edit, List.of(new LocalStore.Optimistic("message", edited, LocalStoreTest.message(edited, "mine"))));
        store.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("store.db"));
                Statement s = c.createStatement()) { // as version 5 left it: the shown row's JSON in both tables
            OlderStores.asVersion7(s);
            s.execute("update rows set data = (select data from current c where c.entity = rows.entity"
                    + " and c.id = rows.id) where data is null");
            s.execute("pragma user_version = 5");
        }
        assertThat(copies()).isEqualTo(2);

        store = LocalStore.open(dir.resolve("store.db"), Features.STORE_RULES);

        assertThat(copies()).isEqualTo(1);
        assertThat(shown()).isEqualTo("server text");
        assertThat(store.row("message", edited).orElseThrow().path("body").asText())
                .isEqualTo("mine");
        store.recordResults(List.of(edit), List.of(MutationResult.rejected(edit.id(), "forbidden", "No.")));
        assertThat(store.row("message", edited).orElseThrow().path("body").asText())
                .isEqualTo("before");
    }

    @Test
    void aResetForgetsTheRowItHeldOnce() throws Exception {
        store.reset("start");

        assertThat(store.row("message", id)).isEmpty();
        assertThat(copies()).isZero();
    }
}
