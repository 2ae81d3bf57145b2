package com.recruitdesk.server.platform.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.server.platform.access.Principal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** Everything a mutator works with: the caller, the arguments, and the transaction's connection. */
public final class MutationContext {
    private final Connection connection;
    private final Principal principal;
    private final UUID mutationId;
    private final String name;
    private final ObjectNode args;
    private final ObjectMapper mapper;
    private final Instant now;

    MutationContext(
            Connection connection,
            Principal principal,
            UUID mutationId,
            String name,
            ObjectNode args,
            ObjectMapper mapper,
            Instant now) {
        this.connection = connection;
        this.principal = principal;
        this.mutationId = mutationId;
        this.name = name;
        this.args = args;
        this.mapper = mapper;
        this.now = now;
    }

    public Connection connection() {
        return connection;
    }

    public Principal principal() {
        return principal;
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

    /** The arguments as {@code type}; a wrong shape is an {@code invalid} rejection. */
    public <T> T args(Class<T> type) {
        try {
            return mapper.treeToValue(args, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw Rejection.invalid("The arguments of " + name + " do not have the expected fields and types.");
        }
    }

    /** Records a person's state change in the audit log, in the same transaction. */
    public void logActivity(String entityType, UUID entityId, String description, ObjectNode details)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                insert into activity_logs (organization_id, user_id, action_type, entity_type, entity_id, description, details)
                values (?, ?, ?, ?, ?, ?, ?::jsonb)
                """)) {
            ps.setObject(1, principal.organizationId());
            ps.setObject(2, principal.userId());
            ps.setString(3, name);
            ps.setString(4, entityType);
            ps.setObject(5, entityId);
            ps.setString(6, description);
            ps.setString(7, details == null ? null : details.toString());
            ps.executeUpdate();
        }
    }
}
