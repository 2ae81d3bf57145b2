package com.recruitdesk.app.admin.data;

import com.recruitdesk.app.api.ApiClient;
import com.recruitdesk.app.api.ApiFailure;
import com.recruitdesk.app.api.SessionEnded;
import com.recruitdesk.app.api.Unreachable;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.admin.ActivityPage;
import com.recruitdesk.protocol.admin.NumberHealth;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the Administration pane reads from the server rather than the local store: the activity log
 * (administrators' and managers', never on the laptop) and the numbers' health (measured now). Both
 * need the network; the pane says so when it is away. Blocking: call off the FX thread.
 */
public final class AdminServer {
    private final ApiClient api;

    public AdminServer(ApiClient api) {
        this.api = api;
    }

    /** What the activity log is filtered by; null fields filter nothing. */
    public record ActivityQuery(UUID userId, String kind, String entityType, Instant from, Instant to) {
        public static final ActivityQuery ALL = new ActivityQuery(null, null, null, null, null);

        Map<String, String> params() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("userId", userId == null ? null : userId.toString());
            p.put("kind", kind);
            p.put("entityType", entityType);
            p.put("from", from == null ? null : from.toString());
            p.put("to", to == null ? null : to.toString());
            return p;
        }
    }

    /** A page of the log, newest first; {@code before} null for the first. */
    public ActivityPage activity(ActivityQuery query, String before, int limit)
            throws Unreachable, ApiFailure, SessionEnded {
        Map<String, String> params = query.params();
        params.put("before", before);
        params.put("limit", Integer.toString(limit));
        return api.get(Paths.ADMIN_ACTIVITY, params, ActivityPage.class);
    }

    /** Every line the query matches, as CSV, into {@code target}. */
    public Path exportActivity(ActivityQuery query, Path target) throws Unreachable, ApiFailure, SessionEnded {
        return api.download(Paths.ADMIN_ACTIVITY_CSV, query.params(), target);
    }

    public NumberHealth.Report health() throws Unreachable, ApiFailure, SessionEnded {
        return api.get(Paths.ADMIN_NUMBER_HEALTH, Map.of(), NumberHealth.Report.class);
    }
}
