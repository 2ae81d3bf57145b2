package com.recruitdesk.server;

import com.recruitdesk.protocol.Paths;
import com.recruitdesk.server.auth.AuthController;
import com.recruitdesk.server.auth.Authenticator;
import com.recruitdesk.server.health.HealthController;
import io.javalin.config.RoutesConfig;

/** Every route of the server in one table; tests run against this same table. */
final class Routes {
    private Routes() {}

    static void register(RoutesConfig r, HealthController health, Authenticator authenticator, AuthController auth) {
        r.get(Paths.HEALTH_LIVE, health::live);
        r.get(Paths.HEALTH_READY, health::ready);

        r.before(Paths.API + "/*", authenticator::authenticate);
        r.post(Paths.LOGIN, auth::login);
        r.post(Paths.REFRESH, auth::refresh);
        r.post(Paths.LOGOUT, auth::logout);
        r.get(Paths.ME, auth::me);
    }
}
