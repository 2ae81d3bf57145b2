package com.recruitdesk.server.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.pipelines.JobStatus;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.db.Sql;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public job pages (no sign-in): {@code /jobs} lists the live jobs, {@code /jobs/{slug}} shows
 * one with its schema.org JobPosting JSON-LD; a job that has ended answers 410 Gone, one never
 * published 404. Rendered from templates compiled at build time (jte, {@code src/main/jte}).
 */
public final class JobPages {
    public static final String LIST = "/jobs";
    public static final String ONE = "/jobs/{slug}";

    private final Database database;
    private final ObjectMapper mapper;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    public JobPages(Database database, ObjectMapper mapper) {
        this.database = database;
        this.mapper = mapper;
    }

    /** A job's row, the name it is posted under, and its organization's public address if it has one. */
    private record Found(JsonNode row, String organization, String address) {}

    /** The organization's public page address (decision 0045), read with the job. */
    private static final String ADDRESS = "(select s.value #>> '{}' from system_settings s where s.organization_id"
            + " = j.organization_id and s.key = '" + com.recruitdesk.protocol.admin.Settings.PUBLIC_ADDRESS + "')";

    public void list(Context ctx) throws SQLException {
        List<JobPage> jobs = database
                .transaction(c -> Sql.list(
                        c,
                        """
                        select to_jsonb(j)::text, coalesce(cl.name, o.name), %s
                          from jobs j join organizations o on o.id = j.organization_id
                          left join clients cl on cl.id = j.client_id
                         where j.status = any(?) and j.slug is not null
                         order by j.published_at desc nulls last, j.title
                        """.formatted(ADDRESS),
                        rs -> new Found(read(rs.getString(1)), rs.getString(2), rs.getString(3)),
                        (Object) JobStatus.LIVE.toArray(String[]::new)))
                .stream()
                .map(f -> JobPage.of(mapper, f.row(), f.organization(), url(ctx, f)))
                .toList();
        render(ctx, 200, "jobs.jte", Map.of("jobs", jobs));
    }

    public void job(Context ctx) throws SQLException {
        String slug = ctx.pathParam("slug");
        Optional<Found> found = database.transaction(c -> Sql.one(
                c,
                """
                select to_jsonb(j)::text, coalesce(cl.name, o.name), %s
                  from jobs j join organizations o on o.id = j.organization_id
                  left join clients cl on cl.id = j.client_id
                 where j.slug = ?
                 order by (j.status = any(?)) desc, j.published_at desc nulls last
                 limit 1
                """.formatted(ADDRESS),
                rs -> new Found(read(rs.getString(1)), rs.getString(2), rs.getString(3)),
                slug,
                JobStatus.LIVE.toArray(String[]::new)));
        if (found.isEmpty() || "draft".equals(found.get().row().path("status").asText())) {
            ctx.status(404)
                    .html(
                            "<!DOCTYPE html><title>Not found</title><p>There is no such job. <a href=\"/jobs\">Open jobs</a></p>");
            return;
        }
        JsonNode row = found.get().row();
        if (!JobStatus.isLive(row.path("status").asText())) {
            render(ctx, 410, "gone.jte", Map.of("title", row.path("title").asText()));
            return;
        }
        render(
                ctx,
                200,
                "job.jte",
                Map.of("job", JobPage.of(mapper, row, found.get().organization(), url(ctx, found.get()))));
    }

    private void render(Context ctx, int status, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        templates.render(template, params, out);
        ctx.status(status).html(out.toString());
    }

    private static String url(Context ctx, Found job) {
        String address = com.recruitdesk.protocol.admin.PageAddress.normalized(job.address())
                .orElseGet(() -> ctx.scheme() + "://" + ctx.host());
        return address + "/jobs/" + job.row().path("slug").asText();
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the database produced unreadable JSON", e);
        }
    }
}
