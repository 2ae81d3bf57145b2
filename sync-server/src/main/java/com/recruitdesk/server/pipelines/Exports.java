package com.recruitdesk.server.pipelines;

import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.server.blobs.Blobs;
import com.recruitdesk.server.blobs.StoredBlob;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.platform.sync.ActivityLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the exports people ask for ({@code exportJob.request}): claims a queued export with
 * {@code FOR UPDATE SKIP LOCKED} (one instance builds it; one left "processing" by a crash is taken
 * again after {@link #STALE}), writes the job's applications as Excel, CSV or JSON into a ZIP with
 * the candidates' CVs when asked, reporting progress on the row as it goes (desktops see it), keeps
 * the ZIP in the blob store, and records which applications went into it (export_metadata) and the
 * export in the activity log. A failed export says why on its row.
 */
public final class Exports {
    private static final Logger LOG = LoggerFactory.getLogger(Exports.class);
    static final Duration STALE = Duration.ofMinutes(10);

    private final Database database;
    private final Blobs blobs;
    private final Clock clock;

    public Exports(Database database, Blobs blobs, Clock clock) {
        this.database = database;
        this.blobs = blobs;
        this.clock = clock;
    }

    record Claimed(UUID id, UUID organization, UUID job, UUID by, String format, boolean withCvs) {}

    /** Builds every export waiting; returns how many were finished (completed or failed). */
    public int drain() throws SQLException {
        int done = 0;
        for (Optional<Claimed> next = claim(); next.isPresent(); next = claim()) {
            build(next.get());
            done++;
        }
        return done;
    }

    private Optional<Claimed> claim() throws SQLException {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return database.transaction(c -> Sql.one(
                c,
                """
                update export_jobs e set status = 'processing', started_at = ?, progress_percent = 0
                 where e.id = (select id from export_jobs
                                where status = 'queued' or (status = 'processing' and started_at < ?)
                                order by created_at limit 1 for update skip locked)
                returning e.id, e.organization_id, e.job_id, e.created_by_user_id, e.export_format, e.with_cvs
                """,
                rs -> new Claimed(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class),
                        rs.getString(5),
                        rs.getBoolean(6)),
                now,
                now.minus(STALE)));
    }

    private void build(Claimed e) throws SQLException {
        Path zip = null;
        int missing = 0;
        try {
            Application rows = rows(e);
            zip = Files.createTempFile("recruitdesk-export-", ".zip");
            int[] lastPercent = {0};
            try (OutputStream file = Files.newOutputStream(zip);
                    ZipOutputStream out = new ZipOutputStream(file)) {
                out.putNextEntry(new ZipEntry(rows.slug() + "-applications." + ExportFile.extension(e.format())));
                int total = Math.max(1, rows.values().size());
                int share = e.withCvs() ? 70 : 95;
                ExportFile.write(e.format(), rows.values(), out, written -> {
                    int percent = written * share / total;
                    if (percent >= lastPercent[0] + 5) {
                        lastPercent[0] = percent;
                        progress(e.id(), percent);
                    }
                });
                out.closeEntry();
                if (e.withCvs()) {
                    missing = cvs(e, rows, out);
                }
            }
            complete(e, rows, zip, missing);
        } catch (IOException | RuntimeException | SQLException failure) {
            LOG.warn("Export {} failed", e.id(), failure);
            fail(e, failure);
        } finally {
            if (zip != null) {
                try {
                    Files.deleteIfExists(zip);
                } catch (IOException ignored) {
                    // a temporary file; the system cleans it
                }
            }
        }
    }

    /** The job's applications as rows of {@link ExportFile#HEADINGS}, with the CV blob of each person, if any. */
    record Application(
            String slug, String title, List<UUID> ids, List<List<Object>> values, List<UUID> cvs, List<String> names) {}

    private Application rows(Claimed e) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        List<List<Object>> values = new ArrayList<>();
        List<UUID> cvs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        String[] job = database.transaction(c -> Sql.one(
                        c,
                        "select coalesce(slug, 'job'), title from jobs where id = ? and organization_id = ?",
                        rs -> new String[] {rs.getString(1), rs.getString(2)},
                        e.job(),
                        e.organization()))
                .orElseThrow(() -> new IllegalStateException("the job is gone"));
        database.transaction(c -> Sql.list(
                c,
                """
                select a.id, coalesce(p.full_name, p.whatsapp_name, p.email, p.whatsapp_id), p.whatsapp_id, p.email,
                       p.location, p.current_job_title, p.total_experience_years,
                       (select string_agg(s, ', ') from jsonb_array_elements_text(coalesce(p.skills, '[]')) s),
                       a.stage, a.applied_at, a.match_score, a.jd_match_score, a.must_have_failed, a.follow_up_status,
                       a.next_follow_up_date, a.follow_up_remarks, a.is_recruiter_approved, a.submitted_to_client,
                       a.submitted_to_client_at, a.ai_custom_summary,
                       coalesce((select d.blob_id from uploaded_documents d where d.id = p.resume_document_id),
                                (select m.media_blob_id from messages m where m.candidate_id = p.id and m.type = 'document'
                                    and m.media_blob_id is not null order by m.sent_at desc nulls last limit 1))
                  from applications a join candidates p on p.id = a.candidate_id
                 where a.job_id = ? and a.organization_id = ? order by a.applied_at, a.id
                """,
                rs -> {
                    ids.add(rs.getObject(1, UUID.class));
                    List<Object> row = new ArrayList<>();
                    row.add(rs.getString(1));
                    for (int i = 2; i <= 20; i++) {
                        Object v = rs.getObject(i);
                        row.add(
                                v instanceof java.sql.Timestamp
                                                || v instanceof OffsetDateTime
                                                || v instanceof java.sql.Date
                                        ? v.toString()
                                        : v);
                    }
                    values.add(row);
                    cvs.add(rs.getObject(21, UUID.class));
                    names.add(rs.getString(2));
                    return null;
                },
                e.job(),
                e.organization()));
        return new Application(job[0], job[1], ids, values, cvs, names);
    }

    /**
     * The CVs into {@code cvs/}; one whose file is not in the store (never downloaded, or removed) is
     * left out and named in {@code missing-cvs.txt}, so one lost file does not cost the whole export.
     * Returns how many were missing.
     */
    private int cvs(Claimed e, Application rows, ZipOutputStream out) throws IOException, SQLException {
        Set<String> used = new HashSet<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < rows.cvs().size(); i++) {
            UUID blobId = rows.cvs().get(i);
            if (blobId == null) {
                continue;
            }
            Optional<StoredBlob> blob = database.transaction(c -> Blobs.find(c, blobId, e.organization()));
            if (blob.isEmpty()) {
                continue;
            }
            InputStream in;
            try {
                in = blobs.open(blob.get());
            } catch (IOException | IllegalArgumentException gone) {
                missing.add(rows.names().get(i) + " (" + blob.get().filename() + ")");
                continue;
            }
            String name =
                    "cvs/" + safe(rows.names().get(i)) + extensionOf(blob.get().filename());
            for (int n = 2; !used.add(name); n++) {
                name = "cvs/" + safe(rows.names().get(i)) + "-" + n
                        + extensionOf(blob.get().filename());
            }
            out.putNextEntry(new ZipEntry(name));
            try (in) {
                in.transferTo(out);
            }
            out.closeEntry();
            progress(e.id(), 70 + 25 * (i + 1) / rows.cvs().size());
        }
        if (!missing.isEmpty()) {
            out.putNextEntry(new ZipEntry("missing-cvs.txt"));
            out.write(("These people's CVs are not in the server's file store, so they are not in this export:\n"
                            + String.join("\n", missing) + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return missing.size();
    }

    private void complete(Claimed e, Application rows, Path zip, int missing) throws IOException, SQLException {
        Blobs.Kept kept;
        try (InputStream in = Files.newInputStream(zip)) {
            kept = blobs.keep(e.organization(), in);
        }
        UUID blobId = UUID.randomUUID();
        String filename = rows.slug() + "-applications-" + ExportFile.extension(e.format()) + ".zip";
        database.transaction(c -> {
            Blobs.insert(c, blobId, e.organization(), kept, "application/zip", filename, e.by());
            Sql.update(
                    c,
                    """
                    update export_jobs set status = 'completed', progress_percent = 100, result_blob_id = ?,
                           completed_at = ?, applications_included = ?, error_message = ?
                     where id = ?
                    """,
                    blobId,
                    OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                    rows.ids().size(),
                    missing == 0
                            ? null
                            : missing + (missing == 1 ? " CV was" : " CVs were")
                                    + " not in the file store; missing-cvs.txt names them.",
                    e.id());
            Sql.update(
                    c,
                    """
                    insert into export_metadata (organization_id, export_job_id, application_id, export_format, export_details)
                    select ?, ?, a, ?, jsonb_build_object('withCvs', ?::boolean) from unnest(?::uuid[]) a
                    on conflict (export_job_id, application_id) do nothing
                    """,
                    e.organization(),
                    e.id(),
                    e.format(),
                    e.withCvs(),
                    rows.ids().toArray(UUID[]::new));
            new ActivityLog(
                            e.organization(),
                            e.by(),
                            "EXPORT_GENERATED",
                            "success",
                            Entities.EXPORT_JOB,
                            e.id(),
                            "Exported " + rows.ids().size() + " applications of " + rows.title() + " (" + e.format()
                                    + (e.withCvs() ? ", with CVs" : "") + ")",
                            null)
                    .write(c);
            return null;
        });
    }

    private void fail(Claimed e, Exception failure) throws SQLException {
        // A file's path or a driver's wording helps no one reading the desktop: those stay in the log.
        String why = failure instanceof IOException
                ? "a file could not be read or written on the server"
                : failure instanceof SQLException
                        ? "the database did not answer"
                        : failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        database.transaction(c -> {
            Sql.update(
                    c,
                    "update export_jobs set status = 'failed', error_message = ? where id = ?",
                    "The export could not be built: " + why,
                    e.id());
            new ActivityLog(
                            e.organization(),
                            e.by(),
                            "EXPORT_FAILED",
                            "error",
                            Entities.EXPORT_JOB,
                            e.id(),
                            "The export failed: " + why,
                            null)
                    .write(c);
            return null;
        });
    }

    private void progress(UUID id, int percent) {
        try {
            database.transaction(c -> Sql.update(
                    c,
                    "update export_jobs set progress_percent = ? where id = ? and progress_percent < ?",
                    Math.min(99, percent),
                    id,
                    Math.min(99, percent)));
        } catch (SQLException ex) {
            LOG.debug("progress of export {} not recorded", id, ex);
        }
    }

    private static String safe(String name) {
        String s = name == null
                ? "candidate"
                : name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "candidate" : s;
    }

    private static String extensionOf(String filename) {
        int dot = filename == null ? -1 : filename.lastIndexOf('.');
        return dot < 0 ? ".pdf" : filename.substring(dot);
    }
}
