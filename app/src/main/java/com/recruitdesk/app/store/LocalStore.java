package com.recruitdesk.app.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.sync.Change;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.protocol.sync.MutationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The app's copy of the data: one SQLite file per (server, user). It holds the rows the server sent
 * (JSON per entity, id and version), the outbox of mutations not yet confirmed (in the order they
 * were made) with the optimistic rows they imply, the pull cursor, and what the user sees
 * ({@code current}: the newest optimistic row over the server's) with full-text indexes over it.
 * WAL with {@code synchronous=FULL}: a write that returned has reached the disk.
 *
 * <p>An applied mutation's overlay is dropped once the pull that follows has brought the server's
 * row; a rejected one's is dropped at once. Writes go through one connection; reads through a second
 * one, so a pane's query never waits behind a sync page being written (WAL lets both run).
 */
public final class LocalStore implements AutoCloseable {
    private final Connection db;
    private final Connection reader;
    private final Object readLock = new Object();
    private final ObjectMapper mapper = Json.newMapper();
    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();
    /** The writer's statements, prepared once: a first sync runs them for every row. Guarded by this. */
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    private LocalStore(Connection db, Connection reader) {
        this.db = db;
        this.reader = reader;
    }

    /** Opens (creating or upgrading if needed) the store in {@code file}. */
    public static LocalStore open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            String url = "jdbc:sqlite:" + file.toAbsolutePath();
            Connection c = DriverManager.getConnection(url);
            try (Statement s = c.createStatement()) {
                s.execute("pragma journal_mode = wal");
                s.execute("pragma synchronous = full");
                s.execute("pragma foreign_keys = on");
                s.execute("pragma busy_timeout = 5000");
            }
            int found = StoreSchema.migrate(c);
            Connection r = DriverManager.getConnection(url);
            try (Statement s = r.createStatement()) {
                s.execute("pragma busy_timeout = 5000");
                s.execute("pragma query_only = true");
            }
            LocalStore store = new LocalStore(c, r);
            if (found == 1) {
                store.rebuildCurrent();
            }
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new StoreException("Could not open the local data file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Fills {@code current} and the search indexes from the server rows and overlays (after an upgrade). */
    private void rebuildCurrent() {
        inTransaction(() -> {
            List<String[]> keys = new ArrayList<>();
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery("select entity, id from rows union select entity, id from overlay")) {
                while (rs.next()) {
                    keys.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] key : keys) {
                refresh(key[0], key[1]);
            }
        });
    }

    /** Told which entities changed, after the change is committed (on the writer's thread). */
    public void addChangeListener(Consumer<Set<String>> listener) {
        listeners.add(listener);
    }

    private void fire(Set<String> entities) {
        if (!entities.isEmpty()) {
            listeners.forEach(l -> l.accept(Set.copyOf(entities)));
        }
    }

    // --- pull -------------------------------------------------------------------------------

    /**
     * Applies one pulled page and moves the cursor past it in one transaction, so an interrupted
     * sync resumes from the last whole page. A change older than the stored row is ignored. What the
     * user sees changes too, unless a pending optimistic row covers the row.
     */
    public void applyPage(List<Change> changes, String cursor) {
        Set<String> touched = new HashSet<>();
        inTransaction(() -> {
            PreparedStatement upsert = statement("""
                    insert into rows (entity, id, version, data) values (?, ?, ?, ?)
                    on conflict (entity, id) do update set version = excluded.version, data = excluded.data
                     where excluded.version >= rows.version
                    returning rowid""");
            PreparedStatement delete = statement("delete from rows where entity = ? and id = ? and version <= ?");
            boolean overlays = anyOverlay();
            for (Change change : changes) {
                String id = change.id().toString();
                if (Change.DELETE.equals(change.op()) || change.data() == null) {
                    delete.setString(1, change.entity());
                    delete.setString(2, id);
                    delete.setLong(3, change.version());
                    if (delete.executeUpdate() > 0 && !(overlays && hasOverlay(change.entity(), id))) {
                        removeCurrent(change.entity(), id);
                    }
                } else {
                    String json = json(change.data());
                    upsert.setString(1, change.entity());
                    upsert.setString(2, id);
                    upsert.setLong(3, change.version());
                    upsert.setString(4, json);
                    boolean stored;
                    try (ResultSet rs = upsert.executeQuery()) {
                        stored = rs.next();
                    }
                    if (stored && !(overlays && hasOverlay(change.entity(), id))) {
                        putCurrent(change.entity(), id, change.data(), json, false);
                    }
                }
                touched.add(change.entity());
            }
            putMeta("cursor", cursor);
        });
        fire(touched);
    }

    public Optional<String> cursor() {
        return meta("cursor");
    }

    public synchronized Optional<String> meta(String key) {
        try (PreparedStatement ps = db.prepareStatement("select value from meta where key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public synchronized void setMeta(String key, String value) {
        inTransaction(() -> putMeta(key, value));
    }

    private void putMeta(String key, String value) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "insert into meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    // --- outbox -----------------------------------------------------------------------------

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
        Set<String> touched = new HashSet<>();
        inTransaction(() -> {
            try (PreparedStatement ps =
                    db.prepareStatement("insert into outbox (id, name, args, client_time) values (?, ?, ?, ?)")) {
                ps.setString(1, mutation.id().toString());
                ps.setString(2, mutation.name());
                ps.setString(3, json(mutation.args()));
                ps.setString(4, mutation.clientTime().toString());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = db.prepareStatement(
                    "insert into overlay (mutation_id, entity, id, data, deleted) values (?, ?, ?, ?, ?)")) {
                for (Optimistic row : rows) {
                    boolean deleted = row.data() == null;
                    ps.setString(1, mutation.id().toString());
                    ps.setString(2, row.entity());
                    ps.setString(3, row.id().toString());
                    ps.setString(4, deleted ? "{}" : json(row.data()));
                    ps.setInt(5, deleted ? 1 : 0);
                    ps.executeUpdate();
                    if (deleted) {
                        removeCurrent(row.entity(), row.id().toString());
                    } else {
                        putCurrent(row.entity(), row.id().toString(), row.data(), true);
                    }
                    touched.add(row.entity());
                }
            }
        });
        touched.add("outbox");
        fire(touched);
    }

    /** The oldest mutations not yet sent or not yet answered, in order. */
    public synchronized List<Mutation> pending(int limit) {
        try (PreparedStatement ps = db.prepareStatement(
                "select id, name, args, client_time from outbox where state = 'pending' order by seq limit ?")) {
            ps.setInt(1, limit);
            List<Mutation> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Mutation(
                            UUID.fromString(rs.getString(1)),
                            rs.getString(2),
                            (ObjectNode) mapper.readTree(rs.getString(3)),
                            Instant.parse(rs.getString(4))));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException(e);
        } catch (JsonProcessingException e) {
            throw new StoreException("A stored mutation is not JSON: " + e.getMessage(), e);
        }
    }

    public synchronized int pendingCount() {
        return count("select count(*) from outbox where state = 'pending'");
    }

    /**
     * Records the server's answers: an applied mutation waits (with its overlay) for the pull that
     * brings the server's row; a rejected one leaves the outbox with its overlay, and is kept as a
     * rejection to tell the user. Returns the rejections.
     */
    public List<Rejection> recordResults(List<Mutation> sent, List<MutationResult> results) {
        Map<UUID, Mutation> byId = new LinkedHashMap<>();
        sent.forEach(m -> byId.put(m.id(), m));
        List<Rejection> rejected = new ArrayList<>();
        Set<String> touched = new HashSet<>();
        inTransaction(() -> {
            for (MutationResult result : results) {
                Mutation m = byId.get(result.id());
                if (m == null) {
                    continue;
                }
                if (result.isApplied()) {
                    try (PreparedStatement ps =
                            db.prepareStatement("update outbox set state = 'applied' where id = ?")) {
                        ps.setString(1, m.id().toString());
                        ps.executeUpdate();
                    }
                } else {
                    rejected.add(reject(
                            new Rejection(m.id(), m.name(), result.code(), result.message(), Instant.now()), touched));
                }
            }
        });
        touched.add("outbox");
        fire(touched);
        return rejected;
    }

    /** Drops applied mutations and their overlays: the pull just done holds the server's rows. */
    public void completeApplied() {
        Set<String> touched = new HashSet<>();
        inTransaction(() -> {
            List<String[]> keys =
                    overlayKeys("where mutation_id in (select id from outbox where state = 'applied')", null);
            try (Statement s = db.createStatement()) {
                s.executeUpdate("delete from outbox where state = 'applied'");
            }
            refreshAll(keys, touched);
        });
        fire(touched);
    }

    public record Rejection(UUID mutationId, String name, String code, String message, Instant at) {}

    public synchronized List<Rejection> rejections() {
        try (PreparedStatement ps =
                        db.prepareStatement("select mutation_id, name, code, message, at from rejections order by at");
                ResultSet rs = ps.executeQuery()) {
            List<Rejection> result = new ArrayList<>();
            while (rs.next()) {
                result.add(new Rejection(
                        UUID.fromString(rs.getString(1)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        Instant.parse(rs.getString(5))));
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private List<String[]> overlayKeys(String where, String param) throws SQLException {
        List<String[]> keys = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("select distinct entity, id from overlay " + where)) {
            if (param != null) {
                ps.setString(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return keys;
    }

    // --- uploads ----------------------------------------------------------------------------

    /** A file attached on this computer, kept in the blob files until the server has it. */
    public record Upload(UUID blobId, String filename, String mimeType, long size) {}

    /** Records a file to upload; call before enqueueing the mutation that names it. */
    public void addUpload(Upload upload) {
        inTransaction(() -> {
            try (PreparedStatement ps = db.prepareStatement(
                    "insert into uploads (blob_id, filename, mime_type, size) values (?, ?, ?, ?)")) {
                ps.setString(1, upload.blobId().toString());
                ps.setString(2, upload.filename());
                ps.setString(3, upload.mimeType());
                ps.setLong(4, upload.size());
                ps.executeUpdate();
            }
        });
    }

    /** Files not yet on the server, oldest first. */
    public synchronized List<Upload> pendingUploads() {
        try (PreparedStatement ps = db.prepareStatement(
                        "select blob_id, filename, mime_type, size from uploads where state = 'pending' order by seq");
                ResultSet rs = ps.executeQuery()) {
            List<Upload> result = new ArrayList<>();
            while (rs.next()) {
                result.add(
                        new Upload(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getLong(4)));
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public void uploadDone(UUID blobId) {
        inTransaction(() -> {
            try (PreparedStatement ps = db.prepareStatement("update uploads set state = 'done' where blob_id = ?")) {
                ps.setString(1, blobId.toString());
                ps.executeUpdate();
            }
        });
    }

    /**
     * The server refused a file for good (too large, say): it is forgotten, and the pending
     * mutations that name it ({@code args.mediaBlobId}) are rejected here with {@code message},
     * as the server would have. Returns those rejections.
     */
    public List<Rejection> uploadRefused(UUID blobId, String message) {
        List<Rejection> rejected = new ArrayList<>();
        Set<String> touched = new HashSet<>();
        inTransaction(() -> {
            List<String[]> mutations = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement(
                    "select id, name from outbox where state = 'pending' and json_extract(args, '$.mediaBlobId') = ?")) {
                ps.setString(1, blobId.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        mutations.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
            Instant now = Instant.now();
            for (String[] m : mutations) {
                rejected.add(reject(
                        new Rejection(UUID.fromString(m[0]), m[1], MutationResult.INVALID, message, now), touched));
            }
            try (PreparedStatement ps = db.prepareStatement("delete from uploads where blob_id = ?")) {
                ps.setString(1, blobId.toString());
                ps.executeUpdate();
            }
        });
        touched.add("outbox");
        fire(touched);
        return rejected;
    }

    /**
     * Takes a rejected mutation out of the outbox, its optimistic rows back off the screen (the
     * entities they touch go into {@code touched}), and records the rejection to show.
     */
    private Rejection reject(Rejection r, Set<String> touched) throws SQLException {
        List<String[]> keys =
                overlayKeys("where mutation_id = ?", r.mutationId().toString());
        try (PreparedStatement ps = db.prepareStatement("delete from outbox where id = ?")) {
            ps.setString(1, r.mutationId().toString());
            ps.executeUpdate();
        }
        refreshAll(keys, touched);
        insertRejection(r);
        return r;
    }

    private void insertRejection(Rejection r) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "insert or replace into rejections (mutation_id, name, code, message, at) values (?, ?, ?, ?, ?)")) {
            ps.setString(1, r.mutationId().toString());
            ps.setString(2, r.name());
            ps.setString(3, r.code());
            ps.setString(4, r.message());
            ps.setString(5, r.at().toString());
            ps.executeUpdate();
        }
    }

    // --- what the user sees -----------------------------------------------------------------

    private boolean anyOverlay() throws SQLException {
        try (ResultSet rs = statement("select exists (select 1 from overlay)").executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private boolean hasOverlay(String entity, String id) throws SQLException {
        PreparedStatement ps = statement("select 1 from overlay where entity = ? and id = ? limit 1");
        ps.setString(1, entity);
        ps.setString(2, id);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    private void refreshAll(List<String[]> keys, Set<String> touched) throws SQLException {
        for (String[] key : keys) {
            refresh(key[0], key[1]);
            touched.add(key[0]);
        }
    }

    /**
     * Recomputes one row of {@code current}: the newest pending optimistic row (none if it is a
     * delete), else the server's, else none.
     */
    private void refresh(String entity, String id) throws SQLException {
        PreparedStatement ps = statement("""
                select data, pending, deleted from (
                    select o.data, 1 as pending, o.deleted, m.seq as rank
                      from overlay o join outbox m on m.id = o.mutation_id
                     where o.entity = ? and o.id = ?
                    union all
                    select data, 0, 0, -1 from rows where entity = ? and id = ?)
                 order by rank desc limit 1""");
        ps.setString(1, entity);
        ps.setString(2, id);
        ps.setString(3, entity);
        ps.setString(4, id);
        String json = null;
        boolean pending = false;
        try (ResultSet rs = ps.executeQuery()) {
            if (rs.next() && rs.getInt(3) == 0) {
                json = rs.getString(1);
                pending = rs.getInt(2) == 1;
            }
        }
        if (json != null) {
            putCurrent(entity, id, parse(json), json, pending);
        } else {
            removeCurrent(entity, id);
        }
    }

    private void putCurrent(String entity, String id, ObjectNode data, boolean pending) throws SQLException {
        putCurrent(entity, id, data, json(data), pending);
    }

    /** Writes one row of {@code current} ({@code json} is {@code data} as text, written once) and its search text. */
    private void putCurrent(String entity, String id, ObjectNode data, String json, boolean pending)
            throws SQLException {
        RowKeys keys = RowKeys.of(entity, data);
        PreparedStatement ps = statement("""
                insert into current (entity, id, data, parent, sort_key, pending) values (?, ?, ?, ?, ?, ?)
                on conflict (entity, id) do update
                   set data = excluded.data, parent = excluded.parent, sort_key = excluded.sort_key,
                       pending = excluded.pending
                returning rowid""");
        ps.setString(1, entity);
        ps.setString(2, id);
        ps.setString(3, json);
        ps.setString(4, keys.parent());
        ps.setObject(5, keys.sortKey());
        ps.setInt(6, pending ? 1 : 0);
        long rowid;
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            rowid = rs.getLong(1);
        }
        Optional<SearchText> index = SearchText.of(entity, data);
        if (index.isPresent()) {
            reindex(index.get().table(), rowid, index.get().text());
        }
    }

    private void removeCurrent(String entity, String id) throws SQLException {
        PreparedStatement ps = statement("delete from current where entity = ? and id = ? returning rowid");
        ps.setString(1, entity);
        ps.setString(2, id);
        Long rowid = null;
        try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                rowid = rs.getLong(1);
            }
        }
        Optional<String> table = SearchText.tableOf(entity);
        if (rowid != null && table.isPresent()) {
            reindex(table.get(), rowid, "");
        }
    }

    private void reindex(String table, long rowid, String text) throws SQLException {
        PreparedStatement delete = statement("delete from " + table + " where rowid = ?");
        delete.setLong(1, rowid);
        delete.executeUpdate();
        if (!text.isBlank()) {
            PreparedStatement insert =
                    statement("insert into " + table + " (rowid, " + SearchText.column(table) + ") values (?, ?)");
            insert.setLong(1, rowid);
            insert.setString(2, text);
            insert.executeUpdate();
        }
    }

    /** A writer statement, prepared the first time it is asked for; callers hold this store's lock. */
    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = db.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
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
        synchronized (readLock) {
            try (PreparedStatement ps = this.reader.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                List<T> result = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(reader.read(rs));
                    }
                }
                return result;
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        }
    }

    /** A row's JSON as stored, parsed. */
    public ObjectNode parse(String json) {
        try {
            JsonNode node = mapper.readTree(json);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new StoreException("A stored row is not a JSON object", null);
        } catch (JsonProcessingException e) {
            throw new StoreException("A stored row is not JSON: " + e.getMessage(), e);
        }
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

    /** The server's version of a row, if the store has it. */
    public synchronized Optional<Long> serverVersion(String entity, UUID id) {
        try (PreparedStatement ps = db.prepareStatement("select version from rows where entity = ? and id = ?")) {
            ps.setString(1, entity);
            ps.setString(2, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
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

    public synchronized int totalRows() {
        return count("select count(*) from rows");
    }

    /** A message found by full-text search, with the matching words marked by [ and ]. */
    public record MessageHit(UUID messageId, String snippet) {}

    /** Messages whose text contains every word of {@code text} (prefixes of the last word too), best first. */
    public List<MessageHit> searchMessages(String text, int limit) {
        String match = ftsQuery(text);
        if (match.isEmpty()) {
            return List.of();
        }
        return query(
                """
                select c.id, snippet(message_fts, 0, '[', ']', '…', 12)
                  from message_fts f join current c on c.rowid = f.rowid
                 where message_fts match ? order by rank limit ?""", List.of(match, limit), rs -> new MessageHit(UUID.fromString(rs.getString(1)), rs.getString(2)));
    }

    /** Words as quoted FTS5 strings, so what people type is never read as query syntax. */
    public static String ftsQuery(String text) {
        if (text == null) {
            return "";
        }
        List<String> words = new ArrayList<>();
        for (String word : text.strip().split("\\s+")) {
            String cleaned = word.replace("\"", "");
            if (!cleaned.isBlank()) {
                words.add("\"" + cleaned + "\"");
            }
        }
        if (words.isEmpty()) {
            return "";
        }
        words.set(words.size() - 1, words.getLast() + "*");
        return String.join(" ", words);
    }

    // --- plumbing ---------------------------------------------------------------------------

    private interface Work {
        void run() throws SQLException;
    }

    private synchronized void inTransaction(Work work) {
        try {
            db.setAutoCommit(false);
            try {
                work.run();
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private int count(String sql) {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("Could not write JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            synchronized (readLock) {
                reader.close();
            }
            for (PreparedStatement ps : statements.values()) {
                ps.close();
            }
            db.close();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
