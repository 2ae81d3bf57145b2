package com.recruitdesk.app.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** Names the store file of one (server, user): a short hash of the server address plus the user id. */
public final class StoreFiles {
    private StoreFiles() {}

    public static Path forUser(Path dataDir, String server, UUID userId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(server.getBytes(StandardCharsets.UTF_8));
            String serverPart = HexFormat.of().formatHex(hash, 0, 6);
            return dataDir.resolve("stores").resolve(serverPart + "-" + userId + ".db");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
