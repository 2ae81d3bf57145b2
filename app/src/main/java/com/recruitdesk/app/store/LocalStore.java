package com.recruitdesk.app.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.common.OwnerOnly;
import com.recruitdesk.protocol.sync.Change;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.protocol.sync.MutationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The app's copy of the data: one SQLite file per (server, user). It holds the rows the server sent
 * with the pull cursor ({@link ServerRows}), the outbox of mutations not yet confirmed with the
 * optimistic rows they imply and the files they need uploaded first ({@link Outbox},
 * {@link Uploads}), and what the user sees ({@link CurrentRows}: the newest optimistic row over the
 * server's) with full-text indexes over it, filed by the {@link StoreRules} the features declare.
 * WAL, {@code synchronous=FULL}: a write that returned is on disk, but a pulled page (decision 0053).
 *
 * <p>This class is the one door to those parts. Writes go through one connection; reads through a
 * second one ({@link Reads}), so a pane's query never waits behind a sync page being written.
 * Listeners hear which entities changed once a write is committed.
 */
public final class LocalStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalStore.class);
    private final Writer writer;
    private final Reads reads;
    private final ServerRows server;
    private final Outbox outbox;
    private final Uploads uploads;
    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();

    private LocalStore(Writer writer, Reads reads, CurrentRows current) {
        this.writer = writer;
        this.reads = reads;
        this.server = new ServerRows(writer, current);
        this.outbox = new Outbox(writer, current);
        this.uploads = new Uploads(writer, outbox);
    }

    /**
     * Opens (creating or upgrading if needed) the store in {@code file}, filing rows by {@code rules}
     * (every feature's, merged); rows filed by other rules before are filed again.
     */
    public static LocalStore open(Path file, StoreRules rules) {
        try {
            // The user's only: SQLite makes its WAL and shared-memory files with the database file's mode.
            OwnerOnly.folder(file.toAbsolutePath().getParent());
            OwnerOnly.file(file);
            for (String journal : List.of("-wal", "-shm", "-journal")) {
                OwnerOnly.restrict(file.resolveSibling(file.getFileName() + journal));
            }
            String url = "jdbc:sqlite:" + file.toAbsolutePath();
            // Else the driver prepares "select last_insert_rowid()" after every INSERT (Writer.lastRowid).
            SQLiteConfig config = new SQLiteConfig();
            config.setGetGeneratedKeys(false);
            Connection c = DriverManager.getConnection(url, config.toProperties());
            try (Statement s = c.createStatement()) {
                s.execute("pragma journal_mode = wal");
                s.execute("pragma synchronous = full");
                s.execute("pragma foreign_keys = on");
                s.execute("pragma busy_timeout = 5000");
                // A first sync's page (5,000 rows, their indexes and search text) fits in the page cache
                // (default 2 MB), so its pages reach the WAL once, at the commit, not spilled and rewritten.
                s.execute("pragma cache_size = -32768");
            }
            int found = StoreSchema.migrate(c);
            Connection r = DriverManager.getConnection(url);
            try (Statement s = r.createStatement()) {
                s.execute("pragma busy_timeout = 5000");
                s.execute("pragma query_only = true");
            }
            Writer writer = new Writer(c);
            CurrentRows current = new CurrentRows(writer, rules);
            current.prepare(found);
            new BulkLoad(writer).finishInterrupted();
            return new LocalStore(writer, new Reads(r), current);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new StoreException("Could not open the local data file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Told which entities changed (and {@code "outbox"} when it did), after the change is committed. */
    public void addChangeListener(Consumer<Set<String>> listener) {
        listeners.add(listener);
    }

    private void fire(Set<String> entities) {
        if (!entities.isEmpty()) {
            listeners.forEach(l -> l.accept(Set.copyOf(entities)));
        }
    }

    // --- the server's rows ------------------------------------------------------------------

    /**
     * Applies one pulled page and moves the cursor past it in one transaction, so an interrupted
     * sync resumes from the last whole page. A change older than the stored row is ignored. What the
     * user sees changes too, unless a pending optimistic row covers the row. {@code more}: the sync
     * pulls more pages at once (a first sync's are then loaded in bulk, decision 0054).
     */
    public void applyPage(List<Change> changes, String cursor, boolean more) {
        Set<String> touched = new HashSet<>();
        server.apply(changes, cursor, more, touched);
        fire(touched);
    }

    public void applyPage(List<Change> changes, String cursor) {
        applyPage(changes, cursor, false);
    }

    /**
     * The server said what this user may hold changed (a role, the organization) or that its feed
     * started over: every pulled row and tombstone goes, with the first-sync progress, and pulling
     * starts again from {@code cursor}. The outbox, its optimistic rows and files waiting for upload
     * stay, so nothing made here is lost; they are sent as usual and the server decides.
     */
    public void reset(String cursor) {
        LOG.info("The server asked for a fresh copy of the data; the outbox ({}) is kept", pendingCount());
        Set<String> touched = new HashSet<>();
        server.reset(cursor, touched);
        fire(touched);
    }

    public Optional<String> cursor() {
        return meta("cursor");
    }

    public Optional<String> meta(String key) {
        return server.meta(key);
    }

    public void setMeta(String key, String value) {
        server.setMeta(key, value);
    }

    /** The server's version of a row, if the store has it. */
    public Optional<Long> serverVersion(String entity, UUID id) {
        return server.version(entity, id);
    }

    public int totalRows() {
        return server.total();
    }

    // --- the outbox -------------------------------------------------------------------------

    /**
     * An optimistic row a mutation implies, shown until the server has decided; {@code data} null
     * means the mutation deletes the row, which disappears until then.
     */
    public record Optimistic(String entity, UUID id, ObjectNode data) {
        public static Optimistic deleted(String entity, UUID id) {
            return new Optimistic(entity, id, null);
        }
    }

    /** Adds a mutation to the end of the outbox with its optimistic rows, in one transaction. */
    public void enqueue(Mutation mutation, List<Optimistic> rows) {
        enqueue(mutation, rows, List.of());
    }

    /**
     * As {@link #enqueue(Mutation, List)}, recording that the mutation needs the files {@code uploads}
     * (each added with {@link #addUpload} first) on the server before it is pushed: if the server
     * refuses one, the mutation is rejected here.
     */
    public void enqueue(Mutation mutation, List<Optimistic> rows, List<UUID> uploads) {
        Set<String> touched = new HashSet<>();
        outbox.enqueue(mutation, rows, uploads, touched);
        touched.add("outbox");
        fire(touched);
    }

    /** The oldest mutations not yet sent or not yet answered, in order. */
    public List<Mutation> pending(int limit) {
        return outbox.pending(limit);
    }

    public int pendingCount() {
        return outbox.pendingCount();
    }

    private final Set<UUID> sending = new HashSet<>();

    /**
     * As {@link #pending}, for the sync engine about to push them: until {@link #doneSending} they can no
     * longer be {@link #withdraw withdrawn}, since the server may be applying them.
     */
    public List<Mutation> pendingForSending(int limit) {
        synchronized (sending) {
            List<Mutation> batch = outbox.pending(limit);
            batch.forEach(m -> sending.add(m.id()));
            return batch;
        }
    }

    /** The push of {@code batch} is over (answered or failed). */
    public void doneSending(List<Mutation> batch) {
        synchronized (sending) {
            batch.forEach(m -> sending.remove(m.id()));
        }
    }

    /**
     * Undoes a mutation that has not left this computer: it leaves the outbox and its optimistic rows
     * leave the screen. False when it is being sent or was sent already (it can only be answered now).
     */
    public boolean withdraw(UUID mutationId) {
        Set<String> touched = new HashSet<>();
        boolean withdrawn;
        synchronized (sending) {
            withdrawn = !sending.contains(mutationId) && outbox.withdraw(mutationId, touched);
        }
        if (withdrawn) {
            touched.add("outbox");
            fire(touched);
        }
        return withdrawn;
    }

    /**
     * Records the server's answers: an applied mutation waits (with its overlay) for the pull that
     * brings the server's row; a rejected one leaves the outbox with its overlay, and is kept as a
     * rejection to tell the user. Returns the rejections.
     */
    public List<Rejection> recordResults(List<Mutation> sent, List<MutationResult> results) {
        Set<String> touched = new HashSet<>();
        List<Rejection> rejected = outbox.record(sent, results, touched);
        touched.add("outbox");
        fire(touched);
        return rejected;
    }

    /** Drops applied mutations and their overlays: the pull just done holds the server's rows. */
    public void completeApplied() {
        Set<String> touched = new HashSet<>();
        outbox.completeApplied(touched);
        fire(touched);
    }

    /**
     * A mutation the server (or this store, for a refused file) turned down, and why; with the
     * mutation's arguments and, for a {@code conflict}, the server's values of the disputed fields
     * ({@code current}), so a pane can offer a merge of the two (null when not known).
     */
    public record Rejection(
            UUID mutationId,
            String name,
            String code,
            String message,
            Instant at,
            ObjectNode args,
            ObjectNode current) {
        public Rejection(UUID mutationId, String name, String code, String message, Instant at) {
            this(mutationId, name, code, message, at, null, null);
        }
    }

    public List<Rejection> rejections() {
        return outbox.rejections();
    }

    // --- uploads ----------------------------------------------------------------------------

    /** A file attached on this computer, kept in the blob files until the server has it. */
    public record Upload(UUID blobId, String filename, String mimeType, long size) {}

    /** Records a file to upload; call before enqueueing the mutation that needs it. */
    public void addUpload(Upload upload) {
        uploads.add(upload);
    }

    /** Files not yet on the server, oldest first. */
    public List<Upload> pendingUploads() {
        return uploads.pending();
    }

    public void uploadDone(UUID blobId) {
        uploads.done(blobId);
    }

    /**
     * The server refused a file for good (too large, say): it is forgotten, and the pending
     * mutations queued as needing it are rejected here with {@code message}, as the server would
     * have. Returns those rejections.
     */
    public List<Rejection> uploadRefused(UUID blobId, String message) {
        Set<String> touched = new HashSet<>();
        List<Rejection> rejected = uploads.refused(blobId, message, touched);
        touched.add("outbox");
        fire(touched);
        return rejected;
    }

    // --- reads ------------------------------------------------------------------------------

    /** Reads one row of a query's result; the store hands feature packages its read connection this way. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs a read-only query over the store's tables (chiefly {@code current}: entity, id, data,
     * parent, sort_key, pending; and the full-text tables) on the read connection, which never
     * waits for a sync write. Feature packages keep their SQL beside their view models' needs.
     */
    public <T> List<T> query(String sql, List<?> params, RowReader<T> reader) {
        return reads.query(sql, params, reader);
    }

    /** A row's JSON as stored, parsed. */
    public ObjectNode parse(String json) {
        return reads.parse(json);
    }

    /** A row as the user sees it: the newest optimistic version if one is pending, else the server's. */
    public Optional<ObjectNode> row(String entity, UUID id) {
        return query(
                        "select data from current where entity = ? and id = ?",
                        List.of(entity, id.toString()),
                        rs -> parse(rs.getString(1)))
                .stream()
                .findFirst();
    }

    /** Up to {@code limit} rows of one entity as the user sees them (pending optimistic rows included). */
    public List<ObjectNode> rows(String entity, int limit) {
        return query(
                "select data from current where entity = ? order by id limit ?",
                List.of(entity, limit),
                rs -> parse(rs.getString(1)));
    }

    /** How many rows of each entity the user sees (server rows and pending optimistic ones), by name. */
    public Map<String, Integer> countsByEntity() {
        Map<String, Integer> result = new LinkedHashMap<>();
        query(
                "select entity, count(*) from current group by entity order by entity",
                List.of(),
                rs -> result.put(rs.getString(1), rs.getInt(2)));
        return result;
    }

    /** A row found by full-text search: its id, its parent, the matching words marked by [ and ]. */
    public record SearchHit(UUID id, String parent, String snippet) {}

    /**
     * The rows whose text in {@code index} (declared in the rules this store was opened with)
     * contains every word of {@code text}, the last one as a prefix too; best first.
     */
    public List<SearchHit> search(TextIndex index, String text, int limit) {
        return reads.search(index, text, limit);
    }

    /** Words as quoted FTS5 strings, so what people type is never read as query syntax. */
    public static String ftsQuery(String text) {
        return Reads.ftsQuery(text);
    }

    @Override
    public void close() {
        try {
            reads.close();
            writer.close();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
