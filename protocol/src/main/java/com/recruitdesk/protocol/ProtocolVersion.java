package com.recruitdesk.protocol;

/**
 * The version of the wire contract, one whole number. Raise {@link #CURRENT} when a change means a
 * desktop built before it would misread the server or be misread by it (a renamed field, a changed
 * meaning, a removed route); additions that older desktops safely ignore keep the number. The
 * server decides the oldest protocol it still serves (decision 0022).
 */
public final class ProtocolVersion {
    /** The protocol this build speaks. */
    public static final int CURRENT = 1;
    /** Every desktop request carries its protocol in this header; the server answers 426 below its minimum. */
    public static final String HEADER = "X-RecruitDesk-Protocol";
    /** The error code of that 426 answer. */
    public static final String CLIENT_TOO_OLD = "client_too_old";

    private ProtocolVersion() {}

    /**
     * The body of {@code GET /api/v1/version}: the server's protocol, the oldest desktop protocol it
     * serves, and the server's release (which a desktop of that release or newer speaks).
     */
    public record Info(int protocol, int minClientProtocol, String serverVersion) {}
}
