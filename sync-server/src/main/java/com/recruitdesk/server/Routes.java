package com.recruitdesk.server;

import com.recruitdesk.protocol.Paths;
import com.recruitdesk.server.admin.Administration;
import com.recruitdesk.server.auth.AuthController;
import com.recruitdesk.server.blobs.BlobController;
import com.recruitdesk.server.cohorts.Cohorts;
import com.recruitdesk.server.pipelines.JobPages;
import com.recruitdesk.server.platform.access.Authenticator;
import com.recruitdesk.server.platform.health.HealthController;
import com.recruitdesk.server.platform.http.VersionHandshake;
import com.recruitdesk.server.platform.sync.Pokes;
import com.recruitdesk.server.platform.sync.SyncController;
import com.recruitdesk.server.whatsapp.WhatsApp;
import io.javalin.config.RoutesConfig;

/** Every route of the server in one table; tests run against this same table. */
final class Routes {
    private Routes() {}

    static void register(
            RoutesConfig r,
            HealthController health,
            Authenticator authenticator,
            AuthController auth,
            SyncController sync,
            Pokes pokes,
            BlobController blobs,
            WhatsApp whatsApp,
            JobPages jobPages,
            Cohorts cohorts,
            Administration admin) {
        r.get(Paths.HEALTH_LIVE, health::live);
        r.get(Paths.HEALTH_READY, health::ready);

        // The version handshake first: a desktop too old for this server hears so, not a confusing 401 or 400.
        VersionHandshake version = VersionHandshake.current();
        r.before(Paths.API + "/*", version::check);
        r.get(Paths.VERSION, version::version);

        r.before(Paths.API + "/*", authenticator::authenticate);
        r.post(Paths.LOGIN, auth::login);
        r.post(Paths.REFRESH, auth::refresh);
        r.post(Paths.LOGOUT, auth::logout);
        r.post(Paths.PASSWORD, auth::changePassword);
        r.get(Paths.ME, auth::me);

        r.get(Paths.SYNC_PULL, sync::pull);
        r.post(Paths.SYNC_PUSH, sync::push);
        r.wsBeforeUpgrade(Paths.SYNC_STREAM, pokes::authenticateUpgrade);
        r.ws(Paths.SYNC_STREAM, pokes::configure);

        r.post(Paths.BLOBS, blobs::upload); // streams its body past the 1 MiB limit, to RD_BLOB_MAX_BYTES
        r.get(Paths.BLOBS + "/{id}", blobs::download);

        // Meta calls these without an access token; the POST is checked by its signature instead.
        r.get(Paths.WHATSAPP_WEBHOOK, whatsApp.webhooks()::verify);
        r.post(Paths.WHATSAPP_WEBHOOK, whatsApp.webhooks()::receive);
        r.post(Paths.WHATSAPP_SIMULATOR_INBOUND, whatsApp.simulator()::inbound);
        r.post(Paths.WHATSAPP_TEMPLATE_SYNC, whatsApp.templates()::sync);

        // Public web pages: no access token.
        r.get(JobPages.LIST, jobPages::list);
        r.get(JobPages.ONE, jobPages::job);
        cohorts.routes(r);
        r.get(Paths.ADMIN_ACTIVITY, admin.activity()::page);
        r.get(Paths.ADMIN_ACTIVITY_CSV, admin.activity()::csv);
        r.get(Paths.ADMIN_NUMBER_HEALTH, admin.health()::report);
    }
}
