package com.recruitdesk.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.Features;
import com.recruitdesk.app.conversations.data.ConversationIndexes;
import com.recruitdesk.protocol.sync.Change;
import com.recruitdesk.protocol.sync.Mutation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server says what this user may hold changed: every pulled row goes, the outbox stays. */
class StoreResetTest {
    @TempDir
    Path dir;

    private LocalStore store;

    @BeforeEach
    void open() {
        store = LocalStore.open(dir.resolve("store.db"), Features.STORE_RULES);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static ObjectNode message(UUID id, String body) {
        return JsonNodeFactory.instance.objectNode().put("id", id.toString()).put("body", body);
    }

    @Test
    void aResetRemovesEveryPulledRowAndKeepsWhatWaitsToBeSent() {
        UUID pulled = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        store.applyPage(
                List.of(
                        new Change("message", pulled, Change.UPSERT, 1, message(pulled, "salary details"), 10),
                        new Change("message", deleted, Change.DELETE, 3, null, 11)),
                "before");
        UUID mine = UUID.randomUUID();
        Mutation reply = new Mutation(
                UUID.randomUUID(), "conversation.sendMessage", JsonNodeFactory.instance.objectNode(), Instant.now());
        store.enqueue(reply, List.of(new LocalStore.Optimistic("message", mine, message(mine, "see you Monday"))));

        store.reset("start");

        assertThat(store.row("message", pulled)).isEmpty();
        assertThat(store.search(ConversationIndexes.MESSAGES, "salary", 10)).isEmpty();
        assertThat(store.cursor()).contains("start");
        assertThat(store.pendingCount()).isEqualTo(1);
        assertThat(store.row("message", mine)).as("the reply still waiting").isPresent();
        // The old tombstone is gone too: under the new scope the row may come back at any version.
        store.applyPage(List.of(new Change("message", deleted, Change.UPSERT, 2, message(deleted, "hi"), 5)), "c");
        assertThat(store.row("message", deleted)).isPresent();
    }
}
