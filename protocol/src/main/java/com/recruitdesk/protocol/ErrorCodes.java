package com.recruitdesk.protocol;

/** Stable error codes carried in {@link ApiError}. */
public final class ErrorCodes {
    public static final String MALFORMED_JSON = "malformed_json";
    public static final String INVALID = "invalid";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String TOKEN_EXPIRED = "token_expired";
    /** The password was right but temporary: choose a new one ({@code POST /auth/password}) to sign in. */
    public static final String PASSWORD_CHANGE_REQUIRED = "password_change_required";
    /** The account was deactivated: its tokens stop working at once, and the desktop removes its data. */
    public static final String ACCOUNT_INACTIVE = "account_inactive";

    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not_found";
    /** The id names something else already (e.g. a blob id reused for other bytes). */
    public static final String CONFLICT = "conflict";

    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    public static final String PAYLOAD_TOO_LARGE = "payload_too_large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    public static final String TOO_MANY_REQUESTS = "too_many_requests";
    public static final String NOT_READY = "not_ready";
    public static final String INTERNAL = "internal";

    private ErrorCodes() {}
}
