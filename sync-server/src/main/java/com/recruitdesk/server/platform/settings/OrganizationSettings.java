package com.recruitdesk.server.platform.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.admin.BusinessHours;
import com.recruitdesk.protocol.admin.Settings;
import com.recruitdesk.server.platform.db.Sql;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * The organization's settings ({@link Settings}) as the product reads them, and the one writer of
 * {@code system_settings}. A setting never saved, or holding a value its rules no longer accept (an
 * operator's hand edit), reads as its default, so a reader never has to guess. Every feature that
 * reads a setting reads it here, on its own connection or transaction.
 */
public final class OrganizationSettings {
    private static final ObjectMapper JSON = Json.newMapper();

    private OrganizationSettings() {}

    /** The value of {@code key} in {@code organization}: the saved one if it is good, else the default. */
    public static JsonNode value(Connection c, UUID organization, String key) throws SQLException {
        Optional<String> saved = Sql.one(
                c,
                "select value::text from system_settings where organization_id = ? and key = ?",
                rs -> rs.getString(1),
                organization,
                key);
        if (saved.isPresent()) {
            try {
                JsonNode value = JSON.readTree(saved.get());
                if (Settings.problem(key, value).isEmpty()) {
                    return value;
                }
            } catch (IOException e) {
                // not JSON: the default below
            }
        }
        return Settings.defaultValue(key);
    }

    /** {@code never}, {@code after_own} or {@code always} ({@link Settings#SCORECARD_VISIBILITY}). */
    public static String scorecardVisibility(Connection c, UUID organization) throws SQLException {
        return value(c, organization, Settings.SCORECARD_VISIBILITY).asText();
    }

    public static BusinessHours businessHours(Connection c, UUID organization) throws SQLException {
        return BusinessHours.parse(value(c, organization, Settings.BUSINESS_HOURS))
                .hours()
                .orElseGet(BusinessHours::standard);
    }

    /** The text the number {@code whatsappAccountId} greets a first-time writer with, if it has one. */
    public static Optional<String> greeting(Connection c, UUID organization, UUID whatsappAccountId)
            throws SQLException {
        JsonNode text = value(c, organization, Settings.BOT_GREETINGS).path(whatsappAccountId.toString());
        return text.isTextual() && !text.asText().isBlank() ? Optional.of(text.asText()) : Optional.empty();
    }

    public static int feedRetentionDays(Connection c, UUID organization) throws SQLException {
        return value(c, organization, Settings.FEED_RETENTION_DAYS).asInt();
    }

    /** Where people outside the office reach the server's pages, if the organization has said ({@link Settings#PUBLIC_ADDRESS}). */
    public static Optional<String> publicAddress(Connection c, UUID organization) throws SQLException {
        return com.recruitdesk.protocol.admin.PageAddress.normalized(
                value(c, organization, Settings.PUBLIC_ADDRESS).asText());
    }

    /**
     * Saves {@code value} (already checked by {@link Settings#problem}) as the setting {@code key};
     * returns the row's id. The row changes only if the value did.
     */
    public static UUID save(Connection c, UUID organization, String key, JsonNode value, UUID byUser)
            throws SQLException {
        Optional<UUID> written = Sql.one(
                c,
                """
                insert into system_settings (organization_id, key, value, description, updated_by_user_id)
                values (?, ?, ?, ?, ?)
                on conflict (organization_id, key) do update
                   set value = excluded.value, updated_by_user_id = excluded.updated_by_user_id
                 where system_settings.value is distinct from excluded.value
                returning id
                """,
                rs -> rs.getObject(1, UUID.class),
                organization,
                key,
                Sql.jsonb(value),
                Settings.title(key),
                byUser);
        if (written.isPresent()) {
            return written.get();
        }
        return Sql.one(
                        c,
                        "select id from system_settings where organization_id = ? and key = ?",
                        rs -> rs.getObject(1, UUID.class),
                        organization,
                        key)
                .orElseThrow();
    }
}
