package com.recruitdesk.app.store;

import java.sql.SQLException;
import java.sql.Statement;

/** Upgrade tests' older stores, made out of a store of today's version. */
final class OlderStores {
    private OlderStores() {}

    /**
     * As version 7 kept it: every server row in {@code rows} (those shown as sent with a null {@code
     * data}, their JSON in {@code current}), and {@code current} without version or feed place.
     */
    static void asVersion7(Statement s) throws SQLException {
        s.execute("insert into rows (entity, id, version, seq, data)"
                + " select entity, id, version, seq, null from current where pending = 0");
        s.execute("alter table current drop column version");
        s.execute("alter table current drop column seq");
        s.execute("pragma user_version = 7");
    }
}
