package com.recruitdesk.app.api;

import java.io.IOException;

/** The server could not be reached (refused, timed out, name unknown, cut off). */
public final class Unreachable extends Exception {
    public Unreachable(String server, IOException cause) {
        super("Cannot reach the server at " + server + ".", cause);
    }
}
