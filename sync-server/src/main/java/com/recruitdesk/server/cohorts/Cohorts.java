package com.recruitdesk.server.cohorts;

import com.recruitdesk.protocol.Paths;
import com.recruitdesk.server.auth.ServerSecrets;
import com.recruitdesk.server.blobs.Blobs;
import com.recruitdesk.server.platform.db.Database;
import io.javalin.config.RoutesConfig;
import java.time.Clock;

/** The Cohorts feature's web parts: the student's upload page and the reviewers' invitation link and trail exports. */
public final class Cohorts {
    /** The server secret the upload links are made with. */
    static final String LINK_KEY = "enrollment-link-key";

    private final UploadPage page;
    private final EnrollmentFiles files;

    private Cohorts(UploadPage page, EnrollmentFiles files) {
        this.page = page;
        this.files = files;
    }

    public static Cohorts create(Database database, Blobs blobs, Clock clock) {
        var links = new InvitationLinks(new ServerSecrets(database).getOrCreate(LINK_KEY, 32));
        return new Cohorts(new UploadPage(database, blobs, links, clock), new EnrollmentFiles(database, links));
    }

    public void routes(RoutesConfig r) {
        r.get(Paths.ENROLL_PAGE + "/{token}", page::show);
        r.post(Paths.ENROLL_PAGE + "/{token}/documents/{type}", page::upload); // streams past the 1 MiB limit
        r.get(Paths.COHORT_ENROLLMENTS + "/{id}/invitation", files::invitation);
        r.get(Paths.COHORT_ENROLLMENTS + "/{id}/trail.csv", files::trailCsv);
        r.get(Paths.COHORT_ENROLLMENTS + "/{id}/trail.pdf", files::trailPdf);
    }
}
