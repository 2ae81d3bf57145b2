package com.recruitdesk.app.store;

import com.fasterxml.jackson.core.JsonProcessingException;
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
 * were made) with the optimistic rows they imply, the pull cursor, and a full-text index of message
 * bodies. WAL with {@code synchronous=FULL}: a write that returned has reached the disk.
 *
 * <p>Reads see the server's rows overlaid by the optimistic rows of mutations still in the outbox.
 * An applied mutation's overlay is dropped once the pull that follows has brought the server's row;
 * a rejected one's is dropped at once.
 */
public final class LocalStore implements AutoCloseable {
    private static final int SCHEMA_VERSION = 1;

    private final Connection db;
    private final ObjectMapper mapper = Json.newMapper();
    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();

    private LocalStore(Connection db) {
        this.db = db;
    }

    /** Opens (creating if needed) the store in {@code file}. */
    public static LocalStore open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("pragma journal_mode = wal");
                s.execute("pragma synchronous = full");
                s.execute("pragma foreign_keys = on");
                s.execute("pragma busy_timeout = 5000");
            }
            LocalStore store = new LocalStore(c);
            store.migrate();
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new StoreException("Could not open the local data file " + file + ": " + e.getMessage(), e);
        }
    }

    private void migrate() throws SQLException {
        try (Statement s = db.createStatement()) {
            int version;
            try (ResultSet rs = s.executeQuery("pragma user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version >= SCHEMA_VERSION) {
                return;
            }
            db.setAutoCommit(false);
            s.execute("""
                    create table rows (
                        rowid   integer primary key,
                        entity  text    not null,
                        id      text    not null,
                        version integer not null,
                        data    text    not null,
                        unique (entity, id))""");
            s.execute("""
                    create table outbox (
                        seq         integer primary key autoincrement,
                        id          text not null unique,
                        name        text not null,
                        args        text not null,
                        client_time text not null,
                        state       text not null default 'pending' check (state in ('pending', 'applied')))""");
            s.execute("""
                    create table overlay (
                        mutation_id text not null references outbox (id) on delete cascade,
                        entity      text not null,
                        id          text not null,
                        data        text not null,
                        primary key (mutation_id, entity, id))""");
            s.execute("create index overlay_row on overlay (entity, id)");
            s.execute("""
                    create table rejections (
                        mutation_id text primary key,
                        name        text not null,
                        code        text,
                        message     text,
                        at          text not null)""");
            s.execute("create table meta (key text primary key, value text)");
            s.execute("create virtual table message_fts using fts5 (body, tokenize = 'unicode61 remove_diacritics 2')");
            s.execute("pragma user_version = " + SCHEMA_VERSION);
            db.commit();
            db.setAutoCommit(true);
        }
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
     * sync resumes from the last whole page. A change older than the stored row is ignored.
     */
    public void applyPage(List<Change> changes, String cursor) {
        Set<String> touched = new HashSet<>();
        inTransaction(() -> {
            try (PreparedStatement upsert = db.prepareStatement("""
                            insert into rows (entity, id, version, data) values (?, ?, ?, ?)
                            on conflict (entity, id) do update set version = excluded.version, data = excluded.data
                             where excluded.version >= rows.version
                            returning rowid""");
                    PreparedStatement find =
                            db.prepareStatement("select rowid from rows where entity = ? and id = ? and version <= ?");
                    PreparedStatement delete = db.prepareStatement("delete from rows where rowid = ?");
                    PreparedStatement ftsDelete = db.prepareStatement("delete from message_fts where rowid = ?");
                    PreparedStatement ftsInsert =
                            db.prepareStatement("insert into message_fts (rowid, body) values (?, ?)")) {
                for (Change change : changes) {
                    boolean message = "message".equals(change.entity());
                    if (Change.DELETE.equals(change.op()) || change.data() == null) {
                        find.setString(1, change.entity());
                        find.setString(2, change.id().toString());
                        find.setLong(3, change.version());
                        try (ResultSet rs = find.executeQuery()) {
                            if (rs.next()) {
                                long rowid = rs.getLong(1);
                                delete.setLong(1, rowid);
                                delete.executeUpdate();
                                if (message) {
                                    ftsDelete.setLong(1, rowid);
                                    ftsDelete.executeUpdate();
                                }
                            }
                        }
                    } else {
                        upsert.setString(1, change.entity());
                        upsert.setString(2, change.id().toString());
                        upsert.setLong(3, change.version());
                        upsert.setString(4, json(change.data()));
                        try (ResultSet rs = upsert.executeQuery()) {
                            if (rs.next() && message) {
                                long rowid = rs.getLong(1);
                                ftsDelete.setLong(1, rowid);
                                ftsDelete.executeUpdate();
                                String body = change.data().path("body").asText("");
                                if (!body.isEmpty()) {
                                    ftsInsert.setLong(1, rowid);
                                    ftsInsert.setString(2, body);
                                    ftsInsert.executeUpdate();
                                }
                            }
                        }
                    }
                    touched.add(change.entity());
                }
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

    /** An optimistic row a mutation implies, shown until the server has decided. */
    public record Optimistic(String entity, UUID id, ObjectNode data) {}

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
            try (PreparedStatement ps =
                    db.prepareStatement("insert into overlay (mutation_id, entity, id, data) values (?, ?, ?, ?)")) {
                for (Optimistic row : rows) {
                    ps.setString(1, mutation.id().toString());
                    ps.setString(2, row.entity());
                    ps.setString(3, row.id().toString());
                    ps.setString(4, json(row.data()));
                    ps.executeUpdate();
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
                    touched.addAll(overlayEntities(m.id()));
                    try (PreparedStatement ps = db.prepareStatement("delete from outbox where id = ?")) {
                        ps.setString(1, m.id().toString());
                        ps.executeUpdate();
                    }
                    Instant now = Instant.now();
                    try (PreparedStatement ps = db.prepareStatement(
                            "insert or replace into rejections (mutation_id, name, code, message, at) values (?, ?, ?, ?, ?)")) {
                        ps.setString(1, m.id().toString());
                        ps.setString(2, m.name());
                        ps.setString(3, result.code());
                        ps.setString(4, result.message());
                        ps.setString(5, now.toString());
                        ps.executeUpdate();
                    }
                    rejected.add(new Rejection(m.id(), m.name(), result.code(), result.message(), now));
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
            try (PreparedStatement ps = db.prepareStatement(
                    "select distinct o.entity from overlay o join outbox m on m.id = o.mutation_id where m.state = 'applied'")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        touched.add(rs.getString(1));
                    }
                }
            }
            try (Statement s = db.createStatement()) {
                s.executeUpdate("delete from outbox where state = 'applied'");
            }
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

    private Set<String> overlayEntities(UUID mutationId) throws SQLException {
        Set<String> result = new HashSet<>();
        try (PreparedStatement ps = db.prepareStatement("select distinct entity from overlay where mutation_id = ?")) {
            ps.setString(1, mutationId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
        }
        return result;
    }

    // --- reads ------------------------------------------------------------------------------

    /** A row as the user sees it: the newest optimistic version if one is pending, else the server's. */
    public synchronized Optional<ObjectNode> row(String entity, UUID id) {
        try (PreparedStatement ps = db.prepareStatement("""
                select data from (
                    select o.data, m.seq as rank from overlay o join outbox m on m.id = o.mutation_id
                     where o.entity = ? and o.id = ?
                    union all
                    select data, -1 from rows where entity = ? and id = ?)
                 order by rank desc limit 1""")) {
            ps.setString(1, entity);
            ps.setString(2, id.toString());
            ps.setString(3, entity);
            ps.setString(4, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of((ObjectNode) mapper.readTree(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        } catch (JsonProcessingException e) {
            throw new StoreException("A stored row is not JSON: " + e.getMessage(), e);
        }
    }

    /** Up to {@code limit} rows of one entity as the user sees them (pending optimistic rows included). */
    public synchronized List<ObjectNode> rows(String entity, int limit) {
        try (PreparedStatement ps = db.prepareStatement("""
                select data from (
                    select o.data, m.seq as rank, o.id from overlay o join outbox m on m.id = o.mutation_id
                     where o.entity = ?
                    union all
                    select data, -1, id from rows where entity = ?)
                 group by id having rank = max(rank)
                 order by id limit ?""")) {
            ps.setString(1, entity);
            ps.setString(2, entity);
            ps.setInt(3, limit);
            List<ObjectNode> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add((ObjectNode) mapper.readTree(rs.getString(1)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException(e);
        } catch (JsonProcessingException e) {
            throw new StoreException("A stored row is not JSON: " + e.getMessage(), e);
        }
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
    public synchronized Map<String, Integer> countsByEntity() {
        try (PreparedStatement ps = db.prepareStatement("""
                select entity, count(*) from (
                    select entity, id from rows
                    union
                    select entity, id from overlay)
                 group by entity order by entity""");
                ResultSet rs = ps.executeQuery()) {
            Map<String, Integer> result = new LinkedHashMap<>();
            while (rs.next()) {
                result.put(rs.getString(1), rs.getInt(2));
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public synchronized int totalRows() {
        return count("select count(*) from rows");
    }

    /** A message found by full-text search, with the matching words marked by [ and ]. */
    public record MessageHit(UUID messageId, String snippet) {}

    /** Messages whose body contains every word of {@code text} (prefixes of the last word too), best first. */
    public synchronized List<MessageHit> searchMessages(String text, int limit) {
        String query = ftsQuery(text);
        if (query.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement ps = db.prepareStatement("""
                select r.id, snippet(message_fts, 0, '[', ']', '…', 12)
                  from message_fts f join rows r on r.rowid = f.rowid
                 where message_fts match ? order by rank limit ?""")) {
            ps.setString(1, query);
            ps.setInt(2, limit);
            List<MessageHit> hits = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    hits.add(new MessageHit(UUID.fromString(rs.getString(1)), rs.getString(2)));
                }
            }
            return hits;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Words as quoted FTS5 strings, so what people type is never read as query syntax. */
    static String ftsQuery(String text) {
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
            db.close();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
