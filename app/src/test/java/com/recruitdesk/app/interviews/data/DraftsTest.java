package com.recruitdesk.app.interviews.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.Features;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.interviews.InterviewMutations.Rating;
import com.recruitdesk.protocol.interviews.InterviewMutations.Scorecard;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scorecard drafts live in the local store: they survive closing it, and remember the submit that carries them. */
class DraftsTest {
    @TempDir
    Path dir;

    @Test
    void aDraftIsKeptAcrossReopeningTheStoreAndFoundByItsSubmit() {
        UUID interview = UUID.randomUUID();
        UUID mutation = UUID.randomUUID();
        Scorecard card = new Scorecard(
                Map.of("communication", new Rating(4, "Clear")),
                List.of(),
                4,
                "hire",
                "Calm",
                null,
                null,
                List.of("Last role"),
                false,
                null);
        Instant at = Instant.parse("2026-12-01T09:15:00Z");
        try (LocalStore store = LocalStore.open(dir.resolve("store.db"), Features.STORE_RULES)) {
            Drafts drafts = new Drafts(store);
            drafts.save(new Drafts.Draft(interview, UUID.randomUUID(), card, at, null));
            drafts.save(drafts.of(interview).orElseThrow().submitted(mutation));
        }

        try (LocalStore store = LocalStore.open(dir.resolve("store.db"), Features.STORE_RULES)) {
            Drafts drafts = new Drafts(store);
            Drafts.Draft back = drafts.of(interview).orElseThrow();
            assertThat(back.scorecard()).isEqualTo(card);
            assertThat(back.savedAt()).isEqualTo(at);
            assertThat(drafts.submittedAs(mutation)).contains(back);
            assertThat(drafts.all()).hasSize(1);

            drafts.discard(interview);
            assertThat(drafts.of(interview)).isEmpty();
            assertThat(drafts.all()).isEmpty();
        }
    }
}
