package com.recruitdesk.app.store;

import com.recruitdesk.protocol.sync.Change;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The rows the server sent ({@code rows}: entity, id, version, JSON) and the small values in {@code meta}. */
final class ServerRows {
    private final Writer writer;
    private final CurrentRows current;

    ServerRows(Writer writer, CurrentRows current) {
        this.writer = writer;
        this.current = current;
    }

    /**
     * Applies one pulled page and moves the cursor past it in one transaction. A change older than
     * the stored row is ignored; what the user sees changes too, unless a pending optimistic row
     * covers the row. The entities touched go into {@code touched}.
     */
    void apply(List<Change> changes, String cursor, Set<String> touched) {
        writer.inTransaction(() -> {
            PreparedStatement upsert = writer.statement("""
                    insert into rows (entity, id, version, data) values (?, ?, ?, ?)
                    on conflict (entity, id) do update set version = excluded.version, data = excluded.data
                     where excluded.version >= rows.version
                    returning rowid""");
            boolean overlays = current.anyOverlay();
            for (Change change : changes) {
                String id = change.id().toString();
                if (Change.DELETE.equals(change.op()) || change.data() == null) {
                    int deleted = writer.update(
                            "delete from rows where entity = ? and id = ? and version <= ?",
                            change.entity(),
                            id,
                            change.version());
                    if (deleted > 0 && !(overlays && current.hasOverlay(change.entity(), id))) {
                        current.remove(change.entity(), id);
                    }
                } else {
                    String json = writer.json(change.data());
                    Writer.bind(upsert, change.entity(), id, change.version(), json);
                    boolean stored;
                    try (ResultSet rs = upsert.executeQuery()) {
                        stored = rs.next();
                    }
                    if (stored && !(overlays && current.hasOverlay(change.entity(), id))) {
                        current.put(change.entity(), id, change.data(), json, false);
                    }
                }
                touched.add(change.entity());
            }
            putMeta(cursor);
        });
    }

    private void putMeta(String cursor) throws java.sql.SQLException {
        writer.update(
                "insert into meta (key, value) values ('cursor', ?) on conflict (key) do update set value = excluded.value",
                cursor);
    }

    Optional<String> meta(String key) {
        return writer.read(() -> {
            PreparedStatement ps = writer.statement("select value from meta where key = ?");
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    void setMeta(String key, String value) {
        writer.inTransaction(() -> writer.update(
                "insert into meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value",
                key,
                value));
    }

    Optional<Long> version(String entity, UUID id) {
        return writer.read(() -> {
            PreparedStatement ps = writer.statement("select version from rows where entity = ? and id = ?");
            Writer.bind(ps, entity, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
        });
    }

    int total() {
        return writer.read(() -> writer.count("select count(*) from rows"));
    }
}
