package com.recruitdesk.app.interviews.data;

import static com.recruitdesk.app.interviews.data.InterviewData.COLLEAGUE;
import static com.recruitdesk.app.interviews.data.InterviewData.MANAGER;
import static com.recruitdesk.app.interviews.data.InterviewData.ME;
import static com.recruitdesk.app.interviews.data.InterviewData.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.Features;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.interviews.InterviewMutations.Details;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Interviews pane's reads over a real local store: the schedule, clashes, the kit's seal, who said what. */
class InterviewReadsTest {
    @TempDir
    Path dir;

    private LocalStore store;
    private InterviewData data;
    private UUID person;
    private UUID job;

    @BeforeEach
    void open() {
        store = LocalStore.open(dir.resolve("store.db"), Features.STORE_RULES);
        data = new InterviewData(store);
        person = data.person("Thandi Mokoena");
        job = data.job("Warehouse supervisor", "Forklift licence", "SAP");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static String local(Duration from) {
        return LocalDateTime.ofInstant(NOW.plus(from), ZoneId.of("Africa/Johannesburg"))
                .toString();
    }

    private static Details at(Duration from, int minutes, UUID lead, UUID... panel) {
        return new Details(
                "technical",
                "video",
                local(from),
                "Africa/Johannesburg",
                minutes,
                lead,
                List.of(panel),
                null,
                null,
                null,
                null);
    }

    @Test
    void theWeekHoldsOnlyTheInterviewsOnesOwnPanelSits() {
        UUID mine = data.interview(person, job, Duration.ofHours(2), 45, "scheduled", ME, COLLEAGUE);
        UUID theirs = data.interview(person, job, Duration.ofHours(3), 45, "scheduled", COLLEAGUE);
        data.pull();

        Schedule schedule = new Schedule(store);

        assertThat(schedule.between(NOW, NOW.plus(Duration.ofDays(1)), ME))
                .extracting(InterviewItem::id)
                .containsExactly(mine);
        assertThat(schedule.between(NOW, NOW.plus(Duration.ofDays(1)), null))
                .extracting(InterviewItem::id)
                .containsExactly(mine, theirs);
        InterviewItem item = schedule.byId(mine).orElseThrow();
        assertThat(item.candidateName()).isEqualTo("Thandi Mokoena");
        assertThat(item.jobTitle()).isEqualTo("Warehouse supervisor");
        assertThat(item.lead().userId()).isEqualTo(ME);
        assertThat(item.panel())
                .extracting(InterviewItem.Seat::name)
                .containsExactly("Ivy Interviewer", "Ian Interviewer");
    }

    @Test
    void aClashIsAnOpenInterviewOfSomeoneOnThePanelThatOverlaps() {
        UUID busy = data.interview(person, job, Duration.ofHours(2), 60, "scheduled", COLLEAGUE);
        data.interview(person, job, Duration.ofHours(5), 60, "cancelled", COLLEAGUE);
        data.pull();
        Schedule schedule = new Schedule(store);
        Map<UUID, String> names = Map.of(COLLEAGUE, "Ian Interviewer", ME, "Ivy Interviewer");

        String warning = ClashWarning.of(schedule, at(Duration.ofMinutes(150), 45, ME, COLLEAGUE), null, names);

        assertThat(warning)
                .startsWith(
                        "Clash: Ian Interviewer has a technical interview with Thandi Mokoena on Tue 1 Dec, 12:00–13:00");
        assertThat(ClashWarning.of(schedule, at(Duration.ofMinutes(180), 45, ME, COLLEAGUE), null, names))
                .as("starting as the other ends")
                .isEmpty();
        assertThat(ClashWarning.of(schedule, at(Duration.ofMinutes(150), 45, ME, MANAGER), null, names))
                .as("nobody busy on this panel")
                .isEmpty();
        assertThat(ClashWarning.of(schedule, at(Duration.ofHours(5), 30, COLLEAGUE), null, names))
                .as("a cancelled interview takes no time")
                .isEmpty();
        assertThat(ClashWarning.of(schedule, at(Duration.ofMinutes(150), 45, COLLEAGUE), busy, names))
                .as("an interview being moved does not clash with itself")
                .isEmpty();
    }

    @Test
    void theKitCountsTheScorecardsStillSealedAndShowsThoseUnsealed() {
        UUID interview = data.interview(person, job, Duration.ofHours(-3), 45, "completed", ME, COLLEAGUE, MANAGER);
        data.set(interview, "feedbackSubmittedCount", 2);
        data.pull();
        Schedule schedule = new Schedule(store);

        Kit sealed = Kit.load(store, schedule.byId(interview).orElseThrow(), ME);
        assertThat(sealed.sealed()).isEqualTo(2);
        assertThat(sealed.others()).isEmpty();
        assertThat(sealed.job().requiredSkills()).containsExactly("Forklift licence", "SAP");

        data.scorecard(interview, person, job, ME, "Ivy Interviewer", "hire", 4);
        data.scorecard(interview, person, job, COLLEAGUE, "Ian Interviewer", "no_hire", 2);
        data.scorecard(interview, person, job, MANAGER, "Morgan Manager", "maybe", 3);
        data.set(interview, "feedbackSubmittedCount", 3);
        data.pull();

        Kit open = Kit.load(store, schedule.byId(interview).orElseThrow(), ME);
        assertThat(open.sealed()).isZero();
        assertThat(open.mine()).isPresent();
        assertThat(open.others())
                .extracting(FeedbackItem::interviewerName)
                .containsExactlyInAnyOrder("Ian Interviewer", "Morgan Manager");
    }

    @Test
    void whoSaidWhatReadsAmendedValuesAndSaysWhereThePanelAgreesDisagreesAndWhatNobodyRated() {
        UUID interview = data.interview(person, job, Duration.ofHours(-3), 45, "completed", ME, COLLEAGUE);
        ObjectNode mine = data.scorecard(interview, person, job, ME, "Ivy Interviewer", "hire", 4);
        data.scorecard(interview, person, job, COLLEAGUE, "Ian Interviewer", "no_hire", 4);
        data.amendment(mine, "recommendation", "hire", "strong_hire", "References");
        data.pull();
        Scorecards scorecards = new Scorecards(store);

        WhoSaidWhat table = scorecards.compare(scorecards.subjects().getFirst());

        assertThat(table.interviewers()).containsExactly("Ivy Interviewer", "Ian Interviewer");
        WhoSaidWhat.Line recommendation = line(table, "recommendation");
        assertThat(recommendation.values()).containsExactly("Strong hire", "No hire");
        assertThat(recommendation.verdict()).isEqualTo(WhoSaidWhat.Verdict.DISAGREE);
        assertThat(line(table, "overall_rating").verdict()).isEqualTo(WhoSaidWhat.Verdict.AGREE);
        assertThat(line(table, "skill:SQL").values()).containsExactly("4", "4");
        assertThat(line(table, "skill:Forklift licence").verdict()).isEqualTo(WhoSaidWhat.Verdict.NOBODY);
        assertThat(table.unrated()).containsExactly("Problem solving", "Culture fit", "Forklift licence", "SAP");
    }

    private static WhoSaidWhat.Line line(WhoSaidWhat t, String key) {
        return t.lines().stream().filter(l -> l.key().equals(key)).findFirst().orElseThrow();
    }
}
