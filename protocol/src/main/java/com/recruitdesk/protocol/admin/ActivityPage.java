package com.recruitdesk.protocol.admin;

import java.util.List;

/**
 * A page of the activity log, newest first; {@code next} is the {@code before} of the following page,
 * null on the last one.
 */
public record ActivityPage(List<ActivityEntry> entries, String next) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1_000;

    public ActivityPage {
        entries = List.copyOf(entries);
    }
}
