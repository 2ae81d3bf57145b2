package com.recruitdesk.app.store;

import com.recruitdesk.app.common.OwnerOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * The files of one store (photos, documents, voice notes) on this computer, one per blob id: those
 * downloaded to show or open, and those attached here until the server has them.
 */
public final class BlobFiles {
    private final Path dir;

    public BlobFiles(Path dir) {
        this.dir = dir;
    }

    /** Beside a store file {@code x.db}, the folder {@code x.files}. */
    public static BlobFiles besideStore(Path storeFile) {
        String name = storeFile.getFileName().toString().replaceFirst("\\.db$", "");
        return new BlobFiles(storeFile.resolveSibling(name + ".files"));
    }

    /** The folder holding the files. */
    public Path folder() {
        return dir;
    }

    public Path path(UUID blobId) {
        return dir.resolve(blobId.toString());
    }

    public boolean has(UUID blobId) {
        return Files.isRegularFile(path(blobId));
    }

    /** Copies {@code source} in as {@code blobId}, durably (written beside, then moved into place), the user's only. */
    public Path copyIn(UUID blobId, Path source) throws IOException {
        OwnerOnly.folder(dir);
        Path partial = dir.resolve(blobId + ".part");
        Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
        OwnerOnly.restrict(partial);
        try (var channel = java.nio.channels.FileChannel.open(partial, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        return Files.move(partial, path(blobId), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
