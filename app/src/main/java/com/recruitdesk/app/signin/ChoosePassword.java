package com.recruitdesk.app.signin;

/**
 * Replaces a temporary password (an invitation's, or one an administrator reset) with the user's
 * own, which signs them in; the app's implementation stores the session and opens the store as a
 * sign-in does. Throws {@link com.recruitdesk.app.api.Unreachable} or
 * {@link com.recruitdesk.app.api.ApiFailure} for failures people can act on.
 */
@FunctionalInterface
public interface ChoosePassword {
    void choose(String server, String email, String temporaryPassword, String chosen) throws Exception;
}
