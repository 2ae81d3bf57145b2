package com.recruitdesk.app.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.Features;
import com.recruitdesk.app.common.DirectTaskExecutor;
import com.recruitdesk.app.format.Times;
import com.recruitdesk.app.pipelines.data.PipelineCommands;
import com.recruitdesk.app.pipelines.data.Profile;
import com.recruitdesk.app.pipelines.data.ProfileForm;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.support.StoreSubmitter;
import com.recruitdesk.protocol.pipelines.FieldSpec;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.pipelines.ProfileFields;
import com.recruitdesk.protocol.sync.Change;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.Mutation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile editor's state on a real local store: how old each stamped value is, and what one save queues. */
class ProfileViewModelTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    Path dir;

    private LocalStore store;
    private ProfileViewModel vm;
    private final List<Throwable> failures = new ArrayList<>();
    private final UUID person = UUID.randomUUID();

    @BeforeEach
    void open() {
        store = LocalStore.open(dir.resolve("store.db"), Features.STORE_RULES);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ObjectNode row = JsonNodeFactory.instance
                .objectNode()
                .put("id", person.toString())
                .put("fullName", "Asha Rao")
                .put("noticePeriodDays", 30)
                .put("noticePeriodLastUpdated", "2026-08-20T09:00:00Z")
                .put("currentCtc", 1_200_000)
                .put("version", 4);
        row.putArray("skills").add("Java");
        ObjectNode role = JsonNodeFactory.instance
                .objectNode()
                .put("id", UUID.randomUUID().toString())
                .put("candidateId", person.toString())
                .put("companyName", "Infosys")
                .put("jobTitle", "Engineer")
                .put("startDate", "2021-04-01")
                .put("isCurrent", true);
        store.applyPage(
                List.of(
                        new Change(Entities.CANDIDATE, person, Change.UPSERT, 4, row),
                        new Change(
                                Entities.CANDIDATE_WORK_HISTORY,
                                UUID.fromString(role.path("id").asText()),
                                Change.UPSERT,
                                1,
                                role)),
                "c1");
        var commands = new PipelineCommands(store, new StoreSubmitter(store, clock), UUID.randomUUID(), clock);
        vm = new ProfileViewModel(
                new Profile(store),
                commands,
                new DirectTaskExecutor(),
                new Times(clock, ZoneOffset.UTC),
                failures::add);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Profile.View opened() {
        List<Profile.View> seen = new ArrayList<>();
        vm.open(person, seen::add);
        assertThat(seen).hasSize(1);
        return seen.getFirst();
    }

    private static FieldSpec field(String name) {
        return FieldSpec.named(ProfileFields.ALL, name).orElseThrow();
    }

    @Test
    void stampedFieldsSayHowOldTheirValueIsAndTheOthersSayNothing() {
        Profile.View v = opened();

        assertThat(vm.freshness(v, field("noticePeriodDays"))).hasValue("updated 3 months ago");
        assertThat(vm.freshness(v, field("currentCtc"))).hasValue("never updated");
        assertThat(vm.freshness(v, field("fullName"))).isEmpty();
        assertThat(v.history()).singleElement().satisfies(r -> {
            assertThat(r.company()).isEqualTo("Infosys");
            assertThat(r.current()).isTrue();
        });
    }

    @Test
    void oneSaveQueuesOneMutationOfTheChangedFieldsOnTheOpenedVersionAndShowsItAtOnce() {
        Profile.View v = opened();
        Map<String, String> typed = ProfileForm.texts(v.person());
        typed.put("noticePeriodDays", "60");
        typed.put("expectedRole", "Tech lead");

        assertThat(vm.save(v, typed)).isTrue();

        List<Mutation> pending = store.pending(10);
        assertThat(pending).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo(PipelineMutations.UPDATE_PROFILE.name());
            assertThat(m.args().path("baseVersion").asLong()).isEqualTo(4);
            assertThat(m.args().path("changes").fieldNames())
                    .toIterable()
                    .containsExactlyInAnyOrder("noticePeriodDays", "expectedRole");
        });
        ObjectNode shown = store.row(Entities.CANDIDATE, person).orElseThrow();
        assertThat(shown.path("noticePeriodDays").asInt()).isEqualTo(60);
        assertThat(shown.path("expectedRole").asText()).isEqualTo("Tech lead");
        assertThat(vm.freshness(opened(), field("noticePeriodDays")))
                .as("the stamp renewed at once")
                .hasValue("updated just now");
        assertThat(vm.freshness(opened(), field("currentCtc"))).hasValue("never updated");
        assertThat(failures).isEmpty();
    }

    @Test
    void aBadValueIsRefusedAndNothingIsQueued() {
        Profile.View v = opened();
        Map<String, String> typed = ProfileForm.texts(v.person());
        typed.put("noticePeriodDays", "900");
        typed.put("expectedRole", "Tech lead");

        assertThat(vm.save(v, typed)).isFalse();
        assertThat(vm.check(v, typed).problems()).containsExactly("The notice period (days) is at most 365.");
        assertThat(store.pending(10)).isEmpty();
        assertThat(store.row(Entities.CANDIDATE, person)
                        .orElseThrow()
                        .path("noticePeriodDays")
                        .asInt())
                .isEqualTo(30);
    }

    @Test
    void aRoleIsQueuedAndShownAtOnceAndABadOneIsRefusedWithoutSending() {
        Profile.View v = opened();
        List<List<Profile.Role>> shown = new ArrayList<>();

        assertThat(vm.saveRole(v, null, "TCS", "Analyst", "2020-01-01", "2019-06-30", false, shown::add))
                .containsExactly("The role cannot end before it started.");
        assertThat(store.pending(10)).isEmpty();
        assertThat(shown).isEmpty();

        assertThat(vm.saveRole(v, null, "TCS", "Analyst", "2018-01-01", "2021-03-31", false, shown::add))
                .isEmpty();
        assertThat(store.pending(10))
                .singleElement()
                .satisfies(m -> assertThat(m.name()).isEqualTo(PipelineMutations.SAVE_WORK_HISTORY.name()));
        assertThat(shown)
                .singleElement()
                .satisfies(roles ->
                        assertThat(roles).extracting(Profile.Role::company).containsExactly("Infosys", "TCS"));

        // Changed in place: the same role, a new title, nothing added.
        java.util.UUID tcs = shown.getFirst().get(1).id();
        assertThat(vm.saveRole(v, tcs, "TCS", "Senior analyst", "2018-01-01", "2021-03-31", false, shown::add))
                .isEmpty();
        assertThat(shown.getLast())
                .extracting(Profile.Role::id)
                .containsExactly(shown.getFirst().get(0).id(), tcs);
        assertThat(shown.getLast().get(1).title()).isEqualTo("Senior analyst");
        assertThat(vm.saveRole(v, tcs, "", "Senior analyst", "2018-01-01", "2021-03-31", false, shown::add))
                .containsExactly("A role needs the company's name.");
        assertThat(shown.getLast().get(1).company()).isEqualTo("TCS");

        vm.removeRole(v, tcs, shown::add);
        assertThat(shown.getLast()).extracting(Profile.Role::company).containsExactly("Infosys");
        assertThat(store.pending(10)).hasSize(3);
    }
}
