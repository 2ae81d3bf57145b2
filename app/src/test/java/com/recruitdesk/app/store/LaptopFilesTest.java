package com.recruitdesk.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.recruitdesk.app.Features;
import com.recruitdesk.protocol.sync.Change;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copy of the data on this computer is readable by its user only: store, its WAL, the files. */
class LaptopFilesTest {
    @TempDir
    Path home;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void theStoreItsJournalAndItsFolderAreTheUsersOnly() throws Exception {
        Path file = StoreFiles.forUser(home, "http://localhost:8080", UUID.randomUUID());
        try (LocalStore store = LocalStore.open(file, Features.STORE_RULES)) {
            UUID id = UUID.randomUUID();
            store.applyPage(
                    List.of(new Change(
                            "message",
                            id,
                            Change.UPSERT,
                            1,
                            JsonNodeFactory.instance.objectNode().put("body", "hi"))),
                    "c1");

            assertThat(mode(file)).isEqualTo("rw-------");
            assertThat(mode(file.resolveSibling(file.getFileName() + "-wal"))).isEqualTo("rw-------");
            assertThat(mode(file.resolveSibling(file.getFileName() + "-shm"))).isEqualTo("rw-------");
            assertThat(mode(file.getParent())).isEqualTo("rwx------");
        }
    }

    @Test
    void aStoreMadeBeforeIsMadeTheUsersOnlyWhenItOpens() throws Exception {
        Path file = StoreFiles.forUser(home, "http://localhost:8080", UUID.randomUUID());
        LocalStore.open(file, Features.STORE_RULES).close();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        LocalStore.open(file, Features.STORE_RULES).close();

        assertThat(mode(file)).isEqualTo("rw-------");
    }

    @Test
    void cachedFilesAreTheUsersOnly() throws Exception {
        BlobFiles files = BlobFiles.besideStore(home.resolve("stores").resolve("x.db"));
        Path source = Files.writeString(home.resolve("cv.pdf"), "%PDF-1.4");
        UUID blob = UUID.randomUUID();

        Path copy = files.copyIn(blob, source);

        assertThat(mode(copy)).isEqualTo("rw-------");
        assertThat(mode(copy.getParent())).isEqualTo("rwx------");
    }
}
