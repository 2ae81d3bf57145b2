package com.recruitdesk.app.admin.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.sync.Entities;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Administration's synced rows in the store (their fields are read with {@code RowValues}). */
final class Rows {
    private Rows() {}

    static List<ObjectNode> of(LocalStore store, String entity) {
        return store.query(
                "select data from current where entity = ?", List.of(entity), rs -> store.parse(rs.getString(1)));
    }

    /** The rows of administration's entities that wait for the server (an optimistic row is shown). */
    static Set<UUID> pending(LocalStore store) {
        return new HashSet<>(store.query(
                "select id from current where pending and entity in (?, ?, ?, ?)",
                List.of(Entities.USER, Entities.WHATSAPP_ACCOUNT, Entities.MESSAGE_TEMPLATE, Entities.SYSTEM_SETTING),
                rs -> UUID.fromString(rs.getString(1))));
    }
}
