package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.server.support.Eventually;
import com.recruitdesk.server.support.Replica;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A grant or revocation of a row (a panel seat, a cohort enrollment) races a change of that row on
 * another connection; whatever the order, the reader ends with exactly what they may hold.
 */
@Tag("database")
class ScopeRacesTest {
    TestServer server;
    SyncFixture world;
    UUID institution;
    UUID cohort;
    SyncClient institutionAdmin;

    @BeforeEach
    void start() throws SQLException {
        server = TestServer.withoutDemo();
        world = SyncFixture.create(server.database);
        try (Connection c = SyncFixture.connect(server.database)) {
            institution = SyncFixture.insert(
                    c,
                    "insert into institutions (organization_id, name) values (?, 'Northern College') returning id",
                    world.organization());
            cohort = SyncFixture.insert(
                    c,
                    "insert into cohorts (organization_id, institution_id, name, program_type) values (?, ?, 'Class of 2027', 'learnership') returning id",
                    world.organization(),
                    institution);
            UUID admin = SyncFixture.insert(
                    c,
                    "insert into users (organization_id, email, full_name, password_hash)"
                            + " select organization_id, 'college@demo.test', 'Cleo College', password_hash"
                            + " from users where email = 'recruiter@demo.test' returning id");
            SyncFixture.execute(
                    server.database,
                    "insert into user_roles (user_id, role, institution_id) values (?, 'INSTITUTION_ADMIN', ?)",
                    admin,
                    institution);
        }
        institutionAdmin = new SyncClient(server.api, "college@demo.test", TestServer.PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SyncClient interviewer() {
        return new SyncClient(server.api, "interviewer@demo.test", TestServer.PASSWORD);
    }

    private long candidateVersion() {
        return SyncFixture.count(server.database, "select version from candidates where id = ?", world.candidate());
    }

    /**
     * Runs {@code second} on its own connection while {@code first} has changed the candidate and not
     * yet committed; commits {@code first} once {@code second} has finished or waits on it.
     */
    private void race(String first, String second, Object... secondParams) throws Exception {
        try (Connection a = SyncFixture.connect(server.database);
                Connection b = SyncFixture.connect(server.database)) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            try (var ps = a.prepareStatement(first)) {
                ps.setObject(1, world.candidate());
                ps.executeUpdate();
            }
            int pid = pid(b);
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
                try (var ps = b.prepareStatement(second)) {
                    for (int i = 0; i < secondParams.length; i++) {
                        ps.setObject(i + 1, secondParams[i]);
                    }
                    ps.executeUpdate();
                    b.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Eventually.await(
                    Duration.ofSeconds(10),
                    "the second transaction to finish or to wait for the first",
                    () -> other.isDone()
                            || SyncFixture.count(
                                            server.database,
                                            "select count(*) from pg_stat_activity where pid = ? and wait_event_type = 'Lock'",
                                            pid)
                                    > 0);
            a.commit();
            other.get();
        }
    }

    private static int pid(Connection c) throws SQLException {
        try (var s = c.createStatement();
                var rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static final String UPDATE_CANDIDATE = "update candidates set location = 'Polokwane' where id = ?";

    @Test
    void aPanelistRemovedWhileACandidateUpdateIsInFlightLosesTheCandidate() throws Exception {
        Replica laptop = new Replica(interviewer()).pull(500);
        assertThat(laptop.keys()).contains("candidate/" + world.candidate());

        race(
                UPDATE_CANDIDATE,
                "delete from interview_participants where interview_session_id = ? and user_id = ?",
                world.interview(),
                world.interviewer());

        assertThat(laptop.pull(500).keys())
                .doesNotContain(
                        "candidate/" + world.candidate(),
                        "interviewSession/" + world.interview(),
                        "job/" + world.job());
    }

    @Test
    void aPanelistAddedWhileACandidateUpdateIsInFlightGetsTheNewestCandidate() throws Exception {
        Replica laptop =
                new Replica(new SyncClient(server.api, "interviewer2@demo.test", TestServer.PASSWORD)).pull(500);

        race(
                UPDATE_CANDIDATE,
                "insert into interview_participants (organization_id, interview_session_id, user_id) values (?, ?, ?)",
                world.organization(),
                world.interview(),
                world.otherInterviewer());

        var candidate = laptop.pull(500).row("candidate", world.candidate()).orElseThrow();
        assertThat(candidate.path("version").asLong()).isEqualTo(candidateVersion());
    }

    @Test
    void enrollingAnExistingCandidateSendsTheirSummaryToTheInstitutionAtItsNewestVersion() throws Exception {
        Replica laptop = new Replica(institutionAdmin).pull(500);
        assertThat(laptop.keys()).doesNotContain("candidate/" + world.candidate());

        race(
                UPDATE_CANDIDATE,
                "insert into cohort_enrollments (organization_id, institution_id, cohort_id, candidate_id) values (?, ?, ?, ?)",
                world.organization(),
                institution,
                cohort,
                world.candidate());

        var candidate = laptop.pull(500).row("candidate", world.candidate()).orElseThrow();
        assertThat(candidate.path("version").asLong()).isEqualTo(candidateVersion());
        assertThat(candidate.path("data").path("fullName").asText()).isEqualTo("Thandi Mokoena");
        assertThat(candidate.path("data").has("whatsappId"))
                .as("a summary only")
                .isFalse();
    }

    @Test
    void removingTheEnrollmentWhileACandidateUpdateIsInFlightRevokesTheCandidate() throws Exception {
        SyncFixture.execute(
                server.database,
                "insert into cohort_enrollments (organization_id, institution_id, cohort_id, candidate_id) values (?, ?, ?, ?)",
                world.organization(),
                institution,
                cohort,
                world.candidate());
        SyncFixture.execute(
                server.database, "update candidates set location = 'Tzaneen' where id = ?", world.candidate());
        Replica laptop = new Replica(institutionAdmin).pull(500);
        assertThat(laptop.keys()).contains("candidate/" + world.candidate());

        race(UPDATE_CANDIDATE, "delete from cohort_enrollments where candidate_id = ?", world.candidate());

        assertThat(laptop.pull(500).keys()).doesNotContain("candidate/" + world.candidate());
    }

    @Test
    void deletingAnInterviewTakesItAndWhatCameWithItOffItsPanelsLaptops() throws Exception {
        Replica laptop = new Replica(interviewer()).pull(500);
        assertThat(laptop.keys()).contains("interviewSession/" + world.interview(), "candidate/" + world.candidate());

        race(UPDATE_CANDIDATE, "delete from interview_sessions where id = ?", world.interview());

        assertThat(laptop.pull(500).keys())
                .noneMatch(k -> k.startsWith("interviewSession/")
                        || k.startsWith("interviewParticipant/")
                        || k.startsWith("candidate/")
                        || k.startsWith("job/"));
    }
}
