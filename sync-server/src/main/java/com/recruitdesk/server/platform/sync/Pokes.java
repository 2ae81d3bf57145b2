package com.recruitdesk.server.platform.sync;

import com.recruitdesk.protocol.ErrorCodes;
import com.recruitdesk.protocol.sync.Poke;
import com.recruitdesk.server.platform.access.Authenticator;
import com.recruitdesk.server.platform.access.CurrentUser;
import com.recruitdesk.server.platform.access.Principal;
import com.recruitdesk.server.platform.db.ConnectionSettings;
import com.recruitdesk.server.platform.db.Database;
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
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells connected desktops to pull. Every feed write notifies the channel {@code sync_changes} with
 * its organization (trigger); this listener, one per server instance, pokes that organization's
 * WebSocket clients. Because the notification travels through PostgreSQL, a write on any instance
 * pokes clients on all of them. A small move of the feed travels in the poke itself, read once per
 * audience ({@link PokePages}, decision 0047); a desktop holding the page's start applies it without
 * pulling. A change of a user's access (channel {@code sync_access}, V9) pokes
 * that user's clients with a cursor of their new epoch, so they pull and are told to reset, and
 * closes the streams of a user deactivated or moved to another organization.
 */
public final class Pokes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Pokes.class);
    static final String CHANNEL = "sync_changes";
    static final String ACCESS_CHANNEL = Database.ACCESS_CHANNEL;
    /** Close code for a stream whose user may no longer hold it (a 4xxx code is the application's own). */
    static final int ACCESS_ENDED = 4401;

    private static final Duration RETRY = Duration.ofMillis(250);
    /**
     * How long the listener gathers notifications before it pokes. None by default: while one poke's
     * page is read, the commits meanwhile queue up and are taken together by the next (decision 0047).
     */
    private static final Duration COALESCE = Duration.ofMillis(Long.getLong("recruitdesk.pokes.coalesceMs", 0));

    private final ConnectionSettings settings;
    private final ChangeFeed feed;
    private final Authenticator authenticator;
    private final Map<UUID, Set<Subscriber>> clients = new ConcurrentHashMap<>();
    private final com.fasterxml.jackson.databind.ObjectMapper mapper = com.recruitdesk.protocol.Json.newMapper();
    private final Map<UUID, ChangeFeed.Head> lastPoked = new ConcurrentHashMap<>();
    private final SharedReads<UUID, Optional<ChangeFeed.Head>> heads = new SharedReads<>();
    private final PokePages pages;
    /** Carried pokes that gave way to a plain one because a socket fell too far behind (decision 0052). */
    private final LongAdder fellBehind = new LongAdder();
    /** What each new subscriber writes to; a test wraps the WebSocket's outlet to hold writes back. */
    volatile UnaryOperator<Subscriber.Outlet> outlets = UnaryOperator.identity();

    private final Thread listener;
    private volatile boolean running = true;
    private volatile boolean listening;

    public Pokes(ConnectionSettings settings, ChangeFeed feed, Authenticator authenticator) {
        this.settings = settings;
        this.feed = feed;
        this.authenticator = authenticator;
        this.pages = feed.pokePages();
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
            long epoch = authenticator
                    .current(principal.userId())
                    .map(CurrentUser::accessEpoch)
                    .orElse(0L);
            Subscriber subscriber = new Subscriber(
                    ctx,
                    outlets.apply(Subscriber.outlet(ctx)),
                    principal.userId(),
                    principal.organizationId(),
                    epoch,
                    () -> forget(ctx),
                    fellBehind);
            ctx.attribute("organization", principal.organizationId());
            ctx.attribute("subscriber", subscriber);
            clients.computeIfAbsent(principal.organizationId(), k -> ConcurrentHashMap.newKeySet())
                    .add(subscriber);
            if (!running) { // close() may have swept the clients between the check above and this registration
                forget(ctx);
                ctx.closeSession(1001, "server stopping");
                return;
            }
            // Desktops connecting at once (a server's restart) share one read of their organization's head.
            heads.read(principal.organizationId(), () -> feed.head(principal.organizationId()))
                    .ifPresent(head -> subscriber.offer(poke(head, subscriber)));
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
        return authenticator.verify(header.substring(7).trim());
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

    /** Pokes waiting to be written, over every socket; tests wait on it. */
    int waitingPokes() {
        return clients.values().stream()
                .flatMap(Set::stream)
                .mapToInt(Subscriber::waiting)
                .sum();
    }

    /** How often a socket fell so far behind that its waiting carried pokes became one plain poke. */
    public long fellBehind() {
        return fellBehind.sum();
    }

    private void listen() {
        while (running) {
            try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password())) {
                try (Statement s = c.createStatement()) {
                    s.execute("listen " + CHANNEL);
                    s.execute("listen " + ACCESS_CHANNEL);
                }
                listening = true;
                PGConnection pg = c.unwrap(PGConnection.class);
                Set<UUID> pending = new HashSet<>();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications((int) RETRY.toMillis());
                    Set<UUID> accessChanged = new HashSet<>();
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            parse(n.getParameter())
                                    .ifPresent(ACCESS_CHANNEL.equals(n.getName()) ? accessChanged::add : pending::add);
                        }
                    }
                    // A change committed by another server or by hand: drop the cached access first.
                    accessChanged.forEach(user -> authenticator.accessChanged(user.toString()));
                    accessChanged.forEach(this::accessChanged);
                    // An organization stays pending while its newest change is held back by an older
                    // transaction still running; it is poked again once the head moves.
                    pending.removeIf(this::pokeIfMoved);
                    if (!COALESCE.isZero()) {
                        sleep(COALESCE); // gather a burst of commits into one poke
                    }
                }
            } catch (SQLException e) {
                listening = false;
                authenticator.accessChanged(null); // notices may be lost while away
                if (running) {
                    LOG.warn("Sync poke listener lost the database ({}); retrying", e.getMessage());
                    sleep(Duration.ofSeconds(1));
                }
            }
        }
    }

    /**
     * Pokes the organization's clients if its head moved, with the page after the head last poked
     * when it is small ({@link PokePages}); true when nothing more is awaited.
     */
    private boolean pokeIfMoved(UUID org) {
        Set<Subscriber> subscribers = clients.getOrDefault(org, Set.of());
        if (subscribers.isEmpty()) {
            // Nobody of the organization is connected here: no read of its head (webhooks at night
            // would pay one per commit). It stays pending, so that a desktop connecting while a
            // change is held back is still poked once the change is servable; what was last poked
            // was poked to nobody, so the next poke is a plain one.
            lastPoked.remove(org);
            return false;
        }
        try {
            ChangeFeed.Head last = lastPoked.get(org);
            PokePages.Outcome outcome = pages.prepare(org, last, subscribers);
            Optional<ChangeFeed.Head> head = outcome.head();
            if (head.isEmpty() || head.get().equals(last)) {
                return !outcome.heldBack();
            }
            lastPoked.put(org, head.get());
            subscribers.forEach(subscriber -> {
                String carried = outcome.carried().get(subscriber);
                if (carried != null) {
                    subscriber.offerCarried(carried, () -> poke(head.get(), subscriber));
                } else {
                    subscriber.offer(poke(head.get(), subscriber));
                }
            });
            return !outcome.heldBack();
        } catch (SQLException e) {
            LOG.warn("Could not read the feed head to poke clients: {}", e.getMessage());
            return false;
        }
    }

    /** The user's access changed: poke their clients under the new epoch, or close them if they lost the account. */
    private void accessChanged(UUID userId) {
        Optional<CurrentUser> now;
        try {
            now = authenticator.current(userId);
        } catch (RuntimeException e) {
            LOG.warn("Could not read user {} after a change of access: {}", userId, e.getMessage());
            return;
        }
        clients.values()
                .forEach(set -> set.forEach(subscriber -> {
                    if (!subscriber.userId.equals(userId)) {
                        return;
                    }
                    if (now.isEmpty()
                            || !now.get().active()
                            || !now.get().organizationId().equals(subscriber.organizationId)) {
                        forget(subscriber.ctx);
                        try {
                            subscriber.ctx.closeSession(ACCESS_ENDED, "access ended");
                        } catch (RuntimeException e) {
                            // already gone
                        }
                        return;
                    }
                    subscriber.accessEpoch = now.get().accessEpoch();
                    try {
                        feed.head(subscriber.organizationId)
                                .ifPresent(head -> subscriber.offer(poke(head, subscriber)));
                    } catch (SQLException e) {
                        LOG.warn("Could not read the feed head to poke user {}: {}", userId, e.getMessage());
                    }
                }));
    }

    private String poke(ChangeFeed.Head head, Subscriber subscriber) {
        return json(new Poke(head.cursorFor(subscriber.accessEpoch)));
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
