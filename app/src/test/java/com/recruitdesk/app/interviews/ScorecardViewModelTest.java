package com.recruitdesk.app.interviews;

import static com.recruitdesk.app.interviews.data.InterviewData.COLLEAGUE;
import static com.recruitdesk.app.interviews.data.InterviewData.ME;
import static com.recruitdesk.app.interviews.data.InterviewData.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.Features;
import com.recruitdesk.app.common.DirectTaskExecutor;
import com.recruitdesk.app.format.Times;
import com.recruitdesk.app.interviews.data.Drafts;
import com.recruitdesk.app.interviews.data.InterviewCommands;
import com.recruitdesk.app.interviews.data.InterviewData;
import com.recruitdesk.app.interviews.data.Kit;
import com.recruitdesk.app.interviews.data.Schedule;
import com.recruitdesk.app.interviews.data.Scorecards;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.support.StoreSubmitter;
import com.recruitdesk.protocol.interviews.InterviewMutations;
import com.recruitdesk.protocol.sync.Mutation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scorecard's view model over a real store, without a toolkit: saved as typed, submitted once, kept when refused. */
class ScorecardViewModelTest {
    @TempDir
    Path dir;

    private LocalStore store;
    private ScorecardViewModel vm;
    private UUID interview;

    @BeforeEach
    void open() {
        store = LocalStore.open(dir.resolve("store.db"), Features.STORE_RULES);
        InterviewData data = new InterviewData(store);
        UUID person = data.person("Thandi Mokoena");
        UUID job = data.job("Warehouse supervisor", "Forklift licence");
        interview = data.interview(person, job, Duration.ofHours(-2), 45, "completed", ME, COLLEAGUE);
        data.pull();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        InterviewCommands commands = new InterviewCommands(store, new StoreSubmitter(store, clock), ME, clock);
        vm = new ScorecardViewModel(
                commands, new DirectTaskExecutor(), new Times(clock, ZoneOffset.UTC), ME, "Ivy Interviewer");
        vm.show(kit());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Kit kit() {
        return Kit.load(store, new Schedule(store).byId(interview).orElseThrow(), ME);
    }

    @Test
    void whatIsTypedIsSavedOnThisComputerAtOnce() {
        assertThat(vm.modeProperty().get()).isEqualTo(ScorecardViewModel.Mode.EDITING);
        assertThat(vm.form().skills()).extracting(RatingField::key).containsExactly("Forklift licence");

        vm.form().criteria().getFirst().rating().set(4);
        vm.form().skills().getFirst().note().set("Licence valid to 2028");
        vm.form().strengthsProperty().set("Calm under pressure");

        Drafts.Draft draft = new Drafts(store).of(interview).orElseThrow();
        assertThat(draft.scorecard().criteria().get("technical_skills").rating())
                .isEqualTo(4);
        assertThat(draft.scorecard().skills().getFirst().note()).isEqualTo("Licence valid to 2028");
        assertThat(draft.scorecard().strengths()).isEqualTo("Calm under pressure");
        assertThat(vm.savedProperty().get()).isEqualTo("Draft saved on this computer at 08:00");
    }

    @Test
    void aScorecardWithoutItsVerdictIsNotSubmittedAndSaysWhy() {
        vm.form().strengthsProperty().set("Calm");

        vm.submit();

        assertThat(vm.problemProperty().get()).isEqualTo("Give an overall rating from 1 to 5.");
        assertThat(vm.modeProperty().get()).isEqualTo(ScorecardViewModel.Mode.EDITING);
        assertThat(store.pendingCount()).isZero();
    }

    @Test
    void submittingQueuesItShowsItAtOnceAndARefusalGivesTheDraftBack() {
        vm.form().overallProperty().set(4);
        vm.form().recommendationProperty().set("hire");
        vm.form().detailedNotesProperty().set("Ran the exercise well");

        vm.submit();

        assertThat(vm.modeProperty().get()).isEqualTo(ScorecardViewModel.Mode.WAITING);
        Mutation queued = store.pending(10).getFirst();
        assertThat(queued.name()).isEqualTo(InterviewMutations.SUBMIT_FEEDBACK.name());
        assertThat(new Scorecards(store).mine(interview, ME).orElseThrow().pending())
                .isTrue();
        assertThat(new Drafts(store).of(interview).orElseThrow().submittedAs()).isEqualTo(queued.id());

        assertThat(vm.refused(queued.id())).isTrue();

        assertThat(vm.modeProperty().get()).isEqualTo(ScorecardViewModel.Mode.EDITING);
        Drafts.Draft kept = new Drafts(store).of(interview).orElseThrow();
        assertThat(kept.submittedAs()).isNull();
        assertThat(kept.scorecard().detailedNotes()).isEqualTo("Ran the exercise well");
    }
}
