package com.recruitdesk.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.Features;
import com.recruitdesk.app.conversations.data.ConversationIndexes;
import com.recruitdesk.protocol.sync.Change;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.protocol.sync.MutationResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalStoreTest {
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

    static ObjectNode message(UUID id, String body) {
        return JsonNodeFactory.instance.objectNode().put("id", id.toString()).put("body", body);
    }

    static Mutation mutation(String name) {
        return new Mutation(UUID.randomUUID(), name, JsonNodeFactory.instance.objectNode(), Instant.now());
    }

    @Test
    void aPageStoresRowsAndMovesTheCursor() {
        UUID id = UUID.randomUUID();
        store.applyPage(List.of(new Change("message", id, Change.UPSERT, 3, message(id, "hello"))), "c1");

        assertThat(store.cursor()).contains("c1");
        assertThat(store.row("message", id))
                .hasValueSatisfying(r -> assertThat(r.path("body").asText()).isEqualTo("hello"));
        assertThat(store.countsByEntity()).containsEntry("message", 1);
    }

    @Test
    void anOlderVersionNeverOverwritesANewerOne() {
        UUID id = UUID.randomUUID();
        store.applyPage(List.of(new Change("message", id, Change.UPSERT, 5, message(id, "new"))), "c1");
        store.applyPage(List.of(new Change("message", id, Change.UPSERT, 4, message(id, "old"))), "c2");

        assertThat(store.row("message", id).orElseThrow().path("body").asText()).isEqualTo("new");
        assertThat(store.serverVersion("message", id)).contains(5L);
    }

    @Test
    void aNewerVersionReplacesTheRowAndItsSearchTextAndALaterFeedEntryOfTheSameVersionWins() {
        UUID id = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        store.applyPage(
                List.of(
                        new Change("message", id, Change.UPSERT, 1, message(id, "forklift licence")),
                        new Change("message", other, Change.UPSERT, 1, message(other, "forklift shift"))),
                "c1");
        store.applyPage(List.of(new Change("message", id, Change.UPSERT, 2, message(id, "warehouse shift"))), "c2");
        // Same version, later in the feed (decision 0023): it wins; the same entry again changes nothing.
        store.applyPage(List.of(new Change("message", id, Change.UPSERT, 2, message(id, "night shift"), 20)), "c3");
        store.applyPage(List.of(new Change("message", id, Change.UPSERT, 2, message(id, "morning shift"), 10)), "c4");

        assertThat(store.row("message", id).orElseThrow().path("body").asText()).isEqualTo("night shift");
        assertThat(store.search(ConversationIndexes.MESSAGES, "forklift", 10))
                .extracting(LocalStore.SearchHit::id)
                .containsExactly(other);
        assertThat(store.search(ConversationIndexes.MESSAGES, "warehouse", 10)).isEmpty();
        assertThat(store.search(ConversationIndexes.MESSAGES, "morning", 10)).isEmpty();
        assertThat(store.search(ConversationIndexes.MESSAGES, "night", 10))
                .extracting(LocalStore.SearchHit::id)
                .containsExactly(id);
        assertThat(store.search(ConversationIndexes.MESSAGES, "shift", 10)).hasSize(2);
        assertThat(store.countsByEntity()).containsEntry("message", 2);
    }

    @Test
    void aDeleteRemovesTheRowAndItsSearchEntry() {
        UUID id = UUID.randomUUID();
        store.applyPage(List.of(new Change("message", id, Change.UPSERT, 1, message(id, "interview tomorrow"))), "c1");
        store.applyPage(List.of(new Change("message", id, Change.DELETE, 2, null)), "c2");

        assertThat(store.row("message", id)).isEmpty();
        assertThat(store.search(ConversationIndexes.MESSAGES, "interview", 10)).isEmpty();
    }

    @Test
    void fullTextSearchFindsAWordInAMessage() {
        UUID hit = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        store.applyPage(
                List.of(
                        new Change("message", hit, Change.UPSERT, 1, message(hit, "Can I bring my forklift licence?")),
                        new Change("message", other, Change.UPSERT, 1, message(other, "Thanks, see you Monday"))),
                "c1");

        assertThat(store.search(ConversationIndexes.MESSAGES, "forklift", 10))
                .singleElement()
                .satisfies(h -> {
                    assertThat(h.id()).isEqualTo(hit);
                    assertThat(h.snippet()).contains("[forklift]");
                });
        assertThat(store.search(ConversationIndexes.MESSAGES, "licen", 10))
                .as("the last word matches as a prefix")
                .hasSize(1);
        assertThat(store.search(ConversationIndexes.MESSAGES, "monday thanks", 10))
                .extracting(LocalStore.SearchHit::id)
                .containsExactly(other);
    }

    @ParameterizedTest(name = "[{0}] becomes [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            forklift            | "forklift"*
            two words           | "two" "words"*
            'a "quoted" OR NOT' | "a" "quoted" "OR" "NOT"*
            '   '               | ''
            """)
    void searchTextIsNeverReadAsQuerySyntax(String typed, String query) {
        assertThat(LocalStore.ftsQuery(typed)).isEqualTo(query == null ? "" : query);
    }

    @Test
    void theOutboxKeepsOrderAndShowsOptimisticRows() {
        UUID row = UUID.randomUUID();
        Mutation first = mutation("a.first");
        Mutation second = mutation("a.second");
        store.enqueue(first, List.of(new LocalStore.Optimistic("message", row, message(row, "draft"))));
        store.enqueue(second, List.of());

        assertThat(store.pending(10)).extracting(Mutation::id).containsExactly(first.id(), second.id());
        assertThat(store.pendingCount()).isEqualTo(2);
        assertThat(store.row("message", row).orElseThrow().path("body").asText())
                .isEqualTo("draft");
    }

    @Test
    void aRejectedMutationRollsBackItsOptimisticRow() {
        UUID row = UUID.randomUUID();
        store.applyPage(List.of(new Change("message", row, Change.UPSERT, 1, message(row, "server text"))), "c1");
        Mutation edit = mutation("message.edit");
        store.enqueue(edit, List.of(new LocalStore.Optimistic("message", row, message(row, "my edit"))));
        assertThat(store.row("message", row).orElseThrow().path("body").asText())
                .isEqualTo("my edit");

        List<LocalStore.Rejection> rejected = store.recordResults(
                List.of(edit), List.of(MutationResult.rejected(edit.id(), "forbidden", "Your role may not do that.")));

        assertThat(rejected)
                .singleElement()
                .satisfies(r -> assertThat(r.message()).contains("may not"));
        assertThat(store.row("message", row).orElseThrow().path("body").asText())
                .isEqualTo("server text");
        assertThat(store.pendingCount()).isZero();
        assertThat(store.rejections()).hasSize(1);
    }

    @Test
    void aConflictIsKeptWithTheMutationsArgumentsAndTheServersValuesPastARestart() {
        ObjectNode args = JsonNodeFactory.instance.objectNode().put("baseVersion", 3);
        args.putObject("changes").put("followUpStatus", "no_show");
        Mutation edit = new Mutation(UUID.randomUUID(), "application.update", args, Instant.now());
        store.enqueue(edit, List.of());
        ObjectNode current = JsonNodeFactory.instance
                .objectNode()
                .put("followUpStatus", "offered")
                .put("version", 4);
        store.recordResults(
                List.of(edit),
                List.of(new MutationResult(
                        edit.id(),
                        MutationResult.REJECTED,
                        MutationResult.CONFLICT,
                        "Someone else changed it.",
                        current)));
        store.close();

        store = LocalStore.open(dir.resolve("store.db"), Features.STORE_RULES);

        assertThat(store.rejections()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("conflict");
            assertThat(r.args().path("changes").path("followUpStatus").asText()).isEqualTo("no_show");
            assertThat(r.current().path("followUpStatus").asText()).isEqualTo("offered");
            assertThat(r.current().path("version").asLong()).isEqualTo(4);
        });
    }

    @Test
    void anAppliedMutationKeepsItsRowUntilThePullBringsTheServersOne() {
        UUID row = UUID.randomUUID();
        Mutation send = mutation("conversation.sendMessage");
        store.enqueue(send, List.of(new LocalStore.Optimistic("message", row, message(row, "on my way"))));
        store.recordResults(List.of(send), List.of(MutationResult.applied(send.id())));

        assertThat(store.pendingCount()).isZero();
        assertThat(store.row("message", row)).as("still shown while applied").isPresent();

        ObjectNode server = message(row, "on my way").put("status", "queued");
        store.applyPage(List.of(new Change("message", row, Change.UPSERT, 1, server)), "c1");
        store.completeApplied();

        assertThat(store.row("message", row).orElseThrow().path("status").asText())
                .isEqualTo("queued");
        assertThat(store.countsByEntity()).containsEntry("message", 1);
    }

    @Test
    void listenersHearWhichEntitiesChanged() {
        List<java.util.Set<String>> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        store.addChangeListener(heard::add);
        UUID id = UUID.randomUUID();
        store.applyPage(List.of(new Change("candidate", id, Change.UPSERT, 1, message(id, "x"))), "c1");

        assertThat(heard).containsExactly(java.util.Set.of("candidate"));
    }

    @Test
    void aPulledRowDoesNotReplaceAPendingOptimisticOneUntilTheMutationIsDone() {
        UUID row = UUID.randomUUID();
        store.applyPage(List.of(new Change("message", row, Change.UPSERT, 1, message(row, "server v1"))), "c1");
        Mutation edit = mutation("message.edit");
        store.enqueue(edit, List.of(new LocalStore.Optimistic("message", row, message(row, "mine"))));

        store.applyPage(List.of(new Change("message", row, Change.UPSERT, 2, message(row, "server v2"))), "c2");
        assertThat(store.row("message", row).orElseThrow().path("body").asText())
                .as("the user's pending change still shows")
                .isEqualTo("mine");

        store.recordResults(List.of(edit), List.of(MutationResult.applied(edit.id())));
        store.completeApplied();
        assertThat(store.row("message", row).orElseThrow().path("body").asText())
                .isEqualTo("server v2");
    }

    @Test
    void anOptimisticDeleteHidesTheRowAndARejectionBringsItBack() {
        UUID tag = UUID.randomUUID();
        store.applyPage(
                List.of(new Change(
                        "candidateTag", tag, Change.UPSERT, 1, message(tag, "x").put("tag", "vip"))),
                "c1");
        Mutation untag = mutation("candidate.tag");
        store.enqueue(untag, List.of(LocalStore.Optimistic.deleted("candidateTag", tag)));

        assertThat(store.row("candidateTag", tag)).isEmpty();
        assertThat(store.countsByEntity()).doesNotContainKey("candidateTag");

        store.recordResults(List.of(untag), List.of(MutationResult.rejected(untag.id(), "forbidden", "No.")));
        assertThat(store.row("candidateTag", tag)).isPresent();
    }

    @Test
    void searchCoversMessagesStillInTheOutboxAndPeopleByNameOrNumber() {
        UUID person = UUID.randomUUID();
        store.applyPage(
                List.of(new Change(
                        "candidate",
                        person,
                        Change.UPSERT,
                        1,
                        JsonNodeFactory.instance
                                .objectNode()
                                .put("id", person.toString())
                                .put("fullName", "Thandiwe Nkosi")
                                .put("whatsappId", "+27825550101"))),
                "c1");
        UUID draft = UUID.randomUUID();
        store.enqueue(
                mutation("conversation.sendMessage"),
                List.of(new LocalStore.Optimistic("message", draft, message(draft, "Bring your forklift licence"))));

        assertThat(store.search(ConversationIndexes.MESSAGES, "forklift", 5))
                .extracting(LocalStore.SearchHit::id)
                .containsExactly(draft);
        assertThat(store.query(
                        "select c.id from person_fts f join current c on c.rowid = f.rowid where person_fts match ?",
                        List.of(LocalStore.ftsQuery("2782555")),
                        rs -> rs.getString(1)))
                .containsExactly(person.toString());
        assertThat(store.query(
                        "select c.id from person_fts f join current c on c.rowid = f.rowid where person_fts match ?",
                        List.of(LocalStore.ftsQuery("thandi")),
                        rs -> rs.getString(1)))
                .containsExactly(person.toString());
    }

    @Test
    void rowsSortByTheirTimeWhateverOffsetTheServerWrites() {
        UUID conversation = UUID.randomUUID();
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        store.applyPage(
                List.of(
                        new Change(
                                "message",
                                late,
                                Change.UPSERT,
                                1,
                                message(late, "late")
                                        .put("conversationId", conversation.toString())
                                        .put("sentAt", "2026-11-25T10:00:00+02:00")),
                        new Change(
                                "message",
                                early,
                                Change.UPSERT,
                                1,
                                message(early, "early")
                                        .put("conversationId", conversation.toString())
                                        .put("sentAt", "2026-11-25T07:59:59.5Z"))),
                "c1");

        assertThat(store.query(
                        "select id from current where entity = 'message' and parent = ? order by sort_key",
                        List.of(conversation.toString()),
                        rs -> rs.getString(1)))
                .containsExactly(early.toString(), late.toString());
    }

    @Test
    void aRefusedUploadRejectsTheMutationsThatNameItHere() {
        UUID blob = UUID.randomUUID();
        UUID draft = UUID.randomUUID();
        store.addUpload(new LocalStore.Upload(blob, "cv.pdf", "application/pdf", 10));
        Mutation send = new Mutation(
                UUID.randomUUID(),
                "conversation.sendMessage",
                JsonNodeFactory.instance.objectNode().put("mediaBlobId", blob.toString()),
                Instant.now());
        store.enqueue(send, List.of(new LocalStore.Optimistic("message", draft, message(draft, "cv"))), List.of(blob));
        Mutation other = mutation("candidate.tag");
        store.enqueue(other, List.of());

        List<LocalStore.Rejection> rejected = store.uploadRefused(blob, "The file is too large.");

        assertThat(rejected).extracting(LocalStore.Rejection::mutationId).containsExactly(send.id());
        assertThat(store.row("message", draft)).isEmpty();
        assertThat(store.pending(10)).extracting(Mutation::id).containsExactly(other.id());
        assertThat(store.pendingUploads()).isEmpty();
    }

    @Test
    void aRefusedUploadRejectsOnlyTheMutationsQueuedAsNeedingItWhateverTheirArguments() {
        UUID blob = UUID.randomUUID();
        store.addUpload(new LocalStore.Upload(blob, "cv.pdf", "application/pdf", 10));
        Mutation needsIt = mutation("gadget.attach"); // its arguments name no file
        store.enqueue(needsIt, List.of(), List.of(blob));
        Mutation namesItOnly = new Mutation(
                UUID.randomUUID(),
                "conversation.sendMessage",
                JsonNodeFactory.instance.objectNode().put("mediaBlobId", blob.toString()),
                Instant.now());
        store.enqueue(namesItOnly, List.of());

        List<LocalStore.Rejection> rejected = store.uploadRefused(blob, "The file is too large.");

        assertThat(rejected).extracting(LocalStore.Rejection::mutationId).containsExactly(needsIt.id());
        assertThat(store.pending(10)).extracting(Mutation::id).containsExactly(namesItOnly.id());
    }
}
