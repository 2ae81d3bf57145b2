package com.recruitdesk.server.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The server's {@code Main} in a JVM of its own, as an operator starts it (and as kill -9 ends it). */
public final class ServerProcess implements AutoCloseable {
    private static final java.util.concurrent.Executor READERS =
            task -> Thread.ofVirtual().start(task);
    private final Process process;
    private final CompletableFuture<String> stderr;
    private final BufferedReader stdout;

    private ServerProcess(Process process) {
        this.process = process;
        // Readers get threads of their own: the common pool may have one thread on a small machine.
        this.stderr = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        return "";
                    }
                },
                READERS);
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@code com.recruitdesk.server.Main} with exactly these RD_ variables. */
    public static ServerProcess start(Map<String, String> env) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                "com.recruitdesk.server.Main"));
        pb.environment().keySet().removeIf(k -> k.startsWith("RD_"));
        pb.environment().putAll(env);
        return new ServerProcess(pb.start());
    }

    /** Waits for the line Main prints once it serves requests. */
    public String awaitReadyLine(Duration timeout) throws IOException {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return stdout.readLine();
                    } catch (IOException e) {
                        return null;
                    }
                },
                READERS);
        try {
            return line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IOException("the server printed no ready line; stderr: " + stderrSoFar(), e);
        }
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the server did not exit within " + timeout);
        }
        return process.exitValue();
    }

    /** Everything written to standard error, once the process has ended. */
    public String stderr() {
        return stderr.join();
    }

    private String stderrSoFar() {
        return stderr.isDone() ? stderr.join() : "(still running)";
    }

    /** kill -9: no shutdown hook runs, so the embedded PostgreSQL is left behind. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }
}
