package com.recruitdesk.server.whatsapp;

import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.db.Sql;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers when a webhook last came for each number ({@code whatsapp_number_activity}, for the
 * number's health). Written after the webhook's own transaction, in one of its own, and at most every
 * {@link #EVERY_SECONDS} per number and server instance: parallel webhooks of one number never wait
 * on each other for it, and a failure here loses no message.
 */
final class WebhookActivity {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookActivity.class);
    static final long EVERY_SECONDS = 30;

    private final Database database;
    private final Map<UUID, Long> writtenAt = new ConcurrentHashMap<>();

    WebhookActivity(Database database) {
        this.database = database;
    }

    /** Webhooks for {@code numbers} were just stored. */
    void seen(Collection<UUID> numbers) {
        long now = System.nanoTime();
        for (UUID number : numbers) {
            Long last = writtenAt.get(number);
            if (last != null && now - last < TimeUnit.SECONDS.toNanos(EVERY_SECONDS)) {
                continue;
            }
            writtenAt.put(number, now);
            try {
                database.transaction(c -> Sql.update(c, """
                        insert into whatsapp_number_activity (whatsapp_account_id, last_webhook_at) values (?, now())
                        on conflict (whatsapp_account_id) do update set last_webhook_at = excluded.last_webhook_at
                         where whatsapp_number_activity.last_webhook_at < excluded.last_webhook_at
                        """, number));
            } catch (SQLException | RuntimeException e) {
                writtenAt.remove(number);
                LOG.info("Could not note the webhook time of number {}: {}", number, e.getMessage());
            }
        }
    }
}
