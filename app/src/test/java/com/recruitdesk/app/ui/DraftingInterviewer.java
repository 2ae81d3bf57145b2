package com.recruitdesk.app.ui;

import com.recruitdesk.app.AppConfig;
import com.recruitdesk.app.RecruitDeskApp;
import com.recruitdesk.app.interviews.InterviewsPane;
import com.recruitdesk.app.interviews.InterviewsView;
import com.recruitdesk.app.interviews.InterviewsViewModel;
import com.recruitdesk.app.interviews.ScorecardViewModel;
import com.recruitdesk.app.interviews.data.Drafts;
import com.recruitdesk.app.status.StatusBarView;
import com.recruitdesk.app.sync.SyncSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;

/**
 * Run in a child JVM by {@link InterviewsPaneTest}: the real app (headless), signed in as the demo
 * interviewer. Says "online"; then, told an interview's id on its input (the server is down by then),
 * types into that interview's scorecard, says "typed" once the draft is saved, and waits to be killed.
 * {@code DraftingInterviewer <app-home> <server-url> <email> <password>}.
 */
public final class DraftingInterviewer {
    /** What the child types, one character at a time, into the strengths and the detailed notes. */
    static final String STRENGTHS = "Explains trade-offs plainly";

    static final String NOTES = "Solved the join exercise in twelve minutes, then";

    private DraftingInterviewer() {}

    public static void main(String[] args) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        RecruitDeskApp app = new RecruitDeskApp(new AppConfig(
                Path.of(args[0]),
                Optional.of(new AppConfig.AutoSignIn(args[1], args[2], args[3])),
                new SyncSettings(Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMillis(500), 500)));
        Stage stage = Screenshots.onFx(() -> {
            Stage s = new Stage();
            try {
                app.start(s);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return s;
        });
        Scene scene = stage.getScene();
        Screenshots.await(() -> app.pane(InterviewsPane.class).isPresent()
                && scene.lookup("#" + StatusBarView.STATE_ID) instanceof Label l
                && "Online".equals(l.getText()));
        InterviewsViewModel vm = app.pane(InterviewsPane.class).orElseThrow().viewModel();
        Screenshots.await(() -> !vm.agenda().entries().isEmpty());
        System.out.println("online");
        System.out.flush();

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        UUID interview = UUID.fromString(in.readLine().strip());
        Screenshots.await(
                () -> scene.lookup("#" + StatusBarView.STATE_ID) instanceof Label l && "Offline".equals(l.getText()));
        Screenshots.await(() -> vm.agenda().select(interview));
        Screenshots.await(() -> vm.scorecard().modeProperty().get() == ScorecardViewModel.Mode.EDITING
                && vm.scorecard().interviewProperty().get().id().equals(interview));
        for (var field :
                List.of(List.of(InterviewsView.STRENGTHS_ID, STRENGTHS), List.of(InterviewsView.NOTES_ID, NOTES))) {
            for (char ch : field.get(1).toCharArray()) {
                Screenshots.onFx(() -> {
                    ((TextArea) scene.lookup("#" + field.get(0))).appendText(String.valueOf(ch));
                    return null;
                });
            }
        }
        Drafts drafts = new Drafts(app.session().orElseThrow().store());
        Screenshots.await(() -> drafts.of(interview)
                .map(d -> NOTES.equals(d.scorecard().detailedNotes())
                        && STRENGTHS.equals(d.scorecard().strengths()))
                .orElse(false));
        System.out.println("typed");
        System.out.flush();
        while (in.readLine() != null) {
            // waits to be killed; ends by itself if the test goes away first
        }
        System.exit(0);
    }
}
