package com.recruitdesk.server.interviews;

import java.time.Duration;

/**
 * The organization's interview timings, rows of {@code system_settings} holding a number of hours
 * (the administration screen edits them; no screen of this feature does): how long before an
 * interview the candidate is reminded, how long after it a missing scorecard is asked for. Who sees
 * whose scorecards is {@code INTERVIEW_FEEDBACK_VISIBILITY}, read by the change feed's rule (V11).
 */
final class Settings {
    static final String REMINDER_HOURS = "INTERVIEW_REMINDER_HOURS";
    static final String FEEDBACK_REQUEST_HOURS = "INTERVIEW_FEEDBACK_REQUEST_HOURS";
    static final Duration DEFAULT_REMINDER = Duration.ofHours(24);
    static final Duration DEFAULT_FEEDBACK_REQUEST = Duration.ofHours(24);

    private Settings() {}

    /**
     * SQL for the setting {@code key} of the organization in {@code organizationColumn} as an interval,
     * {@code otherwise} when it is missing or not a number of hours.
     */
    static String interval(String organizationColumn, String key, Duration otherwise) {
        if (!key.matches("[A-Z_]+") || !organizationColumn.matches("[a-z_.]+")) {
            throw new IllegalArgumentException(key);
        }
        return "coalesce((select make_interval(mins => round((v.value #>> '{}')::numeric * 60)::int)"
                + " from system_settings v where v.organization_id = " + organizationColumn + " and v.key = '" + key
                + "' and v.value #>> '{}' ~ '^[0-9]{1,3}(\\.[0-9]+)?$'), interval '" + otherwise.toMinutes()
                + " minutes')";
    }
}
