package com.recruitdesk.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Crash tests' child JVM: runs a class's {@code main(file)} until it prints "committed", then SIGKILLs it. */
final class KilledChild {
    private KilledChild() {}

    /** In the child, once its writes returned: says so and waits to be killed, closing nothing. */
    static void committedAndWaitToBeKilled() throws InterruptedException {
        System.out.println("committed");
        System.out.flush();
        Thread.sleep(60_000);
    }

    static void runUntilCommittedThenKill(Class<?> main, Path file) throws Exception {
        Process child = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        main.getName(),
                        file.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("committed")) {
                // skip log lines
            }
            assertThat(line).as("the child finished writing").isEqualTo("committed");
            child.destroyForcibly(); // SIGKILL: no close, no checkpoint
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
