package com.recruitdesk.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.recruitdesk.app.Features;
import com.recruitdesk.app.conversations.data.ConversationIndexes;
import com.recruitdesk.protocol.sync.Change;
import com.recruitdesk.protocol.sync.Mutation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process killed right after a write returned still has that write when the store opens again. */
class LocalStoreCrashTest {
    static final int ROWS = 300;

    @TempDir
    Path dir;

    /** Run in a child JVM: writes, says so, then waits to be killed without closing anything. */
    public static void main(String[] args) throws Exception {
        LocalStore store = LocalStore.open(Path.of(args[0]), Features.STORE_RULES);
        for (int i = 0; i < ROWS; i++) {
            UUID id = UUID.randomUUID();
            store.applyPage(
                    List.of(new Change(
                            "message",
                            id,
                            Change.UPSERT,
                            1,
                            JsonNodeFactory.instance
                                    .objectNode()
                                    .put("id", id.toString())
                                    .put("body", "crash proof " + i))),
                    "cursor-" + i);
        }
        store.enqueue(
                new Mutation(UUID.randomUUID(), "candidate.tag", JsonNodeFactory.instance.objectNode(), Instant.now()),
                List.of());
        KilledChild.committedAndWaitToBeKilled();
    }

    @Test
    void reopeningAfterAKillKeepsCommittedRowsAndTheOutbox() throws Exception {
        Path file = dir.resolve("store.db");
        KilledChild.runUntilCommittedThenKill(LocalStoreCrashTest.class, file);

        try (LocalStore reopened = LocalStore.open(file, Features.STORE_RULES)) {
            assertThat(reopened.countsByEntity()).containsEntry("message", ROWS);
            assertThat(reopened.cursor()).contains("cursor-" + (ROWS - 1));
            assertThat(reopened.pendingCount()).isEqualTo(1);
            assertThat(reopened.search(ConversationIndexes.MESSAGES, "proof", 1000))
                    .hasSize(ROWS);
        }
    }
}
