package com.recruitdesk.server.interviews;

import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.server.platform.db.Insert;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/**
 * The one writer of {@code notifications} (seed 003): what the server tells each participant of an
 * interview (scheduled, changed, cancelled, feedback requested), and the demo's. Each row is private
 * to its recipient in the change feed; the desktop's bell counts the unread ones.
 */
public final class Notifications {
    private Notifications() {}

    /**
     * A notification about an interview for {@code user}; {@code id} and {@code at} null for a new id
     * and now.
     */
    public static Insert aboutInterview(
            UUID id,
            UUID organization,
            UUID user,
            UUID interview,
            String title,
            String message,
            String priority,
            Instant at) {
        return Insert.into("notifications")
                .set("id", id)
                .set("organization_id", organization)
                .set("user_id", user)
                .set("notification_type", "interview")
                .set("title", title)
                .set("message", message)
                .set("related_entity_type", Entities.INTERVIEW_SESSION)
                .set("related_entity_id", interview)
                .set("priority", priority)
                .set("created_at", at)
                .set("updated_at", at);
    }

    /** One notification about {@code interview} for each of {@code users}, now. */
    static void aboutInterview(
            Connection c,
            UUID organization,
            Collection<UUID> users,
            UUID interview,
            String title,
            String message,
            String priority)
            throws SQLException {
        for (UUID user : users) {
            aboutInterview(null, organization, user, interview, title, message, priority, null)
                    .execute(c);
        }
    }
}
