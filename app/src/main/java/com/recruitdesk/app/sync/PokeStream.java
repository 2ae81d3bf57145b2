package com.recruitdesk.app.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.app.api.ApiClient;
import com.recruitdesk.app.api.ApiFailure;
import com.recruitdesk.app.api.SessionEnded;
import com.recruitdesk.app.api.Unreachable;
import com.recruitdesk.protocol.sync.Poke;
import java.util.function.Consumer;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poke stream: one WebSocket to the server, opened after a round that reached it, which hands
 * each poke to the engine. It tells the engine when it opens (a change made between the last pull
 * and then sent no poke to it) and when an open stream drops (is the server gone?).
 */
final class PokeStream {
    private static final Logger LOG = LoggerFactory.getLogger(PokeStream.class);

    private final ApiClient api;
    private final ObjectMapper mapper;
    private final Consumer<Poke> onPoke;
    private final Runnable onChange;

    private volatile WebSocket stream;
    /** The last stream whose handshake completed; it may call back before {@link #stream} is assigned. */
    private volatile WebSocket opened;
    /** The last stream that failed or closed; it may call back before {@link #stream} is assigned. */
    private volatile WebSocket ended;

    private volatile boolean closed;

    /** {@code onChange}: the stream opened, or an open one dropped; the engine asks for a round. */
    PokeStream(ApiClient api, ObjectMapper mapper, Consumer<Poke> onPoke, Runnable onChange) {
        this.api = api;
        this.mapper = mapper;
        this.onPoke = onPoke;
        this.onChange = onChange;
    }

    /** Opens a stream unless one is open or opening. */
    void ensure() {
        if (stream != null && stream == ended) {
            stream = null; // it failed before it was even assigned
        }
        if (stream != null || closed) {
            return;
        }
        try {
            stream = api.openStream(new WebSocketListener() {
                @Override
                public void onOpen(WebSocket socket, Response response) {
                    opened = socket;
                    onChange.run();
                }

                @Override
                public void onMessage(WebSocket socket, String text) {
                    try {
                        onPoke.accept(mapper.readValue(text, Poke.class));
                    } catch (java.io.IOException e) {
                        LOG.debug("Ignoring a poke that is not JSON: {}", text);
                    }
                }

                @Override
                public void onClosing(WebSocket socket, int code, String reason) {
                    socket.close(1000, null); // the server is going away: answer and look for it at once
                    lost(socket);
                }

                @Override
                public void onFailure(WebSocket socket, Throwable t, Response response) {
                    lost(socket);
                }

                @Override
                public void onClosed(WebSocket socket, int code, String reason) {
                    lost(socket);
                }
            });
        } catch (Unreachable | ApiFailure | SessionEnded e) {
            LOG.debug("Poke stream not opened: {}", e.getMessage());
        }
    }

    /**
     * An open stream that drops asks for a round at once, to find out whether the server is gone. A
     * stream that never opened (a proxy refusing WebSockets, a server stopping) waits for the
     * engine's timer: asking at once would pull and retry the stream in a tight loop.
     */
    private void lost(WebSocket socket) {
        ended = socket;
        if (stream == socket) {
            stream = null;
            if (!closed && opened == socket) {
                onChange.run();
            }
        }
    }

    boolean isOpen() {
        WebSocket s = stream;
        return s != null && s == opened;
    }

    /** Drops the stream (the server is unreachable or the session ended); {@link #ensure} opens another. */
    void cancel() {
        WebSocket s = stream;
        stream = null;
        if (s != null) {
            s.cancel();
        }
    }

    /** Drops the stream for good. */
    void close() {
        closed = true;
        cancel();
    }
}
