package com.recruitdesk.server.blobs;

import com.recruitdesk.protocol.ErrorCodes;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.blob.FileTypes;
import com.recruitdesk.server.platform.access.Authenticator;
import com.recruitdesk.server.platform.access.Principal;
import com.recruitdesk.server.platform.http.ApiException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code POST /api/v1/blobs?id=&filename=} stores the raw request body as a file (its
 * {@code Content-Type} is the file's MIME type), streamed to disk past the API's 1 MiB body limit up
 * to {@code RD_BLOB_MAX_BYTES}; {@code GET /api/v1/blobs/{id}} sends it back with an ETag of its
 * SHA-256. A file the caller may not read is answered like one that does not exist.
 */
public final class BlobController {
    private static final Pattern MIME =
            Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*(\\s*;.*)?");
    private static final int MAX_NAME = 255;

    private final Blobs blobs;

    public BlobController(Blobs blobs) {
        this.blobs = blobs;
    }

    public void upload(Context ctx) {
        Principal who = Authenticator.principal(ctx);
        UUID id = id(ctx.queryParam("id"));
        String filename = filename(ctx.queryParam("filename"));
        String mimeType = mimeType(ctx.header("Content-Type"));
        long declared = ctx.contentLength();
        if (declared > blobs.maxBytes()) {
            throw tooLarge();
        }
        if (declared == 0) {
            throw empty();
        }
        Blobs.Upload upload;
        try (InputStream body = ctx.bodyInputStream()) {
            upload = blobs.upload(id, who, body, mimeType, filename);
        } catch (BlobTooLarge e) {
            throw tooLarge();
        } catch (SQLException e) {
            throw new ApiException(503, ErrorCodes.NOT_READY, "The database is unavailable; upload the file again.");
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a body cut off by the client is answered 400 by HttpApi
        }
        switch (upload) {
            case Blobs.Upload.Created c ->
                ctx.status(201)
                        .header("Location", Paths.BLOBS + "/" + c.blob().id())
                        .json(c.blob().info());
            case Blobs.Upload.Repeated r -> ctx.status(200).json(r.blob().info());
            case Blobs.Upload.Conflict ignored ->
                throw new ApiException(
                        409,
                        ErrorCodes.CONFLICT,
                        "The id " + id + " already names another file; make a new id for this one.");
            case Blobs.Upload.Empty ignored -> throw empty();
        }
    }

    public void download(Context ctx) {
        Principal who = Authenticator.principal(ctx);
        StoredBlob blob;
        try {
            blob = blobs.readable(parseOrNull(ctx.pathParam("id")), who).orElseThrow(BlobController::notFound);
        } catch (SQLException e) {
            throw new ApiException(503, ErrorCodes.NOT_READY, "The database is unavailable; try again.");
        }
        String etag = "\"" + blob.sha256() + "\"";
        ctx.header("ETag", etag);
        // The desktop may cache a file, but asks each time, so a file taken away is not served from cache.
        ctx.header("Cache-Control", "private, no-cache");
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        // Opened before any header is set, so a file missing from the store is a plain JSON 500.
        try (InputStream in = blobs.open(blob)) {
            ctx.status(200);
            ctx.res().setCharacterEncoding(null); // the type is the file's own, with no charset added
            ctx.res().setContentType(blob.mimeType());
            ctx.header("Content-Disposition", "inline; filename*=UTF-8''" + encode(displayName(blob)));
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.res().setContentLengthLong(blob.sizeBytes());
            // Straight to the servlet stream: no compression, so Content-Length is the file's size.
            try (OutputStream out = ctx.res().getOutputStream()) {
                in.transferTo(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UUID id(String text) {
        if (text == null || text.isBlank()) {
            return UUID.randomUUID();
        }
        UUID id = parseOrNull(text);
        if (id == null) {
            throw new ApiException(400, ErrorCodes.INVALID, "The id must be a UUID, not '" + text + "'.");
        }
        return id;
    }

    private static UUID parseOrNull(String text) {
        try {
            return text == null || text.length() != 36 ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The last segment of a name a client sent, without control characters; null when nothing is left. */
    static String filename(String raw) {
        if (raw == null) {
            return null;
        }
        String name = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return null;
        }
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    static String mimeType(String header) {
        if (header == null || header.isBlank()) {
            return FileTypes.OCTET_STREAM;
        }
        String value = header.strip();
        int semicolon = value.indexOf(';');
        String base =
                (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        String mime = semicolon < 0 ? base : base + value.substring(semicolon);
        if (mime.length() > MAX_NAME || !MIME.matcher(mime).matches()) {
            throw new ApiException(
                    400,
                    ErrorCodes.INVALID,
                    "The Content-Type header must be the file's MIME type, such as image/jpeg, not '" + header + "'.");
        }
        return mime;
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static String displayName(StoredBlob blob) {
        if (blob.filename() != null) {
            return blob.filename();
        }
        return blob.id() + FileTypes.extension(blob.mimeType());
    }

    /** RFC 8187 percent-encoding: every byte but the attribute characters. */
    static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }

    private static ApiException notFound() {
        return new ApiException(404, ErrorCodes.NOT_FOUND, "There is no such file, or it is not yours to see.");
    }

    private ApiException tooLarge() {
        return new ApiException(
                413,
                ErrorCodes.PAYLOAD_TOO_LARGE,
                "The file is larger than the " + blobs.maxBytes() + " bytes this server keeps.");
    }

    private static ApiException empty() {
        return new ApiException(400, ErrorCodes.INVALID, "The request body is empty; send the file's bytes.");
    }
}
