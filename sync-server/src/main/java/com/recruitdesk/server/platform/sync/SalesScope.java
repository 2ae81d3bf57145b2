package com.recruitdesk.server.platform.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.sync.Entities;
import java.util.List;

/**
 * What SALES reads of the feed (seed 002's sales module): the organization, its users (owners and
 * assignees by name), leads, sales tasks, clients and the jobs of clients; never a conversation,
 * message, person or application. The rule is on the entry's entity, so a user who becomes SALES
 * gets the history on their reset; a job that loses its client reaches SALES as a delete.
 */
final class SalesScope {
    static final Role ROLE = Role.SALES;
    static final List<String> ENTITIES = List.of(
            Entities.ORGANIZATION, Entities.USER, Entities.LEAD, Entities.SALES_TASK, Entities.CLIENT, Entities.JOB);

    private SalesScope() {}

    /** True for an entity whose rows {@link #keeps} decides by their values (a job, by its client). */
    static boolean decidedByValues(String entity) {
        return Entities.JOB.equals(entity);
    }

    /** False for an upsert SALES reads only as "gone": a job without a client. */
    static boolean keeps(String entity, ObjectNode raw) {
        return !decidedByValues(entity)
                || raw == null
                || !raw.path("client_id").isNull() && !raw.path("client_id").isMissingNode();
    }
}
