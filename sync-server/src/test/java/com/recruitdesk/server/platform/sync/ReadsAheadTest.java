package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.server.platform.access.Principal;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestPostgres;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Reads sent behind a savepoint's statements in one round trip are answered, in order, once each. */
@Tag("database")
class ReadsAheadTest {
    @Test
    void readsBehindTheSavepointAreAnsweredOnceAndTheRestReadAsBefore() throws Exception {
        try (Connection c = SyncFixture.connect(TestPostgres.migratedDatabase())) {
            c.setAutoCommit(false);
            ReadsAhead ahead = new ReadsAhead();
            ahead.add("select 'first'");
            ahead.add("select 'none' where false");
            ahead.add("select null::text");
            ahead.runAfter(c, "savepoint a; release savepoint a; savepoint b");
            MutationContext ctx = new MutationContext(
                    c,
                    new Principal(UUID.randomUUID(), UUID.randomUUID(), List.of()),
                    UUID.randomUUID(),
                    ConversationMutations.MARK_READ,
                    Json.newMapper(),
                    Instant.now(),
                    null,
                    null,
                    ahead);

            assertThat(ReadsAhead.take(ctx, "select 'first'")).hasValue(Optional.of("first"));
            assertThat(ReadsAhead.take(ctx, "select 'first'")).as("taken once").isEmpty();
            assertThat(ReadsAhead.take(ctx, "select 'none' where false")).hasValue(Optional.empty());
            assertThat(ReadsAhead.take(ctx, "select null::text")).hasValue(Optional.empty());
            assertThat(ReadsAhead.take(ctx, "select 'never read ahead'")).isEmpty();
            // The savepoint was opened before the reads: rolling back to it works.
            c.createStatement().execute("rollback to savepoint b");
            c.rollback();
        }
    }
}
