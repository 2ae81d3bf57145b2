package com.recruitdesk.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.recruitdesk.app.Features;
import com.recruitdesk.app.conversations.data.ConversationIndexes;
import com.recruitdesk.protocol.sync.Change;
import com.recruitdesk.protocol.sync.Mutation;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
        System.out.println("committed");
        System.out.flush();
        Thread.sleep(60_000);
    }

    @Test
    void reopeningAfterAKillKeepsCommittedRowsAndTheOutbox() throws Exception {
        Path file = dir.resolve("store.db");
        Process child = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LocalStoreCrashTest.class.getName(),
                        file.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("committed")) {
                // skip log lines
            }
            assertThat(line).as("the child finished writing").isEqualTo("committed");
            child.destroyForcibly(); // SIGKILL: no close, no checkpoint
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        try (LocalStore reopened = LocalStore.open(file, Features.STORE_RULES)) {
            assertThat(reopened.countsByEntity()).containsEntry("message", ROWS);
            assertThat(reopened.cursor()).contains("cursor-" + (ROWS - 1));
            assertThat(reopened.pendingCount()).isEqualTo(1);
            assertThat(reopened.search(ConversationIndexes.MESSAGES, "proof", 1000))
                    .hasSize(ROWS);
        }
    }
}
