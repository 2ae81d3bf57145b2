package com.recruitdesk.app.blobs;

import com.recruitdesk.app.api.ApiClient;
import com.recruitdesk.app.api.ApiFailure;
import com.recruitdesk.app.api.SessionEnded;
import com.recruitdesk.app.api.Unreachable;
import com.recruitdesk.app.store.BlobFiles;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.blob.FileTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files as the panes use them. {@link #fetch} gives the file of a blob on this computer, downloading
 * it once; {@link #attach} copies a chosen file in under a new blob id, and {@link #queueUpload}
 * queues it for the sync engine, which sends it before the mutation that names it. They block:
 * call them off the FX thread.
 */
public final class Blobs {
    private final ApiClient api;
    private final LocalStore store;
    private final BlobFiles files;
    private final ConcurrentHashMap<UUID, Object> downloading = new ConcurrentHashMap<>();

    public Blobs(ApiClient api, LocalStore store, BlobFiles files) {
        this.api = api;
        this.store = store;
        this.files = files;
    }

    public Path fetch(UUID blobId) throws Unreachable, ApiFailure, SessionEnded {
        if (files.has(blobId)) {
            return files.path(blobId);
        }
        Object lock = downloading.computeIfAbsent(blobId, k -> new Object());
        synchronized (lock) {
            try {
                if (!files.has(blobId)) {
                    api.downloadBlob(blobId, files.path(blobId));
                }
                return files.path(blobId);
            } finally {
                downloading.remove(blobId);
            }
        }
    }

    /** True when the blob's file is here already (shown at once, no download). */
    public boolean isHere(UUID blobId) {
        return files.has(blobId);
    }

    public Attachment attach(Path source) throws IOException {
        if (!Files.isRegularFile(source)) {
            throw new IOException(source.getFileName() + " is not a file.");
        }
        UUID id = UUID.randomUUID();
        String filename = source.getFileName().toString();
        long size = Files.size(source);
        String mime = FileTypes.ofName(filename);
        files.copyIn(id, source);
        return new Attachment(id, filename, mime, size);
    }

    /** Queues an attached file for upload; call just before enqueueing the mutation that names it. */
    public void queueUpload(Attachment a) {
        store.addUpload(new LocalStore.Upload(a.blobId(), a.filename(), a.mimeType(), a.size()));
    }
}
