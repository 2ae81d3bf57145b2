package com.recruitdesk.protocol.pipelines;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one state machine of a job, uniting seed 002's statuses (Draft, Sourcing, Interview, Offer,
 * Closed) with seed 003's requisition statuses (draft, open, paused, closed, filled, cancelled); the
 * mapping is in docs/data-model.md. A job is <em>live</em> (on the public job pages, taking
 * applications) while open, sourcing, interviewing or at the offer; paused keeps it off the pages
 * without closing it; filled, closed and cancelled end it (a closed or cancelled job may reopen).
 */
public final class JobStatus {
    public static final List<String> ALL =
            List.of("draft", "open", "sourcing", "interview", "offer", "paused", "filled", "closed", "cancelled");

    public static final Set<String> LIVE = Set.of("open", "sourcing", "interview", "offer");
    public static final Set<String> ENDED = Set.of("filled", "closed", "cancelled");

    private static final Set<String> FROM_LIVE =
            Set.of("open", "sourcing", "interview", "offer", "paused", "filled", "closed", "cancelled");
    private static final Map<String, Set<String>> NEXT = Map.of(
            "draft", Set.of("open", "sourcing", "cancelled"),
            "open", FROM_LIVE,
            "sourcing", FROM_LIVE,
            "interview", FROM_LIVE,
            "offer", FROM_LIVE,
            "paused", Set.of("open", "sourcing", "interview", "offer", "closed", "cancelled"),
            "filled", Set.of("closed"),
            "closed", Set.of("open"),
            "cancelled", Set.of("draft"));

    private JobStatus() {}

    public static boolean isLive(String status) {
        return LIVE.contains(status);
    }

    /** The statuses a job in {@code from} may move to. */
    public static Set<String> next(String from) {
        return NEXT.getOrDefault(from, Set.of());
    }

    public static boolean mayMove(String from, String to) {
        return next(from).contains(to);
    }

    /** How a person reads a status. */
    public static String label(String status) {
        return switch (status) {
            case "draft" -> "Draft";
            case "open" -> "Open";
            case "sourcing" -> "Sourcing";
            case "interview" -> "Interviewing";
            case "offer" -> "Offer";
            case "paused" -> "Paused";
            case "filled" -> "Filled";
            case "closed" -> "Closed";
            case "cancelled" -> "Cancelled";
            default -> status;
        };
    }
}
