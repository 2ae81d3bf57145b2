package com.recruitdesk.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.Features;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.Mutation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Undoing a mutation that has not left this computer, and refusing to while it is being sent. */
class WithdrawTest {
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

    private Mutation decide(UUID document) {
        Mutation m = new Mutation(
                UUID.randomUUID(), "document.verify", JsonNodeFactory.instance.objectNode(), Instant.now());
        ObjectNode row = JsonNodeFactory.instance
                .objectNode()
                .put("id", document.toString())
                .put("verificationState", "verified");
        store.enqueue(m, List.of(new LocalStore.Optimistic(Entities.UPLOADED_DOCUMENT, document, row)));
        return m;
    }

    @Test
    void aMutationNotYetSentIsWithdrawnWithItsOptimisticRows() {
        UUID document = UUID.randomUUID();
        Mutation m = decide(document);

        assertThat(store.withdraw(m.id())).isTrue();

        assertThat(store.pendingCount()).isZero();
        assertThat(store.row(Entities.UPLOADED_DOCUMENT, document)).isEmpty();
        assertThat(store.withdraw(m.id())).as("gone already").isFalse();
    }

    @Test
    void aMutationBeingSentCannotBeWithdrawnUntilThePushIsOver() {
        Mutation m = decide(UUID.randomUUID());
        List<Mutation> batch = store.pendingForSending(10);

        assertThat(batch).extracting(Mutation::id).containsExactly(m.id());
        assertThat(store.withdraw(m.id())).isFalse();
        assertThat(store.pendingCount()).isEqualTo(1);

        store.doneSending(batch); // the push failed (offline): it is still only on this computer
        assertThat(store.withdraw(m.id())).isTrue();
        assertThat(store.pendingCount()).isZero();
    }
}
