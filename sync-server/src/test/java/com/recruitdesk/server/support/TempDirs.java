package com.recruitdesk.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Temporary folders for test servers and databases, deleted when the test JVM exits. The shared
 * PostgreSQL cluster alone grows to a few GB over a run; left behind, runs fill the disk.
 */
public final class TempDirs {
    private static final List<Path> CREATED = new CopyOnWriteArrayList<>();
    private static final List<Runnable> BEFORE_DELETE = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TempDirs::cleanUp, "test-temp-cleanup"));
    }

    private TempDirs() {}

    public static Path create(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            CREATED.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code task} at exit before the folders go (e.g. stopping the database that writes in one). */
    public static void atExit(Runnable task) {
        BEFORE_DELETE.add(task);
    }

    private static void cleanUp() {
        for (Runnable task : BEFORE_DELETE) {
            try {
                task.run();
            } catch (RuntimeException e) {
                System.err.println("Test clean-up step failed: " + e);
            }
        }
        for (Path dir : CREATED) {
            deleteAfterExit(dir);
        }
    }

    /**
     * Hands {@code dir} to a {@code rm -rf} that outlives this JVM: the shared cluster holds gigabytes
     * by the end of a run, and deleting them here made the JVM's exit outlast Surefire's 30 s, which
     * then killed it mid-way. Where no {@code rm} can be started, the folder is deleted here.
     */
    private static void deleteAfterExit(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            new ProcessBuilder("rm", "-rf", "--", dir.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            delete(dir);
        }
    }

    /** Deletes {@code dir} and everything in it now; what cannot be deleted stays. */
    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a file still held open: the rest goes anyway
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }
}
