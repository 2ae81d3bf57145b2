package com.recruitdesk.server.platform.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything the server is told at start. Built by {@link ConfigLoader} from the environment
 * variables of ARCHITECTURE.md (and an optional properties file with the same keys).
 *
 * @param httpPort port to listen on; 0 picks a free one (tests)
 * @param dataDir embedded database, blobs, logs
 * @param database external PostgreSQL; empty means the embedded one under {@code dataDir}
 * @param firstAdmin the administrator created once when no user exists
 * @param demo load the demo organization and its users at start
 * @param blobMaxBytes largest file the blob store takes, by upload or WhatsApp download
 * @param tls the certificate to serve HTTPS with; empty serves plain HTTP (behind a TLS proxy, or on this computer)
 * @param feedRetention how long the change feed keeps superseded versions of a row before compaction
 *     prunes them (a desktop whose cursor is older reads a snapshot instead)
 */
public record ServerConfig(
        int httpPort,
        Path dataDir,
        Optional<ExternalDatabase> database,
        Optional<FirstAdmin> firstAdmin,
        boolean demo,
        WhatsAppSettings whatsApp,
        long blobMaxBytes,
        Optional<TlsSettings> tls,
        java.time.Duration feedRetention) {
    public static final java.time.Duration DEFAULT_FEED_RETENTION = java.time.Duration.ofDays(30);

    /** WhatsApp's own limit for documents, the largest file it carries. */
    public static final long DEFAULT_BLOB_MAX_BYTES = 100L * 1024 * 1024;

    public record ExternalDatabase(String url, String user, String password) {
        @Override
        public String toString() {
            return "ExternalDatabase[url=" + url + ", user=" + user + ", password=<hidden>]";
        }
    }

    public record FirstAdmin(String email, String password) {
        @Override
        public String toString() {
            return "FirstAdmin[email=" + email + ", password=<hidden>]";
        }
    }

    /**
     * Cloud API credentials (all empty selects the simulator provider) and how the sender behaves.
     *
     * @param sendRatePerSecond most messages sent per second per WhatsApp number by one server instance
     * @param requestTimeout how long one call to the Graph API may take before it counts as timed out
     * @param templateSyncInterval how often templates are fetched from Meta (and once at start);
     *     zero fetches them only when asked (the admin endpoint, a template webhook)
     * @param sendLease how long a message stays with the instance sending it: taken again just
     *     before each send, and longer than {@code requestTimeout}, so no other instance sends it meanwhile
     */
    public record WhatsAppSettings(
            Optional<String> appSecret,
            Optional<String> verifyToken,
            Optional<String> accessToken,
            String apiBase,
            int sendRatePerSecond,
            java.time.Duration requestTimeout,
            java.time.Duration templateSyncInterval,
            java.time.Duration sendLease) {
        public static final String GRAPH_API = "https://graph.facebook.com/v23.0";
        /** Meta's default throughput for a business phone number. */
        public static final int DEFAULT_SEND_RATE = 80;

        public static final java.time.Duration DEFAULT_TIMEOUT = java.time.Duration.ofSeconds(15);
        public static final java.time.Duration DEFAULT_TEMPLATE_SYNC = java.time.Duration.ofMinutes(15);
        public static final java.time.Duration DEFAULT_SEND_LEASE = java.time.Duration.ofMinutes(2);

        public boolean simulator() {
            return appSecret.isEmpty();
        }

        @Override
        public String toString() {
            return "WhatsAppSettings[" + (simulator() ? "simulator" : "cloud api at " + apiBase) + "]";
        }
    }

    public ServerConfig withHttpPort(int port) {
        return new ServerConfig(port, dataDir, database, firstAdmin, demo, whatsApp, blobMaxBytes, tls, feedRetention);
    }
}
