package com.recruitdesk.app.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.Json;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The refresh token on disk, in a file only the user can read (mode 600 where the file system has
 * POSIX permissions). Every write goes to a new file that replaces the old one in one rename, after
 * an fsync, so a crash leaves either the old token or the new one, never half of either.
 */
public final class SessionStore {
    private final Path file;
    private final ObjectMapper mapper = Json.newMapper();

    public SessionStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public synchronized Optional<StoredSession> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(Files.readAllBytes(file), StoredSession.class));
        } catch (IOException e) {
            return Optional.empty(); // unreadable: sign in again
        }
    }

    public synchronized void save(StoredSession session) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temp);
        if (posix()) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temp);
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(mapper.writeValueAsBytes(session)));
            channel.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Forgets the session (sign-out). */
    public synchronized void clear() throws IOException {
        Files.deleteIfExists(file);
    }

    private boolean posix() {
        return file.getFileSystem().supportedFileAttributeViews().containsAll(Set.of("posix"));
    }
}
