package com.recruitdesk.server;

import com.recruitdesk.server.platform.StartupException;
import com.recruitdesk.server.platform.config.ConfigException;
import com.recruitdesk.server.platform.config.ConfigLoader;
import com.recruitdesk.server.platform.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Command-line entry: configuration from the environment, one clear sentence if start-up fails. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        // The server opens no window; the simulator draws its demo photos off-screen.
        System.setProperty("java.awt.headless", "true");
        SyncServer server;
        ServerConfig config;
        try {
            config = ConfigLoader.fromEnvironment();
            server = SyncServer.start(config);
        } catch (ConfigException | StartupException e) {
            LOG.debug("Start-up failed", e);
            System.err.println("RecruitDesk server cannot start: " + e.getMessage());
            System.exit(1);
            return;
        } catch (RuntimeException | Error e) {
            LOG.error("Start-up failed", e);
            System.err.println("RecruitDesk server cannot start because of an unexpected error: " + e
                    + " (the log above has the details).");
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "shutdown"));
        System.out.println("RecruitDesk server is ready on " + (config.tls().isPresent() ? "https" : "http")
                + "://localhost:" + server.port());
    }
}
