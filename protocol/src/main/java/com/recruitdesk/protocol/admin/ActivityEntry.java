package com.recruitdesk.protocol.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of the activity log as the administrator reads it: who ({@code userId} null for the
 * system) did what ({@code actionType}, the mutation's name or a system event) to which row, when,
 * and from which address.
 */
public record ActivityEntry(
        UUID id,
        Instant at,
        UUID userId,
        String userName,
        String actionType,
        String severity,
        String entityType,
        UUID entityId,
        String description,
        JsonNode details,
        String ipAddress) {}
