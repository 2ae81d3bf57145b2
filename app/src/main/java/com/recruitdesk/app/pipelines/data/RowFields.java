package com.recruitdesk.app.pipelines.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.app.store.RowValues;

/** How Pipelines names a synced person row (the fields themselves are read with {@link RowValues}). */
final class RowFields {
    /** A person's fields that may name them, in the order they are tried; the first not blank wins. */
    static final java.util.List<String> NAME_FIELDS =
            java.util.List.of("fullName", "whatsappName", "firstName", "email", "whatsappId");

    private RowFields() {}

    /** The name to show for a person's row. */
    static String personName(JsonNode person) {
        if (person == null) {
            return "Unknown person";
        }
        for (String f : NAME_FIELDS) {
            String v = RowValues.text(person, f);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "Unknown person";
    }
}
