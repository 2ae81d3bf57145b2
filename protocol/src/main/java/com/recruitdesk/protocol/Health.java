package com.recruitdesk.protocol;

/** Body of the health endpoints; {@code reason} says why the server is not ready. */
public record Health(String status, String reason) {
    public static Health up() {
        return new Health("up", null);
    }
}
