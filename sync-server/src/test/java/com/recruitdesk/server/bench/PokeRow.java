package com.recruitdesk.server.bench;

import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Poke → change latency as a user sees it, measured by {@link PokeClients} in a JVM of its own: the
 * server's process then holds only the server's ends of the sockets, as in production, and neither
 * side's threads, heap or open files are counted against the other (the machine's hard limit of
 * open files per process is what 5,000 sockets with both ends in one process ran into).
 */
final class PokeRow {
    private PokeRow() {}

    static void run(TestServer server, SyncFixture world, int clients, String cursor, String what) throws Exception {
        long fellBehind = server.server.pokes().fellBehind();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The benchmark's own JVM options (heap, native access), but no second recording of a profile.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-XX:StartFlightRecording") && !a.startsWith("-agentlib"))
                .forEach(command::add);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                PokeClients.class.getName(),
                Integer.toString(server.server.port()),
                Integer.toString(clients),
                cursor,
                world.conversation().toString(),
                what));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        ProcessHandle postgres = postmaster(server);
        long[] before = null;
        long[] after = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals(PokeClients.ROUNDS_START)) {
                    before = cpu(process, postgres);
                } else if (line.equals(PokeClients.ROUNDS_END)) {
                    after = cpu(process, postgres);
                } else {
                    System.out.println(line);
                }
            }
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the clients' JVM did not finish in 15 minutes");
            }
        } finally {
            process.destroy();
        }
        if (before != null && after != null) {
            System.out.printf(
                    "poke → change, %s: CPU during the rounds: server's JVM %d ms, PostgreSQL %d ms, clients' JVM %d ms%n",
                    what, after[0] - before[0], after[1] - before[1], after[2] - before[2]);
        }
        System.out.printf(
                "poke → change, %s: %d times a socket fell behind by more carried pokes than may wait on the server"
                        + " (they became one plain poke)%n",
                what, server.server.pokes().fellBehind() - fellBehind);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the clients' JVM exited with " + process.exitValue());
        }
    }

    /** CPU milliseconds so far of this JVM, the database (its postmaster and backends) and the clients' JVM. */
    private static long[] cpu(Process clients, ProcessHandle postgres) {
        return new long[] {cpuMillis(ProcessHandle.current().pid()), databaseCpu(postgres), cpuMillis(clients.pid())};
    }

    /** PostgreSQL's CPU so far: the postmaster's and its live backends'. */
    static long databaseCpu(ProcessHandle postgres) {
        return cpuMillis(postgres.pid())
                + postgres.descendants().mapToLong(p -> cpuMillis(p.pid())).sum();
    }

    /** User and system time from {@code /proc/<pid>/stat} (Linux; 0 where it cannot be read). */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // 100 ticks a second
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static ProcessHandle postmaster(TestServer server) throws Exception {
        try (Connection c = SyncFixture.connect(server.database);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show data_directory")) {
            rs.next();
            String pid = Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid"))
                    .getFirst();
            return ProcessHandle.of(Long.parseLong(pid.trim())).orElseThrow();
        }
    }
}
