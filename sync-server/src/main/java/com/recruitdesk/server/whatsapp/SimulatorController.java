package com.recruitdesk.server.whatsapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.ErrorCodes;
import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.server.blobs.Blobs;
import com.recruitdesk.server.blobs.StoredBlob;
import com.recruitdesk.server.people.WhatsAppIdentity;
import com.recruitdesk.server.platform.access.Authenticator;
import com.recruitdesk.server.platform.access.Principal;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.http.ApiException;
import com.recruitdesk.server.platform.http.JsonBodies;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /api/v1/whatsapp/simulator/inbound}: an administrator injects an inbound text as if
 * a person had written to one of the organization's simulated numbers. It takes the same path as a
 * webhook from Meta. With {@code mediaBlobId} (a file uploaded to the blob endpoint first) it is a
 * photo, video, audio or document instead, {@code text} its caption, and the media task downloads
 * it like Meta's.
 */
public final class SimulatorController {
    /**
     * The request: which number, from whom (E.164, wa_id, or a business-scoped user id such as
     * {@code ZA.1234567890} for a person known only by their username), their profile name, the
     * text, optionally their username, and optionally a file ({@code mediaBlobId}).
     */
    public record Inbound(
            UUID whatsappAccountId, String from, String name, String text, String username, UUID mediaBlobId) {}

    private final Database database;
    private final Providers providers;
    private final Simulator simulator;
    private final JsonBodies bodies;

    SimulatorController(Database database, Providers providers, Simulator simulator, ObjectMapper mapper) {
        this.database = database;
        this.providers = providers;
        this.simulator = simulator;
        this.bodies = new JsonBodies(mapper);
    }

    public void inbound(Context ctx) {
        Principal principal = Authenticator.principal(ctx);
        if (!principal.has(Role.ADMIN)) {
            throw new ApiException(403, ErrorCodes.FORBIDDEN, "Only an administrator may inject simulated messages.");
        }
        Inbound request = bodies.read(ctx, Inbound.class);
        String text = request.mediaBlobId() == null ? JsonBodies.required(request.text(), "text") : request.text();
        String from = JsonBodies.required(request.from(), "from").trim();
        boolean byUserId = WhatsAppIdentity.isUserId(from);
        String waId = byUserId ? null : WhatsAppIdentity.e164(from);
        if (!byUserId && waId == null) {
            throw new ApiException(
                    400,
                    ErrorCodes.INVALID,
                    "'from' must be a phone number in E.164 form, such as +27821234567, or a WhatsApp user id such as"
                            + " ZA.13491208655302741918.");
        }
        if (request.whatsappAccountId() == null) {
            throw new ApiException(400, ErrorCodes.INVALID, "The field 'whatsappAccountId' is required.");
        }
        try {
            Optional<WhatsAppAccount> account = database.jdbcTransaction(
                    Connection.TRANSACTION_READ_COMMITTED, c -> WhatsAppAccounts.byId(c, request.whatsappAccountId()));
            if (account.isEmpty() || !account.get().organizationId().equals(principal.organizationId())) {
                throw new ApiException(
                        404, ErrorCodes.NOT_FOUND, "There is no such WhatsApp number in your organization.");
            }
            if (!providers.simulates(account.get())) {
                throw new ApiException(
                        409,
                        ErrorCodes.INVALID,
                        "This number is served by the Cloud API; only simulated numbers take injected messages.");
            }
            String name = request.name() == null || request.name().isBlank()
                    ? (request.username() != null ? request.username() : from)
                    : request.name();
            WhatsAppIdentity sender =
                    new WhatsAppIdentity(byUserId ? from : null, null, waId, request.username(), name);
            String wamid;
            if (request.mediaBlobId() == null) {
                wamid = simulator.inbound(account.get(), sender, text);
            } else {
                StoredBlob file = database.jdbcTransaction(
                                Connection.TRANSACTION_READ_COMMITTED,
                                c -> Blobs.find(c, request.mediaBlobId(), principal.organizationId()))
                        .orElseThrow(() -> new ApiException(
                                404,
                                ErrorCodes.NOT_FOUND,
                                "There is no such file (mediaBlobId) in your organization."));
                wamid = simulator.inboundMedia(account.get(), sender, text, file);
            }
            ctx.status(201).json(Map.of("providerMessageId", wamid));
        } catch (SQLException e) {
            throw new ApiException(503, ErrorCodes.NOT_READY, "The database is unavailable; try again.");
        }
    }
}
