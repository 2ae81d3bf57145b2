package com.recruitdesk.server.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.recruitdesk.protocol.ErrorCodes;
import io.javalin.http.Context;

/** Reads a JSON request body into a protocol record, turning every kind of bad input into a 400. */
public final class JsonBodies {
    private final ObjectMapper mapper;

    public JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public <T> T read(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType != null
                && !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(
                    415, ErrorCodes.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json.");
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw new ApiException(
                    400, ErrorCodes.MALFORMED_JSON, "The request body is empty; a JSON object is expected.");
        }
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw new ApiException(
                        400, ErrorCodes.MALFORMED_JSON, "The request body must be a JSON object, not null.");
            }
            return value;
        } catch (MismatchedInputException e) {
            String field =
                    e.getPath().isEmpty() ? "" : " at '" + e.getPath().getLast().getFieldName() + "'";
            throw new ApiException(
                    400,
                    ErrorCodes.INVALID,
                    "The request body is not the JSON object this endpoint expects" + field + ".");
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw new ApiException(
                    400,
                    ErrorCodes.MALFORMED_JSON,
                    "The request body is not valid JSON"
                            + (location == null
                                    ? ""
                                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")")
                            + ".");
        } catch (java.io.IOException e) {
            throw new ApiException(400, ErrorCodes.MALFORMED_JSON, "The request body could not be read.");
        }
    }

    /** A required text field: present and not blank. */
    public static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ApiException(400, ErrorCodes.INVALID, "The field '" + field + "' is required.");
        }
        return value;
    }
}
