package com.recruitdesk.server.auth;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** Argon2id password hashes (Spring Security's encoder over Bouncy Castle); see decision 0003. */
public final class PasswordHasher {
    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    /** Compared against when the email is unknown, so both answers take the same time. */
    private final String decoy = encoder.encode("decoy password that matches nothing");

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    /** Spends the time of one verification without a real hash. */
    public void burnVerification(String password) {
        encoder.matches(password, decoy);
    }
}
