package com.recruitdesk.server.pipelines;

import com.recruitdesk.server.blobs.Blobs;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.tasks.BackgroundThread;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Pipelines feature's background work in every server instance: the action-queue rules
 * ({@link ActionRules}) and the exports ({@link Exports}); both claim their work with SKIP LOCKED,
 * so instances never do the same work twice.
 */
public final class PipelineTasks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineTasks.class);
    static final Duration EXPORT_POLL = Duration.ofSeconds(1);

    private final BackgroundThread rules = new BackgroundThread("pipeline-action-rules");
    private final BackgroundThread exports = new BackgroundThread("pipeline-exports");

    private PipelineTasks() {}

    public static PipelineTasks start(Database database, Blobs blobs, Clock clock) {
        PipelineTasks tasks = new PipelineTasks();
        tasks.rules.repeat(Duration.ofSeconds(2), Duration.ofSeconds(5), () -> {
            try {
                ActionRules.runDue(database, clock);
            } catch (Exception e) {
                LOG.warn("The action-queue rules did not run: {}", e.getMessage());
            }
        });
        Exports builder = new Exports(database, blobs, clock);
        tasks.exports.repeat(EXPORT_POLL, EXPORT_POLL, () -> {
            try {
                builder.drain();
            } catch (Exception e) {
                LOG.warn("Exports were not built: {}", e.getMessage());
            }
        });
        return tasks;
    }

    @Override
    public void close() {
        rules.close();
        exports.close();
    }
}
