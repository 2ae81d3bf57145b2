package com.recruitdesk.app.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.app.api.ApiClient;
import com.recruitdesk.app.api.ApiFailure;
import com.recruitdesk.app.api.SessionEnded;
import com.recruitdesk.app.api.Unreachable;
import com.recruitdesk.app.store.BlobFiles;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.protocol.sync.Poke;
import com.recruitdesk.protocol.sync.PullResponse;
import com.recruitdesk.protocol.sync.PushRequest;
import com.recruitdesk.protocol.sync.PushResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the local store in step with the server, on a thread of its own. Each round pushes the
 * outbox in order, then pulls until there is nothing more. A round starts when a mutation is made,
 * when the server pokes over the WebSocket ({@link PokeStream}), when the stream drops, and on a
 * timer; a poke that carries the page after this store's cursor is applied without a round
 * (decision 0047). While the server
 * is unreachable the rounds back off (doubling up to a limit) and resume by themselves. Without an
 * open stream (it is connecting, or cannot connect) nothing would poke, so the timer runs faster.
 * Longer than 400 lines because it is the one place that orders a round (files, push, pull, reset,
 * snapshot, stream) and its back-off; split up, that order would be spread over several classes.
 *
 * <p>Everything it needs to resume is in the store: the cursor moves with each applied page and the
 * outbox is only emptied after the server answered, so quitting mid-sync loses nothing.
 */
public final class SyncEngine implements Submitter, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    static final String FIRST_SYNC_DONE = "firstSyncDone";
    static final String FIRST_SYNC_TOTAL = "firstSyncTotal";
    static final String FIRST_SYNC_RECEIVED = "firstSyncReceived";
    /**
     * The longest wait between rounds while no stream is open: a stream opened as the server stops can
     * hang in its closing listener, and only a round finds out the server is gone.
     */
    static final Duration WITHOUT_STREAM = Duration.ofSeconds(5);
    /** How often an unreachable or unavailable server is probed. */
    static final Duration PROBE_EVERY = Duration.ofSeconds(1);
    /** Carried pokes kept for the engine's thread at most; more waiting means it is behind, and it pulls. */
    private static final int MAX_CARRIED = 64;

    /** What the offline engine asks every second to know a round is worth trying before its back-off ends. */
    private enum Probe {
        NONE(null),
        /** The server could not be reached: does anything answer on its port now? */
        LIVE(Paths.HEALTH_LIVE),
        /**
         * The server (or a proxy before it) answered 502, 503 or 504 — stopping, starting, or without its
         * database: is it ready? A server that is up but not ready keeps failing this probe cheaply.
         */
        READY(Paths.HEALTH_READY);

        final String path;

        Probe(String path) {
            this.path = path;
        }
    }

    private final ApiClient api;
    private final LocalStore store;
    private final BlobFiles files;
    private final SyncSettings settings;
    private final Clock clock;
    private final ObjectMapper mapper = Json.newMapper();
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<LocalStore.Rejection>> rejectionListeners = new CopyOnWriteArrayList<>();
    private final Object wake = new Object();
    private final Thread thread;
    private volatile boolean running = true;
    private boolean wakeRequested = true;
    private volatile SyncStatus status;
    private final PokeStream stream;
    /** Pokes that carry a page, in the order received, for the engine's thread; guarded by {@link #wake}. */
    private final java.util.ArrayDeque<Poke> carried = new java.util.ArrayDeque<>();

    private final List<Consumer<Page>> pageListeners = new CopyOnWriteArrayList<>();

    private Duration backoff;
    /** While the server cannot be reached: when the back-off lets a round try again regardless of the probe. */
    private volatile long retryAt;

    private volatile Probe probe = Probe.NONE;
    private volatile String lastRejection;
    private volatile boolean deactivated;

    public SyncEngine(ApiClient api, LocalStore store, BlobFiles files, SyncSettings settings, Clock clock) {
        this.api = api;
        this.store = store;
        this.files = files;
        this.settings = settings;
        this.clock = clock;
        this.backoff = settings.minBackoff();
        this.status = SyncStatus.starting(store.pendingCount());
        this.thread = Thread.ofPlatform().daemon().name("sync-engine").unstarted(this::loop);
        this.stream = new PokeStream(api, mapper, this::poked, () -> {
            if (running) {
                requestRound();
            }
        });
    }

    /**
     * A page applied to the store: from which cursor to which, and whether a poke carried it;
     * {@code reset}: the server said to start over at {@code to}.
     */
    record Page(String from, String to, int changes, boolean carried, boolean reset) {}

    /** Told of every page applied, on the engine's thread; tests follow the cursor's chain with it. */
    void addPageListener(Consumer<Page> listener) {
        pageListeners.add(listener);
    }

    public void start() {
        thread.start();
    }

    public SyncStatus status() {
        return status;
    }

    /** Told of every status change, on the engine's thread. */
    public void addListener(Consumer<SyncStatus> listener) {
        listeners.add(listener);
        listener.accept(status);
    }

    /** Told when the server rejects a mutation, on the engine's thread. */
    public void addRejectionListener(Consumer<LocalStore.Rejection> listener) {
        rejectionListeners.add(listener);
    }

    /**
     * Records a mutation, its optimistic rows and the uploads it needs in the outbox (durably, before
     * returning) and asks for a round to send it. Safe to call from any thread but the FX thread
     * should hand it to a task executor: it writes to disk.
     */
    @Override
    public <A extends Record> UUID submit(
            MutationType<A> type, A args, List<LocalStore.Optimistic> optimistic, List<UUID> uploads) {
        Mutation mutation = new Mutation(UUID.randomUUID(), type.name(), mapper.valueToTree(args), clock.instant());
        store.enqueue(mutation, optimistic, uploads);
        publish(status.withPending(store.pendingCount()));
        requestRound();
        return mutation.id();
    }

    /** Asks for a round now (used by pokes, the stream dropping, and new mutations). */
    public void requestRound() {
        synchronized (wake) {
            wakeRequested = true;
            wake.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            // Unreachable: probe the server's liveness every second instead of sitting out the back-off,
            // so a desktop is back within a second or two of the server (decision 0033).
            Probe probe = status.state() == SyncStatus.State.OFFLINE ? this.probe : Probe.NONE;
            boolean probing = probe != Probe.NONE;
            Duration wait = status.state() == SyncStatus.State.OFFLINE
                    ? probing ? min(backoff, PROBE_EVERY) : backoff
                    : streamOpen() ? settings.pullInterval() : min(settings.pullInterval(), WITHOUT_STREAM);
            boolean asked;
            List<Poke> pokes;
            synchronized (wake) {
                long deadline = System.nanoTime() + wait.toNanos();
                while (running && !wakeRequested && carried.isEmpty()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    try {
                        wake.wait(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                asked = wakeRequested;
                wakeRequested = false;
                pokes = List.copyOf(carried);
                carried.clear();
            }
            if (!running) {
                return;
            }
            if (!pokes.isEmpty() && applyCarried(pokes) && !asked) {
                continue; // the pokes brought the change: no round, no pull
            }
            if (probing && !asked && System.nanoTime() - retryAt < 0 && !api.answers(probe.path)) {
                continue;
            }
            if (status.state() == SyncStatus.State.SIGNED_OUT) {
                continue;
            }
            round();
        }
    }

    private void round() {
        probe = Probe.NONE; // set again below if the server still cannot be reached
        try {
            if (status.state() != SyncStatus.State.OFFLINE) {
                publish(status.with(SyncStatus.State.SYNCING)); // while offline, stay offline until a round works
            }
            uploadFiles();
            pushOutbox();
            pullAll();
            store.completeApplied();
            backoff = settings.minBackoff();
            // A rejection stays the last error until a newer one; connection trouble is over.
            publish(status.synced(clock.instant())
                    .withPending(store.pendingCount())
                    .withError(lastRejection));
            ensureStream();
        } catch (Unreachable e) {
            closeStream();
            LOG.debug("Server unreachable", e);
            publish(status.with(SyncStatus.State.OFFLINE)
                    .withPending(store.pendingCount())
                    .withError(e.getMessage() + " Retrying in " + Math.max(1, backoff.toSeconds()) + " s."));
            probe = Probe.LIVE;
            retryAt = System.nanoTime() + backoff.toNanos();
            backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
        } catch (SessionEnded e) {
            closeStream();
            deactivated = e.deactivated();
            publish(status.with(SyncStatus.State.SIGNED_OUT).withError(e.getMessage()));
        } catch (ApiFailure e) {
            LOG.warn("Sync failed: {} {}", e.code(), e.getMessage());
            boolean unavailable = e.unavailable();
            publish(status.with(unavailable ? SyncStatus.State.OFFLINE : SyncStatus.State.ONLINE)
                    .withPending(store.pendingCount())
                    .withError(
                            unavailable
                                    ? "The server is not available (" + e.getMessage() + "). Retrying in "
                                            + Math.max(1, backoff.toSeconds()) + " s."
                                    : e.clientTooOld()
                                            ? e.getMessage() // which version to install, in the server's words
                                            : "The server refused to sync: " + e.getMessage()));
            if (unavailable) {
                if (e.passing()) {
                    // e.g. a server in its graceful stop answers 503: its successor must not wait out the back-off.
                    probe = Probe.READY;
                    retryAt = System.nanoTime() + backoff.toNanos();
                }
                backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
            }
        } catch (RuntimeException e) {
            LOG.error("Sync round failed", e);
            publish(status.with(SyncStatus.State.OFFLINE)
                    .withPending(store.pendingCount())
                    .withError("Sync failed: " + e.getMessage()));
            backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
        }
    }

    /**
     * Sends the files attached here before the mutations that name them. A file the server refuses
     * for good (too large, say) rejects those mutations here; a cut connection ends the round, so
     * nothing naming a missing file is pushed.
     */
    private void uploadFiles() throws Unreachable, ApiFailure, SessionEnded {
        for (LocalStore.Upload upload : store.pendingUploads()) {
            if (!files.has(upload.blobId())) {
                reject(store.uploadRefused(
                        upload.blobId(), "The attached file " + upload.filename() + " is no longer on this computer."));
                continue;
            }
            try {
                api.uploadBlob(upload.blobId(), files.path(upload.blobId()), upload.mimeType(), upload.filename());
                store.uploadDone(upload.blobId());
            } catch (ApiFailure e) {
                if (e.unavailable() || e.clientTooOld() || e.status() < 400 || e.status() == 401) {
                    throw e;
                }
                reject(store.uploadRefused(
                        upload.blobId(), "The server refused the file " + upload.filename() + ": " + e.getMessage()));
            }
        }
    }

    private void reject(List<LocalStore.Rejection> rejected) {
        for (LocalStore.Rejection r : rejected) {
            lastRejection = RejectionText.of(r);
            publish(status.withError(lastRejection));
            rejectionListeners.forEach(l -> l.accept(r));
        }
    }

    private void pushOutbox() throws Unreachable, ApiFailure, SessionEnded {
        while (true) {
            List<Mutation> batch = store.pendingForSending(PushRequest.MAX_MUTATIONS);
            if (batch.isEmpty()) {
                return;
            }
            PushResponse response;
            try {
                response = api.push(batch);
                reject(store.recordResults(batch, response.results()));
            } finally {
                store.doneSending(batch); // until here none of the batch can be withdrawn (undone)
            }
            publish(status.withPending(store.pendingCount()));
            if (response.results().size() < batch.size()) {
                return; // the server answered part of the batch; the rest goes in the next round
            }
        }
    }

    private void pullAll() throws Unreachable, ApiFailure, SessionEnded {
        boolean first = store.meta(FIRST_SYNC_DONE).isEmpty();
        long total = store.meta(FIRST_SYNC_TOTAL).map(Long::parseLong).orElse(0L);
        long received = store.meta(FIRST_SYNC_RECEIVED).map(Long::parseLong).orElse(0L);
        if (first) {
            publish(status.progress(true, received, total));
        }
        long started = System.nanoTime();
        PullResponse page;
        do {
            String cursor = store.cursor().orElse(null);
            page = api.pull(cursor, first ? settings.firstSyncPageSize() : settings.pageSize());
            if (page.reset()) { // what this user may hold changed, or the feed started over: wipe, pull anew
                store.reset(page.cursor());
                applied(new Page(cursor, page.cursor(), 0, false, true));
                first = true;
                total = received = 0;
                publish(status.progress(true, 0, 0));
                continue;
            }
            store.applyPage(page.changes(), page.cursor(), first && page.hasMore());
            applied(new Page(cursor, page.cursor(), page.changes().size(), false, false));
            if (first) {
                if (page.total() != null) {
                    total = page.total();
                    store.setMeta(FIRST_SYNC_TOTAL, Long.toString(total));
                }
                received += page.changes().size();
                store.setMeta(FIRST_SYNC_RECEIVED, Long.toString(received));
                publish(status.progress(true, received, Math.max(total, received)));
            }
        } while (page.hasMore() && running);
        if (first && running) {
            store.setMeta(FIRST_SYNC_DONE, clock.instant().toString());
            long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
            LOG.info("First sync: {} rows in {} ms", store.totalRows(), ms);
        }
    }

    /**
     * A poke from the stream's thread. One that carries the page after this store's cursor goes to the
     * engine's thread to be applied (the engine alone moves the cursor, so a page is never applied
     * twice nor over a newer one); any other whose cursor is not this store's asks for a round.
     */
    private void poked(Poke poke) {
        if (poke.carries()) {
            synchronized (wake) {
                if (carried.size() == MAX_CARRIED) {
                    carried.removeFirst(); // the chain breaks there: the engine pulls instead
                }
                carried.addLast(poke);
                wake.notifyAll();
            }
        } else if (!Objects.equals(poke.cursor(), store.cursor().orElse(null))) {
            requestRound();
        }
    }

    /**
     * Applies the carried pages that follow on from the store's cursor, in order; true when the store
     * is then at the last poke's cursor, false when a round must pull.
     */
    private boolean applyCarried(List<Poke> pokes) {
        for (Poke poke : pokes) {
            applyCarried(poke);
        }
        return Objects.equals(store.cursor().orElse(null), pokes.getLast().cursor());
    }

    /**
     * Applies a carried page if it starts exactly at the store's cursor (same position, same epochs;
     * never during a first sync, whose cursor is a snapshot's), as a pull of that page would; false
     * when it does not, and a round pulls instead.
     */
    private boolean applyCarried(Poke poke) {
        SyncStatus.State state = status.state();
        String cursor = store.cursor().orElse(null);
        if (state == SyncStatus.State.SIGNED_OUT
                || state == SyncStatus.State.OFFLINE
                || store.meta(FIRST_SYNC_DONE).isEmpty()
                || !poke.from().equals(cursor)) {
            return false;
        }
        store.applyPage(poke.changes(), poke.cursor());
        applied(new Page(cursor, poke.cursor(), poke.changes().size(), true, false));
        store.completeApplied();
        publish(status.synced(clock.instant()).withPending(store.pendingCount()).withError(lastRejection));
        return true;
    }

    private void applied(Page page) {
        pageListeners.forEach(l -> l.accept(page));
    }

    private void ensureStream() {
        if (running) {
            stream.ensure();
        }
    }

    private boolean streamOpen() {
        return stream.isOpen();
    }

    private void closeStream() {
        stream.cancel();
    }

    private void publish(SyncStatus next) {
        status = next;
        listeners.forEach(l -> l.accept(next));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** True once the server said this user's account was deactivated (the session has ended). */
    public boolean accountDeactivated() {
        return deactivated;
    }

    /** The newest time a round completed, if any. */
    public Instant lastSyncAt() {
        return status.lastSyncAt();
    }

    @Override
    public void close() {
        running = false;
        requestRound();
        stream.close();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
