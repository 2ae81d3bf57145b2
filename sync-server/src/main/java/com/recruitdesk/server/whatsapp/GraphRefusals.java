package com.recruitdesk.server.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Meta's Graph API errors ({@code {"error": {"message", "type", "code", "error_subcode", ...}}}) in
 * the sentences an administrator reads: what is wrong and what to do about it.
 */
final class GraphRefusals {
    /** Meta's codes for "too many calls": app, account and business rate limits. */
    private static final Set<Integer> THROTTLED = Set.of(4, 17, 32, 613, 80004, 80007, 80008, 130429);

    private GraphRefusals() {}

    /**
     * The sentence for Meta's answer {@code status}/{@code body} to a request about {@code what}
     * ("the phone number ID 1065…", "the WhatsApp Business Account 1029…").
     */
    static String sentence(int status, JsonNode body, String what) {
        JsonNode error = body.path("error");
        int code = error.path("code").asInt(0);
        int subcode = error.path("error_subcode").asInt(0);
        String message =
                error.path("error_user_msg").asText(error.path("message").asText(""));
        if (code == 190 || status == 401) {
            return "Meta refused the server's access token (RD_WHATSAPP_ACCESS_TOKEN): it is wrong or has expired."
                    + " Make a new system user token in Meta Business Settings and restart the server.";
        }
        if (THROTTLED.contains(code) || status == 429) {
            return "Meta is limiting requests right now; try again in a few minutes.";
        }
        if (code == 100 && subcode == 33) {
            return "Meta knows no " + what + ", or the server's access token may not see it: copy the ID from"
                    + " WhatsApp Manager again.";
        }
        if (code == 10 || code == 200 || code == 3 || status == 403) {
            return "The server's access token may not manage " + what + ": give its system user access to the"
                    + " WhatsApp Business Account in Meta Business Settings.";
        }
        if (status >= 500) {
            return "Meta's Graph API failed (" + status + (message.isBlank() ? "" : ": " + message)
                    + "); try again later.";
        }
        return "Meta refused it: " + (message.isBlank() ? "HTTP " + status : message)
                + (code == 0 ? "" : " (code " + code + (subcode == 0 ? "" : "/" + subcode) + ")") + ".";
    }
}
