package com.recruitdesk.server.bench;

import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.util.UUID;

/**
 * Exports of a job's applications built by the server's own background task, as it builds them for
 * people: Excel (Apache POI's streaming workbook) next to CSV and JSON of the same rows, measured in
 * the same run — time from queued to completed, bytes the export thread allocated, the heap's peak.
 * Run with {@code bench/exports [applications=5000]}; prints figures.
 */
public final class ExportBenchmark {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        try (TestServer server = TestServer.withoutDemo()) {
            SyncFixture world = SyncFixture.create(server.database);
            UUID job;
            try (Connection c = SyncFixture.connect(server.database)) {
                job = SyncFixture.insert(
                        c,
                        "insert into jobs (organization_id, title, status, slug) values (?, 'Benchmark job', 'open',"
                                + " 'benchmark-job') returning id",
                        world.organization());
                try (var s = c.prepareStatement("""
                        with people as (
                          insert into candidates (organization_id, email, full_name, location, current_job_title,
                                                  total_experience_years, skills)
                          select ?, 'bench' || g || '@example.test', 'Candidate ' || g, 'Cape Town', 'Picker',
                                 g % 15, jsonb_build_array('forklift', 'first aid', 'stock control')
                            from generate_series(1, ?) g returning id)
                        insert into applications (organization_id, candidate_id, job_id, stage, match_score,
                                                  follow_up_remarks, ai_custom_summary)
                        select ?, id, ?, 'screening', 70, 'Call after 14:00',
                               'Five years on the floor, forklift licence, available at once.'
                          from people
                        """)) {
                    s.setObject(1, world.organization());
                    s.setInt(2, n);
                    s.setObject(3, world.organization());
                    s.setObject(4, job);
                    s.executeUpdate();
                }
            }
            System.out.printf(
                    "RecruitDesk export benchmark — %,d applications, %d cores, max heap %d MB%n",
                    n,
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
            run(server, world, job, "csv"); // warm-up: JIT, POI's classes and the database's caches
            run(server, world, job, "excel");
            for (String format : new String[] {"csv", "excel", "json"}) {
                double[] r = run(server, world, job, format);
                System.out.printf(
                        "%-5s %,8.0f ms claimed → completed, export thread allocated %,6.0f MB, heap peak %,5.0f MB,"
                                + " ZIP %,7.0f kB%n",
                        format, r[0], r[1], r[2], r[3]);
            }
        }
    }

    /** One export built by the server's task: ms, MB allocated by its thread, MB heap peak, kB of ZIP. */
    private static double[] run(TestServer server, SyncFixture world, UUID job, String format) throws Exception {
        Thread builder = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("pipeline-exports"))
                .findFirst()
                .orElseThrow();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .forEach(MemoryPoolMXBean::resetPeakUsage);
        long allocated = threads.getThreadAllocatedBytes(builder.threadId());
        UUID export = UUID.randomUUID();
        SyncFixture.execute(
                server.database,
                "insert into export_jobs (id, organization_id, job_id, created_by_user_id, export_format, with_cvs)"
                        + " values (?, ?, ?, (select id from users where email = ?), ?, false)",
                export,
                world.organization(),
                job,
                TestServer.RECRUITER,
                format);
        // The task polls every second: time from its claim (status processing) to the export done.
        while (status(server, export).equals("queued")) {
            Thread.sleep(1);
        }
        long start = System.nanoTime();
        String status;
        while ((status = status(server, export)).equals("processing")) {
            Thread.sleep(1);
        }
        double ms = (System.nanoTime() - start) / 1e6;
        if (!"completed".equals(status)) {
            throw new IllegalStateException("the " + format + " export " + status);
        }
        double mb = (threads.getThreadAllocatedBytes(builder.threadId()) - allocated) / 1e6;
        double peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP)
                        .mapToLong(p -> p.getPeakUsage().getUsed())
                        .sum()
                / 1e6;
        long zip = SyncFixture.count(
                server.database,
                "select b.size_bytes from export_jobs e join blobs b on b.id = e.result_blob_id where e.id = ?",
                export);
        return new double[] {ms, mb, peak, zip / 1e3};
    }

    private static String status(TestServer server, UUID export) throws Exception {
        try (Connection c = SyncFixture.connect(server.database);
                var s = c.prepareStatement("select status from export_jobs where id = ?")) {
            s.setObject(1, export);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
