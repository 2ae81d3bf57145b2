package com.recruitdesk.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.sync.ChangeOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a desktop ends up holding after pulling through {@link SyncClient}: rows applied by the rule
 * the desktop's store applies, so a test asserts on the outcome a user would see.
 */
public final class Replica {
    private final SyncClient client;
    private final Map<String, JsonNode> rows = new HashMap<>();
    private final Map<String, JsonNode> tombstones = new HashMap<>();
    private int resets;

    public Replica(SyncClient client) {
        this.client = client;
    }

    /** Pulls every page of {@code limit} changes and applies them. */
    public Replica pull(int limit) {
        JsonNode page;
        do {
            page = client.pullPage(limit);
            if (page.path("reset").asBoolean()) {
                // What this user may hold changed (or the feed started over): wipe and pull from the start.
                rows.clear();
                tombstones.clear();
                resets++;
            }
            for (JsonNode change : page.path("changes")) {
                apply(change);
            }
        } while (page.path("hasMore").asBoolean());
        return this;
    }

    /** A change applies when it is newer than the row held or the row's tombstone; a delete leaves a tombstone. */
    private void apply(JsonNode change) {
        String key = change.path("entity").asText() + "/" + change.path("id").asText();
        JsonNode held = rows.containsKey(key) ? rows.get(key) : tombstones.get(key);
        if (held != null && !newer(change, held)) {
            return;
        }
        if ("delete".equals(change.path("op").asText())) {
            rows.remove(key);
            tombstones.put(key, change);
        } else {
            tombstones.remove(key);
            rows.put(key, change);
        }
    }

    private static boolean newer(JsonNode change, JsonNode than) {
        return ChangeOrder.newer(
                change.path("version").asLong(),
                change.path("seq").asLong(),
                than.path("version").asLong(),
                than.path("seq").asLong());
    }

    /** How many times the server told this replica to start over. */
    public int resets() {
        return resets;
    }

    /** The keys ("entity/id") of the rows held. */
    public java.util.Set<String> keys() {
        return java.util.Set.copyOf(rows.keySet());
    }

    public Optional<JsonNode> row(String entity, Object id) {
        return Optional.ofNullable(rows.get(entity + "/" + id));
    }
}
