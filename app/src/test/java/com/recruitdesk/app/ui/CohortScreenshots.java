package com.recruitdesk.app.ui;

import com.recruitdesk.app.cohorts.CohortsPane;
import com.recruitdesk.app.main.MainView;
import com.recruitdesk.app.main.SignOutDialog;
import com.recruitdesk.app.signin.SignInView;
import com.recruitdesk.app.status.StatusBarView;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The Cohorts pane's screenshots, signed in as the demo institution admin and then as an
 * administrator: the queue with a PDF page and its checklist, the reason picker, the trail after two
 * decisions, made with the station's own keys; the Cohorts and students tab and the Sponsors tab.
 */
final class CohortScreenshots {
    /** How the screenshot tool waits and snapshots, lent by it. */
    interface Tools {
        void await(Callable<Boolean> condition) throws Exception;

        void settle() throws Exception;

        <T> T onFx(Callable<T> work) throws Exception;
    }

    private CohortScreenshots() {}

    static void take(Scene scene, Path out, Tools t) throws Exception {
        signIn(scene, t, "institution_admin@demo.test");
        t.onFx(() -> {
            ((javafx.scene.control.ButtonBase) scene.lookup("#" + CohortsPane.FACTORY.navigationId())).fire();
            return null;
        });
        t.await(() -> queue(scene) != null && !queue(scene).getItems().isEmpty());
        // A PDF first: move down the queue to the first one.
        for (int i = 0; i < 6 && !t.onFx(() -> current(scene).endsWith(".pdf")); i++) {
            key(scene, t, KeyCode.J);
        }
        awaitPage(scene, t);
        t.onFx(() -> {
            var boxes = scene.lookup("#review-checklist").lookupAll(".check-box").stream()
                    .toList();
            for (int i = 0; i < Math.min(2, boxes.size()); i++) {
                ((CheckBox) boxes.get(i)).setSelected(true);
            }
            return null;
        });
        t.settle();
        Screenshots.snapshot(scene, out.resolve("cohorts-queue.png"));
        key(scene, t, KeyCode.PLUS);
        key(scene, t, KeyCode.PLUS);
        t.settle();
        Screenshots.snapshot(scene, out.resolve("cohorts-viewer-pdf.png"));
        key(scene, t, KeyCode.MINUS);
        key(scene, t, KeyCode.MINUS);

        // Two decisions on one student, then the reason picker on their third document.
        key(scene, t, KeyCode.A);
        awaitPage(scene, t);
        key(scene, t, KeyCode.R);
        key(scene, t, KeyCode.DIGIT2);
        awaitPage(scene, t);
        key(scene, t, KeyCode.K);
        key(scene, t, KeyCode.K);
        awaitPage(scene, t);
        key(scene, t, KeyCode.R);
        t.settle();
        Screenshots.snapshot(scene, out.resolve("cohorts-reject-reasons.png"));
        key(scene, t, KeyCode.ESCAPE);
        t.await(() -> scene.lookup("#review-trail") != null
                && !((javafx.scene.layout.VBox) scene.lookup("#review-trail"))
                        .getChildren()
                        .isEmpty());
        t.await(() ->
                ((Label) scene.lookup("#" + StatusBarView.STATE_ID)).getText().equals("Online"));
        t.settle();
        Screenshots.snapshot(scene, out.resolve("cohorts-trail.png"));
        cohortsTab(scene, t, out.resolve("cohorts-cohorts-institution-admin.png"));
        student(scene, t, out.resolve("cohorts-student-institution-admin.png"));

        signIn(scene, t, "admin@demo.test");
        t.onFx(() -> {
            ((javafx.scene.control.ButtonBase) scene.lookup("#" + CohortsPane.FACTORY.navigationId())).fire();
            return null;
        });
        t.await(() -> queue(scene) != null && !queue(scene).getItems().isEmpty());
        awaitPage(scene, t);
        t.settle();
        Screenshots.snapshot(scene, out.resolve("cohorts-administrator.png"));

        cohortsTab(scene, t, out.resolve("cohorts-cohorts.png"));
        student(scene, t, out.resolve("cohorts-student-administrator.png"));

        // The Sponsors tab, after a sponsor is added through its form.
        t.onFx(() -> {
            ((javafx.scene.control.TabPane) scene.lookup("#cohorts-tabs"))
                    .getSelectionModel()
                    .select(2);
            ((TextField) scene.lookup("#sponsor-company")).setText("Sasol Skills Fund");
            ((TextField) scene.lookup("#sponsor-contact")).setText("Grace Mahlangu");
            ((TextField) scene.lookup("#sponsor-email")).setText("grants@sasol-skills.test");
            ((TextField) scene.lookup("#sponsor-phone")).setText("+27 11 555 0100");
            ((TextField) scene.lookup("#sponsor-tax")).setText("9012345678");
            ((Button) scene.lookup("#sponsor-save")).fire();
            return null;
        });
        t.await(() -> scene.lookup("#sponsor-list") instanceof ListView<?> l
                && !l.getItems().isEmpty());
        t.await(() -> "Online".equals(((Label) scene.lookup("#" + StatusBarView.STATE_ID)).getText()));
        t.settle();
        Screenshots.snapshot(scene, out.resolve("cohorts-sponsors.png"));
    }

    /** The Cohorts and students tab with the first cohort and its students. */
    private static void cohortsTab(Scene scene, Tools t, Path file) throws Exception {
        t.onFx(() -> {
            var tabs = (javafx.scene.control.TabPane) scene.lookup("#cohorts-tabs");
            tabs.getSelectionModel().select(1);
            return null;
        });
        t.await(() -> scene.lookup("#cohort-list") instanceof ListView<?> l
                && !l.getItems().isEmpty());
        t.onFx(() -> {
            ((ListView<?>) scene.lookup("#cohort-list")).getSelectionModel().select(0);
            return null;
        });
        t.await(() -> scene.lookup("#cohort-students") instanceof ListView<?> l
                && !l.getItems().isEmpty());
        t.settle();
        Screenshots.snapshot(scene, file);
    }

    /** The first student of the cohort shown, with their demographics and link, after their link was sent. */
    private static void student(Scene scene, Tools t, Path file) throws Exception {
        t.onFx(() -> {
            // A student the demo has on WhatsApp, so the send goes through.
            @SuppressWarnings("unchecked")
            var list = (ListView<com.recruitdesk.app.cohorts.data.CohortBook.Student>) scene.lookup("#cohort-students");
            list.getSelectionModel()
                    .select(list.getItems().stream()
                            .filter(st -> st.name().equals("Mpho Letsie"))
                            .findFirst()
                            .orElse(list.getItems().getFirst()));
            return null;
        });
        t.await(() -> scene.lookup("#student-detail") != null
                && scene.lookup("#student-detail").isVisible());
        t.onFx(() -> {
            ((Button) scene.lookup("#student-send-link")).fire();
            return null;
        });
        t.await(() -> ((Label) scene.lookup("#cohorts-notice")) != null
                && !((Label) scene.lookup("#cohorts-notice")).getText().isEmpty());
        t.await(() -> "Online".equals(((Label) scene.lookup("#" + StatusBarView.STATE_ID)).getText()));
        t.settle();
        Screenshots.snapshot(scene, file);
    }

    private static void signIn(Scene scene, Tools t, String email) throws Exception {
        if (MainView.ID.equals(scene.getRoot().getId())) {
            // Signing out asks whether to keep this computer's copy, in a dialog of its own.
            javafx.application.Platform.runLater(() -> ((Button) scene.lookup("#" + MainView.SIGN_OUT_ID)).fire());
            t.await(() -> Screenshots.signOutDialog() != null);
            t.onFx(() -> {
                ((Button) Screenshots.signOutDialog().lookup("#" + SignOutDialog.CONFIRM_ID)).fire();
                return null;
            });
        }
        t.await(() -> SignInView.ID.equals(scene.getRoot().getId()));
        t.onFx(() -> {
            ((TextField) scene.lookup("#" + SignInView.EMAIL_ID)).setText(email);
            ((PasswordField) scene.lookup("#" + SignInView.PASSWORD_ID)).setText("demo-password");
            ((Button) scene.lookup("#" + SignInView.BUTTON_ID)).fire();
            return null;
        });
        t.await(() -> MainView.ID.equals(scene.getRoot().getId()));
        t.await(() -> "Online".equals(((Label) scene.lookup("#" + StatusBarView.STATE_ID)).getText()));
    }

    @SuppressWarnings("unchecked")
    private static ListView<Object> queue(Scene scene) {
        return (ListView<Object>) scene.lookup("#review-queue");
    }

    private static String current(Scene scene) {
        Label file = (Label) scene.lookup(".review-file");
        return file == null ? "" : file.getText().lines().findFirst().orElse("").split(" · ")[0];
    }

    private static void awaitPage(Scene scene, Tools t) throws Exception {
        t.await(() -> ((ImageView) scene.lookup("#review-page")).getImage() != null);
        t.settle();
    }

    /** A key pressed in the station, as the keyboard would. */
    private static void key(Scene scene, Tools t, KeyCode code) throws Exception {
        t.onFx(() -> {
            Node pane = scene.lookup("#cohorts-pane");
            pane.requestFocus();
            String text = code.isDigitKey() ? code.getName() : code.getName().toLowerCase(java.util.Locale.ROOT);
            Event.fireEvent(pane, new KeyEvent(KeyEvent.KEY_PRESSED, text, text, code, false, false, false, false));
            Event.fireEvent(pane, new KeyEvent(KeyEvent.KEY_RELEASED, text, text, code, false, false, false, false));
            return null;
        });
        t.settle();
    }
}
