package com.recruitdesk.server.platform.health;

import com.recruitdesk.protocol.ErrorCodes;
import com.recruitdesk.protocol.Health;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.http.ApiException;
import io.javalin.http.Context;

/** Liveness (the process answers) and readiness (the database answers and is migrated). */
public final class HealthController {
    private final Database database;

    public HealthController(Database database) {
        this.database = database;
    }

    public void live(Context ctx) {
        ctx.json(Health.up());
    }

    public void ready(Context ctx) {
        database.notReadyReason().ifPresent(reason -> {
            throw new ApiException(503, ErrorCodes.NOT_READY, "Not ready: " + reason + ".");
        });
        ctx.json(Health.up());
    }
}
