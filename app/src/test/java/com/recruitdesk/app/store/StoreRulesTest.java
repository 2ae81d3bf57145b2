package com.recruitdesk.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.sync.Change;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store files and searches rows by what the features declare, and by nothing it knows itself. */
class StoreRulesTest {
    private static final TextIndex GADGET_TEXT =
            TextIndex.of("gadget_fts", "words", row -> TextIndex.fields(row, "label", "notes"));
    private static final StoreRules GADGETS = StoreRules.of(EntityIndex.of("gadget")
            .under("boxId")
            .sortedBy("madeAt", "createdAt")
            .searchedIn(GADGET_TEXT));

    @TempDir
    Path dir;

    private static ObjectNode gadget(UUID id, UUID box, String madeAt, String label) {
        return JsonNodeFactory.instance
                .objectNode()
                .put("id", id.toString())
                .put("boxId", box.toString())
                .put("madeAt", madeAt)
                .put("label", label);
    }

    private static List<String> childrenInOrder(LocalStore store, UUID box) {
        return store.query(
                "select id from current where entity = 'gadget' and parent = ? order by sort_key",
                List.of(box.toString()),
                rs -> rs.getString(1));
    }

    @Test
    void anEntityIsFiledAndSearchedAsItsFeatureDeclares() {
        UUID box = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        UUID early = UUID.randomUUID();
        try (LocalStore store = LocalStore.open(dir.resolve("s.db"), GADGETS)) {
            store.applyPage(
                    List.of(
                            new Change(
                                    "gadget",
                                    late,
                                    Change.UPSERT,
                                    1,
                                    gadget(late, box, "2026-11-25T12:00:00Z", "red lamp")),
                            new Change(
                                    "gadget",
                                    early,
                                    Change.UPSERT,
                                    1,
                                    gadget(early, box, "2026-11-25T13:00:00+02:00", "blue kettle"))),
                    "c1");

            assertThat(childrenInOrder(store, box)).containsExactly(early.toString(), late.toString());
            assertThat(store.search(GADGET_TEXT, "kett", 10)).singleElement().satisfies(hit -> {
                assertThat(hit.id()).isEqualTo(early);
                assertThat(hit.parent()).isEqualTo(box.toString());
                assertThat(hit.snippet()).contains("[kettle]");
            });
        }
    }

    @Test
    void withoutADeclarationARowHasNoParentAndIsFoundByNoSearch() {
        UUID box = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        try (LocalStore store = LocalStore.open(dir.resolve("s.db"), StoreRules.NONE)) {
            store.applyPage(
                    List.of(new Change(
                            "gadget", id, Change.UPSERT, 1, gadget(id, box, "2026-11-25T12:00:00Z", "lamp"))),
                    "c1");

            assertThat(childrenInOrder(store, box)).isEmpty();
            assertThat(store.row("gadget", id)).isPresent();
        }
    }

    @Test
    void rowsFiledByOtherRulesAreFiledAgainWhenTheStoreOpens() {
        Path file = dir.resolve("s.db");
        UUID box = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        try (LocalStore store = LocalStore.open(file, StoreRules.NONE)) {
            store.applyPage(
                    List.of(new Change(
                            "gadget", id, Change.UPSERT, 1, gadget(id, box, "2026-11-25T12:00:00Z", "lamp"))),
                    "c1");
        }

        try (LocalStore store = LocalStore.open(file, GADGETS)) {
            assertThat(childrenInOrder(store, box)).containsExactly(id.toString());
            assertThat(store.search(GADGET_TEXT, "lamp", 10))
                    .extracting(LocalStore.SearchHit::id)
                    .containsExactly(id);
        }
    }

    @Test
    void twoFeaturesMayDeclareAnEntityAlikeButNotDifferently() {
        StoreRules same = StoreRules.of(EntityIndex.of("gadget")
                .under("boxId")
                .sortedBy("madeAt", "createdAt")
                .searchedIn(GADGET_TEXT));
        assertThat(StoreRules.merge(List.of(GADGETS, same)).of("gadget"))
                .contains(same.of("gadget").orElseThrow());

        StoreRules other = StoreRules.of(EntityIndex.of("gadget").under("shelfId"));
        assertThatThrownBy(() -> StoreRules.merge(List.of(GADGETS, other)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gadget");
    }
}
