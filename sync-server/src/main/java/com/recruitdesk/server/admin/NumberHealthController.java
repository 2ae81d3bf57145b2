package com.recruitdesk.server.admin;

import com.recruitdesk.server.platform.access.Principal;
import com.recruitdesk.server.platform.db.Database;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/** {@code GET /admin/whatsapp/health}: how every number of the organization is doing, measured now. */
public final class NumberHealthController {
    private final Database database;
    private final Clock clock;

    NumberHealthController(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public void report(Context ctx) throws SQLException {
        Principal who = AdminReaders.require(ctx, "see the numbers' health");
        ctx.json(database.jdbcTransaction(
                Connection.TRANSACTION_READ_COMMITTED,
                c -> NumberHealthReport.measure(c, who.organizationId(), clock.instant())));
    }
}
