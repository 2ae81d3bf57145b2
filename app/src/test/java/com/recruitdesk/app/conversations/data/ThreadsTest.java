package com.recruitdesk.app.conversations.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.Features;
import com.recruitdesk.app.store.LocalStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreadsTest {
    @TempDir
    Path dir;

    LocalStore store;
    Threads threads;
    UUID conversation;
    final List<String> bodies = new ArrayList<>();

    @BeforeEach
    void fill() {
        store = LocalStore.open(dir.resolve("store.db"), Features.STORE_RULES);
        PaneData data = new PaneData(store);
        UUID person = data.person("Sipho Dlamini", "+27725550103");
        Instant start = Instant.parse("2026-11-20T08:00:00Z");
        conversation = data.conversation(person, PaneData.TALENT, "open", null, start.plusSeconds(250 * 60), start);
        UUID other = data.conversation(person, PaneData.JOBS, "open", null, start, start);
        for (int i = 0; i < 250; i++) {
            data.message(
                    conversation, i % 2 == 0 ? "inbound" : "outbound", "text", "line " + i, start.plusSeconds(60L * i));
            bodies.add("line " + i);
        }
        data.message(other, "inbound", "text", "another thread", start);
        data.pull();
        threads = new Threads(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aThreadOpensAtItsNewestLinesOldestFirst() {
        ThreadPage page = threads.page(conversation, null, 60);

        assertThat(page.hasOlder()).isTrue();
        assertThat(page.messages()).extracting(MessageItem::body).containsExactlyElementsOf(bodies.subList(190, 250));
    }

    @Test
    void olderPagesFollowWithoutGapsOrRepeatsUntilTheFirstLine() {
        List<String> seen = new ArrayList<>();
        ThreadPage page = threads.page(conversation, null, 60);
        seen.addAll(0, page.messages().stream().map(MessageItem::body).toList());
        while (page.hasOlder()) {
            page = threads.page(conversation, page.messages().getFirst(), 60);
            seen.addAll(0, page.messages().stream().map(MessageItem::body).toList());
        }

        assertThat(seen).containsExactlyElementsOf(bodies);
    }

    @Test
    void messagesAreReadWithTheirDeliveryState() {
        MessageItem newest = threads.page(conversation, null, 1).messages().getFirst();

        assertThat(newest.outbound()).isTrue();
        assertThat(newest.status()).isEqualTo("read");
        assertThat(newest.senderUserId()).isEqualTo(PaneData.ME);
        assertThat(threads.byIds(List.of(newest.id())))
                .extracting(MessageItem::body)
                .containsExactly("line 249");
    }
}
