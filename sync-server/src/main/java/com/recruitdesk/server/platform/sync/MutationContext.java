package com.recruitdesk.server.platform.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.access.Principal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** Everything a mutator works with besides its arguments: the caller, the time, and the transaction's connection. */
public final class MutationContext {
    private final Connection connection;
    private final Principal principal;
    private final UUID mutationId;
    private final MutationType<?> type;
    private final ObjectMapper mapper;
    private final Instant now;
    private final String address;

    MutationContext(
            Connection connection,
            Principal principal,
            UUID mutationId,
            MutationType<?> type,
            ObjectMapper mapper,
            Instant now) {
        this(connection, principal, mutationId, type, mapper, now, null);
    }

    MutationContext(
            Connection connection,
            Principal principal,
            UUID mutationId,
            MutationType<?> type,
            ObjectMapper mapper,
            Instant now,
            String address) {
        this.connection = connection;
        this.principal = principal;
        this.mutationId = mutationId;
        this.type = type;
        this.mapper = mapper;
        this.now = now;
        this.address = address;
    }

    public Connection connection() {
        return connection;
    }

    public Principal principal() {
        return principal;
    }

    public UUID organizationId() {
        return principal.organizationId();
    }

    public UUID userId() {
        return principal.userId();
    }

    public UUID mutationId() {
        return mutationId;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public Instant now() {
        return now;
    }

    /** The address the push came from (as the HTTP layer sees it), for the activity log; null when unknown. */
    public String address() {
        return address;
    }

    /**
     * Records the caller's state change in the audit log, in the same transaction, under the
     * mutation's name, with the address the push came from.
     */
    public void logActivity(String entityType, UUID entityId, String description, ObjectNode details)
            throws SQLException {
        new ActivityLog(
                        principal.organizationId(),
                        principal.userId(),
                        type.name(),
                        null,
                        entityType,
                        entityId,
                        description,
                        details,
                        address)
                .write(connection);
    }
}
