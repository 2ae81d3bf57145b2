package com.recruitdesk.server.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.server.platform.db.Database;
import java.time.Clock;

/**
 * The Administration feature wired by hand: the administrator's read endpoints (the activity log,
 * the numbers' health) and the change feed's compaction by the retention setting. Its mutators are
 * {@link AdminMutators}.
 */
public final class Administration implements AutoCloseable {
    private final ActivityLogController activity;
    private final NumberHealthController health;
    private final FeedCompaction compaction;

    private Administration(ActivityLogController activity, NumberHealthController health, FeedCompaction compaction) {
        this.activity = activity;
        this.health = health;
        this.compaction = compaction;
    }

    public static Administration start(Database database, ObjectMapper mapper, Clock clock) {
        FeedCompaction compaction = new FeedCompaction(database, clock);
        compaction.start();
        return new Administration(
                new ActivityLogController(database, mapper, clock),
                new NumberHealthController(database, clock),
                compaction);
    }

    public ActivityLogController activity() {
        return activity;
    }

    public NumberHealthController health() {
        return health;
    }

    @Override
    public void close() {
        compaction.close();
    }
}
