package com.recruitdesk.server.people;

import java.util.regex.Pattern;

/**
 * Who a webhook says a WhatsApp user is. Since April 2026 Meta names every user by a business-scoped
 * user id (BSUID, {@code US.13491208655302741918}) and may leave the phone number out for users who
 * took a username; either id may therefore be missing. Values Meta could not have sent (a malformed
 * id or number) are dropped here, so a person is never keyed by them.
 *
 * @param userId the BSUID ({@code user_id}, {@code from_user_id}, {@code recipient_user_id})
 * @param parentUserId the parent BSUID shared across linked business portfolios ({@code US.ENT.…})
 * @param phone E.164 with '+', from {@code wa_id}, {@code from} or {@code recipient_id}
 * @param username the user's WhatsApp username, shown instead of the number; not a key (it can change)
 * @param profileName the profile name the user chose
 */
public record WhatsAppIdentity(String userId, String parentUserId, String phone, String username, String profileName) {
    static final Pattern USER_ID = Pattern.compile("[A-Z]{2}\\.[A-Za-z0-9]{1,128}");
    static final Pattern PARENT_USER_ID = Pattern.compile("[A-Z]{2}\\.ENT\\.[A-Za-z0-9]{1,128}");
    /** E.164 digits without the '+'; compiled once, as every webhook's sender is checked against it. */
    private static final Pattern E164_DIGITS = Pattern.compile("[1-9][0-9]{6,14}");

    private static final int MAX_TEXT = 128;

    public WhatsAppIdentity {
        userId = matching(userId, USER_ID);
        parentUserId = matching(parentUserId, PARENT_USER_ID);
        phone = e164(phone);
        username = text(username);
        profileName = text(profileName);
    }

    /** A person can be found or made from it: Meta named them by at least one id. */
    public boolean attributable() {
        return userId != null || phone != null;
    }

    /** True when {@code id} is a BSUID (not a phone number). */
    public static boolean isUserId(String id) {
        return id != null && USER_ID.matcher(id).matches();
    }

    /** Cloud API wa_id values have no '+'; our people are keyed by E.164 with it. */
    public static String e164(String waId) {
        if (waId == null) {
            return null;
        }
        String digits = waId.startsWith("+") ? waId.substring(1) : waId;
        return E164_DIGITS.matcher(digits).matches() ? "+" + digits : null;
    }

    private static String matching(String value, Pattern pattern) {
        return value != null && pattern.matcher(value.trim()).matches() ? value.trim() : null;
    }

    private static String text(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.length() > MAX_TEXT ? trimmed.substring(0, MAX_TEXT) : trimmed;
    }
}
