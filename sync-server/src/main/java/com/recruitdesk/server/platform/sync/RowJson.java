package com.recruitdesk.server.platform.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;

/** Rows travel as the database's {@code to_jsonb(row)} with the top-level names in camelCase. */
final class RowJson {
    private RowJson() {}

    static ObjectNode parse(ObjectMapper mapper, String json) {
        try {
            JsonNode node = mapper.readTree(json);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new IllegalStateException("a row is a JSON object, not " + node.getNodeType());
        } catch (IOException e) {
            throw new IllegalStateException("the database produced unreadable JSON", e);
        }
    }

    /** A copy with every top-level {@code snake_case} name turned into {@code camelCase}; values untouched. */
    static ObjectNode camelCase(ObjectMapper mapper, ObjectNode row) {
        ObjectNode out = mapper.createObjectNode();
        for (Map.Entry<String, JsonNode> field : row.properties()) {
            out.set(camel(field.getKey()), field.getValue());
        }
        return out;
    }

    static String camel(String snake) {
        StringBuilder sb = new StringBuilder(snake.length());
        boolean upper = false;
        for (int i = 0; i < snake.length(); i++) {
            char ch = snake.charAt(i);
            if (ch == '_') {
                upper = sb.length() > 0;
            } else {
                sb.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return sb.toString();
    }
}
