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

    /**
     * Deletes a closed store: the file, its journal files and the folder of its photos and documents
     * (this computer's whole copy of that user's data on that server).
     */
    public static void remove(Path storeFile) throws java.io.IOException {
        for (String suffix : java.util.List.of("", "-wal", "-shm", "-journal")) {
            java.nio.file.Files.deleteIfExists(storeFile.resolveSibling(storeFile.getFileName() + suffix));
        }
        Path files = BlobFiles.besideStore(storeFile).folder();
        if (java.nio.file.Files.isDirectory(files)) {
            try (var walk = java.nio.file.Files.walk(files)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.deleteIfExists(p);
                }
            }
        }
    }

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
