package com.recruitdesk.server.blobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory blob store on its own: content addresses, the size limit, and writers that race. */
class FileBlobStoreTest {
    @TempDir
    Path dir;

    static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    List<Path> files() throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void aKeptFileIsNamedByItsOrganizationAndSha256AndReadsBack() throws Exception {
        FileBlobStore store = new FileBlobStore(dir);
        UUID org = UUID.randomUUID();
        byte[] content = bytes(200_000, 1);

        String key;
        try (BlobStore.Staged staged = store.stage(new ByteArrayInputStream(content), 1_000_000)) {
            assertThat(staged.sizeBytes()).isEqualTo(content.length);
            key = store.keep(staged, org);
            assertThat(key).isEqualTo(org + "/" + staged.sha256().substring(0, 2) + "/" + staged.sha256());
        }

        try (InputStream in = store.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(files()).containsExactly(dir.resolve(key));
    }

    @Test
    void moreThanTheLimitLeavesNothingBehind() throws Exception {
        FileBlobStore store = new FileBlobStore(dir);

        assertThatThrownBy(() -> store.stage(new ByteArrayInputStream(bytes(1_001, 2)), 1_000))
                .isInstanceOf(BlobTooLarge.class);

        assertThat(files()).isEmpty();
    }

    @Test
    void aStagedFileNotKeptIsDropped() throws Exception {
        FileBlobStore store = new FileBlobStore(dir);

        try (BlobStore.Staged staged = store.stage(new ByteArrayInputStream(bytes(10, 3)), 1_000)) {
            assertThat(files()).hasSize(1);
        }

        assertThat(files()).isEmpty();
    }

    @Test
    void writersKeepingTheSameBytesAtOnceEndWithOneFile() throws Exception {
        FileBlobStore store = new FileBlobStore(dir);
        UUID org = UUID.randomUUID();
        byte[] content = bytes(300_000, 4);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> writers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                writers.add(() -> {
                    try (BlobStore.Staged staged = store.stage(new ByteArrayInputStream(content), 1_000_000)) {
                        return store.keep(staged, org);
                    }
                });
            }
            List<String> keys = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(writers)) {
                keys.add(f.get());
            }
            assertThat(keys).containsOnly(keys.getFirst());
            assertThat(files()).containsExactly(dir.resolve(keys.getFirst()));
            try (InputStream in = store.open(keys.getFirst())) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameBytesInTwoOrganizationsAreKeptApart() throws Exception {
        FileBlobStore store = new FileBlobStore(dir);
        byte[] content = bytes(1_000, 5);

        String a;
        String b;
        try (BlobStore.Staged staged = store.stage(new ByteArrayInputStream(content), 10_000)) {
            a = store.keep(staged, UUID.randomUUID());
        }
        try (BlobStore.Staged staged = store.stage(new ByteArrayInputStream(content), 10_000)) {
            b = store.keep(staged, UUID.randomUUID());
        }

        assertThat(a).isNotEqualTo(b);
        assertThat(files()).hasSize(2);
    }

    @Test
    void aKeyFromOutsideTheStoreIsRefused() {
        FileBlobStore store = new FileBlobStore(dir);

        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
