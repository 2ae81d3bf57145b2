package com.recruitdesk.app.interviews.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.store.RowValues;
import com.recruitdesk.protocol.sync.Entities;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The signed-in user's notifications (only theirs reach this computer), newest first. */
public final class Bell {
    public record Item(
            UUID id, String title, String message, String priority, Instant at, boolean read, UUID interviewId) {}

    private final LocalStore store;

    public Bell(LocalStore store) {
        this.store = store;
    }

    public List<Item> latest(int limit) {
        return store.query(
                "select data from current where entity = ? and not coalesce(json_extract(data, '$.isArchived'), 0)"
                        + " order by json_extract(data, '$.createdAt') desc limit ?",
                List.of(Entities.NOTIFICATION, limit),
                rs -> {
                    ObjectNode n = store.parse(rs.getString(1));
                    boolean aboutInterview = Entities.INTERVIEW_SESSION.equals(RowValues.text(n, "relatedEntityType"));
                    return new Item(
                            RowValues.uuid(n, "id"),
                            RowValues.text(n, "title"),
                            RowValues.text(n, "message"),
                            RowValues.text(n, "priority"),
                            RowValues.instant(n, "createdAt"),
                            n.path("isRead").asBoolean(),
                            aboutInterview ? RowValues.uuid(n, "relatedEntityId") : null);
                });
    }

    public int unread() {
        return store.query(
                        "select count(*) from current where entity = ? and not coalesce(json_extract(data, '$.isRead'), 0)"
                                + " and not coalesce(json_extract(data, '$.isArchived'), 0)",
                        List.of(Entities.NOTIFICATION),
                        rs -> rs.getInt(1))
                .getFirst();
    }
}
