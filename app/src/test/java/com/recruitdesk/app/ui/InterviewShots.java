package com.recruitdesk.app.ui;

import com.recruitdesk.app.RecruitDeskApp;
import com.recruitdesk.app.UserSession;
import com.recruitdesk.app.interviews.AgendaEntry;
import com.recruitdesk.app.interviews.InterviewsPane;
import com.recruitdesk.app.interviews.InterviewsView;
import com.recruitdesk.app.interviews.InterviewsViewModel;
import com.recruitdesk.app.interviews.RatingField;
import com.recruitdesk.app.interviews.data.Directory;
import com.recruitdesk.app.interviews.data.InterviewItem;
import com.recruitdesk.app.interviews.data.Kit;
import com.recruitdesk.app.interviews.data.Schedule;
import com.recruitdesk.app.main.MainView;
import com.recruitdesk.app.main.SignOutDialog;
import com.recruitdesk.app.signin.SignInView;
import com.recruitdesk.app.status.StatusBarView;
import com.recruitdesk.app.support.LiveServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;

/**
 * The Interviews pane's screenshots, taken by {@link Screenshots} from the real app against the real
 * demo server: an interviewer's week and kit, the sealed state, the bell, a scorecard half filled in
 * offline; then a manager's scheduler with a clash and "who said what".
 */
final class InterviewShots {
    private final RecruitDeskApp app;
    private final Scene scene;
    private final LiveServer server;
    private final Path out;

    InterviewShots(RecruitDeskApp app, Scene scene, LiveServer server, Path out) {
        this.app = app;
        this.scene = scene;
        this.server = server;
        this.out = out;
    }

    void take() throws Exception {
        signInAs("interviewer@demo.test");
        InterviewsViewModel vm = interviews();
        Screenshots.await(() -> vm.agenda().entries().size() > 3);
        UserSession session = app.session().orElseThrow();

        // My week with today's interview open: its kit beside the agenda.
        InterviewItem today = firstUpcoming(vm);
        Screenshots.await(() -> vm.agenda().select(today.id()));
        Screenshots.await(() -> vm.kit().kitProperty().get() != null
                && vm.kit().kitProperty().get().interview().id().equals(today.id()));
        Screenshots.settle();
        Screenshots.snapshot(scene, out.resolve("interviews-week.png"));

        // The interview the other two have scored: "submit yours to see 2 others".
        UUID sealed = sealedInterview(session, vm);
        Screenshots.await(() -> vm.agenda().select(sealed));
        Screenshots.await(() -> vm.kit().kitProperty().get() != null
                && vm.kit().kitProperty().get().interview().id().equals(sealed)
                && scene.lookup("#" + InterviewsView.SEALED_ID) != null);
        Screenshots.settle();
        Screenshots.snapshot(scene, out.resolve("interviews-kit-sealed.png"));

        Screenshots.onFx(() -> {
            vm.bell().openProperty().set(true);
            return null;
        });
        Screenshots.await(() -> !vm.bell().items().isEmpty());
        Screenshots.settle();
        Screenshots.snapshot(scene, out.resolve("interviews-bell.png"));
        Screenshots.onFx(() -> {
            vm.bell().openProperty().set(false);
            return null;
        });

        // Offline, half of the scorecard filled in: saved on this computer as it is typed.
        server.stop();
        Screenshots.await(() -> "Offline".equals(((Label) scene.lookup("#" + StatusBarView.STATE_ID)).getText()));
        Screenshots.onFx(() -> {
            var form = vm.scorecard().form();
            List<RatingField> criteria = form.criteria();
            criteria.get(0).rating().set(4);
            criteria.get(0).note().set("Wrote the SQL join first time; shaky on indexes");
            criteria.get(1).rating().set(5);
            criteria.get(1).note().set("Calm, clear, listens");
            criteria.get(2).rating().set(3);
            form.strengthsProperty().set("Knows the warehouse floor; good with people.");
            form.detailedNotesProperty()
                    .set("Walked us through a stock-take that went wrong and what they changed. Asked");
            return null;
        });
        Screenshots.await(() -> vm.scorecard().savedProperty().get().startsWith("Draft saved"));
        Screenshots.settle();
        Screenshots.snapshot(scene, out.resolve("interviews-scorecard-offline.png"));
        server.restart();
        Screenshots.await(() -> "Online".equals(((Label) scene.lookup("#" + StatusBarView.STATE_ID)).getText()));

        // A manager schedules: the time they pick clashes with Ivy's interview of this afternoon.
        signInAs("manager@demo.test");
        Screenshots.onFx(() -> {
            ((ToggleButton) scene.lookup("#nav-interviews")).setSelected(true);
            return null;
        });
        InterviewsViewModel staff = interviews();
        Screenshots.await(() -> staff.scheduler().openings().size() > 3
                && !staff.scheduler().upcoming().isEmpty());
        InterviewItem busy = staff.scheduler().upcoming().stream()
                .filter(i -> i.status().equals("scheduled") && i.scheduledAt().isAfter(Instant.now()))
                .findFirst()
                .orElseThrow();
        ZoneId zone = ZoneId.of(busy.timezone());
        Screenshots.onFx(() -> {
            var s = staff.scheduler();
            s.newInterview();
            Directory.Opening other = s.openings().stream()
                    .filter(o -> !o.candidateId().equals(busy.candidateId()))
                    .findFirst()
                    .orElseThrow();
            s.openingProperty().set(other);
            s.typeProperty().set("behavioral");
            s.dateProperty().set(LocalDate.ofInstant(busy.scheduledAt(), zone));
            s.timezoneProperty().set(zone.getId());
            s.timeProperty()
                    .set(DateTimeFormatter.ofPattern("HH:mm")
                            .format(busy.scheduledAt()
                                    .plus(Duration.ofMinutes(15))
                                    .atZone(zone)));
            s.leadProperty()
                    .set(s.colleagues().stream()
                            .filter(c -> c.id().equals(busy.lead().userId()))
                            .findFirst()
                            .orElseThrow());
            s.linkProperty().set("https://meet.recruitdesk.test/behavioral");
            s.guideProperty().set("1. A time you disagreed with a manager. 2. How you plan a week.");
            return null;
        });
        Screenshots.await(() -> !staff.scheduler().clashProperty().get().isEmpty());
        Screenshots.settle();
        Screenshots.snapshot(scene, out.resolve("interviews-schedule-clash.png"));

        Screenshots.onFx(() -> {
            staff.tabProperty().set(InterviewsViewModel.Tab.COMPARE);
            return null;
        });
        Screenshots.await(() -> staff.compare().subjects().size() > 1);
        Screenshots.onFx(() -> {
            staff.compare()
                    .selectedProperty()
                    .set(staff.compare().subjects().stream()
                            .max(Comparator.comparingInt(
                                    com.recruitdesk.app.interviews.data.Scorecards.Subject::scorecards))
                            .orElseThrow());
            return null;
        });
        Screenshots.await(() -> staff.compare().tableProperty().get() != null
                && staff.compare().tableProperty().get().interviewers().size() > 1);
        Screenshots.settle();
        Screenshots.snapshot(scene, out.resolve("interviews-who-said-what.png"));
    }

    private InterviewsViewModel interviews() throws Exception {
        Screenshots.await(() -> app.pane(InterviewsPane.class).isPresent());
        return app.pane(InterviewsPane.class).orElseThrow().viewModel();
    }

    private static InterviewItem firstUpcoming(InterviewsViewModel vm) throws Exception {
        return Screenshots.onFx(() -> vm.agenda().entries().stream()
                .filter(AgendaEntry.Entry.class::isInstance)
                .map(e -> (AgendaEntry.Entry) e)
                .filter(e -> !e.toScore())
                .map(AgendaEntry.Entry::interview)
                .findFirst()
                .orElseThrow());
    }

    /** The interview of the agenda whose kit holds back two scorecards. */
    private static UUID sealedInterview(UserSession s, InterviewsViewModel vm) throws Exception {
        List<InterviewItem> items = Screenshots.onFx(() -> vm.agenda().entries().stream()
                .filter(AgendaEntry.Entry.class::isInstance)
                .map(e -> ((AgendaEntry.Entry) e).interview())
                .toList());
        Schedule schedule = new Schedule(s.store());
        for (InterviewItem i : items) {
            InterviewItem fresh = schedule.byId(i.id()).orElseThrow();
            if (Kit.load(s.store(), fresh, s.user().id()).sealed() == 2) {
                return i.id();
            }
        }
        throw new IllegalStateException("no interview with two sealed scorecards in the demo");
    }

    private void signInAs(String email) throws Exception {
        if (MainView.ID.equals(scene.getRoot().getId())) {
            // Signing out asks whether to keep this computer's copy, in a dialog of its own.
            javafx.application.Platform.runLater(() -> ((Button) scene.lookup("#" + MainView.SIGN_OUT_ID)).fire());
            Screenshots.await(() -> Screenshots.signOutDialog() != null);
            Screenshots.onFx(() -> {
                ((Button) Screenshots.signOutDialog().lookup("#" + SignOutDialog.CONFIRM_ID)).fire();
                return null;
            });
        }
        Screenshots.await(() -> SignInView.ID.equals(scene.getRoot().getId()));
        Screenshots.onFx(() -> {
            ((TextField) scene.lookup("#" + SignInView.EMAIL_ID)).setText(email);
            ((PasswordField) scene.lookup("#" + SignInView.PASSWORD_ID)).setText("demo-password");
            ((Button) scene.lookup("#" + SignInView.BUTTON_ID)).fire();
            return null;
        });
        Screenshots.await(() -> MainView.ID.equals(scene.getRoot().getId()));
        Screenshots.await(() -> "Online".equals(((Label) scene.lookup("#" + StatusBarView.STATE_ID)).getText()));
    }
}
