package com.recruitdesk.server.whatsapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** Finds WhatsApp numbers: by the Cloud API's {@code phone_number_id} (webhooks) or by our id. */
final class WhatsAppAccounts {
    private static final String COLUMNS = "id, organization_id, phone, provider, phone_number_id";

    private WhatsAppAccounts() {}

    static Optional<WhatsAppAccount> byPhoneNumberId(Connection c, String phoneNumberId) throws SQLException {
        if (phoneNumberId == null || phoneNumberId.isBlank()) {
            return Optional.empty();
        }
        return one(
                c,
                "select " + COLUMNS
                        + " from whatsapp_accounts where phone_number_id = ? order by provider = 'cloud_api' desc limit 1",
                phoneNumberId);
    }

    static Optional<WhatsAppAccount> byId(Connection c, UUID id) throws SQLException {
        return one(c, "select " + COLUMNS + " from whatsapp_accounts where id = ?", id);
    }

    private static Optional<WhatsAppAccount> one(Connection c, String sql, Object key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new WhatsAppAccount(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)));
            }
        }
    }
}
