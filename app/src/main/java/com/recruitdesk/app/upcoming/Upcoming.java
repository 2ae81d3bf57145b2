package com.recruitdesk.app.upcoming;

import java.util.List;

/**
 * A pane that is not built yet, as its feature describes it: its title, what it will do, and the
 * synced rows it will show ({@code holdings}), so its users see what this computer already holds.
 */
public record Upcoming(String title, String coming, List<Holding> holdings) {
    public Upcoming {
        holdings = List.copyOf(holdings);
    }

    /** One kind of row, named as people count it: ("interviewSession", "interview", "interviews"). */
    public record Holding(String entity, String one, String many) {
        String count(int n) {
            return n + " " + (n == 1 ? one : many);
        }
    }
}
