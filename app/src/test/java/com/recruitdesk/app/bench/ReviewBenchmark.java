package com.recruitdesk.app.bench;

import com.recruitdesk.app.AppConfig;
import com.recruitdesk.app.RecruitDeskApp;
import com.recruitdesk.app.cohorts.data.Pages;
import com.recruitdesk.app.support.LiveServer;
import com.recruitdesk.app.sync.SyncSettings;
import com.recruitdesk.server.support.CohortFixture;
import com.recruitdesk.server.support.SampleFiles;
import com.recruitdesk.server.support.TempDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * The review station at keyboard speed: {@code n} queued documents (default 200: PDFs of 1–3 pages
 * and photos) approved one after another with the A key in the running app (real server, headless),
 * timing each decision to the next document's page on screen (p50/p99) and the decisions per minute
 * that sustains; next to it, measured in the same run, opening and rendering the same documents cold
 * (what each would cost without being prepared ahead). Then the first render of a 20-page PDF, next
 * to a 1-page one. {@code ReviewBenchmark [n]}.
 */
public final class ReviewBenchmark {
    private ReviewBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        int status = 0;
        try (LiveServer server = LiveServer.withoutDemo()) {
            run(server, n);
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        }
        Platform.exit();
        System.exit(status);
    }

    private static void run(LiveServer server, int n) throws Exception {
        CohortFixture cohorts = CohortFixture.create(server.first());
        Path files = TempDirs.create("review-bench-files");
        String[] types = {"id_document", "matric_certificate", "proof_of_address"};
        UUID enrollment = null;
        for (int i = 0; i < n; i++) {
            if (i % 3 == 0) {
                enrollment = cohorts.enroll(cohorts.cohortA, "Student " + i); // three documents each
            }
            boolean photo = i % 3 == 0;
            byte[] bytes = photo ? SampleFiles.image("ID " + i, "jpg") : SampleFiles.pdf("Document " + i, 1 + i % 3);
            cohorts.upload(enrollment, types[i % 3], photo ? "image/jpeg" : "application/pdf", bytes);
            Files.write(files.resolve(i + (photo ? ".jpg" : ".pdf")), bytes);
        }

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        RecruitDeskApp app = new RecruitDeskApp(new AppConfig(
                TempDirs.create("review-bench-app"),
                Optional.of(new AppConfig.AutoSignIn(server.url(), CohortFixture.ADMIN_A, "demo-password")),
                new SyncSettings(Duration.ofSeconds(60), Duration.ofMillis(200), Duration.ofSeconds(2), 500)));
        CompletableFuture<Stage> stage = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage s = new Stage();
            app.start(s);
            stage.complete(s);
        });
        var scene = stage.get(30, TimeUnit.SECONDS).getScene();
        await(() -> queueSize(scene) == n);
        ImageView page = onFx(() -> (ImageView) scene.lookup("#review-page"));
        await(() -> page.getImage() != null);

        AtomicLong shownAt = new AtomicLong();
        Platform.runLater(() -> page.imageProperty().addListener((o, was, now) -> {
            if (now != null) {
                shownAt.set(System.nanoTime());
            }
        }));
        long[] latency = new long[n - 1];
        long start = System.nanoTime();
        for (int i = 0; i < n - 1; i++) {
            int left = n - 1 - i;
            shownAt.set(0);
            long t0 = System.nanoTime();
            press(scene, KeyCode.A);
            await(() -> shownAt.get() != 0 && queueSize(scene) == left);
            latency[i] = shownAt.get() - t0;
        }
        long total = System.nanoTime() - start;
        await(() -> app.session().orElseThrow().store().pendingCount() == 0);
        long sent = System.nanoTime() - start;

        long[] cold = new long[n];
        for (int i = 0; i < n; i++) {
            Path f = files.resolve(i + (i % 3 == 0 ? ".jpg" : ".pdf"));
            long t0 = System.nanoTime();
            try (Pages p = Pages.open(f, i % 3 != 0)) {
                p.render(0, 1.0);
            }
            cold[i] = System.nanoTime() - t0;
        }
        System.out.printf(
                Locale.ROOT,
                "%d queued documents (a third photos, the rest PDFs of 1-3 pages), each approved with A%n",
                n);
        System.out.printf(
                Locale.ROOT,
                "decision -> next document on screen: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                pct(latency, 50),
                pct(latency, 99),
                pct(latency, 100));
        System.out.printf(
                Locale.ROOT,
                "sustained: %.0f decisions per minute (%d in %.1f s; all %d on the server %.1f s after the first)%n",
                (n - 1) * 60e9 / total,
                n - 1,
                total / 1e9,
                n - 1,
                sent / 1e9);
        System.out.printf(
                Locale.ROOT,
                "baseline, same run: opening and rendering a document cold: p50 %.1f ms, p99 %.1f ms%n",
                pct(cold, 50),
                pct(cold, 99));

        Path twenty = Files.write(files.resolve("twenty.pdf"), SampleFiles.pdf("Twenty pages", 20));
        Path one = Files.write(files.resolve("one.pdf"), SampleFiles.pdf("One page", 1));
        long[] first20 = new long[15];
        long[] first1 = new long[15];
        for (int r = 0; r < first20.length; r++) {
            first20[r] = firstRender(twenty);
            first1[r] = firstRender(one);
        }
        System.out.printf(
                Locale.ROOT,
                "first render of a 20-page PDF (open + page 1 at 100%%): first %.1f ms, median of %d %.1f ms%n",
                first20[0] / 1e6,
                first20.length,
                pct(first20, 50));
        System.out.printf(
                Locale.ROOT,
                "baseline, same run: a 1-page PDF: first %.1f ms, median %.1f ms%n",
                first1[0] / 1e6,
                pct(first1, 50));
        Platform.runLater(() -> {
            try {
                app.stop();
            } catch (Exception e) {
                // closing anyway
            }
        });
    }

    private static long firstRender(Path pdf) throws Exception {
        long t0 = System.nanoTime();
        try (Pages p = Pages.open(pdf, true)) {
            p.render(0, 1.0);
        }
        return System.nanoTime() - t0;
    }

    @SuppressWarnings("unchecked")
    private static int queueSize(javafx.scene.Scene scene) throws Exception {
        return onFx(() -> {
            var q = (ListView<Object>) scene.lookup("#review-queue");
            return q == null ? -1 : q.getItems().size();
        });
    }

    private static void press(javafx.scene.Scene scene, KeyCode code) throws Exception {
        onFx(() -> {
            Node pane = scene.lookup("#cohorts-pane");
            pane.requestFocus();
            Event.fireEvent(pane, new KeyEvent(KeyEvent.KEY_PRESSED, "a", "a", code, false, false, false, false));
            Event.fireEvent(pane, new KeyEvent(KeyEvent.KEY_RELEASED, "a", "a", code, false, false, false, false));
            return null;
        });
    }

    private static double pct(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int i = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(1);
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
}
