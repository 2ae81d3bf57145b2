package com.recruitdesk.protocol.admin;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rules of a WhatsApp number both ends apply before it is saved. */
public final class NumberRules {
    public static final String CLOUD_API = "cloud_api";
    public static final String SIMULATOR = "simulator";
    public static final List<String> PROVIDERS = List.of(CLOUD_API, SIMULATOR);
    public static final List<String> STATUSES = List.of("connected", "disconnected");
    public static final int MAX_DISPLAY_NAME = 100;

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern GRAPH_ID = Pattern.compile("[0-9]{5,30}");

    private NumberRules() {}

    /** A number as stored: "+27 21 555 0100" → "+27215550100"; a leading 00 becomes +. */
    public static String normalisePhone(String typed) {
        if (typed == null) {
            return "";
        }
        String digits = typed.strip().replaceAll("[\\s().-]", "");
        return digits.startsWith("00") ? "+" + digits.substring(2) : digits;
    }

    /** What is wrong with a number to save, or nothing (the ids are checked with Meta on the server). */
    public static Optional<String> problem(AdminMutations.SaveWhatsAppAccount n) {
        if (n.displayName() == null || n.displayName().isBlank()) {
            return Optional.of("Give the number a name the team recognises, such as 'Talent line'.");
        }
        if (n.displayName().strip().length() > MAX_DISPLAY_NAME) {
            return Optional.of("The name has at most " + MAX_DISPLAY_NAME + " characters.");
        }
        if (!E164.matcher(normalisePhone(n.phone())).matches()) {
            return Optional.of("Give the phone number with its country code, such as +27 21 555 0100.");
        }
        if (n.provider() == null || !PROVIDERS.contains(n.provider())) {
            return Optional.of("A number is a Cloud API number (cloud_api) or a simulated one (simulator).");
        }
        if (CLOUD_API.equals(n.provider())) {
            if (n.phoneNumberId() == null
                    || !GRAPH_ID.matcher(n.phoneNumberId().strip()).matches()) {
                return Optional.of("Give the number's phone number ID from Meta's WhatsApp Manager (digits only).");
            }
            if (n.wabaId() == null || !GRAPH_ID.matcher(n.wabaId().strip()).matches()) {
                return Optional.of("Give the WhatsApp Business Account ID the number belongs to (digits only).");
            }
        }
        return Optional.empty();
    }
}
