package com.recruitdesk.server.platform.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads {@link ServerConfig} from environment variables. {@code RD_CONFIG_FILE} may name a
 * properties file with the same keys; a variable set in the environment wins over the file.
 */
public final class ConfigLoader {
    public static final String CONFIG_FILE = "RD_CONFIG_FILE";
    static final int MIN_ADMIN_PASSWORD_LENGTH = 10;

    private ConfigLoader() {}

    public static ServerConfig fromEnvironment() {
        return load(System.getenv());
    }

    /** Reads the configuration from {@code env}, merged over the file it names, if any. */
    public static ServerConfig load(Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        String file = blankToNull(env.get(CONFIG_FILE));
        if (file != null) {
            values.putAll(readProperties(file));
        }
        env.forEach((key, value) -> {
            if (key.startsWith("RD_") && value != null && !value.isBlank()) {
                values.put(key, value.trim());
            }
        });
        return parse(values);
    }

    private static ServerConfig parse(Map<String, String> v) {
        int port = port(v.getOrDefault("RD_HTTP_PORT", "8080"));
        Path dataDir = dataDir(v.get("RD_DATA_DIR"));

        Optional<ServerConfig.ExternalDatabase> database = Optional.empty();
        String url = v.get("RD_DB_URL");
        if (url != null) {
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new ConfigException(
                        "RD_DB_URL must be a PostgreSQL JDBC URL such as jdbc:postgresql://host:5432/recruitdesk, not '"
                                + url + "'.");
            }
            database = Optional.of(new ServerConfig.ExternalDatabase(
                    url, v.getOrDefault("RD_DB_USER", ""), v.getOrDefault("RD_DB_PASSWORD", "")));
        }

        Optional<ServerConfig.FirstAdmin> admin = Optional.empty();
        String adminEmail = v.get("RD_ADMIN_EMAIL");
        String adminPassword = v.get("RD_ADMIN_PASSWORD");
        if ((adminEmail == null) != (adminPassword == null)) {
            throw new ConfigException("Set both RD_ADMIN_EMAIL and RD_ADMIN_PASSWORD, or neither.");
        }
        if (adminEmail != null) {
            if (!adminEmail.contains("@")) {
                throw new ConfigException("RD_ADMIN_EMAIL must be an email address, not '" + adminEmail + "'.");
            }
            if (adminPassword.length() < MIN_ADMIN_PASSWORD_LENGTH) {
                throw new ConfigException(
                        "RD_ADMIN_PASSWORD must be at least " + MIN_ADMIN_PASSWORD_LENGTH + " characters long.");
            }
            admin = Optional.of(new ServerConfig.FirstAdmin(adminEmail, adminPassword));
        }

        boolean demo = bool("RD_DEMO", v.getOrDefault("RD_DEMO", "false"));

        var whatsApp = new ServerConfig.WhatsAppSettings(
                Optional.ofNullable(v.get("RD_WHATSAPP_APP_SECRET")),
                Optional.ofNullable(v.get("RD_WHATSAPP_VERIFY_TOKEN")),
                Optional.ofNullable(v.get("RD_WHATSAPP_ACCESS_TOKEN")),
                v.getOrDefault("RD_WHATSAPP_API_BASE", ServerConfig.WhatsAppSettings.GRAPH_API),
                positive(
                        "RD_WHATSAPP_SEND_RATE",
                        v.getOrDefault(
                                "RD_WHATSAPP_SEND_RATE",
                                String.valueOf(ServerConfig.WhatsAppSettings.DEFAULT_SEND_RATE))),
                java.time.Duration.ofMillis(positive(
                        "RD_WHATSAPP_TIMEOUT_MS",
                        v.getOrDefault(
                                "RD_WHATSAPP_TIMEOUT_MS",
                                String.valueOf(ServerConfig.WhatsAppSettings.DEFAULT_TIMEOUT.toMillis())))),
                java.time.Duration.ofMinutes(notNegative(
                        "RD_WHATSAPP_TEMPLATE_SYNC_MINUTES",
                        v.getOrDefault(
                                "RD_WHATSAPP_TEMPLATE_SYNC_MINUTES",
                                String.valueOf(ServerConfig.WhatsAppSettings.DEFAULT_TEMPLATE_SYNC.toMinutes())))),
                java.time.Duration.ofSeconds(positive(
                        "RD_WHATSAPP_SEND_LEASE_SECONDS",
                        v.getOrDefault(
                                "RD_WHATSAPP_SEND_LEASE_SECONDS",
                                String.valueOf(ServerConfig.WhatsAppSettings.DEFAULT_SEND_LEASE.toSeconds())))));
        if (whatsApp.sendLease().compareTo(whatsApp.requestTimeout()) <= 0) {
            throw new ConfigException("RD_WHATSAPP_SEND_LEASE_SECONDS must be longer than RD_WHATSAPP_TIMEOUT_MS ("
                    + whatsApp.requestTimeout().toMillis()
                    + " ms), or a slow send could be taken up by another instance.");
        }
        if (!whatsApp.simulator() && whatsApp.accessToken().isEmpty()) {
            throw new ConfigException("RD_WHATSAPP_ACCESS_TOKEN is required when RD_WHATSAPP_APP_SECRET is set.");
        }
        long blobMaxBytes = positiveLong(
                "RD_BLOB_MAX_BYTES",
                v.getOrDefault("RD_BLOB_MAX_BYTES", String.valueOf(ServerConfig.DEFAULT_BLOB_MAX_BYTES)));
        int retentionDays = positive(
                "RD_FEED_RETENTION_DAYS",
                v.getOrDefault("RD_FEED_RETENTION_DAYS", String.valueOf(ServerConfig.DEFAULT_FEED_RETENTION.toDays())));
        return new ServerConfig(
                port,
                dataDir,
                database,
                admin,
                demo,
                whatsApp,
                blobMaxBytes,
                TlsKeys.load(v),
                java.time.Duration.ofDays(retentionDays));
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("RD_HTTP_PORT must be a port number from 0 to 65535, not '" + text + "'.");
    }

    private static int positive(String key, String text) {
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(key + " must be a whole number above 0, not '" + text + "'.");
    }

    private static long positiveLong(String key, String text) {
        try {
            long value = Long.parseLong(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(key + " must be a whole number of bytes above 0, not '" + text + "'.");
    }

    private static int notNegative(String key, String text) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(key + " must be a whole number of 0 or more, not '" + text + "'.");
    }

    private static Path dataDir(String text) {
        if (text == null) {
            return Path.of(System.getProperty("user.home"), ".recruitdesk", "server");
        }
        try {
            return Path.of(text).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new ConfigException("RD_DATA_DIR is not a usable path: '" + text + "'.");
        }
    }

    private static boolean bool(String key, String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new ConfigException(key + " must be true or false, not '" + text + "'.");
        };
    }

    private static Map<String, String> readProperties(String file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file))) {
            properties.load(reader);
        } catch (IOException | InvalidPathException e) {
            throw new ConfigException("Cannot read the configuration file named by " + CONFIG_FILE + ": " + file + ".");
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> {
            String value = blankToNull(properties.getProperty(key));
            if (value != null) {
                values.put(key, value.trim());
            }
        });
        return values;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
