package com.recruitdesk.server.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.server.platform.db.Database;
import java.time.Clock;

/**
 * The Administration feature wired by hand: the administrator's read endpoints (the activity log,
 * the numbers' health). Its mutators are {@link AdminMutators}. The retention setting is read by the
 * platform's one feed compaction ({@code platform.sync.FeedCompaction}).
 */
public final class Administration implements AutoCloseable {
    private final ActivityLogController activity;
    private final NumberHealthController health;

    private Administration(ActivityLogController activity, NumberHealthController health) {
        this.activity = activity;
        this.health = health;
    }

    public static Administration start(Database database, ObjectMapper mapper, Clock clock) {
        return new Administration(
                new ActivityLogController(database, mapper, clock), new NumberHealthController(database, clock));
    }

    public ActivityLogController activity() {
        return activity;
    }

    public NumberHealthController health() {
        return health;
    }

    @Override
    public void close() {
        // nothing of its own runs in the background any more
    }
}
