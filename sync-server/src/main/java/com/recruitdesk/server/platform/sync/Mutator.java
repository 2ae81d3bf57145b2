package com.recruitdesk.server.platform.sync;

import java.sql.SQLException;

/**
 * One named mutation: check who may, validate, apply, all on the context's connection inside the
 * mutation's transaction. Throws {@link Rejection} to refuse; row changes reach the feed by trigger.
 */
public interface Mutator {
    String name();

    void apply(MutationContext context) throws SQLException;
}
