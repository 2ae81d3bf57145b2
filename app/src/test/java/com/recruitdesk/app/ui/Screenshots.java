package com.recruitdesk.app.ui;

import com.recruitdesk.app.AppConfig;
import com.recruitdesk.app.RecruitDeskApp;
import com.recruitdesk.app.UserSession;
import com.recruitdesk.app.conversations.ConversationsView;
import com.recruitdesk.app.conversations.ConversationsViewModel;
import com.recruitdesk.app.main.MainView;
import com.recruitdesk.app.main.SignOutDialog;
import com.recruitdesk.app.pipelines.PipelinesPane;
import com.recruitdesk.app.pipelines.PipelinesView;
import com.recruitdesk.app.pipelines.PipelinesViewModel;
import com.recruitdesk.app.pipelines.data.Card;
import com.recruitdesk.app.signin.SignInView;
import com.recruitdesk.app.status.StatusBarView;
import com.recruitdesk.app.support.LiveServer;
import com.recruitdesk.app.sync.SyncSettings;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Takes the README's screenshots of the real app against the real server with the demo data, which
 * it starts in-process (so it can also stop it to show the offline state):
 * {@code Screenshots <output-dir> <app-home> [interviews|cohorts]} (the last: only that pane's).
 * Run it under Xvfb (see the README).
 */
public final class Screenshots {
    static final int WIDTH = 1440;
    static final int HEIGHT = 1000;

    private Screenshots() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path home = Path.of(args[1]);
        Files.createDirectories(out);
        int status = 0;
        try (LiveServer server = LiveServer.start()) {
            take(server, out, home, args.length > 2 ? args[2] : "all");
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        }
        try {
            if (!(args.length > 2 && args[2].equals("cohorts"))) {
                AdminScreenshots.take(out, home.resolve("admin"));
            }
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        }
        try {
            PipelineScreenshots.take(out, home.resolve("pipelines"));
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        }
        Platform.exit();
        System.exit(status);
    }

    private static void take(LiveServer server, Path out, Path home, String only) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        // Closing this window must not end the toolkit: the Administration and Pipelines shots follow.
        Platform.setImplicitExit(false);
        RecruitDeskApp app = new RecruitDeskApp(new AppConfig(
                home,
                Optional.empty(),
                new SyncSettings(Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ofSeconds(2), 500)));
        Stage stage = onFx(() -> {
            Stage s = new Stage();
            try {
                app.start(s);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            s.setWidth(WIDTH);
            s.setHeight(HEIGHT);
            return s;
        });
        Scene scene = stage.getScene();
        await(() -> scene.getRoot().getId() != null && scene.getRoot().getId().equals(SignInView.ID));
        onFx(() -> {
            ((ComboBox<?>) scene.lookup("#" + SignInView.SERVER_ID))
                    .getEditor()
                    .setText(server.url().replace("http://", ""));
            ((TextField) scene.lookup("#" + SignInView.EMAIL_ID)).setText("recruiter@demo.test");
            ((PasswordField) scene.lookup("#" + SignInView.PASSWORD_ID)).setText("demo-password");
            return null;
        });
        settle();
        snapshot(scene, out.resolve("sign-in.png"));

        // Plain http:// to another computer: signing in asks for the user's explicit yes first.
        String typed = onFx(() -> ((ComboBox<?>) scene.lookup("#" + SignInView.SERVER_ID))
                .getEditor()
                .getText());
        onFx(() -> {
            ((ComboBox<?>) scene.lookup("#" + SignInView.SERVER_ID)).getEditor().setText("http://192.168.1.20:8080");
            ((javafx.scene.control.Button) scene.lookup("#" + SignInView.BUTTON_ID)).fire();
            return null;
        });
        await(() -> scene.lookup("#" + SignInView.PLAIN_HTTP_ID).isVisible());
        settle();
        snapshot(scene, out.resolve("sign-in-plain-http.png"));
        onFx(() -> {
            ((ComboBox<?>) scene.lookup("#" + SignInView.SERVER_ID)).getEditor().setText(typed);
            return null;
        });

        onFx(() -> {
            ((javafx.scene.control.Button) scene.lookup("#" + SignInView.BUTTON_ID)).fire();
            return null;
        });
        await(() -> MainView.ID.equals(scene.getRoot().getId()));
        await(() -> "Online".equals(((Label) scene.lookup("#" + StatusBarView.STATE_ID)).getText()));
        ConversationsViewModel vm = app.conversations().orElseThrow();
        await(() -> vm.inbox().rows().size() > 10);
        if (only.equals("interviews") || only.equals("cohorts")) {
            if (only.equals("interviews")) {
                new InterviewShots(app, scene, server, out).take();
            } else {
                CohortScreenshots.take(scene, out, cohortTools());
            }
            onFx(() -> {
                app.stop();
                stage.close();
                return null;
            });
            return;
        }
        UserSession session = app.session().orElseThrow();

        // The inbox with the thread that shows the most kinds of message.
        UUID richest = richestConversation(session);
        onFx(() -> {
            vm.inbox().statusProperty().set(com.recruitdesk.app.conversations.StatusChoice.ALL);
            return null;
        });
        await(() -> vm.inbox().select(richest));
        await(() -> vm.thread().items().size() > 5);
        settle();
        snapshot(scene, out.resolve("conversations-thread.png"));
        onFx(() -> {
            ((javafx.scene.control.ListView<?>) scene.lookup("#" + ConversationsView.THREAD_LIST_ID)).scrollTo(0);
            return null;
        });
        settle();
        snapshot(scene, out.resolve("conversations-thread-top.png"));
        onFx(() -> {
            int voice = 0;
            for (int i = 0; i < vm.thread().items().size(); i++) {
                if (vm.thread().items().get(i) instanceof com.recruitdesk.app.conversations.ThreadItem.Line l
                        && "audio".equals(l.message().type())) {
                    voice = i;
                    break;
                }
            }
            ((javafx.scene.control.ListView<?>) scene.lookup("#" + ConversationsView.THREAD_LIST_ID)).scrollTo(voice);
            return null;
        });
        settle();
        snapshot(scene, out.resolve("conversations-thread-middle.png"));

        // Outside the 24-hour window: the template picker instead of a text box.
        UUID closedWindow = windowClosedConversation(session);
        onFx(() -> vm.inbox().select(closedWindow));
        await(() -> vm.composer().showsTemplatesBinding().get());
        onFx(() -> {
            var fields = vm.composer().fields();
            if (!fields.isEmpty()) {
                fields.get(0).value().set(vm.thread().titleProperty().get().split(" ")[0]);
            }
            if (fields.size() > 1) {
                fields.get(1).value().set("Runway Model, Cape Town Fashion Week");
            }
            return null;
        });
        settle();
        snapshot(scene, out.resolve("conversations-template-picker.png"));

        // Searching the inbox.
        onFx(() -> {
            vm.inbox().searchProperty().set("photo");
            return null;
        });
        await(() -> vm.inbox().rows().stream().anyMatch(r -> r.snippet() != null));
        settle();
        snapshot(scene, out.resolve("conversations-search.png"));
        onFx(() -> {
            vm.inbox().searchProperty().set("");
            vm.inbox().statusProperty().set(com.recruitdesk.app.conversations.StatusChoice.ACTIVE);
            return null;
        });

        // Offline: the server stops, a reply written now waits with a clock.
        UUID open = openWindowConversation(session);
        await(() -> vm.inbox().select(open));
        server.stop();
        await(() -> "Offline".equals(((Label) scene.lookup("#" + StatusBarView.STATE_ID)).getText()));
        onFx(() -> {
            TextArea text = (TextArea) scene.lookup("#" + ConversationsView.COMPOSER_TEXT_ID);
            text.setText("Thanks! I will send you the details as soon as I am back online.");
            vm.composer().send();
            return null;
        });
        await(() -> vm.thread().items().stream()
                .anyMatch(i -> i instanceof com.recruitdesk.app.conversations.ThreadItem.Line l
                        && l.message().pending()));
        onFx(() -> {
            ((TextArea) scene.lookup("#" + ConversationsView.COMPOSER_TEXT_ID)).setText("Also, which day suits you");
            return null;
        });
        settle();
        snapshot(scene, out.resolve("conversations-offline.png"));

        onFx(() -> {
            vm.helpShownProperty().set(true);
            return null;
        });
        settle();
        snapshot(scene, out.resolve("conversations-keyboard-help.png"));

        // The canned responses dialog, from the composer.
        onFx(() -> {
            vm.helpShownProperty().set(false);
            vm.canned().open("");
            if (!vm.canned().responses().isEmpty()) {
                vm.canned().selectedProperty().set(vm.canned().responses().getFirst());
            }
            return null;
        });
        settle();
        snapshot(scene, out.resolve("conversations-canned-responses.png"));
        onFx(() -> {
            vm.canned().close();
            return null;
        });

        // The Interviews pane, as an interviewer and as a manager.
        server.restart();
        await(() -> "Online".equals(((Label) scene.lookup("#" + StatusBarView.STATE_ID)).getText()));
        // The Pipelines pane: the board of the busiest job, a prescreened application's detail.
        onFx(() -> {
            ((javafx.scene.control.ButtonBase) scene.lookup("#" + PipelinesPane.FACTORY.navigationId())).fire();
            return null;
        });
        PipelinesViewModel pipelines =
                app.pane(PipelinesPane.class).orElseThrow().viewModel();
        await(() -> !pipelines.jobs().isEmpty());
        onFx(() -> {
            pipelines.statusFilterProperty().set(PipelinesViewModel.ALL);
            return null;
        });
        await(() -> pipelines.jobs().size() >= 5);
        onFx(() -> {
            pipelines
                    .jobProperty()
                    .set(pipelines.jobs().stream()
                            .filter(j -> j.title().contains("Runway"))
                            .findFirst()
                            .orElse(pipelines.jobs().getFirst()));
            return null;
        });
        await(() -> PipelinesViewModel.LANES.stream()
                        .mapToInt(l -> pipelines.lane(l).size())
                        .sum()
                > 3);
        Card flagged = onFx(() -> PipelinesViewModel.LANES.stream()
                .flatMap(l -> pipelines.lane(l).stream())
                .filter(Card::mustHaveFailed)
                .findFirst()
                .orElse(
                        pipelines.lane("screening").isEmpty()
                                ? null
                                : pipelines.lane("screening").getFirst()));
        if (flagged != null) {
            onFx(() -> {
                pipelines.selectedProperty().set(flagged.id());
                return null;
            });
            await(() -> pipelines.shownProperty().get() != null);
        }
        settle();
        snapshot(scene, out.resolve("pipelines-board.png"));
        onFx(() -> {
            ((javafx.scene.control.ScrollPane) scene.lookup("#" + PipelinesView.DETAIL_ID)).setVvalue(1.0);
            return null;
        });
        settle();
        snapshot(scene, out.resolve("pipelines-detail-timeline.png"));

        // My action queue (made by the server's rules) and an export of the job with its progress.
        com.recruitdesk.app.pipelines.QueueViewModel queue =
                app.pane(PipelinesPane.class).orElseThrow().queue();
        await(() -> !queue.items().isEmpty());
        onFx(() -> {
            queue.requestExport("excel", true);
            return null;
        });
        await(() -> queue.exportProperty().get() != null);
        settle();
        snapshot(scene, out.resolve("pipelines-action-queue-export.png"));
        await(() -> queue.exportProperty().get() != null
                && queue.exportProperty().get().done());
        settle();
        snapshot(scene, out.resolve("pipelines-export-ready.png"));

        // The job editor, with a mistake it names.
        onFx(() -> {
            ((javafx.scene.control.Button) scene.lookup("#" + PipelinesView.EDIT_JOB_ID)).fire();
            return null;
        });
        await(() -> editor() != null);
        onFx(() -> {
            javafx.scene.Scene dialog = editor().getScene();
            ((javafx.scene.control.TabPane) dialog.lookup(".tab-pane"))
                    .getSelectionModel()
                    .select(1);
            ((TextField) dialog.lookup("#" + PipelinesView.jobFieldId("minSalary"))).setText("9000");
            ((TextField) dialog.lookup("#" + PipelinesView.jobFieldId("maxSalary"))).setText("7500");
            return null;
        });
        settle();
        snapshot(onFx(() -> editor().getScene()), out.resolve("pipelines-job-editor.png"));
        onFx(() -> {
            editor().hide();
            return null;
        });

        // Signing out asks whether to keep this computer's copy (a dialog of its own, so not waited on here).
        Platform.runLater(() -> ((javafx.scene.control.Button) scene.lookup("#" + MainView.SIGN_OUT_ID)).fire());
        await(() -> signOutDialog() != null);
        settle();
        snapshot(signOutDialog(), out.resolve("sign-out.png"));
        onFx(() -> {
            ((javafx.scene.control.Button) signOutDialog().lookup("#" + SignOutDialog.CONFIRM_ID)).fire();
            return null;
        });
        await(() -> SignInView.ID.equals(scene.getRoot().getId()));
        new InterviewShots(app, scene, server, out).take();

        CohortScreenshots.take(scene, out, cohortTools());
        onFx(() -> {
            app.stop();
            stage.close();
            return null;
        });
    }

    /** The open job editor's window, or null (on the FX thread). */
    private static javafx.stage.Window editor() {
        return javafx.stage.Window.getWindows().stream()
                .filter(w -> w.getScene() != null
                        && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane d
                        && d.getContent() != null
                        && PipelinesView.JOB_EDITOR_ID.equals(d.getContent().getId()))
                .findFirst()
                .orElse(null);
    }

    /** The conversation whose thread has the most different kinds of line. */
    private static UUID richestConversation(UserSession s) {
        return s.store()
                .query("""
                        select parent, count(distinct json_extract(data, '$.type') || json_extract(data, '$.direction'))
                               + count(distinct json_extract(data, '$.status')) as kinds
                          from current where entity = 'message' group by parent order by kinds desc limit 1""", List.of(), rs -> UUID.fromString(rs.getString(1)))
                .getFirst();
    }

    private static UUID windowClosedConversation(UserSession s) {
        String dayAgo = Instant.now().minus(Duration.ofHours(25)).toString();
        return s.store()
                .query("""
                        select id from current where entity = 'conversation'
                           and (json_extract(data, '$.lastInboundAt') < ? or json_extract(data, '$.lastInboundAt') is null)
                           and json_extract(data, '$.status') not in ('closed', 'archived')
                         order by sort_key desc limit 1""", List.of(dayAgo.replace("Z", "+00:00")), rs -> UUID.fromString(rs.getString(1)))
                .getFirst();
    }

    private static UUID openWindowConversation(UserSession s) {
        String dayAgo = Instant.now().minus(Duration.ofHours(20)).toString();
        return s.store()
                .query("""
                        select c.id from current c
                         where c.entity = 'conversation' and json_extract(c.data, '$.lastInboundAt') > ?
                           and json_extract(c.data, '$.status') in ('open', 'needs_attention')
                         order by (select count(*) from current m where m.entity = 'message' and m.parent = c.id) desc
                         limit 1""", List.of(dayAgo.replace("Z", "+00:00")), rs -> UUID.fromString(rs.getString(1)))
                .getFirst();
    }

    /** The scene of the open sign-out question, or null. */
    static Scene signOutDialog() {
        return javafx.stage.Window.getWindows().stream()
                .map(javafx.stage.Window::getScene)
                .filter(sc -> sc != null && sc.lookup("#" + SignOutDialog.CONFIRM_ID) != null)
                .findFirst()
                .orElse(null);
    }

    static void settle() throws Exception {
        for (int i = 0; i < 15; i++) {
            onFx(() -> null); // let layout, CSS and image loading run a few pulses
            Thread.sleep(100);
        }
    }

    static void await(Supplier<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!onFx(condition::get)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(50);
        }
    }

    static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    static void snapshot(Scene scene, Path file) throws Exception {
        WritableImage image = onFx(() -> scene.snapshot(null));
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(buffered, "png", file.toFile());
    }

    static Node lookup(Scene scene, String id) {
        return scene.lookup("#" + id);
    }

    /** How the Cohorts pane's shots wait and snapshot. */
    private static CohortScreenshots.Tools cohortTools() {
        return new CohortScreenshots.Tools() {
            @Override
            public void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
                Screenshots.await(() -> call(condition));
            }

            @Override
            public void settle() throws Exception {
                Screenshots.settle();
            }

            @Override
            public <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
                return Screenshots.onFx(() -> call(work));
            }

            private <T> T call(java.util.concurrent.Callable<T> c) {
                try {
                    return c.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
