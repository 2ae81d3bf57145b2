package com.recruitdesk.server.auth;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashes (Spring Security's encoder over Bouncy Castle); see decision 0003. At most
 * {@link HashGate#DEFAULT_PERMITS} run at once: a flood of sign-ins waits (or is told to come back)
 * instead of taking 16 MiB each.
 */
public final class PasswordHasher {
    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final HashGate gate = new HashGate(HashGate.DEFAULT_PERMITS, HashGate.DEFAULT_WAIT);
    /** Compared against when the email is unknown, so both answers take the same time. */
    private final String decoy = encoder.encode("decoy password that matches nothing");

    public String hash(String password) {
        return gate.run(() -> encoder.encode(password));
    }

    public boolean matches(String password, String hash) {
        return gate.run(() -> encoder.matches(password, hash));
    }

    /** Spends the time of one verification without a real hash. */
    public void burnVerification(String password) {
        gate.run(() -> encoder.matches(password, decoy));
    }
}
