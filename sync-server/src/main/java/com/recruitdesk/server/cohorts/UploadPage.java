package com.recruitdesk.server.cohorts;

import com.recruitdesk.protocol.cohorts.CohortRules;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.server.blobs.BlobTooLarge;
import com.recruitdesk.server.blobs.Blobs;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.sync.ActivityLog;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The student's upload page, {@code GET /enroll/{token}}, and its uploads,
 * {@code POST /enroll/{token}/documents/{type}} (a plain multipart form). The token is the only key:
 * unknown, expired or for a cancelled or finished cohort it gets a plain page and a 4xx. An upload is
 * checked by its bytes ({@link UploadCheck}) and size before anything is stored; then its blob and its
 * {@code uploaded_documents} row are written in one transaction (decision 0029).
 */
final class UploadPage {
    /** Room for the multipart framing around a file of the largest size. */
    private static final long FORM_OVERHEAD = 64 * 1024;

    private final Database database;
    private final Blobs blobs;
    private final InvitationLinks links;
    private final Clock clock;
    private final Path scratch;

    UploadPage(Database database, Blobs blobs, InvitationLinks links, Clock clock) {
        this.database = database;
        this.blobs = blobs;
        this.links = links;
        this.clock = clock;
        try {
            this.scratch = Files.createTempDirectory("recruitdesk-uploads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void show(Context ctx) throws SQLException {
        String token = ctx.pathParam("token");
        Optional<StudentPage> page = open(ctx, token);
        if (page.isPresent()) {
            String uploaded = ctx.queryParam("uploaded");
            String notice = uploaded == null
                    ? null
                    : "Thank you: your " + CohortRules.documentLabel(uploaded).toLowerCase(java.util.Locale.ROOT)
                            + " was received and waits for review.";
            html(ctx, 200, StudentPageHtml.page(page.get(), token, notice, false));
        }
    }

    void upload(Context ctx) throws SQLException, IOException {
        String token = ctx.pathParam("token");
        Optional<StudentPage> found = open(ctx, token);
        if (found.isEmpty()) {
            return;
        }
        StudentPage page = found.get();
        String type = ctx.pathParam("type");
        Optional<StudentPage.Requirement> requirement = page.requirement(type);
        if (requirement.isEmpty()) {
            refuse(ctx, page, token, 404, "This cohort does not ask for that document.");
            return;
        }
        if (!requirement.get().acceptsUpload()) {
            refuse(
                    ctx,
                    page,
                    token,
                    409,
                    "Your " + requirement.get().label().toLowerCase(java.util.Locale.ROOT)
                            + " is verified already; there is nothing to upload.");
            return;
        }
        if (ctx.req().getContentLengthLong() > CohortRules.MAX_UPLOAD_BYTES + FORM_OVERHEAD) {
            ctx.header("Connection", "close"); // the rest of the body is not read
            refuse(ctx, page, token, 413, tooLarge());
            return;
        }
        Path file = Files.createTempFile(scratch, "upload-", ".part");
        try {
            Optional<String> filename = receive(ctx, file);
            if (filename.isEmpty()) {
                refuse(ctx, page, token, 400, "Choose a file to upload first.");
                return;
            }
            if (Files.size(file) > CohortRules.MAX_UPLOAD_BYTES) {
                refuse(ctx, page, token, 413, tooLarge());
                return;
            }
            switch (UploadCheck.check(file)) {
                case UploadCheck.Result.Refused r -> refuse(ctx, page, token, r.status(), r.sentence());
                case UploadCheck.Result.Accepted a -> {
                    store(page, type, file, a.mimeType(), filename.get());
                    ctx.redirect(
                            "/enroll/" + token + "?uploaded=" + URLEncoder.encode(type, StandardCharsets.UTF_8),
                            io.javalin.http.HttpStatus.SEE_OTHER);
                }
            }
        } catch (TooLarge e) {
            ctx.header("Connection", "close");
            refuse(ctx, page, token, 413, tooLarge());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The enrollment of a working link, or empty after answering with the plain page that says why not. */
    private Optional<StudentPage> open(Context ctx, String token) throws SQLException {
        ctx.header("Referrer-Policy", "no-referrer"); // the token is in the address
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Robots-Tag", "noindex");
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
        Optional<StudentPage> read = Optional.empty();
        Optional<UUID> enrollment = InvitationLinks.enrollmentOf(token);
        if (enrollment.isPresent()) {
            read = database.jdbcTransaction(
                    Connection.TRANSACTION_READ_COMMITTED, c -> StudentPage.read(c, enrollment.get()));
        }
        Optional<StudentPage> page = read.filter(p -> links.matches(token, p.enrollmentId(), p.generation()));
        if (page.isEmpty()
                && read.isPresent()
                && links.matchesEarlier(
                        token, read.get().enrollmentId(), read.get().generation())) {
            expired(ctx, read.get()); // a link given before a new one was made (decision 0039)
            return Optional.empty();
        }
        if (page.isEmpty()) {
            html(
                    ctx,
                    404,
                    StudentPageHtml.problem(
                            "This link does not work",
                            "We do not know this link. Check that you opened the whole link from your message, or ask your institution for a new one."));
            return Optional.empty();
        }
        StudentPage p = page.get();
        if (p.expiresAt() != null && !clock.instant().isBefore(p.expiresAt())) {
            expired(ctx, p);
            return Optional.empty();
        }
        if (!CohortRules.takesUploads(p.cohortState())) {
            html(
                    ctx,
                    410,
                    StudentPageHtml.problem(
                            p.cohortState().equals("cancelled") ? "This cohort was cancelled" : "This cohort has ended",
                            p.cohortName() + " at " + p.institutionName() + " no longer takes documents."));
            return Optional.empty();
        }
        return page;
    }

    private static void expired(Context ctx, StudentPage p) {
        html(
                ctx,
                410,
                StudentPageHtml.problem(
                        "This link has expired",
                        "Ask " + p.institutionName() + " to send you a new link for " + p.cohortName() + "."));
    }

    /** Streams the form's file part to {@code target}; its file name, or empty when no file was chosen. */
    private Optional<String> receive(Context ctx, Path target) throws IOException {
        ctx.req()
                .setAttribute(
                        "org.eclipse.jetty.multipartConfig",
                        new MultipartConfigElement(
                                scratch.toString(),
                                CohortRules.MAX_UPLOAD_BYTES,
                                CohortRules.MAX_UPLOAD_BYTES + FORM_OVERHEAD,
                                256 * 1024));
        Part part;
        try {
            part = ctx.req().getPart("file");
        } catch (ServletException | IllegalStateException e) {
            if (isSizeLimit(e)) {
                throw new TooLarge();
            }
            return Optional.empty();
        }
        if (part == null
                || part.getSubmittedFileName() == null
                || part.getSubmittedFileName().isBlank()) {
            return Optional.empty();
        }
        try (InputStream in = part.getInputStream()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            part.delete();
        }
        String name = part.getSubmittedFileName();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "");
        return Optional.of(name.isBlank() ? "document" : name.length() > 200 ? name.substring(0, 200) : name);
    }

    private void store(StudentPage page, String type, Path file, String mimeType, String filename)
            throws IOException, SQLException {
        Blobs.Kept kept;
        try (InputStream in = Files.newInputStream(file)) {
            kept = blobs.keep(page.organizationId(), in);
        } catch (BlobTooLarge e) {
            throw new TooLarge();
        }
        UUID blob = UUID.randomUUID();
        UUID document = UUID.randomUUID();
        database.jdbcTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            Blobs.insert(c, blob, page.organizationId(), kept, mimeType, filename, null)
                    .orElseThrow();
            new DocumentRow(
                            document,
                            page.organizationId(),
                            page.institutionId(),
                            page.enrollmentId(),
                            page.candidateId(),
                            blob,
                            type,
                            filename,
                            kept.sha256(),
                            kept.sizeBytes(),
                            mimeType,
                            null)
                    .write(c);
            new ActivityLog(
                            page.organizationId(),
                            null,
                            "enrollment.upload",
                            null,
                            Entities.UPLOADED_DOCUMENT,
                            document,
                            "The student uploaded their " + CohortRules.documentLabel(type),
                            null)
                    .write(c);
            return null;
        });
    }

    private void refuse(Context ctx, StudentPage page, String token, int status, String sentence) {
        html(ctx, status, StudentPageHtml.page(page, token, sentence, true));
    }

    private static void html(Context ctx, int status, String body) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(body);
    }

    private static String tooLarge() {
        return "This file is larger than " + CohortRules.MAX_UPLOAD_BYTES / (1024 * 1024)
                + " MB. Upload a smaller scan or photo.";
    }

    private static boolean isSizeLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("exceeds") || m.contains("too large") || m.contains("max"))) {
                return true;
            }
        }
        return false;
    }

    /** The upload grew past the limit while it streamed in. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }
}
