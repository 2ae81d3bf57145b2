package com.recruitdesk.app.ui;

import com.recruitdesk.app.AppConfig;
import com.recruitdesk.app.RecruitDeskApp;
import com.recruitdesk.app.main.MainView;
import com.recruitdesk.app.overview.OverviewView;
import com.recruitdesk.app.signin.SignInView;
import com.recruitdesk.app.status.StatusBarView;
import com.recruitdesk.app.sync.SyncSettings;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Takes the README's screenshots of the real app against a running demo server:
 * {@code Screenshots <server-url> <output-dir> <app-home>}. Run it under Xvfb (see the README).
 */
public final class Screenshots {
    private Screenshots() {}

    public static void main(String[] args) throws Exception {
        String server = args[0];
        Path out = Path.of(args[1]);
        Path home = Path.of(args[2]);
        Files.createDirectories(out);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        RecruitDeskApp app = new RecruitDeskApp(new AppConfig(home, Optional.empty(), SyncSettings.standard()));
        Stage stage = onFx(() -> {
            Stage s = new Stage();
            try {
                app.start(s);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return s;
        });
        Scene scene = stage.getScene();
        await(() -> scene.getRoot().getId() != null && scene.getRoot().getId().equals(SignInView.ID));
        onFx(() -> {
            ((TextField) scene.lookup("#" + SignInView.SERVER_ID)).setText(server.replace("http://", ""));
            ((TextField) scene.lookup("#" + SignInView.EMAIL_ID)).setText("recruiter@demo.test");
            ((PasswordField) scene.lookup("#" + SignInView.PASSWORD_ID)).setText("demo-password");
            return null;
        });
        settle();
        snapshot(scene, out.resolve("sign-in.png"));

        onFx(() -> {
            ((javafx.scene.control.Button) scene.lookup("#" + SignInView.BUTTON_ID)).fire();
            return null;
        });
        await(() -> MainView.ID.equals(scene.getRoot().getId()));
        await(() -> "Online".equals(((Label) scene.lookup("#" + StatusBarView.STATE_ID)).getText()));
        await(() -> ((TableView<?>) scene.lookup("#" + OverviewView.TABLE_ID))
                        .getItems()
                        .size()
                > 10);
        settle();
        snapshot(scene, out.resolve("main-window.png"));
        onFx(() -> {
            app.stop();
            stage.close();
            return null;
        });
        Platform.exit();
        System.exit(0);
    }

    private static void settle() throws Exception {
        for (int i = 0; i < 10; i++) {
            onFx(() -> null); // let layout and CSS run a few pulses
            Thread.sleep(100);
        }
    }

    private static void await(Supplier<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!onFx(condition::get)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(50);
        }
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
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

    private static void snapshot(Scene scene, Path file) throws Exception {
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
}
