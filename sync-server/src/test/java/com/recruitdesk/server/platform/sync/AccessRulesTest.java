package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.auth.RoleGrant;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.sync.MutationResult;
import com.recruitdesk.server.platform.access.Principal;
import com.recruitdesk.server.platform.db.ConnectionSettings;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each kind of declared access, checked on real rows: role rules refuse as forbidden, row rules as
 * not_found (the same answer as a row that does not exist or belongs to another organization).
 */
@Tag("database")
class AccessRulesTest {
    record Args(UUID id) {}

    private static TestServer server;
    private static SyncFixture world;
    private static Connection c;
    private static UUID recruiter;
    private static UUID recruiter2;
    private static UUID institution;
    private static UUID otherInstitution;
    private static UUID enrollment;
    private static UUID ownedCandidate;
    private static UUID otherOrganizationInterview;

    @BeforeAll
    static void world() throws SQLException {
        server = TestServer.withoutDemo();
        ConnectionSettings db = server.database;
        world = SyncFixture.create(db);
        c = SyncFixture.connect(db);
        recruiter = one("select id from users where email = 'recruiter@demo.test'");
        recruiter2 = one("select id from users where email = 'recruiter2@demo.test'");
        institution = SyncFixture.insert(
                c,
                "insert into institutions (organization_id, name) values (?, 'Ubuntu') returning id",
                world.organization());
        otherInstitution = SyncFixture.insert(
                c,
                "insert into institutions (organization_id, name) values (?, 'CPTI') returning id",
                world.organization());
        UUID cohort = SyncFixture.insert(
                c,
                "insert into cohorts (organization_id, institution_id, name, program_type) values (?, ?, 'Retail', 'learnership') returning id",
                world.organization(),
                institution);
        enrollment = SyncFixture.insert(
                c,
                "insert into cohort_enrollments (organization_id, institution_id, cohort_id, candidate_id) values (?, ?, ?, ?) returning id",
                world.organization(),
                institution,
                cohort,
                world.otherCandidate());
        ownedCandidate = SyncFixture.insert(
                c,
                "insert into candidates (organization_id, owner_user_id, full_name, email) values (?, ?, 'Owned', 'owned@example.com') returning id",
                world.organization(),
                recruiter);
        UUID otherOrg = SyncFixture.insert(c, "insert into organizations (name) values ('Other agency') returning id");
        UUID otherPerson = SyncFixture.insert(
                c,
                "insert into candidates (organization_id, full_name, email) values (?, 'Theirs', 'theirs@example.com') returning id",
                otherOrg);
        UUID otherJob = SyncFixture.insert(
                c, "insert into jobs (organization_id, title) values (?, 'Theirs') returning id", otherOrg);
        otherOrganizationInterview = SyncFixture.insert(
                c,
                "insert into interview_sessions (organization_id, candidate_id, job_id, interview_type, interview_mode, scheduled_at) values (?, ?, ?, 'technical', 'video', now()) returning id",
                otherOrg,
                otherPerson,
                otherJob);
        // Even a participant of another organization's interview is not let in through ours.
        SyncFixture.insert(
                c,
                "insert into interview_participants (organization_id, interview_session_id, user_id) values (?, ?, ?) returning id",
                otherOrg,
                otherOrganizationInterview,
                world.interviewer());
    }

    @AfterAll
    static void close() throws SQLException {
        c.close();
        server.close();
    }

    @Test
    void staffAreTheThreeRecruitingRolesOnly() throws SQLException {
        Access<Args> staff = Access.staff();
        for (Role role : List.of(Role.ADMIN, Role.MANAGER, Role.RECRUITER)) {
            assertThat(check(staff, as(recruiter, RoleGrant.of(role)), world.conversation()))
                    .as(role.name())
                    .isEmpty();
        }
        assertThat(check(staff, as(world.interviewer(), RoleGrant.of(Role.INTERVIEWER)), world.conversation()))
                .hasValue(MutationResult.FORBIDDEN);
        assertThat(check(staff, as(recruiter, RoleGrant.of(Role.SALES)), world.conversation()))
                .as("sales is not recruiting staff")
                .hasValue(MutationResult.FORBIDDEN);
        assertThat(check(
                        staff, as(recruiter, new RoleGrant(Role.INSTITUTION_ADMIN, institution)), world.conversation()))
                .hasValue(MutationResult.FORBIDDEN);
    }

    @Test
    void administratorsAreAdminsOnly() throws SQLException {
        assertThat(check(Access.administrators(), as(recruiter, RoleGrant.of(Role.ADMIN)), null))
                .isEmpty();
        assertThat(check(Access.administrators(), as(recruiter, RoleGrant.of(Role.MANAGER)), null))
                .hasValue(MutationResult.FORBIDDEN);
    }

    @Test
    void aParticipantOfTheInterviewInTheArguments() throws SQLException {
        Access<Args> rule = Access.participantOf(Args::id);
        Principal lead = as(world.interviewer(), RoleGrant.of(Role.INTERVIEWER));
        Principal other = as(world.otherInterviewer(), RoleGrant.of(Role.INTERVIEWER));

        assertThat(check(rule, lead, world.interview())).isEmpty();
        assertThat(check(rule, other, world.interview())).hasValue(MutationResult.NOT_FOUND);
        assertThat(check(rule, lead, otherOrganizationInterview)).hasValue(MutationResult.NOT_FOUND);
        assertThat(check(rule, lead, UUID.randomUUID())).hasValue(MutationResult.NOT_FOUND);
        assertThat(check(rule, lead, null)).hasValue(MutationResult.INVALID);
    }

    @Test
    void anAdminOfTheInstitutionThatOwnsTheRow() throws SQLException {
        Access<Args> rule = Access.institutionAdminOf("cohort_enrollments", "The enrollment", Args::id);

        assertThat(check(rule, as(recruiter, new RoleGrant(Role.INSTITUTION_ADMIN, institution)), enrollment))
                .isEmpty();
        assertThat(check(rule, as(recruiter, new RoleGrant(Role.INSTITUTION_ADMIN, otherInstitution)), enrollment))
                .hasValue(MutationResult.NOT_FOUND);
        assertThat(check(rule, as(recruiter, RoleGrant.of(Role.ADMIN)), enrollment))
                .hasValue(MutationResult.NOT_FOUND);
    }

    @Test
    void theRowsOwner() throws SQLException {
        Access<Args> rule = Access.ownerOf("candidates", "owner_user_id", "The candidate", Args::id);

        assertThat(check(rule, as(recruiter, RoleGrant.of(Role.RECRUITER)), ownedCandidate))
                .isEmpty();
        assertThat(check(rule, as(recruiter2, RoleGrant.of(Role.RECRUITER)), ownedCandidate))
                .hasValue(MutationResult.NOT_FOUND);
    }

    @Test
    void anyOfLetsInWhomeverOneRuleLetsInAndRefusesOthersWithoutAHint() throws SQLException {
        Access<Args> rule = Access.anyOf(Access.staff(), Access.participantOf(Args::id));

        assertThat(check(rule, as(recruiter, RoleGrant.of(Role.RECRUITER)), world.interview()))
                .isEmpty();
        assertThat(check(rule, as(world.interviewer(), RoleGrant.of(Role.INTERVIEWER)), world.interview()))
                .isEmpty();
        assertThat(check(rule, as(world.otherInterviewer(), RoleGrant.of(Role.INTERVIEWER)), world.interview()))
                .hasValue(MutationResult.NOT_FOUND);
    }

    private static Principal as(UUID user, RoleGrant grant) {
        return new Principal(user, world.organization(), List.of(grant));
    }

    /** The code of the refusal, or empty when the rule lets {@code who} in. */
    private static Optional<String> check(Access<Args> rule, Principal who, UUID id) throws SQLException {
        MutationContext ctx = new MutationContext(
                c, who, UUID.randomUUID(), ConversationMutations.MARK_READ, Json.newMapper(), Instant.now());
        try {
            AccessCheck.require(rule, ctx, new Args(id));
            return Optional.empty();
        } catch (Rejection r) {
            if (r.code().equals(MutationResult.NOT_FOUND)) {
                assertThat(r.getMessage()).endsWith("does not exist or is not yours to change.");
            }
            return Optional.of(r.code());
        }
    }

    private static UUID one(String sql) throws SQLException {
        try (var ps = c.prepareStatement(sql);
                var rs = ps.executeQuery()) {
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }
}
