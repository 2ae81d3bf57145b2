package com.recruitdesk.server.cohorts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.cohorts.CohortMutations;
import com.recruitdesk.server.platform.db.ConnectionSettings;
import com.recruitdesk.server.support.CohortFixture;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** document.verify: decisions bound to the viewed bytes, the enrollment's derived states, the chained trail. */
@Tag("database")
class VerifyDocumentTest {
    private static TestServer server;
    private static CohortFixture cohorts;
    private static SyncClient adminA;
    private static SyncClient adminB;
    private static SyncClient interviewer;

    @BeforeAll
    static void start() {
        server = TestServer.withoutDemo();
        cohorts = CohortFixture.create(server);
        adminA = new SyncClient(server.api, CohortFixture.ADMIN_A, TestServer.PASSWORD);
        adminB = new SyncClient(server.api, CohortFixture.ADMIN_B, TestServer.PASSWORD);
        interviewer = new SyncClient(server.api, "interviewer@demo.test", TestServer.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static CohortFixture.Upload upload(UUID enrollment, String category, String text) {
        return cohorts.upload(enrollment, category, "application/pdf", pdf(text));
    }

    private static JsonNode decide(SyncClient who, CohortFixture.Upload doc, String action, String code, String text) {
        return decide(who, UUID.randomUUID(), doc.id(), action, code, text, doc.sha256(), List.of());
    }

    private static JsonNode decide(
            SyncClient who,
            UUID id,
            UUID doc,
            String action,
            String code,
            String text,
            String sha,
            List<String> checks) {
        return who.pushOne(SyncClient.mutation(
                CohortMutations.VERIFY_DOCUMENT,
                new CohortMutations.VerifyDocument(id, doc, action, code, text, sha, checks)));
    }

    /** The enrollment as a fresh desktop of institution A receives it. */
    private static JsonNode enrollment(UUID id) {
        return new SyncClient(server.api, CohortFixture.ADMIN_A, TestServer.PASSWORD)
                .pullAll()
                .get("cohortEnrollment/" + id)
                .path("data");
    }

    @Test
    void approvingEveryRequiredDocumentVerifiesTheEnrollment() {
        UUID e = cohorts.enroll(cohorts.cohortA, "Thabo");
        var id = upload(e, "id_document", "id");
        var matric = upload(e, "matric_certificate", "matric");
        var address = upload(e, "proof_of_address", "address");

        UUID decision = UUID.randomUUID();
        JsonNode first = decide(
                adminA,
                decision,
                id.id(),
                "approved",
                null,
                null,
                id.sha256(),
                List.of("Name matches the enrolment", "Photo is visible"));
        assertThat(first.path("status").asText()).isEqualTo("applied");
        assertThat(enrollment(e).path("state").asText()).isEqualTo("in_progress");
        assertThat(enrollment(e).path("documentVerificationState").asText()).isEqualTo("pending");
        decide(adminA, matric, "approved", null, null);
        decide(adminA, address, "approved", null, null);

        assertThat(enrollment(e).path("documentVerificationState").asText()).isEqualTo("verified");
        assertThat(enrollment(e).path("state").asText()).isEqualTo("complete");
        JsonNode row = adminA.pullAll().get("documentVerification/" + decision).path("data");
        assertThat(row.path("fileSha256").asText()).isEqualTo(id.sha256());
        assertThat(row.path("adminUserId").asText()).isEqualTo(adminA.userId.toString());
        assertThat(row.path("sequence").asInt()).isEqualTo(1);
        assertThat(row.path("metadata").path("checks").toString()).contains("Photo is visible");
        assertThat(adminB.pullAll()).doesNotContainKey("documentVerification/" + decision);
    }

    @Test
    void aRejectionNamesItsReasonOnTheEnrollmentUntilTheNewUploadIsApproved() {
        UUID e = cohorts.enroll(cohorts.cohortA, "Naledi");
        var address = upload(e, "proof_of_address", "old bill");

        JsonNode rejected = decide(adminA, address, "rejected", "expired", "The bill is from 2024");

        assertThat(rejected.path("status").asText()).isEqualTo("applied");
        assertThat(enrollment(e).path("documentVerificationState").asText()).isEqualTo("rejected");
        assertThat(enrollment(e).path("rejectionReason").asText())
                .isEqualTo("Proof of address — Expired or out of date: The bill is from 2024");
        var again = upload(e, "proof_of_address", "new bill");
        assertThat(enrollment(e).path("documentVerificationState").asText()).isEqualTo("pending");
        assertThat(enrollment(e).path("rejectionReason").isNull()).isTrue();
        assertThat(decide(adminA, again, "approved", null, null).path("status").asText())
                .isEqualTo("applied");
    }

    @Test
    void aDecisionOnBytesThatAreNotTheDocumentsCurrentFileIsAConflict() {
        UUID e = cohorts.enroll(cohorts.cohortA, "Sipho");
        var first = upload(e, "id_document", "first scan");
        var second = upload(e, "id_document", "second scan");

        JsonNode onReplaced = decide(adminA, first, "approved", null, null);
        JsonNode wrongBytes =
                decide(adminA, UUID.randomUUID(), second.id(), "approved", null, null, first.sha256(), List.of());

        assertThat(onReplaced.path("code").asText()).isEqualTo("conflict");
        assertThat(onReplaced.path("message").asText())
                .contains("uploaded a new id document after you opened this one");
        assertThat(wrongBytes.path("code").asText()).isEqualTo("conflict");
        assertThat(wrongBytes.path("message").asText()).contains("SHA-256 differs");
        assertThat(count("select count(*) from document_verifications where cohort_enrollment_id = ?", e))
                .isZero();
        assertThat(count(
                        "select count(*) from uploaded_documents where id = ? and verification_state = 'pending'",
                        second.id()))
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown action        | maybe    | ''           | ''    | GOOD | ''                     | A decision is one of approved, rejected
            reject without reason | rejected | ''           | ''    | GOOD | ''                     | A rejection's reason is one of unreadable
            unknown reason        | rejected | blurry       | ''    | GOOD | ''                     | A rejection's reason is one of
            other without words   | rejected | other        | ''    | GOOD | ''                     | says which, in words
            no hash               | approved | ''           | ''    | ''   | ''                     | the SHA-256 of the file viewed
            upper-case hash       | approved | ''           | ''    | UPPER| ''                     | 64 lowercase hex digits
            unknown check         | approved | ''           | ''    | GOOD | Looks fine             | is not on the checklist of a id document
            """)
    void badDecisionsAreRefusedWithTheReasonAndLeaveNoTrail(
            String what, String action, String code, String text, String sha, String check, String reason) {
        UUID e = cohorts.enroll(cohorts.cohortA, "Bad " + what);
        var doc = upload(e, "id_document", what);
        String hash = switch (sha) {
            case "GOOD" -> doc.sha256();
            case "UPPER" -> doc.sha256().toUpperCase(java.util.Locale.ROOT);
            default -> null;
        };

        JsonNode result = decide(
                adminA,
                UUID.randomUUID(),
                doc.id(),
                action,
                code,
                text,
                hash,
                check.isEmpty() ? List.of() : List.of(check));

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).contains(reason);
        assertThat(count("select count(*) from document_verifications where cohort_enrollment_id = ?", e))
                .isZero();
    }

    @Test
    void anAdminOfAnotherInstitutionFindsNoDocumentAndAnInterviewerIsRefused() {
        UUID e = cohorts.enroll(cohorts.cohortA, "Zanele");
        var doc = upload(e, "id_document", "scan");

        JsonNode byB = decide(adminB, doc, "approved", null, null);
        JsonNode onNothing =
                decide(adminB, UUID.randomUUID(), UUID.randomUUID(), "approved", null, null, doc.sha256(), List.of());
        JsonNode byInterviewer = decide(interviewer, doc, "approved", null, null);

        assertThat(byB.path("code").asText()).isEqualTo("not_found");
        assertThat(byB.path("message").asText())
                .isEqualTo(onNothing.path("message").asText());
        assertThat(byInterviewer.path("status").asText()).isEqualTo("rejected");
        assertThat(count("select count(*) from document_verifications where uploaded_document_id = ?", doc.id()))
                .isZero();
    }

    @Test
    void theTrailIsChainedAndAChangedEntryBreaksTheChainFromThere() throws SQLException {
        UUID e = cohorts.enroll(cohorts.cohortA, "Chain");
        var id = upload(e, "id_document", "a");
        decide(adminA, id, "rejected", "unreadable", null);
        var id2 = upload(e, "id_document", "b");
        decide(adminA, id2, "approved", null, null);
        var matric = upload(e, "matric_certificate", "c");
        decide(adminA, matric, "rejected", "name_mismatch", "Surname differs");

        try (Connection c = SyncFixture.connect(server.database)) {
            List<Trail.Entry> trail = Trail.of(c, e);
            assertThat(trail).extracting(Trail.Entry::sequence).containsExactly(1, 2, 3);
            assertThat(trail.get(1).previousHash()).isEqualTo(trail.get(0).hash());
            assertThat(Trail.firstBroken(trail)).isEqualTo(OptionalInt.empty());
        }
        tamper(server.database, e);
        try (Connection c = SyncFixture.connect(server.database)) {
            assertThat(Trail.firstBroken(Trail.of(c, e))).isEqualTo(OptionalInt.of(1));
        }
    }

    @Test
    void aStudentsFileIsServedToTheirInstitutionAndIsNotFoundForAnother() {
        UUID e = cohorts.enroll(cohorts.cohortA, "Private Files");
        var doc = upload(e, "id_document", "private scan");
        var files = new com.recruitdesk.server.support.BlobHttp(server.server.port());

        var toA = files.get(adminA.accessToken, doc.blobId());
        var toB = files.get(adminB.accessToken, doc.blobId());
        var toNobody = files.get(adminB.accessToken, UUID.randomUUID());

        assertThat(toA.status()).isEqualTo(200);
        assertThat(CohortFixture.sha256(toA.body())).isEqualTo(doc.sha256());
        assertThat(toB.status()).isEqualTo(404);
        assertThat(new String(toB.body(), StandardCharsets.UTF_8))
                .isEqualTo(new String(toNobody.body(), StandardCharsets.UTF_8));
    }

    @Test
    void theDatabaseRefusesToChangeAnEntry() {
        UUID e = cohorts.enroll(cohorts.cohortA, "Append only");
        var id = upload(e, "id_document", "x");
        decide(adminA, id, "approved", null, null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SyncFixture.execute(
                        server.database,
                        "update document_verifications set reason = 'edited' where cohort_enrollment_id = ?",
                        e))
                .hasMessageContaining("append-only");
    }

    /** What someone with the database's owner rights could still do: switch the guard off and edit an entry. */
    private static void tamper(ConnectionSettings db, UUID enrollment) {
        SyncFixture.execute(
                db, "alter table document_verifications disable trigger document_verifications_append_only");
        try {
            SyncFixture.execute(
                    db,
                    "update document_verifications set action = 'rejected', reason_code = 'other', reason = 'edited'"
                            + " where cohort_enrollment_id = ? and sequence = 2",
                    enrollment);
        } finally {
            SyncFixture.execute(
                    db, "alter table document_verifications enable trigger document_verifications_append_only");
        }
    }

    private static long count(String sql, Object... params) {
        return SyncFixture.count(server.database, sql, params);
    }
}
