package com.recruitdesk.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.Features;
import com.recruitdesk.protocol.sync.Change;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feed may bring a row's changes out of commit order (transactions that took their ids in the
 * other order): the store keeps the newest by version, then feed place, and remembers deletes.
 */
class StoreOrderTest {
    @TempDir
    Path dir;

    private LocalStore store;
    private final UUID id = UUID.randomUUID();

    @BeforeEach
    void open() {
        store = LocalStore.open(dir.resolve("store.db"), Features.STORE_RULES);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Change upsert(long version, long seq, String tag) {
        ObjectNode data =
                JsonNodeFactory.instance.objectNode().put("id", id.toString()).put("tag", tag);
        return new Change("candidateTag", id, Change.UPSERT, version, data, seq);
    }

    private Change delete(long version, long seq) {
        return new Change("candidateTag", id, Change.DELETE, version, null, seq);
    }

    private void pages(Change... changes) {
        int n = 0;
        for (Change change : changes) {
            store.applyPage(List.of(change), "c" + n++);
        }
    }

    @Test
    void anOlderUpsertInALaterPageNeverResurrectsADelete() {
        pages(upsert(1, 10, "a"), delete(2, 110), upsert(2, 100, "renamed"));

        assertThat(store.row("candidateTag", id)).isEmpty();
    }

    @Test
    void aDeleteOfARowNeverSeenStillHoldsBackItsOlderUpserts() {
        pages(delete(3, 50), upsert(2, 40, "old"));

        assertThat(store.row("candidateTag", id)).isEmpty();
    }

    @Test
    void inOnePageTheNewestChangeWinsWhateverItsPlace() {
        store.applyPage(List.of(delete(2, 110), upsert(2, 100, "renamed")), "c1");

        assertThat(store.row("candidateTag", id)).isEmpty();
    }

    @Test
    void aGrantAfterARevocationOfTheSameVersionBringsTheRowBack() {
        pages(upsert(5, 10, "a"), delete(5, 20), upsert(5, 30, "a"));

        assertThat(store.row("candidateTag", id)).isPresent();
    }

    @Test
    void aNewerVersionAfterADeleteBringsTheRowBack() {
        pages(upsert(1, 10, "a"), delete(1, 20), upsert(2, 30, "again"));

        assertThat(store.row("candidateTag", id).orElseThrow().path("tag").asText())
                .isEqualTo("again");
    }
}
