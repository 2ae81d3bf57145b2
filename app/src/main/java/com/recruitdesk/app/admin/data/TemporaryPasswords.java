package com.recruitdesk.app.admin.data;

import java.security.SecureRandom;

/**
 * Temporary passwords an administrator hands over (an invitation, a reset): four groups of four
 * letters and digits from an alphabet without look-alikes (no 0/o, 1/l/i), about 80 bits, easy to
 * read out over the phone. They open no session: the user chooses their own at the first sign-in.
 */
public final class TemporaryPasswords {
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryPasswords() {}

    public static String next() {
        StringBuilder s = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                s.append('-');
            }
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
