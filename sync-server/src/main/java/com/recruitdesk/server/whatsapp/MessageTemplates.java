package com.recruitdesk.server.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.server.platform.db.Insert;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes Meta's templates into {@code message_templates}, one row per template and Cloud API number
 * of the WhatsApp Business Account (a template belongs to the WABA, a row to a number). Rows change
 * only when Meta's template did, so a sync every few minutes does not flood the change feed.
 * Templates are never deleted: messages refer to them.
 */
public final class MessageTemplates {
    private MessageTemplates() {}

    /**
     * A template a simulated number keeps itself (Cloud API numbers get theirs from Meta through
     * {@link #apply}): the demo's, later an administrator's. 0 when the id is taken already.
     */
    public static int insertOwn(
            Connection c,
            UUID id,
            UUID organization,
            UUID account,
            String name,
            String language,
            String category,
            String status,
            JsonNode components,
            Instant at)
            throws SQLException {
        return Insert.into("message_templates")
                .set("id", id)
                .set("organization_id", organization)
                .set("whatsapp_account_id", account)
                .set("name", name)
                .set("language", language)
                .set("category", category)
                .set("status", status)
                .json("components", components)
                .set("created_at", at)
                .set("updated_at", at)
                .orSkipExistingId()
                .execute(c);
    }

    /**
     * A template an administrator created ({@code messageTemplate.create}): submitted to Meta for a
     * Cloud API number ({@code providerTemplateId} Meta's id, {@code status} Meta's answer), or kept by a
     * simulated number, which approves it at once. 0 when the id is taken already (by anyone).
     */
    public static int insertCreated(
            Connection c,
            UUID id,
            UUID organization,
            UUID account,
            String name,
            String language,
            String category,
            String status,
            JsonNode components,
            String providerTemplateId,
            UUID createdBy)
            throws SQLException {
        return Insert.into("message_templates")
                .set("id", id)
                .set("organization_id", organization)
                .set("whatsapp_account_id", account)
                .set("name", name)
                .set("language", language)
                .set("category", category)
                .set("status", status)
                .json("components", components)
                .set("provider_template_id", providerTemplateId)
                .set("created_by_user_id", createdBy)
                .orSkipExistingId()
                .execute(c);
    }

    /** The template {@code id} was deleted (at Meta, for a Cloud API number): kept, as messages refer to it. */
    public static int markDeleted(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update message_templates set status = 'deleted', rejection_reason = null where id = ? and status <> 'deleted'")) {
            ps.setObject(1, id);
            return ps.executeUpdate();
        }
    }

    /** What a sync changed. */
    record Applied(int written, int disabled) {}

    static Applied apply(Connection c, String wabaId, List<MetaTemplate> templates) throws SQLException {
        int written = 0;
        try (PreparedStatement ps = c.prepareStatement("""
                insert into message_templates (organization_id, whatsapp_account_id, name, language, category, status,
                                               components, provider_template_id, rejection_reason)
                select a.organization_id, a.id, ?, ?, ?, ?, ?::jsonb, ?, ?
                  from whatsapp_accounts a
                 where a.waba_id = ? and a.provider = 'cloud_api'
                on conflict (whatsapp_account_id, name, language) do update
                   set category = excluded.category, status = excluded.status, components = excluded.components,
                       provider_template_id = excluded.provider_template_id, rejection_reason = excluded.rejection_reason
                 where (message_templates.category, message_templates.status, message_templates.components,
                        message_templates.provider_template_id, message_templates.rejection_reason)
                       is distinct from
                       (excluded.category, excluded.status, excluded.components, excluded.provider_template_id,
                        excluded.rejection_reason)
                """)) {
            for (MetaTemplate t : templates) {
                ps.setString(1, t.name());
                ps.setString(2, t.language());
                ps.setString(3, t.category());
                ps.setString(4, t.status());
                ps.setString(5, t.components().toString());
                ps.setString(6, t.providerId());
                ps.setString(7, t.rejectionReason());
                ps.setString(8, wabaId);
                ps.addBatch();
            }
            for (int n : ps.executeBatch()) {
                written += Math.max(n, 0);
            }
        }
        return new Applied(written, disableMissing(c, wabaId, templates));
    }

    /**
     * A template Meta no longer lists is {@code disabled}; only rows Meta gave us (with its id) are
     * touched, and one an administrator deleted stays {@code deleted}.
     */
    private static int disableMissing(Connection c, String wabaId, List<MetaTemplate> listed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update message_templates t set status = 'disabled'
                  from whatsapp_accounts a
                 where a.id = t.whatsapp_account_id and a.waba_id = ? and a.provider = 'cloud_api'
                   and t.provider_template_id is not null and t.status not in ('disabled', 'deleted')
                   and (t.name, t.language) not in (select * from unnest(?::text[], ?::text[]))
                """)) {
            ps.setString(1, wabaId);
            ps.setArray(
                    2,
                    c.createArrayOf(
                            "text", listed.stream().map(MetaTemplate::name).toArray()));
            ps.setArray(
                    3,
                    c.createArrayOf(
                            "text", listed.stream().map(MetaTemplate::language).toArray()));
            return ps.executeUpdate();
        }
    }

    /**
     * Applies a {@code message_template_status_update} value of the WABA {@code wabaId}. False when
     * it cannot be applied from the event alone (a template we do not have yet, or an event that
     * names no status): the caller then asks for a sync. Events apply in Meta's order: one sent
     * ({@code eventTime}, the entry's epoch seconds) before the last one applied to a template is a
     * redelivery and changes nothing there (a late APPROVED must not re-approve a PAUSED template).
     */
    static boolean applyStatusEvent(Connection c, String wabaId, long eventTime, JsonNode value) throws SQLException {
        Optional<String> status = MetaTemplate.statusForEvent(MessageParser.text(value, "event"));
        List<UUID> rows = matching(
                c,
                wabaId,
                MessageParser.text(value, "message_template_id"),
                MessageParser.text(value, "message_template_name"),
                MessageParser.text(value, "message_template_language"));
        if (status.isEmpty() || rows.isEmpty()) {
            return false;
        }
        // Meta's reason says why a template is not sendable (rejected, paused, disabled); approval clears it.
        String reason =
                "approved".equals(status.get()) ? null : MetaTemplate.reason(MessageParser.text(value, "reason"));
        // Same second: the later arrival wins (Meta's time has no finer grain). No time: applied as it comes.
        java.time.OffsetDateTime at = eventTime > 0
                ? java.time.OffsetDateTime.ofInstant(
                        java.time.Instant.ofEpochSecond(eventTime), java.time.ZoneOffset.UTC)
                : null;
        try (PreparedStatement ps = c.prepareStatement("""
                update message_templates
                   set status = ?, rejection_reason = ?, status_event_at = coalesce(?, status_event_at)
                 where id = any(?) and (status, rejection_reason) is distinct from (?, ?)
                   and (?::timestamptz is null or status_event_at is null or status_event_at <= ?)
                """)) {
            ps.setString(1, status.get());
            ps.setString(2, reason);
            ps.setObject(3, at);
            ps.setArray(4, c.createArrayOf("uuid", rows.toArray()));
            ps.setString(5, status.get());
            ps.setString(6, reason);
            ps.setObject(7, at);
            ps.setObject(8, at);
            ps.executeUpdate();
        }
        return true;
    }

    private static List<UUID> matching(Connection c, String wabaId, String providerId, String name, String language)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select t.id from message_templates t join whatsapp_accounts a on a.id = t.whatsapp_account_id
                 where a.waba_id = ? and a.provider = 'cloud_api'
                   and (t.provider_template_id = ?
                        or (t.provider_template_id is null and t.name = ? and t.language = ?))
                 order by t.id
                   for update of t
                """)) {
            ps.setString(1, wabaId);
            ps.setString(2, providerId);
            ps.setString(3, name);
            ps.setString(4, language);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    /** True when some Cloud API number of ours is on {@code wabaId}. */
    static boolean knownWaba(Connection c, String wabaId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select 1 from whatsapp_accounts where waba_id = ? and provider = 'cloud_api' limit 1")) {
            ps.setString(1, wabaId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
