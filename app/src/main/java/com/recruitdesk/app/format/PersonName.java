package com.recruitdesk.app.format;

/**
 * The name the panes show for a person: the full name, else first and last name, else their
 * WhatsApp profile name or username, else their number or email.
 */
public final class PersonName {
    private PersonName() {}

    public static String of(
            String fullName,
            String firstName,
            String lastName,
            String whatsappName,
            String username,
            String whatsappId,
            String email) {
        if (present(fullName)) {
            return fullName.strip();
        }
        if (present(firstName) || present(lastName)) {
            return ((present(firstName) ? firstName.strip() : "") + " " + (present(lastName) ? lastName.strip() : ""))
                    .strip();
        }
        for (String v : new String[] {whatsappName, handle(username), whatsappId, email}) {
            if (present(v)) {
                return v.strip();
            }
        }
        return "Unknown";
    }

    /** A WhatsApp username as people write it: "@thandi". */
    public static String handle(String username) {
        if (!present(username)) {
            return null;
        }
        String u = username.strip();
        return u.startsWith("@") ? u : "@" + u;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
