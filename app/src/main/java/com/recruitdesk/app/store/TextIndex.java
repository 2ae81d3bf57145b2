package com.recruitdesk.app.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A full-text index (an SQLite FTS5 table) over what the user sees of some entity's rows: which
 * table, its one column, and what text of a row goes into it. A feature declares it in its
 * {@link EntityIndex} and searches it with {@link LocalStore#search}; the store keeps it in step
 * with {@code current}, optimistic rows included. Two declarations are the same index only if they
 * are the same object, so a feature declares each once, as a constant.
 */
public final class TextIndex {
    private final String table;
    private final String column;
    private final Function<JsonNode, String> text;

    private TextIndex(String table, String column, Function<JsonNode, String> text) {
        if (!table.matches("[a-z][a-z0-9_]*") || !column.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException(
                    "an index table and column are lowercase words: " + table + "." + column);
        }
        this.table = table;
        this.column = column;
        this.text = Objects.requireNonNull(text);
    }

    /** The FTS5 table {@code table (column)}; {@code text} gives a row's searchable words ("" for none). */
    public static TextIndex of(String table, String column, Function<JsonNode, String> text) {
        return new TextIndex(table, column, text);
    }

    /** The non-blank text fields of a row, joined by spaces: the usual {@code text} function. */
    public static String fields(JsonNode row, String... fields) {
        List<String> parts = new ArrayList<>();
        for (String f : fields) {
            JsonNode v = row.path(f);
            if (v.isTextual() && !v.asText().isBlank()) {
                parts.add(v.asText());
            }
        }
        return String.join(" ", parts);
    }

    public String table() {
        return table;
    }

    String column() {
        return column;
    }

    String text(JsonNode row) {
        String t = text.apply(row);
        return t == null ? "" : t;
    }

    @Override
    public String toString() {
        return table + "(" + column + ")";
    }
}
