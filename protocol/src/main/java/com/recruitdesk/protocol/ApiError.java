package com.recruitdesk.protocol;

/**
 * The body of every failed HTTP response: {@code {"error": {"code": "...", "message": "..."}}}.
 * The code is stable for programs; the message is a sentence for people.
 */
public record ApiError(Detail error) {
    public record Detail(String code, String message) {}

    public static ApiError of(String code, String message) {
        return new ApiError(new Detail(code, message));
    }
}
