package com.recruitdesk.server.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.ApiError;
import com.recruitdesk.protocol.ErrorCodes;
import com.recruitdesk.server.platform.config.TlsSettings;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Javalin instance with the house rules every route shares: JSON errors for every failure
 * (404 and 405 included, and those Jetty answers itself, such as a 503 while stopping or a request it
 * cannot parse: {@link JsonErrorHandler}), a request size limit, virtual threads, and graceful shutdown: Jetty's
 * {@link GracefulHandler} refuses new requests on stop and waits until those in flight have sent
 * their whole response. Once stopping, Jetty closes any connection silent for a second (its shutdown
 * idle timeout), idle keep-alive ones and a client stalled mid-body alike, so neither holds the stop.
 */
public final class HttpApi {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    /** Largest request body the API accepts; uploads will get their own streaming limit. */
    public static final long MAX_REQUEST_BYTES = 1_048_576;
    /** How long stop waits for requests in flight. */
    /** Connections the kernel holds for the server before it accepts them (see {@link #acceptQueue}). */
    static final int ACCEPT_QUEUE = 8192;

    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private HttpApi() {}

    public static Javalin create(ObjectMapper mapper, GracefulHandler graceful, Consumer<RoutesConfig> routes) {
        return create(mapper, graceful, Optional.empty(), 0, routes);
    }

    /**
     * With {@code tls} present the one listener on {@code port} speaks HTTPS only (Jetty's default
     * protocols and ciphers: TLS 1.2 and 1.3); a plain HTTP request there is refused by the handshake.
     */
    public static Javalin create(
            ObjectMapper mapper,
            GracefulHandler graceful,
            Optional<TlsSettings> tls,
            int port,
            Consumer<RoutesConfig> routes) {
        return Javalin.create(config -> {
            JsonErrorHandler errors = new JsonErrorHandler(mapper);
            tls.ifPresent(settings ->
                    config.jetty.addConnector((server, http) -> httpsConnector(server, http, settings, port)));
            config.jetty.modifyServer(server -> {
                server.setHandler(graceful); // Javalin nests its servlet context inside
                server.setStopTimeout(STOP_TIMEOUT.toMillis());
                server.setErrorHandler(errors); // e.g. the 503 of a request arriving while we stop
                server.addEventListener(new LifeCycle.Listener() {
                    @Override
                    public void lifeCycleStarting(LifeCycle event) {
                        acceptQueue(server);
                    }
                });
            });
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(errors));
            // Serialise to bytes in one go: the piped, streamed variant hands large bodies over between threads a few
            // KB at a time.
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            // Gzip at its fastest level: a first sync's 100 MB of JSON still shrinks about tenfold, at a
            // fraction of the default level's CPU (decision 0044: at level 6 it was most of the pull's time).
            config.http.compressionStrategy = new CompressionStrategy(null, new Gzip(1));
            config.http.prefer405over404 = true;
            config.http.defaultContentType = "application/json";
            config.router.ignoreTrailingSlashes = true;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;

            config.routes.exception(ApiException.class, (e, ctx) -> {
                e.headers().forEach(ctx::header);
                respond(ctx, e.status(), e.code(), e.getMessage());
            });
            config.routes.exception(
                    HttpResponseException.class,
                    (e, ctx) -> respond(ctx, e.getStatus(), code(e.getStatus()), message(e, ctx)));
            config.routes.exception(Exception.class, (e, ctx) -> {
                if (endedEarly(e)) { // the client went away mid-body: its request, not our fault
                    LOG.debug("Request body of {} {} ended early", ctx.method(), ctx.path());
                    respond(ctx, 400, ErrorCodes.MALFORMED_JSON, "The request body ended before its announced length.");
                    return;
                }
                LOG.error("Unexpected failure in {} {}", ctx.method(), ctx.path(), e);
                respond(ctx, 500, ErrorCodes.INTERNAL, "The server failed to handle this request; it has been logged.");
            });
            routes.accept(config.routes);
        });
    }

    /**
     * Jetty asks for no accept queue by default, and the JDK then listens with a backlog of 50: when
     * thousands of desktops pull at once after a poke, the kernel drops the handshakes beyond it and
     * the clients' requests on those connections are reset (decision 0047). The kernel caps this at
     * {@code net.core.somaxconn}.
     */
    static void acceptQueue(Server server) {
        for (var connector : server.getConnectors()) {
            if (connector instanceof ServerConnector listening && listening.getAcceptQueueSize() < ACCEPT_QUEUE) {
                listening.setAcceptQueueSize(ACCEPT_QUEUE);
            }
        }
    }

    private static ServerConnector httpsConnector(
            Server server, HttpConfiguration http, TlsSettings settings, int port) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(settings.keyStore());
        ssl.setKeyStorePassword(settings.password());
        http.setSecureScheme("https");
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // The client checks that the certificate names the host; an office reaching the server by its
        // address or another name must not be answered 400 by the server's own SNI check.
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server, ssl, new HttpConnectionFactory(http));
        connector.setPort(port);
        return connector;
    }

    private static boolean endedEarly(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.io.EofException) {
                return true;
            }
        }
        return false;
    }

    private static void respond(Context ctx, int status, String code, String message) {
        ctx.status(status).json(ApiError.of(code, message));
    }

    static String code(int status) {
        return switch (status) {
            case 400 -> ErrorCodes.INVALID;
            case 401 -> ErrorCodes.UNAUTHORIZED;
            case 403 -> ErrorCodes.FORBIDDEN;
            case 404 -> ErrorCodes.NOT_FOUND;
            case 405 -> ErrorCodes.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCodes.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCodes.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCodes.TOO_MANY_REQUESTS;
            case 503 -> ErrorCodes.NOT_READY;
            default -> status >= 500 ? ErrorCodes.INTERNAL : ErrorCodes.INVALID;
        };
    }

    private static String message(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> "There is no endpoint " + ctx.method() + " " + ctx.path() + ".";
            case 405 -> "The method " + ctx.method() + " is not allowed on " + ctx.path() + ".";
            case 413 -> "The request body is larger than the " + MAX_REQUEST_BYTES + " bytes allowed.";
            default -> e.getMessage();
        };
    }
}
