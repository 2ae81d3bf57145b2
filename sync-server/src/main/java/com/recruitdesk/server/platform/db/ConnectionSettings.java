package com.recruitdesk.server.platform.db;

/** Where the server's PostgreSQL database is, embedded or external. */
public record ConnectionSettings(String url, String user, String password) {
    /** The URL without its parameters (a password may be one), for messages and logs. */
    public String safeUrl() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    @Override
    public String toString() {
        return "ConnectionSettings[url=" + safeUrl() + ", user=" + user + ", password=<hidden>]";
    }
}
