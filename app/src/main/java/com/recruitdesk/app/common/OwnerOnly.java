package com.recruitdesk.app.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders of this computer's copy of the data, readable by the signed-in user only (mode
 * 600 and 700 where the file system has POSIX permissions; on Windows the profile folder's ACL
 * does the same). The store, its WAL, the cached photos and documents, the session.
 */
public final class OwnerOnly {
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {}

    /** Creates {@code dir} and its missing parents; {@code dir} itself is the user's only. */
    public static Path folder(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (posix(dir)) {
            Files.setPosixFilePermissions(dir, FOLDER);
        }
        return dir;
    }

    /** Creates {@code file} empty and the user's only if it is missing, else makes it the user's only. */
    public static Path file(Path file) throws IOException {
        if (!Files.exists(file)) {
            if (posix(file.toAbsolutePath().getParent())) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            } else {
                Files.createFile(file);
            }
        } else {
            restrict(file);
        }
        return file;
    }

    /** Makes an existing file the user's only (one written before this rule, or by a library). */
    public static void restrict(Path file) throws IOException {
        if (Files.exists(file) && posix(file)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
