package com.recruitdesk.app.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The panes' reads, on a second, read-only connection: WAL lets it read while the writer applies a
 * sync page, so a pane's query never waits behind one.
 */
final class Reads implements AutoCloseable {
    private final Connection reader;
    private final ObjectMapper mapper = Json.newMapper();

    Reads(Connection reader) {
        this.reader = reader;
    }

    synchronized <T> List<T> query(String sql, List<?> params, LocalStore.RowReader<T> rows) {
        try (PreparedStatement ps = reader.prepareStatement(sql)) {
            Writer.bind(ps, params.toArray());
            List<T> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(rows.read(rs));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    ObjectNode parse(String json) {
        return Writer.parse(mapper, json);
    }

    /**
     * The rows whose text in {@code index} matches every word of {@code text} (the last as a prefix),
     * best first, with the matching words marked by [ and ].
     */
    List<LocalStore.SearchHit> search(TextIndex index, String text, int limit) {
        String match = ftsQuery(text);
        if (match.isEmpty()) {
            return List.of();
        }
        String t = index.table();
        return query(
                "select c.id, c.parent, snippet(" + t + ", 0, '[', ']', '…', 10) from " + t
                        + " f join current c on c.rowid = f.rowid where " + t + " match ? order by rank limit ?",
                List.of(match, limit),
                rs -> new LocalStore.SearchHit(
                        java.util.UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3)));
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

    @Override
    public synchronized void close() throws SQLException {
        reader.close();
    }
}
