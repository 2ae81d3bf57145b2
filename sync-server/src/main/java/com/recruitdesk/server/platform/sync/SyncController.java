package com.recruitdesk.server.platform.sync;

import com.recruitdesk.protocol.ErrorCodes;
import com.recruitdesk.protocol.sync.PushRequest;
import com.recruitdesk.protocol.sync.PushResponse;
import com.recruitdesk.server.platform.access.Authenticator;
import com.recruitdesk.server.platform.access.Principal;
import com.recruitdesk.server.platform.http.ApiException;
import com.recruitdesk.server.platform.http.JsonBodies;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.sql.SQLException;

/** {@code GET /sync/pull} and {@code POST /sync/push}. */
public final class SyncController {
    private final ChangeFeed feed;
    private final PushService push;
    private final JsonBodies bodies;
    private final SharedReads<SharedReads.PullKey, byte[]> pulls = new SharedReads<>();

    public SyncController(ChangeFeed feed, PushService push, JsonBodies bodies) {
        this.feed = feed;
        this.push = push;
        this.bodies = bodies;
    }

    /** A page of the feed; the same user's requests for the same page share one read ({@link SharedReads}). */
    public void pull(Context ctx) throws Exception {
        Principal principal = Authenticator.principal(ctx);
        String cursor = ctx.queryParam("cursor");
        Cursor after = Cursor.decode(cursor);
        int limit = limit(ctx.queryParam("limit"));
        byte[] body = pulls.read(
                new SharedReads.PullKey(principal.userId(), cursor == null ? "" : cursor, limit),
                () -> feed.pull(principal.userId(), after, limit));
        ctx.contentType(ContentType.APPLICATION_JSON).result(body);
    }

    public void push(Context ctx) throws SQLException {
        Principal principal = Authenticator.principal(ctx);
        PushRequest request = bodies.read(ctx, PushRequest.class);
        if (request.mutations() == null) {
            throw new ApiException(400, ErrorCodes.INVALID, "The field 'mutations' is required.");
        }
        if (request.mutations().size() > PushRequest.MAX_MUTATIONS) {
            throw new ApiException(
                    413,
                    ErrorCodes.PAYLOAD_TOO_LARGE,
                    "A push may carry at most " + PushRequest.MAX_MUTATIONS
                            + " mutations; send the rest in another push.");
        }
        ctx.json(new PushResponse(push.apply(principal, request.mutations(), ctx.ip())));
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return ChangeFeed.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= ChangeFeed.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ApiException(
                400, ErrorCodes.INVALID, "The limit must be a number from 1 to " + ChangeFeed.MAX_LIMIT + ".");
    }
}
