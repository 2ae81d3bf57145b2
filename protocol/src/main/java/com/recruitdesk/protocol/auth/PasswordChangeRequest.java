package com.recruitdesk.protocol.auth;

/**
 * Choosing a new password with the current one, which is how a user given a temporary password
 * (invited, or reset by an administrator) signs in the first time: answered like a sign-in.
 */
public record PasswordChangeRequest(String email, String currentPassword, String newPassword) {
    @Override
    public String toString() {
        return "PasswordChangeRequest[email=" + email + ", passwords=<hidden>]";
    }
}
