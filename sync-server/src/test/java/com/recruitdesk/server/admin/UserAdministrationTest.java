package com.recruitdesk.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.ErrorCodes;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.admin.AdminMutations.Grant;
import com.recruitdesk.protocol.auth.RefreshRequest;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.TestServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Users managed by administrators: invitations with a temporary password, roles, deactivation, password resets. */
@Tag("database")
class UserAdministrationTest {
    private static TestServer server;
    private static AdminFixture f;

    @BeforeAll
    static void start() {
        server = TestServer.withoutDemo();
        f = new AdminFixture(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@agency.test";
    }

    @Test
    void anInvitedUserIsSyncedLoggedWithTheAddressAndSignsInOnlyAfterChoosingTheirOwnPassword() {
        String email = email("nomsa");
        UUID id = f.invite("  " + email.toUpperCase() + " ", " Nomsa Khumalo ", Grant.of("RECRUITER"));

        JsonNode row = f.admin.pullAll().get("user/" + id).path("data");
        assertThat(row.path("email").asText()).isEqualTo(email);
        assertThat(row.path("fullName").asText()).isEqualTo("Nomsa Khumalo");
        assertThat(row.path("roles")).extracting(JsonNode::asText).containsExactly("RECRUITER");
        assertThat(row.path("passwordChangeRequired").asBoolean()).isTrue();
        assertThat(row.has("passwordHash")).isFalse();
        assertThat(f.count(
                        "select count(*) from activity_logs where action_type = 'user.invite' and entity_id = ?"
                                + " and user_id = ? and ip_address = '127.0.0.1' and description like 'Invited Nomsa Khumalo%'",
                        id, f.admin.userId))
                .isEqualTo(1);

        Api.Reply withTemporary = server.login(email, AdminFixture.TEMPORARY);
        assertThat(withTemporary.status()).isEqualTo(403);
        assertThat(withTemporary.errorCode()).isEqualTo(ErrorCodes.PASSWORD_CHANGE_REQUIRED);
        assertThat(withTemporary.json().has("accessToken")).isFalse();

        Api.Reply chosen = f.choosePassword(email, AdminFixture.TEMPORARY, "my-own-password-1");
        assertThat(chosen.status()).isEqualTo(200);
        assertThat(chosen.json().path("user").path("id").asText()).isEqualTo(id.toString());
        assertThat(server.login(email, "my-own-password-1").status()).isEqualTo(200);
        assertThat(server.login(email, AdminFixture.TEMPORARY).status()).isEqualTo(401);
        assertThat(f.count("select count(*) from users where id = ? and not password_change_required", id))
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            no email            |                  | Ann | RECRUITER         | temporary-pass-4711 | Give the user's email address
            not an email        | ann.agency.test  | Ann | RECRUITER         | temporary-pass-4711 | is not an email address
            no name             | ann@agency.test  |     | RECRUITER         | temporary-pass-4711 | Give the user's full name
            no role             | ann@agency.test  | Ann |                   | temporary-pass-4711 | at least one role
            not a role          | ann@agency.test  | Ann | BOSS              | temporary-pass-4711 | 'BOSS' is not a role
            a role twice        | ann@agency.test  | Ann | RECRUITER RECRUITER | temporary-pass-4711 | given twice
            no institution      | ann@agency.test  | Ann | INSTITUTION_ADMIN | temporary-pass-4711 | needs the institution
            short password      | ann@agency.test  | Ann | RECRUITER         | short               | at least 10 characters
            taken email         | manager@demo.test | Ann | RECRUITER        | temporary-pass-4711 | signs in with manager@demo.test already
            """)
    void aBadInvitationIsRefusedWithTheReasonAndCreatesNobody(
            String why, String email, String name, String roles, String password, String reason) {
        List<Grant> grants = roles == null
                ? List.of()
                : java.util.Arrays.stream(roles.split(" ")).map(Grant::of).toList();
        UUID id = UUID.randomUUID();

        JsonNode result = AdminFixture.push(
                f.admin, AdminMutations.INVITE_USER, new AdminMutations.InviteUser(id, email, name, grants, password));

        assertThat(result.path("code").asText()).isEqualTo("invalid");
        assertThat(result.path("message").asText()).contains(reason);
        assertThat(f.count("select count(*) from users where id = ?", id)).isZero();
    }

    @Test
    void anInstitutionIsGivenOnlyToAnInstitutionAdminAndOnlyOneOfTheOrganizations() {
        UUID institution = f.institution("Institute " + UUID.randomUUID());
        UUID theirs = f.insertReturning("with o as (insert into organizations (name) values ('Elsewhere') returning id)"
                + " insert into institutions (organization_id, name) select id, 'Their institute' from o returning id");

        JsonNode recruiterWithInstitution = AdminFixture.push(
                f.admin,
                AdminMutations.INVITE_USER,
                new AdminMutations.InviteUser(
                        UUID.randomUUID(),
                        email("r"),
                        "R",
                        List.of(new Grant("RECRUITER", institution)),
                        AdminFixture.TEMPORARY));
        JsonNode otherOrganizations = AdminFixture.push(
                f.admin,
                AdminMutations.INVITE_USER,
                new AdminMutations.InviteUser(
                        UUID.randomUUID(),
                        email("i"),
                        "I",
                        List.of(new Grant("INSTITUTION_ADMIN", theirs)),
                        AdminFixture.TEMPORARY));

        assertThat(recruiterWithInstitution.path("message").asText()).contains("Only an institution admin");
        assertThat(otherOrganizations.path("code").asText()).isEqualTo("not_found");
        UUID ok = f.invite(email("ia"), "Ia", new Grant("INSTITUTION_ADMIN", institution));
        JsonNode row = f.admin.pullAll().get("user/" + ok).path("data");
        assertThat(row.path("institutionId").asText()).isEqualTo(institution.toString());
    }

    @Test
    void anInstitutionAdminInvitesOnlyInstitutionAdminsOfTheirOwnInstitution() {
        UUID mine = f.institution("Mine " + UUID.randomUUID());
        UUID other = f.institution("Other " + UUID.randomUUID());
        String email = email("lead");
        f.invite(email, "Lead", new Grant("INSTITUTION_ADMIN", mine));
        SyncClient lead = f.signedIn(email, "lead-password-77");

        UUID colleague = UUID.randomUUID();
        JsonNode own = AdminFixture.push(
                lead,
                AdminMutations.INVITE_USER,
                new AdminMutations.InviteUser(
                        colleague,
                        email("colleague"),
                        "Colleague",
                        List.of(new Grant("INSTITUTION_ADMIN", mine)),
                        AdminFixture.TEMPORARY));
        JsonNode otherInstitution = AdminFixture.push(
                lead,
                AdminMutations.INVITE_USER,
                new AdminMutations.InviteUser(
                        UUID.randomUUID(),
                        email("x"),
                        "X",
                        List.of(new Grant("INSTITUTION_ADMIN", other)),
                        AdminFixture.TEMPORARY));
        JsonNode staffRole = AdminFixture.push(
                lead,
                AdminMutations.INVITE_USER,
                new AdminMutations.InviteUser(
                        UUID.randomUUID(), email("y"), "Y", List.of(Grant.of("RECRUITER")), AdminFixture.TEMPORARY));
        JsonNode roles = AdminFixture.push(
                lead, AdminMutations.SET_ROLES, new AdminMutations.SetRoles(colleague, List.of(Grant.of("ADMIN"))));

        assertThat(own.path("status").asText()).isEqualTo("applied");
        assertThat(otherInstitution.path("code").asText()).isEqualTo("not_found");
        assertThat(otherInstitution.path("message").asText())
                .isEqualTo("The institution does not exist or is not yours to change.");
        assertThat(staffRole.path("code").asText()).isEqualTo("forbidden");
        assertThat(roles.path("code").asText()).isEqualTo("forbidden");
    }

    @Test
    void rolesAreReplacedPlainlyInUserRolesAndTheChangeIsLogged() {
        UUID id = f.invite(email("sipho"), "Sipho", Grant.of("RECRUITER"), Grant.of("INTERVIEWER"));

        JsonNode result = AdminFixture.push(
                f.admin,
                AdminMutations.SET_ROLES,
                new AdminMutations.SetRoles(id, List.of(Grant.of("MANAGER"), Grant.of("INTERVIEWER"))));

        assertThat(result.path("status").asText()).isEqualTo("applied");
        assertThat(f.count(
                        "select count(*) from user_roles where user_id = ? and role in ('MANAGER', 'INTERVIEWER')", id))
                .isEqualTo(2);
        assertThat(f.count("select count(*) from user_roles where user_id = ?", id))
                .isEqualTo(2);
        JsonNode row = f.admin.pullAll().get("user/" + id).path("data");
        assertThat(row.path("roles")).extracting(JsonNode::asText).containsExactly("INTERVIEWER", "MANAGER");
        assertThat(f.count(
                        "select count(*) from activity_logs where action_type = 'user.setRoles' and entity_id = ?"
                                + " and details -> 'from' @> '[\"RECRUITER\", \"INTERVIEWER\"]' and details -> 'to' @> '[\"MANAGER\"]'",
                        id))
                .isEqualTo(1);
    }

    @Test
    void theLastActiveAdministratorKeepsTheRoleAndStaysActive() {
        UUID admin = f.admin.userId;
        String deputy = email("deputy");
        UUID deputyId = f.invite(deputy, "Deputy", Grant.of("ADMIN"));
        // every other administrator (of other tests, and the deputy) is inactive: an inactive admin is no admin
        f.execute(
                "update users set status = 'inactive' where id <> ? and id in (select user_id from user_roles where role = 'ADMIN')",
                admin);

        JsonNode demote = AdminFixture.push(
                f.admin, AdminMutations.SET_ROLES, new AdminMutations.SetRoles(admin, List.of(Grant.of("MANAGER"))));
        JsonNode deactivateSelf =
                AdminFixture.push(f.admin, AdminMutations.SET_ACTIVE, new AdminMutations.SetActive(admin, false));

        assertThat(demote.path("code").asText()).isEqualTo("invalid");
        assertThat(demote.path("message").asText()).contains("last active administrator");
        assertThat(deactivateSelf.path("message").asText()).contains("cannot deactivate yourself");
        assertThat(f.count("select count(*) from user_roles where user_id = ? and role = 'ADMIN'", admin))
                .isEqualTo(1);

        f.execute("update users set status = 'active' where id = ?", deputyId);
        SyncClient other = f.signedIn(deputy, "deputy-password-1");
        JsonNode demoteDeputy = AdminFixture.push(
                f.admin,
                AdminMutations.SET_ROLES,
                new AdminMutations.SetRoles(deputyId, List.of(Grant.of("RECRUITER"))));
        JsonNode deactivateLast =
                AdminFixture.push(other, AdminMutations.SET_ACTIVE, new AdminMutations.SetActive(admin, false));
        assertThat(demoteDeputy.path("status").asText()).isEqualTo("applied");
        // the demoted deputy's session lost the role at once: access is read per request
        assertThat(deactivateLast.path("code").asText()).isEqualTo("forbidden");
        assertThat(f.count("select count(*) from users where id = ? and status = 'active'", admin))
                .isEqualTo(1);
    }

    @Test
    void twoAdministratorsDemotingEachOtherAtOnceLeaveOneAdministrator() throws Exception {
        String a = email("a");
        String b = email("b");
        UUID aId = f.invite(a, "A", Grant.of("ADMIN"));
        UUID bId = f.invite(b, "B", Grant.of("ADMIN"));
        SyncClient first = f.signedIn(a, "a-password-123");
        SyncClient second = f.signedIn(b, "b-password-123");
        // the demo administrator steps down, so A and B are the only ones left
        JsonNode stepDown = AdminFixture.push(
                first,
                AdminMutations.SET_ROLES,
                new AdminMutations.SetRoles(f.admin.userId, List.of(Grant.of("RECRUITER"))));
        assertThat(stepDown.path("status").asText()).isEqualTo("applied");

        CompletableFuture<JsonNode> ab = CompletableFuture.supplyAsync(() -> AdminFixture.push(
                first, AdminMutations.SET_ROLES, new AdminMutations.SetRoles(bId, List.of(Grant.of("MANAGER")))));
        CompletableFuture<JsonNode> ba = CompletableFuture.supplyAsync(() -> AdminFixture.push(
                second, AdminMutations.SET_ROLES, new AdminMutations.SetRoles(aId, List.of(Grant.of("MANAGER")))));

        List<String> outcomes = List.of(
                ab.get().path("status").asText(), ba.get().path("status").asText());
        assertThat(outcomes).containsExactlyInAnyOrder("applied", "rejected");
        assertThat(f.count(
                        "select count(*) from user_roles r join users u on u.id = r.user_id"
                                + " where r.role = 'ADMIN' and u.status = 'active' and u.organization_id = ?",
                        f.organization()))
                .isEqualTo(1);
        // the demo administrator is one again for the other tests
        JsonNode back = AdminFixture.push(
                ab.get().path("status").asText().equals("applied") ? first : second,
                AdminMutations.SET_ROLES,
                new AdminMutations.SetRoles(f.admin.userId, List.of(Grant.of("ADMIN"))));
        assertThat(back.path("status").asText()).isEqualTo("applied");
    }

    @Test
    void aDeactivatedUserCannotSignInAndTheirSessionsEndUntilReactivated() {
        String email = email("leaver");
        UUID id = f.invite(email, "Leaver", Grant.of("RECRUITER"));
        Api.Reply session = f.choosePassword(email, AdminFixture.TEMPORARY, "leaver-password-1");
        String refresh = session.json().path("refreshToken").asText();

        JsonNode off = AdminFixture.push(f.admin, AdminMutations.SET_ACTIVE, new AdminMutations.SetActive(id, false));

        assertThat(off.path("status").asText()).isEqualTo("applied");
        assertThat(f.count("select count(*) from users where id = ? and status = 'inactive'", id))
                .isEqualTo(1);
        assertThat(server.login(email, "leaver-password-1").status()).isEqualTo(401);
        assertThat(server.api.post(Paths.REFRESH, new RefreshRequest(refresh)).status())
                .isEqualTo(401);
        assertThat(f.count("select count(*) from refresh_tokens where user_id = ? and revoked_at is null", id))
                .isZero();

        JsonNode on = AdminFixture.push(f.admin, AdminMutations.SET_ACTIVE, new AdminMutations.SetActive(id, true));
        assertThat(on.path("status").asText()).isEqualTo("applied");
        assertThat(server.login(email, "leaver-password-1").status()).isEqualTo(200);
        assertThat(f.count(
                        "select count(*) from activity_logs where entity_id = ? and action_type = 'user.setActive'",
                        id))
                .isEqualTo(2);
    }

    @Test
    void aResetPasswordEndsTheSessionsAndMustBeReplacedAtTheNextSignIn() {
        String email = email("forgetful");
        UUID id = f.invite(email, "Forgetful", Grant.of("RECRUITER"));
        String refresh = f.choosePassword(email, AdminFixture.TEMPORARY, "forgotten-password")
                .json()
                .path("refreshToken")
                .asText();

        JsonNode reset = AdminFixture.push(
                f.admin, AdminMutations.RESET_PASSWORD, new AdminMutations.ResetPassword(id, "fresh-temporary-1"));

        assertThat(reset.path("status").asText()).isEqualTo("applied");
        assertThat(server.api.post(Paths.REFRESH, new RefreshRequest(refresh)).status())
                .isEqualTo(401);
        assertThat(server.login(email, "forgotten-password").status()).isEqualTo(401);
        assertThat(server.login(email, "fresh-temporary-1").errorCode()).isEqualTo(ErrorCodes.PASSWORD_CHANGE_REQUIRED);
        assertThat(f.choosePassword(email, "fresh-temporary-1", "fresh-temporary-1")
                        .errorMessage())
                .contains("other than the one you were given");
        assertThat(f.choosePassword(email, "fresh-temporary-1", "short").errorMessage())
                .contains("at least 10 characters");
        assertThat(f.choosePassword(email, "fresh-temporary-1", "remembered-password")
                        .status())
                .isEqualTo(200);
        assertThat(f.count(
                        "select count(*) from activity_logs where entity_id = ? and action_type = 'user.resetPassword'"
                                + " and details is null and description not like '%fresh-temporary%'",
                        id))
                .isEqualTo(1);

        JsonNode weak = AdminFixture.push(
                f.admin, AdminMutations.RESET_PASSWORD, new AdminMutations.ResetPassword(id, "short"));
        assertThat(weak.path("message").asText()).contains("at least 10 characters");
    }

    @Test
    void aPasswordChangeWithAWrongCurrentPasswordIsRefusedLikeAWrongSignIn() {
        Api.Reply wrong = f.choosePassword(AdminFixture.MANAGER, "not-the-password", "another-password-1");

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.errorMessage()).isEqualTo("The email or password is not correct.");
        assertThat(server.api
                        .post(Paths.PASSWORD, Map.of("email", AdminFixture.MANAGER))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void noRoleButAdministratorMayChangeAnotherUser() {
        UUID target = f.userId("recruiter2@demo.test");
        SyncClient manager = new SyncClient(server.api, AdminFixture.MANAGER, TestServer.PASSWORD);

        for (SyncClient who : List.of(f.recruiter, manager)) {
            assertThat(AdminFixture.push(
                                    who,
                                    AdminMutations.SET_ROLES,
                                    new AdminMutations.SetRoles(target, List.of(Grant.of("ADMIN"))))
                            .path("code")
                            .asText())
                    .isEqualTo("forbidden");
            assertThat(AdminFixture.push(who, AdminMutations.SET_ACTIVE, new AdminMutations.SetActive(target, false))
                            .path("code")
                            .asText())
                    .isEqualTo("forbidden");
            assertThat(AdminFixture.push(
                                    who,
                                    AdminMutations.RESET_PASSWORD,
                                    new AdminMutations.ResetPassword(target, "temporary-pass-1"))
                            .path("code")
                            .asText())
                    .isEqualTo("forbidden");
        }
        assertThat(f.count("select count(*) from users where id = ? and status = 'active'", target))
                .isEqualTo(1);
    }
}
