package com.recruitdesk.server.platform.db;

/** Where the server's PostgreSQL database is, embedded or external. */
public record ConnectionSettings(String url, String user, String password) {
    @Override
    public String toString() {
        return "ConnectionSettings[url=" + url + ", user=" + user + ", password=<hidden>]";
    }
}
