package com.recruitdesk.protocol;

/** HTTP paths of API v1, shared so that client and server cannot drift apart. */
public final class Paths {
    public static final String HEALTH_LIVE = "/health/live";
    public static final String HEALTH_READY = "/health/ready";
    public static final String API = "/api/v1";
    /** Open to anyone: the server's protocol and release ({@link ProtocolVersion.Info}). */
    public static final String VERSION = API + "/version";

    public static final String LOGIN = API + "/auth/login";
    public static final String REFRESH = API + "/auth/refresh";
    public static final String LOGOUT = API + "/auth/logout";
    /** A new password for the current one (a temporary password's first sign-in); answers like a login. */
    public static final String PASSWORD = API + "/auth/password";

    public static final String ME = API + "/me";
    public static final String SYNC_PULL = API + "/sync/pull";
    public static final String SYNC_PUSH = API + "/sync/push";
    public static final String SYNC_STREAM = API + "/sync/stream";
    /** {@code POST} uploads a file ({@code ?id=&filename=}); {@code GET /{id}} downloads one. */
    public static final String BLOBS = API + "/blobs";
    /** Meta calls this one; it is outside {@link #API} because it carries no access token. */
    public static final String WHATSAPP_WEBHOOK = "/webhooks/whatsapp";
    /** Administrators inject an inbound message when the simulator provider is in use. */
    public static final String WHATSAPP_SIMULATOR_INBOUND = API + "/whatsapp/simulator/inbound";
    /** Administrators fetch the templates of the organization's WhatsApp Business Accounts from Meta now. */
    public static final String WHATSAPP_TEMPLATE_SYNC = API + "/whatsapp/templates/sync";

    /** The student's upload page, {@code /enroll/{token}}; outside {@link #API}: the token is its only key. */
    public static final String ENROLL_PAGE = "/enroll";
    /** {@code /{id}/invitation}: the upload page's link; {@code /{id}/trail.csv}, {@code .pdf}: the trail's exports. */
    public static final String COHORT_ENROLLMENTS = API + "/cohorts/enrollments";
    /** Administrators and managers: the activity log, filtered, a page at a time ({@code ActivityPage}). */
    public static final String ADMIN_ACTIVITY = API + "/admin/activity";
    /** The same lines as CSV, every page at once. */
    public static final String ADMIN_ACTIVITY_CSV = API + "/admin/activity.csv";
    /** Administrators and managers: the health of every WhatsApp number ({@code NumberHealth.Report}). */
    public static final String ADMIN_NUMBER_HEALTH = API + "/admin/whatsapp/health";

    private Paths() {}
}
