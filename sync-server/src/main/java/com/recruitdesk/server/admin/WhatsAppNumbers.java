package com.recruitdesk.server.admin;

import com.recruitdesk.server.platform.db.Insert;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.whatsapp.MetaBusiness;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * The one writer of {@code whatsapp_accounts}: the numbers administrators add and edit
 * ({@code whatsappAccount.save}, {@code whatsappAccount.setStatus}) and the demo's.
 *
 * @param facts what Meta said of a Cloud API number when it was checked ({@code checkedAt}); null for
 *     a simulated one
 */
public record WhatsAppNumbers(
        UUID id,
        UUID organization,
        String displayName,
        String phone,
        String provider,
        String phoneNumberId,
        String wabaId,
        MetaBusiness.NumberFacts facts,
        Instant checkedAt) {

    /** Inserts the number, connected; 0 when its id is taken already (by anyone). */
    public int insert(Connection c, Instant createdAt) throws SQLException {
        return Insert.into("whatsapp_accounts")
                .set("id", id)
                .set("organization_id", organization)
                .set("display_name", displayName)
                .set("phone", phone)
                .set("provider", provider)
                .set("phone_number_id", phoneNumberId)
                .set("waba_id", wabaId)
                .set("verified_name", facts == null ? null : facts.verifiedName())
                .set("quality_rating", facts == null ? null : facts.qualityRating())
                .set("messaging_limit_tier", facts == null ? null : facts.messagingLimitTier())
                .set("meta_checked_at", checkedAt)
                .set("connection_status", "connected")
                .set("last_connected_at", createdAt)
                .set("created_at", createdAt)
                .set("updated_at", createdAt)
                .orSkipExistingId()
                .execute(c);
    }

    /** Replaces the number's names, ids and what Meta said of it. */
    public int update(Connection c) throws SQLException {
        return Sql.update(
                c,
                """
                update whatsapp_accounts
                   set display_name = ?, phone = ?, provider = ?, phone_number_id = ?, waba_id = ?,
                       verified_name = ?, quality_rating = ?, messaging_limit_tier = ?, meta_checked_at = ?
                 where id = ?
                """,
                displayName,
                phone,
                provider,
                phoneNumberId,
                wabaId,
                facts == null ? null : facts.verifiedName(),
                facts == null ? null : facts.qualityRating(),
                facts == null ? null : facts.messagingLimitTier(),
                checkedAt,
                id);
    }

    /** {@code connected} (stamping {@code last_connected_at}) or {@code disconnected}; 0 when it already was. */
    public static int setStatus(Connection c, UUID id, String status, Instant now) throws SQLException {
        return Sql.update(c, """
                update whatsapp_accounts
                   set connection_status = ?, last_connected_at = case when ? = 'connected' then ? else last_connected_at end
                 where id = ? and connection_status <> ?
                """, status, status, now, id, status);
    }
}
