package com.recruitdesk.app.store;

import java.util.List;
import java.util.Objects;

/**
 * How the store files the rows of one entity so panes can list, page and search them through
 * indexes: the row it belongs under ({@code parentField}, e.g. a message's {@code conversationId}),
 * the time it sorts by (the first of {@code timeFields} present) and, optionally, a full-text index.
 * Declared by the feature whose pane reads the rows (in its data package), never by the store.
 * An entity nobody declares sorts by {@code updatedAt}, else {@code createdAt}, under no parent.
 */
public record EntityIndex(String entity, String parentField, List<String> timeFields, TextIndex text) {
    static final List<String> DEFAULT_TIMES = List.of("updatedAt", "createdAt");

    public EntityIndex {
        Objects.requireNonNull(entity, "entity");
        timeFields = List.copyOf(timeFields);
        if (timeFields.isEmpty()) {
            throw new IllegalArgumentException(entity + " needs a time to sort by");
        }
    }

    /** {@code entity} with no parent, sorted by {@code updatedAt} then {@code createdAt}, not searched. */
    public static EntityIndex of(String entity) {
        return new EntityIndex(entity, null, DEFAULT_TIMES, null);
    }

    /** The same, filed under the row named by {@code field}. */
    public EntityIndex under(String field) {
        return new EntityIndex(entity, field, timeFields, text);
    }

    /** The same, sorted by the first of {@code fields} a row has. */
    public EntityIndex sortedBy(String... fields) {
        return new EntityIndex(entity, parentField, List.of(fields), text);
    }

    /** The same, with its rows' text in {@code index}. */
    public EntityIndex searchedIn(TextIndex index) {
        return new EntityIndex(entity, parentField, timeFields, index);
    }

    /** What the rows' keys depend on; a store that finds another one on open files the rows again. */
    String fingerprint() {
        return (parentField == null ? "" : parentField) + "|" + String.join(",", timeFields) + "|"
                + (text == null ? "" : text.toString());
    }
}
