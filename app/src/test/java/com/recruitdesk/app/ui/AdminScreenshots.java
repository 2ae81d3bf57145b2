package com.recruitdesk.app.ui;

import com.recruitdesk.app.AppConfig;
import com.recruitdesk.app.RecruitDeskApp;
import com.recruitdesk.app.admin.AdminPane;
import com.recruitdesk.app.admin.AdminView;
import com.recruitdesk.app.admin.AdminViewModel;
import com.recruitdesk.app.admin.data.NumberRow;
import com.recruitdesk.app.admin.data.UserRow;
import com.recruitdesk.app.main.MainView;
import com.recruitdesk.app.signin.SignInView;
import com.recruitdesk.app.status.StatusBarView;
import com.recruitdesk.app.support.LiveServer;
import com.recruitdesk.app.sync.SyncSettings;
import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.server.admin.GraphBusiness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import mockwebserver3.MockWebServer;

/**
 * The Administration pane's screenshots ({@code docs/screenshots/admin-*.png}): the users with an
 * invitation's temporary password, a Cloud API number's health as Meta reported it (Meta's Graph API
 * played by a MockWebServer), the templates, the settings and the activity log as an administrator,
 * and the users as a manager reads them. Its own server, so Meta can be played;
 * {@code AdminScreenshots <output-dir> <app-home>} alone, or after {@link Screenshots}.
 */
public final class AdminScreenshots {
    private AdminScreenshots() {}

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
        try (MockWebServer graph = new MockWebServer()) {
            graph.setDispatcher(new GraphBusiness());
            graph.start();
            try (LiveServer server = LiveServer.start(GraphBusiness.env(graph))) {
                shoot(server, out, home);
            }
        }
    }

    private static void shoot(LiveServer server, Path out, Path home) throws Exception {
        RecruitDeskApp app = new RecruitDeskApp(new AppConfig(
                home,
                Optional.empty(),
                new SyncSettings(Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ofSeconds(2), 500)));
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
                    .setText(server.url().replace("http://", ""));
            return null;
        });
        AdminViewModel vm = signInToAdministration(app, scene, "admin@demo.test");

        // Users: an invitation just made, with the temporary password to hand over.
        Screenshots.await(() -> vm.users().users().size() >= 8);
        Screenshots.onFx(() -> {
            vm.users().newUser();
            vm.users().nameProperty().set("Nomsa Khumalo");
            vm.users().emailProperty().set("nomsa@agency.test");
            vm.users().roleProperty(Role.RECRUITER).set(true);
            vm.users().invite();
            return null;
        });
        Screenshots.await(() -> !vm.users().handOverProperty().get().isEmpty());
        Screenshots.await(
                () -> vm.users().users().stream().anyMatch(u -> u.email().equals("nomsa@agency.test") && !u.pending()));
        Screenshots.settle();
        Screenshots.snapshot(scene, out.resolve("admin-users.png"));

        // A Cloud API number, checked with Meta, and its health.
        tab(scene, AdminView.NUMBERS_TAB);
        Screenshots.onFx(() -> {
            vm.numbers().newNumber();
            vm.numbers().displayNameProperty().set("Recruitment desk");
            vm.numbers().phoneProperty().set("+1 555 078 3882");
            vm.numbers().phoneNumberIdProperty().set(GraphBusiness.SECOND_NUMBER_ID);
            vm.numbers().wabaIdProperty().set(GraphBusiness.WABA);
            vm.numbers().save();
            return null;
        });
        Screenshots.await(() -> vm.numbers().numbers().stream()
                .anyMatch(n -> "Recruitment desk".equals(n.displayName()) && n.verifiedName() != null && !n.pending()));
        NumberRow cloud = Screenshots.onFx(() -> vm.numbers().numbers().stream()
                .filter(n -> "Recruitment desk".equals(n.displayName()))
                .findFirst()
                .orElseThrow());
        Screenshots.onFx(() -> {
            vm.numbers().selectedProperty().set(cloud);
            vm.numbers().refreshHealth();
            return null;
        });
        Screenshots.await(() -> vm.numbers().healthProperty().get() != null
                && vm.numbers().healthProperty().get().whatsappAccountId().equals(cloud.id()));
        Screenshots.settle();
        Screenshots.snapshot(scene, out.resolve("admin-number-health.png"));

        // Templates: one submitted to Meta for that number, waiting for its review.
        tab(scene, AdminView.TEMPLATES_TAB);
        Screenshots.onFx(() -> {
            vm.templates().numberProperty().set(cloud);
            vm.templates().nameProperty().set("casting_reminder");
            vm.templates().bodyProperty().set("Hi {{1}}, your casting is tomorrow at {{2}}. Reply to confirm.");
            vm.templates().bodyExamples().get(0).set("Lerato");
            vm.templates().bodyExamples().get(1).set("10:00");
            vm.templates().footerProperty().set("RecruitDesk Talent");
            vm.templates().quickRepliesProperty().set("I will be there\nPlease reschedule");
            vm.templates().submit();
            return null;
        });
        Screenshots.await(() ->
                vm.templates().templates().stream().anyMatch(t -> t.name().equals("casting_reminder") && !t.pending()));
        Screenshots.onFx(() -> {
            vm.templates()
                    .selectedProperty()
                    .set(vm.templates().templates().stream()
                            .filter(t -> t.name().equals("casting_reminder"))
                            .findFirst()
                            .orElseThrow());
            return null;
        });
        Screenshots.settle();
        Screenshots.snapshot(scene, out.resolve("admin-templates.png"));

        tab(scene, AdminView.SETTINGS_TAB);
        Screenshots.settle();
        Screenshots.snapshot(scene, out.resolve("admin-settings.png"));

        tab(scene, AdminView.ACTIVITY_TAB);
        Screenshots.onFx(() -> {
            vm.activity().load();
            return null;
        });
        Screenshots.await(() -> vm.activity().entries().size() > 2);
        Screenshots.settle();
        Screenshots.snapshot(scene, out.resolve("admin-activity.png"));

        // A manager reads the same pane and changes nothing.
        // Signing out asks whether to keep this computer's copy, in a dialog of its own.
        javafx.application.Platform.runLater(() -> ((ButtonBase) scene.lookup("#" + MainView.SIGN_OUT_ID)).fire());
        Screenshots.await(() -> Screenshots.signOutDialog() != null);
        Screenshots.onFx(() -> {
            ((ButtonBase) Screenshots.signOutDialog().lookup("#" + com.recruitdesk.app.main.SignOutDialog.CONFIRM_ID))
                    .fire();
            return null;
        });
        Screenshots.await(() -> SignInView.ID.equals(scene.getRoot().getId()));
        AdminViewModel manager = signInToAdministration(app, scene, "manager@demo.test");
        Screenshots.await(() -> manager.users().users().size() >= 9);
        Screenshots.onFx(() -> {
            UserRow someone = manager.users().users().stream()
                    .filter(u -> u.holds(Role.RECRUITER))
                    .findFirst()
                    .orElseThrow();
            manager.users().selectedProperty().set(someone);
            return null;
        });
        Screenshots.settle();
        Screenshots.snapshot(scene, out.resolve("admin-manager.png"));
        Screenshots.onFx(() -> {
            app.stop();
            stage.close();
            return null;
        });
    }

    private static AdminViewModel signInToAdministration(RecruitDeskApp app, Scene scene, String email)
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
            Node nav = scene.lookup("#nav-administration");
            ((ButtonBase) nav).fire();
            return null;
        });
        Screenshots.await(() -> scene.lookup("#" + AdminView.ID) != null);
        return Screenshots.onFx(() -> app.pane(AdminPane.class).orElseThrow().viewModel());
    }

    private static void tab(Scene scene, String title) throws Exception {
        Screenshots.onFx(() -> {
            TabPane tabs = (TabPane) scene.lookup("#" + AdminView.TABS_ID);
            tabs.getTabs().stream()
                    .filter(t -> t.getText().equals(title))
                    .findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
            return null;
        });
    }
}
