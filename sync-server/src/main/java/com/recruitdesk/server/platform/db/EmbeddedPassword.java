package com.recruitdesk.server.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;

/**
 * The embedded cluster's superuser password: made once, kept in a file only the server's user may
 * read, and required of every connection. The library creates clusters with {@code trust}
 * authentication (anyone on the machine connects as the superuser); this sets the password and
 * rewrites {@code pg_hba.conf} to scram-sha-256 on first start and on a cluster made before.
 */
final class EmbeddedPassword {
    private static final SecureRandom RANDOM = new SecureRandom();

    private EmbeddedPassword() {}

    /** Writes a new random password to {@code file} (mode 600, created so) and returns it. */
    static String create(Path file) throws IOException {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap((password + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        }
        return password;
    }

    /** True when the cluster's pg_hba.conf trusts no one (every rule asks for a password). */
    static boolean required(Path cluster) throws IOException {
        return rules(cluster).stream().noneMatch(line -> line.matches(".*\\strust\\s*$"));
    }

    /** Gives the superuser {@code password}, then makes every connection present it. */
    static void require(EmbeddedPostgres postgres, Path cluster, String password) throws SQLException, IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("set password_encryption = 'scram-sha-256'");
            }
            // ALTER ROLE takes no bind parameters; the password is base64url, so quoting it is safe.
            try (Statement s = c.createStatement()) {
                s.execute("alter role postgres with password '" + password.replace("'", "''") + "'");
            }
            Path hba = cluster.resolve("pg_hba.conf");
            List<String> lines = Files.readAllLines(hba).stream()
                    .map(line -> line.startsWith("#") ? line : line.replaceAll("\\strust\\s*$", " scram-sha-256"))
                    .toList();
            Files.write(hba, lines);
            try (PreparedStatement ps = c.prepareStatement("select pg_reload_conf()")) {
                ps.execute();
            }
        }
        if (!required(cluster)) {
            throw new IllegalStateException("pg_hba.conf still trusts connections in " + cluster);
        }
    }

    private static List<String> rules(Path cluster) throws IOException {
        Path hba = cluster.resolve("pg_hba.conf");
        if (!Files.isRegularFile(hba)) {
            return List.of();
        }
        return Files.readAllLines(hba).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }
}
