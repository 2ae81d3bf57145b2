package com.recruitdesk.app.signin;

/**
 * Signs in against a server; the app's implementation also stores the session and opens the store.
 * Throws {@link com.recruitdesk.app.api.Unreachable} or {@link com.recruitdesk.app.api.ApiFailure}
 * for the failures people can act on.
 */
@FunctionalInterface
public interface SignIn {
    void signIn(String server, String email, String password) throws Exception;
}
