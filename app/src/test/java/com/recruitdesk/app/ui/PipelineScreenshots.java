package com.recruitdesk.app.ui;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.recruitdesk.app.AppConfig;
import com.recruitdesk.app.RecruitDeskApp;
import com.recruitdesk.app.main.MainView;
import com.recruitdesk.app.main.SignOutDialog;
import com.recruitdesk.app.pipelines.PipelinesPane;
import com.recruitdesk.app.pipelines.PipelinesView;
import com.recruitdesk.app.pipelines.PipelinesViewModel;
import com.recruitdesk.app.pipelines.PrescreenEditor;
import com.recruitdesk.app.pipelines.data.Card;
import com.recruitdesk.app.pipelines.data.PrescreenQuestions;
import com.recruitdesk.app.signin.SignInView;
import com.recruitdesk.app.status.StatusBarView;
import com.recruitdesk.app.support.CuttableLink;
import com.recruitdesk.app.support.LiveServer;
import com.recruitdesk.app.sync.SyncSettings;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.sync.Entities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/**
 * The Pipelines pane's screenshots by role ({@code docs/screenshots/pipelines-*.png}): the list
 * sorted by match score, the form that adds someone new and the job's prescreen questions, as a recruiter; the merge dialog of an edit a manager overlapped while the
 * recruiter's laptop was offline (a real conflict, through a cable this tool cuts), the board as a
 * manager and, with cards chosen in two lanes (to move or reject together), as an administrator. Its own server;
 * {@code PipelineScreenshots <output-dir> <app-home>} alone, or after {@link Screenshots}.
 */
public final class PipelineScreenshots {
    private PipelineScreenshots() {}

    public static void main(String[] args) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        int status = 0;
        try {
            take(Path.of(args[0]), Path.of(args[1]));
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        }
        Platform.exit();
        System.exit(status);
    }

    /** Takes the shots; the JavaFX toolkit is running. */
    static void take(Path out, Path home) throws Exception {
        Files.createDirectories(out);
        try (LiveServer server = LiveServer.start();
                CuttableLink link = CuttableLink.to(server.port())) {
            shoot(server, link, out, home);
        }
    }

    private static void shoot(LiveServer server, CuttableLink link, Path out, Path home) throws Exception {
        RecruitDeskApp app = new RecruitDeskApp(new AppConfig(
                home.resolve("laptop"),
                Optional.empty(),
                new SyncSettings(Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ofSeconds(1), 500)));
        Stage stage = Screenshots.onFx(() -> {
            Stage s = new Stage();
            try {
                app.start(s);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            s.setWidth(Screenshots.WIDTH);
            s.setHeight(Screenshots.HEIGHT);
            return s;
        });
        Scene scene = stage.getScene();
        Screenshots.await(() -> SignInView.ID.equals(scene.getRoot().getId()));
        Screenshots.onFx(() -> {
            ((ComboBox<?>) scene.lookup("#" + SignInView.SERVER_ID))
                    .getEditor()
                    .setText(link.url().replace("http://", ""));
            return null;
        });

        // A recruiter: the list, sorted by match score, best first.
        PipelinesViewModel vm = signInToPipelines(app, scene, "recruiter@demo.test");
        Screenshots.onFx(() -> {
            ((ButtonBase) scene.lookup("#" + PipelinesView.SHOW_LIST_ID)).fire();
            @SuppressWarnings("unchecked")
            javafx.scene.control.TableView<Card> table =
                    (javafx.scene.control.TableView<Card>) scene.lookup("#" + PipelinesView.LIST_ID);
            var score = table.getColumns().stream()
                    .filter(c -> c.getText().equals("Score"))
                    .findFirst()
                    .orElseThrow();
            score.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
            table.getSortOrder().clear();
            table.getSortOrder().add(score);
            return null;
        });
        Screenshots.settle();
        Screenshots.snapshot(scene, out.resolve("pipelines-list-recruiter.png"));

        // Adding someone new to the job, with the number typed the local way.
        Screenshots.onFx(() -> {
            ((ButtonBase) scene.lookup("#" + PipelinesView.ADD_PERSON_ID)).fire();
            return null;
        });
        Screenshots.await(() -> dialogWith(PipelinesView.ADD_PERSON_NAME_ID) != null);
        Screenshots.onFx(() -> {
            Scene form = dialogWith(PipelinesView.ADD_PERSON_NAME_ID);
            ((TextField) form.lookup("#" + PipelinesView.ADD_PERSON_NAME_ID)).setText("Lindiwe Mthembu");
            ((TextField) form.lookup("#" + PipelinesView.ADD_PERSON_PHONE_ID)).setText("082 555 0142");
            ((TextField) form.lookup("#" + PipelinesView.ADD_PERSON_EMAIL_ID)).setText("lindiwe@example.test");
            return null;
        });
        Screenshots.settle();
        Screenshots.snapshot(dialogWith(PipelinesView.ADD_PERSON_NAME_ID), out.resolve("pipelines-add-person.png"));
        Screenshots.onFx(() -> {
            dialogWith(PipelinesView.ADD_PERSON_NAME_ID).getWindow().hide();
            return null;
        });

        // The job's prescreen questions, the must-have one chosen in the form.
        Screenshots.onFx(() -> {
            ((ButtonBase) scene.lookup("#" + PipelinesView.PRESCREEN_ID)).fire();
            return null;
        });
        Screenshots.await(() -> {
            Scene editor = dialogWith(PrescreenEditor.LIST_ID);
            return editor != null
                    && !((ListView<?>) editor.lookup("#" + PrescreenEditor.LIST_ID))
                            .getItems()
                            .isEmpty();
        });
        Screenshots.onFx(() -> {
            @SuppressWarnings("unchecked")
            ListView<PrescreenQuestions.Row> questions = (ListView<PrescreenQuestions.Row>)
                    dialogWith(PrescreenEditor.LIST_ID).lookup("#" + PrescreenEditor.LIST_ID);
            questions
                    .getSelectionModel()
                    .select(questions.getItems().stream()
                            .filter(r -> r.question().mustHave())
                            .findFirst()
                            .orElse(questions.getItems().getFirst()));
            return null;
        });
        Screenshots.settle();
        Screenshots.snapshot(dialogWith(PrescreenEditor.LIST_ID), out.resolve("pipelines-prescreen-editor.png"));
        Screenshots.onFx(() -> {
            dialogWith(PrescreenEditor.LIST_ID).getWindow().hide();
            return null;
        });

        profile(server, scene, vm, out);

        // The same recruiter edits offline while a manager changes the same remarks: the merge.
        Card card = Screenshots.onFx(() -> vm.lane("screening").isEmpty()
                ? vm.lane("new").getFirst()
                : vm.lane("screening").getFirst());
        try (SecondClient manager = SecondClient.signIn(server, "manager@demo.test", home.resolve("manager"))) {
            Screenshots.onFx(() -> {
                ((ButtonBase) scene.lookup("#" + PipelinesView.SHOW_BOARD_ID)).fire();
                vm.selectedProperty().set(card.id());
                return null;
            });
            Screenshots.await(() -> scene.lookup("#" + PipelinesView.REMARKS_ID) != null);
            link.cut();
            Screenshots.await(() -> "Offline".equals(((Label) scene.lookup("#" + StatusBarView.STATE_ID)).getText()));
            Screenshots.onFx(() -> {
                ((TextArea) scene.lookup("#" + PipelinesView.REMARKS_ID))
                        .setText("Call back Monday after 10; wants the night shift");
                ((ButtonBase) scene.lookup("#" + PipelinesView.APPROVED_ID)).fire();
                ((ButtonBase) scene.lookup("#" + PipelinesView.DETAIL_SAVE_ID)).fire();
                return null;
            });
            manager.submit(
                    PipelineMutations.UPDATE_APPLICATION,
                    new PipelineMutations.UpdateApplication(
                            card.id(),
                            manager.version(Entities.APPLICATION, card.id()),
                            JsonNodeFactory.instance
                                    .objectNode()
                                    .put("followUpRemarks", "Prefers mornings; spoke to her on Friday")));
            Screenshots.await(() -> "Prefers mornings; spoke to her on Friday"
                    .equals(server.text("select follow_up_remarks from applications where id = ?", card.id())));
            link.mend();
            Screenshots.await(() -> merge() != null);
            Screenshots.onFx(() -> {
                ((ButtonBase) merge().lookup("#" + PipelinesView.mergeMineId("followUpRemarks"))).fire();
                return null;
            });
            Screenshots.settle();
            Screenshots.snapshot(merge(), out.resolve("pipelines-merge.png"));
            Screenshots.onFx(() -> {
                ((ButtonBase) merge().lookup("#" + PipelinesView.MERGE_SAVE_ID)).fire();
                return null;
            });
            Screenshots.await(() -> merge() == null);
        }

        // A manager's board.
        signOut(scene);
        signInToPipelines(app, scene, "manager@demo.test");
        Screenshots.settle();
        Screenshots.snapshot(scene, out.resolve("pipelines-board-manager.png"));

        // An administrator's board with cards chosen in two lanes, to move together.
        signOut(scene);
        signInToPipelines(app, scene, "admin@demo.test");
        Screenshots.onFx(() -> {
            for (String lane : List.of("new", "screening")) {
                @SuppressWarnings("unchecked")
                ListView<Card> list = (ListView<Card>) scene.lookup("#" + PipelinesView.laneId(lane));
                if (!list.getItems().isEmpty()) {
                    list.getSelectionModel().select(0);
                }
            }
            return null;
        });
        Screenshots.settle();
        Screenshots.snapshot(scene, out.resolve("pipelines-board-admin.png"));
        signOut(scene);
        Screenshots.onFx(() -> {
            app.stop();
            stage.close();
            return null;
        });
    }

    /**
     * The master profile of a person on the board, filled in as a recruiter would have over a few
     * calls (stamps of different ages) and with two roles on file; the form scrolled to the stamped
     * fields of sections B and C.
     */
    private static void profile(LiveServer server, Scene scene, PipelinesViewModel vm, Path out) throws Exception {
        Card card = Screenshots.onFx(() -> vm.lane("new").isEmpty()
                ? vm.lane("screening").getFirst()
                : vm.lane("new").getFirst());
        java.util.UUID person = card.candidateId();
        long before = Screenshots.onFx(() -> vm.commands().baseVersion(Entities.CANDIDATE, person));
        server.execute("""
                update candidates set phone = '+27825550188', linkedin_url = 'https://www.linkedin.com/in/example',
                       bio = 'Runway and editorial model; four seasons of Cape Town Fashion Week.',
                       is_actively_searching = true, highest_education = 'Diploma, fashion design',
                       year_of_passing = 2019, skills = '["Runway", "Editorial", "Fittings"]',
                       certificates = '["First aid"]', total_experience_years = 4.5,
                       current_job_title = 'Freelance model', expected_role = 'Lead runway model',
                       job_type_preference = 'Contract', current_locations = '["Cape Town"]',
                       preferred_locations = '["Cape Town", "Johannesburg"]',
                       ready_to_relocate = 'open_to_discussion', notice_period_days = 14, preferred_shift = 'day',
                       current_ctc = 420000, expected_ctc = 520000, currency = 'ZAR', is_ctc_negotiable = true,
                       languages = '["English", "isiXhosa"]', preferred_contact_mode = 'whatsapp',
                       current_ctc_last_updated = now() - interval '3 months',
                       skills_last_updated = now() - interval '12 days',
                       notice_period_last_updated = now() - interval '2 hours',
                       total_experience_last_updated = now() - interval '1 year 2 months',
                       current_location_last_updated = now() - interval '40 days',
                       preferred_location_last_updated = now() - interval '40 days'
                 where id = ?""", person);
        for (String[] role : List.of(
                new String[] {"Ice Model Management", "Freelance model", "2023-03-01", null},
                new String[] {"Cape Town Fashion Council", "Fitting model", "2020-06-01", "2023-02-28"})) {
            server.execute(
                    "insert into candidate_work_history (organization_id, candidate_id, company_name, job_title,"
                            + " start_date, end_date, is_current) select organization_id, id, ?, ?, ?::date, ?::date, ?"
                            + " from candidates where id = ?",
                    role[0],
                    role[1],
                    role[2],
                    role[3],
                    role[3] == null,
                    person);
        }
        Screenshots.await(() -> vm.commands().baseVersion(Entities.CANDIDATE, person) > before);
        Screenshots.onFx(() -> {
            vm.selectedProperty().set(card.id());
            return null;
        });
        Screenshots.await(
                () -> scene.lookup("#" + PipelinesView.PROFILE_ID) instanceof ButtonBase b && !b.isDisabled());
        Screenshots.onFx(() -> {
            ((ButtonBase) scene.lookup("#" + PipelinesView.PROFILE_ID)).fire();
            return null;
        });
        Screenshots.await(() -> dialogWith(PipelinesView.PROFILE_EDITOR_ID) != null);
        focusProfileField("currentCtc"); // Tab's way down: the form scrolls to the field reached
        Screenshots.snapshot(dialogWith(PipelinesView.PROFILE_EDITOR_ID), out.resolve("pipelines-profile.png"));
        focusProfileField("alternateEmail");
        Screenshots.snapshot(dialogWith(PipelinesView.PROFILE_EDITOR_ID), out.resolve("pipelines-profile-history.png"));
        // Values the server would refuse, refused here in its words before anything is sent.
        Screenshots.onFx(() -> {
            Scene form = dialogWith(PipelinesView.PROFILE_EDITOR_ID);
            ((TextField) form.lookup("#" + PipelinesView.profileFieldId("noticePeriodDays"))).setText("900");
            ((TextField) form.lookup("#" + PipelinesView.profileFieldId("currency"))).setText("rand");
            ((ButtonBase) form.lookup("#" + PipelinesView.PROFILE_SAVE_ID)).fire();
            return null;
        });
        focusProfileField("noticePeriodDays");
        Screenshots.snapshot(
                dialogWith(PipelinesView.PROFILE_EDITOR_ID), out.resolve("pipelines-profile-problems.png"));
        Screenshots.onFx(() -> {
            dialogWith(PipelinesView.PROFILE_EDITOR_ID).getWindow().hide();
            return null;
        });
    }

    private static void focusProfileField(String name) throws Exception {
        Screenshots.onFx(() -> {
            dialogWith(PipelinesView.PROFILE_EDITOR_ID)
                    .lookup("#" + PipelinesView.profileFieldId(name))
                    .requestFocus();
            return null;
        });
        Screenshots.settle();
    }

    private static PipelinesViewModel signInToPipelines(RecruitDeskApp app, Scene scene, String email)
            throws Exception {
        Screenshots.onFx(() -> {
            ((TextField) scene.lookup("#" + SignInView.EMAIL_ID)).setText(email);
            ((PasswordField) scene.lookup("#" + SignInView.PASSWORD_ID)).setText("demo-password");
            ((ButtonBase) scene.lookup("#" + SignInView.BUTTON_ID)).fire();
            return null;
        });
        Screenshots.await(() -> MainView.ID.equals(scene.getRoot().getId()));
        Screenshots.await(() -> "Online".equals(((Label) scene.lookup("#" + StatusBarView.STATE_ID)).getText()));
        Screenshots.onFx(() -> {
            ((ButtonBase) scene.lookup("#" + PipelinesPane.FACTORY.navigationId())).fire();
            return null;
        });
        PipelinesViewModel vm = Screenshots.onFx(
                () -> app.pane(PipelinesPane.class).orElseThrow().viewModel());
        Screenshots.await(() -> vm.jobs().stream().anyMatch(j -> j.title().startsWith("Runway")));
        Screenshots.onFx(() -> {
            vm.jobProperty()
                    .set(vm.jobs().stream()
                            .filter(j -> j.title().startsWith("Runway"))
                            .findFirst()
                            .orElseThrow());
            return null;
        });
        Screenshots.await(() -> PipelinesViewModel.LANES.stream()
                        .mapToInt(l -> vm.lane(l).size())
                        .sum()
                > 3);
        return vm;
    }

    private static void signOut(Scene scene) throws Exception {
        // Signing out asks whether to keep this computer's copy, in a dialog of its own.
        Platform.runLater(() -> ((ButtonBase) scene.lookup("#" + MainView.SIGN_OUT_ID)).fire());
        Screenshots.await(() -> Screenshots.signOutDialog() != null);
        Screenshots.onFx(() -> {
            ((ButtonBase) Screenshots.signOutDialog().lookup("#" + SignOutDialog.CONFIRM_ID)).fire();
            return null;
        });
        Screenshots.await(() -> SignInView.ID.equals(scene.getRoot().getId()));
    }

    /** The open merge dialog's scene, or null (on the FX thread). */
    private static Scene merge() {
        return dialogWith(PipelinesView.MERGE_ID);
    }

    /** The scene of the open window holding a node with {@code id}, or null (on the FX thread). */
    private static Scene dialogWith(String id) {
        return javafx.stage.Window.getWindows().stream()
                .map(javafx.stage.Window::getScene)
                .filter(s -> s != null && s.lookup("#" + id) != null)
                .findFirst()
                .orElse(null);
    }
}
