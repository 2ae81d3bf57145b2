package com.recruitdesk.server.platform.http;

import com.recruitdesk.protocol.ErrorCodes;
import com.recruitdesk.protocol.ProtocolVersion;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The version handshake (decision 0022): {@code GET /api/v1/version} tells anyone which protocol
 * this server speaks and the oldest it serves, and a request whose {@link ProtocolVersion#HEADER}
 * is below that minimum is answered 426 with a sentence the desktop shows as it is. A request
 * without the header (curl, scripts) is served: only a desktop sends it.
 */
public final class VersionHandshake {
    /**
     * The oldest desktop protocol this server serves. Raise it together with
     * {@link ProtocolVersion#CURRENT} when the server stops understanding older desktops.
     */
    public static final int MIN_CLIENT_PROTOCOL = 1;

    private final ProtocolVersion.Info info;

    public VersionHandshake(int protocol, int minClientProtocol, String serverVersion) {
        this.info = new ProtocolVersion.Info(protocol, minClientProtocol, serverVersion);
    }

    /** This build's protocol, minimum and release. */
    public static VersionHandshake current() {
        return new VersionHandshake(ProtocolVersion.CURRENT, MIN_CLIENT_PROTOCOL, serverVersion());
    }

    public ProtocolVersion.Info info() {
        return info;
    }

    /** {@code GET /api/v1/version}, open to anyone. */
    public void version(Context ctx) {
        ctx.json(info);
    }

    /** A before-handler for {@code /api/*}, registered ahead of sign-in checks so an old desktop hears why. */
    public void check(Context ctx) {
        String header = ctx.header(ProtocolVersion.HEADER);
        if (header == null || header.isBlank()) {
            return;
        }
        int protocol;
        try {
            protocol = Integer.parseInt(header.strip());
        } catch (NumberFormatException e) {
            throw new ApiException(
                    400,
                    ErrorCodes.INVALID,
                    ProtocolVersion.HEADER + " must be a whole number, not '" + header.strip() + "'.");
        }
        if (protocol < info.minClientProtocol()) {
            throw new ApiException(
                    426,
                    ProtocolVersion.CLIENT_TOO_OLD,
                    "This RecruitDesk desktop is older than the server; install version " + info.serverVersion()
                            + " or newer.",
                    Map.of(ProtocolVersion.HEADER, Integer.toString(info.protocol())));
        }
    }

    /** The release this server was built as, from the build; "development" when run from an IDE's classes. */
    static String serverVersion() {
        try (InputStream in = VersionHandshake.class.getResourceAsStream("server-version.properties")) {
            if (in == null) {
                return "development";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            return version.isBlank() || version.startsWith("${") ? "development" : version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
