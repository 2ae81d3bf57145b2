package com.recruitdesk.server.whatsapp;

import com.recruitdesk.protocol.ErrorCodes;
import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.server.platform.access.Authenticator;
import com.recruitdesk.server.platform.access.Principal;
import com.recruitdesk.server.platform.http.ApiException;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/v1/whatsapp/templates/sync}: an administrator asks for the templates of the
 * organization's WhatsApp Business Accounts to be fetched from Meta now. Answers 202 at once; the
 * background task does the fetching ({@link TemplateSync}).
 */
public final class TemplateSyncController {
    private final Optional<TemplateSync> sync;

    TemplateSyncController(Optional<TemplateSync> sync) {
        this.sync = sync;
    }

    public void sync(Context ctx) {
        Principal principal = Authenticator.principal(ctx);
        if (!principal.has(Role.ADMIN)) {
            throw new ApiException(403, ErrorCodes.FORBIDDEN, "Only an administrator may sync WhatsApp templates.");
        }
        if (sync.isEmpty()) {
            throw new ApiException(
                    409,
                    ErrorCodes.INVALID,
                    "This server runs the WhatsApp simulator; its numbers keep their own templates and there is"
                            + " nothing to fetch from Meta.");
        }
        List<String> wabas;
        try {
            wabas = sync.get().requestAll(principal.organizationId());
        } catch (SQLException e) {
            throw new ApiException(503, ErrorCodes.NOT_READY, "The database is unavailable; try again.");
        }
        if (wabas.isEmpty()) {
            throw new ApiException(
                    409,
                    ErrorCodes.INVALID,
                    "None of your organization's Cloud API numbers has a WhatsApp Business Account id (waba_id),"
                            + " so there are no templates to fetch.");
        }
        ctx.status(202).json(Map.of("whatsappBusinessAccounts", wabas));
    }
}
