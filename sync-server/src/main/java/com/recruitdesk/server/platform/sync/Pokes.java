package com.recruitdesk.server.platform.sync;

import com.recruitdesk.protocol.ErrorCodes;
import com.recruitdesk.protocol.sync.Poke;
import com.recruitdesk.server.platform.access.AccessTokens;
import com.recruitdesk.server.platform.access.Principal;
import com.recruitdesk.server.platform.db.ConnectionSettings;
import com.recruitdesk.server.platform.http.ApiException;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells connected desktops to pull. Every feed write notifies the channel {@code sync_changes} with
 * its organization (trigger); this listener, one per server instance, pokes that organization's
 * WebSocket clients. Because the notification travels through PostgreSQL, a write on any instance
 * pokes clients on all of them.
 */
public final class Pokes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Pokes.class);
    static final String CHANNEL = "sync_changes";
    private static final Duration RETRY = Duration.ofMillis(250);
    private static final Duration COALESCE = Duration.ofMillis(50);

    private final ConnectionSettings settings;
    private final ChangeFeed feed;
    private final AccessTokens tokens;
    private final Map<UUID, Set<Subscriber>> clients = new ConcurrentHashMap<>();
    private final com.fasterxml.jackson.databind.ObjectMapper mapper = com.recruitdesk.protocol.Json.newMapper();
    private final Map<UUID, String> lastPoked = new ConcurrentHashMap<>();
    private final Thread listener;
    private volatile boolean running = true;
    private volatile boolean listening;

    public Pokes(ConnectionSettings settings, ChangeFeed feed, AccessTokens tokens) {
        this.settings = settings;
        this.feed = feed;
        this.tokens = tokens;
        this.listener = Thread.ofPlatform().daemon().name("sync-pokes").start(this::listen);
    }

    /** The WebSocket endpoint: authenticated at upgrade, then only written to. */
    public void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            Principal principal = principal(ctx.header("Authorization"));
            if (!running) {
                // Connected while the server stops: close now, or the graceful stop waits for this socket.
                ctx.closeSession(1001, "server stopping");
                return;
            }
            // Clients keep the connection alive with pings of their own (the server answers them).
            ctx.session.setIdleTimeout(Duration.ofMinutes(10));
            Subscriber subscriber = new Subscriber(ctx, () -> forget(ctx));
            ctx.attribute("organization", principal.organizationId());
            ctx.attribute("subscriber", subscriber);
            clients.computeIfAbsent(principal.organizationId(), k -> ConcurrentHashMap.newKeySet())
                    .add(subscriber);
            if (!running) { // close() may have swept the clients between the check above and this registration
                forget(ctx);
                ctx.closeSession(1001, "server stopping");
                return;
            }
            feed.head(principal.organizationId()).ifPresent(cursor -> subscriber.offer(json(new Poke(cursor))));
        });
        ws.onClose(ctx -> forget(ctx));
        ws.onError(ctx -> forget(ctx));
    }

    /** Verifies the bearer token of an upgrade request; a 401 refuses the upgrade. */
    public void authenticateUpgrade(io.javalin.http.Context ctx) {
        principal(ctx.header("Authorization"));
    }

    private Principal principal(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401, ErrorCodes.UNAUTHORIZED, "The sync stream needs an access token.");
        }
        return tokens.verify(header.substring(7).trim());
    }

    private void forget(WsContext ctx) {
        UUID org = ctx.attribute("organization");
        Subscriber subscriber = ctx.attribute("subscriber");
        if (org != null && subscriber != null) {
            Set<Subscriber> set = clients.get(org);
            if (set != null) {
                set.remove(subscriber);
            }
        }
    }

    private String json(Poke poke) {
        try {
            return mapper.writeValueAsString(poke);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True once the listener is subscribed; tests wait on it. */
    public boolean listening() {
        return listening;
    }

    public int connectedClients() {
        return clients.values().stream().mapToInt(Set::size).sum();
    }

    private void listen() {
        while (running) {
            try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password())) {
                try (Statement s = c.createStatement()) {
                    s.execute("listen " + CHANNEL);
                }
                listening = true;
                PGConnection pg = c.unwrap(PGConnection.class);
                Set<UUID> pending = new HashSet<>();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications((int) RETRY.toMillis());
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            parse(n.getParameter()).ifPresent(pending::add);
                        }
                    }
                    // An organization stays pending while its newest change is held back by an older
                    // transaction still running; it is poked again once the head moves.
                    pending.removeIf(this::pokeIfMoved);
                    // Gather a burst of commits into one poke instead of reading the head after each.
                    sleep(COALESCE);
                }
            } catch (SQLException e) {
                listening = false;
                if (running) {
                    LOG.warn("Sync poke listener lost the database ({}); retrying", e.getMessage());
                    sleep(Duration.ofSeconds(1));
                }
            }
        }
    }

    /** Pokes the organization's clients if its head moved; true when nothing more is awaited. */
    private boolean pokeIfMoved(UUID org) {
        try {
            Optional<String> head = feed.head(org);
            if (head.isEmpty() || head.get().equals(lastPoked.get(org))) {
                return !feed.hasHeldBackChanges(org);
            }
            lastPoked.put(org, head.get());
            String poke = json(new Poke(head.get()));
            clients.getOrDefault(org, Set.of()).forEach(subscriber -> subscriber.offer(poke));
            return !feed.hasHeldBackChanges(org);
        } catch (SQLException e) {
            LOG.warn("Could not read the feed head to poke clients: {}", e.getMessage());
            return false;
        }
    }

    private static Optional<UUID> parse(String payload) {
        try {
            return Optional.of(UUID.fromString(payload));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        listener.interrupt();
        try {
            listener.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clients.values()
                .forEach(set -> set.forEach(subscriber -> {
                    try {
                        subscriber.ctx.closeSession(1001, "server stopping");
                    } catch (RuntimeException e) {
                        // already gone
                    }
                }));
    }
}
