package com.recruitdesk.server.admin;

import com.recruitdesk.protocol.ErrorCodes;
import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.server.platform.access.Authenticator;
import com.recruitdesk.server.platform.access.Principal;
import com.recruitdesk.server.platform.http.ApiException;
import io.javalin.http.Context;

/** Who may read what administration shows (the activity log, the numbers' health): administrators and managers. */
final class AdminReaders {
    private AdminReaders() {}

    /** The caller, if an administrator or a manager; a 403 naming {@code what} otherwise ("read the activity log"). */
    static Principal require(Context ctx, String what) {
        Principal who = Authenticator.principal(ctx);
        if (!who.has(Role.ADMIN) && !who.has(Role.MANAGER)) {
            throw new ApiException(403, ErrorCodes.FORBIDDEN, "Only administrators and managers may " + what + ".");
        }
        return who;
    }
}
