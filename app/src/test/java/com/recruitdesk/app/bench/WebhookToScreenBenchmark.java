package com.recruitdesk.app.bench;

import com.recruitdesk.app.AppConfig;
import com.recruitdesk.app.RecruitDeskApp;
import com.recruitdesk.app.conversations.ConversationsViewModel;
import com.recruitdesk.app.conversations.data.InboxRow;
import com.recruitdesk.app.support.Demo;
import com.recruitdesk.app.support.LiveServer;
import com.recruitdesk.app.support.Webhooks;
import com.recruitdesk.app.sync.SyncSettings;
import com.recruitdesk.server.support.TempDirs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;

/**
 * Time from a signed webhook POST to the message on screen in the running app (its inbox line
 * showing the new text), for {@code n} messages one after another (default 200), next to the POST's
 * own round trip measured in the same run. Runs the real server and the real app, headless.
 * {@code WebhookToScreenBenchmark [n]}.
 */
public final class WebhookToScreenBenchmark {
    private WebhookToScreenBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        int status = 0;
        try (LiveServer server = LiveServer.start(Webhooks.ENV)) {
            Webhooks.routeTalentNumber(server);
            run(server, n);
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        }
        Platform.exit();
        System.exit(status);
    }

    private static void run(LiveServer server, int n) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Path home = TempDirs.create("webhook-bench-app");
        RecruitDeskApp app = new RecruitDeskApp(new AppConfig(
                home,
                Optional.of(new AppConfig.AutoSignIn(server.url(), Demo.RECRUITER, Demo.PASSWORD)),
                new SyncSettings(Duration.ofSeconds(60), Duration.ofMillis(200), Duration.ofSeconds(2), 500)));
        CompletableFuture<Stage> stage = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage s = new Stage();
            app.start(s);
            stage.complete(s);
        });
        stage.get(30, TimeUnit.SECONDS);
        ConversationsViewModel vm = await(() -> app.conversations().orElse(null));
        await(() -> vm.inbox().rows().size() > 5 ? Boolean.TRUE : null);

        ConcurrentHashMap<String, Long> seenAt = new ConcurrentHashMap<>();
        Platform.runLater(() -> vm.inbox().rows().addListener((ListChangeListener<InboxRow>) c -> {
            long now = System.nanoTime();
            for (InboxRow r : vm.inbox().rows()) {
                String p = r.preview();
                if (p != null && p.startsWith("bench ")) {
                    seenAt.putIfAbsent(p, now);
                }
            }
        }));

        long[] endToEnd = new long[n];
        long[] post = new long[n];
        for (int i = 0; i < n; i++) {
            String text = "bench " + i + " is the shift still open?";
            String waId = "2783" + String.format(Locale.ROOT, "%07d", i % 40);
            long t0 = System.nanoTime();
            int code = Webhooks.text(server, waId, "Bench " + (i % 40), text);
            post[i] = System.nanoTime() - t0;
            if (code != 200) {
                throw new IllegalStateException("webhook answered " + code);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!seenAt.containsKey(text)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("message " + i + " never showed");
                }
                Thread.sleep(1);
            }
            endToEnd[i] = seenAt.get(text) - t0;
        }
        System.out.printf(Locale.ROOT, "%d webhooks, one after another, each from one of 40 people%n", n);
        report("webhook POST answered (baseline)", post);
        report("webhook POST to message on screen", endToEnd);
        System.out.printf(Locale.ROOT, "ratio of medians: %.1f%n", median(endToEnd) / (double) median(post));
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        Platform.runLater(() -> {
            app.stop();
            stopped.complete(null);
        });
        stopped.get(30, TimeUnit.SECONDS);
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "  %-36s p50 %6.1f ms   p99 %6.1f ms   max %6.1f ms%n",
                what,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    private static long median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static <T> T await(java.util.function.Supplier<T> value) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            CompletableFuture<T> f = new CompletableFuture<>();
            Platform.runLater(() -> f.complete(value.get()));
            T v = f.get(30, TimeUnit.SECONDS);
            if (v != null) {
                return v;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(50);
        }
    }
}
