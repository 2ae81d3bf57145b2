package com.recruitdesk.server.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.ApiError;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error responses in the API's JSON shape instead of its HTML page: what Jetty answers
 * before or after Javalin's routes see a request (503 while the server stops, a request Jetty cannot
 * parse, an error raised outside a route). Javalin's exception mappers answer everything else.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");

    private final ObjectMapper mapper;

    JsonErrorHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR_500;
        Object reason = request.getAttribute(ERROR_MESSAGE);
        response.setStatus(status);
        response.getHeaders().put(JSON);
        response.getHeaders().put(ERROR_CACHE_CONTROL);
        response.write(true, body(status, reason == null ? null : reason.toString()), callback);
        return true;
    }

    /** A request Jetty could not parse (bad request line, headers too large, ...). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(JSON);
        return body(status, reason);
    }

    private ByteBuffer body(int status, String reason) {
        ApiError error = ApiError.of(HttpApi.code(status), sentence(status, reason));
        try {
            return ByteBuffer.wrap(mapper.writeValueAsBytes(error));
        } catch (JsonProcessingException e) {
            return ByteBuffer.wrap(("{\"error\":{\"code\":\"" + error.error().code()
                            + "\",\"message\":\"The server could not describe this error.\"}}")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    static String sentence(int status, String reason) {
        return switch (status) {
            case 503 -> "The server is not taking requests right now (it may be stopping); try again shortly.";
            case 400 -> "The request could not be read" + (reason == null ? "." : ": " + reason + ".");
            case 404 -> "There is no such endpoint.";
            case 431 -> "The request's headers are too large.";
            default ->
                status >= 500
                        ? "The server failed to handle this request; it has been logged."
                        : "The request was refused (HTTP " + status + (reason == null ? "" : ", " + reason) + ").";
        };
    }
}
