package com.recruitdesk.app.cohorts.data;

import com.recruitdesk.app.api.ApiFailure;
import com.recruitdesk.app.api.SessionEnded;
import com.recruitdesk.app.api.Unreachable;
import com.recruitdesk.app.blobs.Blobs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The file a reviewer looks at and the SHA-256 of exactly those bytes, which their decision names.
 * A cached copy whose bytes are not the document's is dropped and fetched again; one that still
 * differs is shown as it is, so the server refuses a decision on it (decision 0030).
 */
public record ViewedFile(Path path, String sha256) {
    public static ViewedFile fetch(Blobs blobs, ReviewItem item)
            throws Unreachable, ApiFailure, SessionEnded, IOException {
        Path file = blobs.fetch(item.blobId());
        String sha = sha256(file);
        if (!sha.equals(item.sha256())) {
            Files.deleteIfExists(file);
            file = blobs.fetch(item.blobId());
            sha = sha256(file);
        }
        return new ViewedFile(file, sha);
    }

    /** True when the bytes shown are the ones the document's record names. */
    public boolean matches(ReviewItem item) {
        return sha256.equals(item.sha256());
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
