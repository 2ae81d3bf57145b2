package com.recruitdesk.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.recruitdesk.protocol.Paths;
import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.protocol.auth.PasswordChangeRequest;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.support.Api;
import com.recruitdesk.server.support.SyncClient;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** What the administration tests share: the demo staff signed in, and helpers to push one mutation and read rows. */
final class AdminFixture {
    static final String ADMIN = "admin@demo.test";
    static final String MANAGER = "manager@demo.test";
    static final String TEMPORARY = "temporary-pass-4711";

    final TestServer server;
    final SyncClient admin;
    final SyncClient recruiter;

    AdminFixture(TestServer server) {
        this.server = server;
        this.admin = new SyncClient(server.api, ADMIN, TestServer.PASSWORD);
        this.recruiter = new SyncClient(server.api, TestServer.RECRUITER, TestServer.PASSWORD);
    }

    /** The one result of pushing {@code args} as {@code who}. */
    static <A extends Record> JsonNode push(SyncClient who, MutationType<A> type, A args) {
        return who.pushOne(SyncClient.mutation(type, args));
    }

    JsonNode asAdmin(MutationType<? extends Record> type, Record args) {
        return pushUnchecked(admin, type, args);
    }

    @SuppressWarnings("unchecked")
    static <A extends Record> JsonNode pushUnchecked(SyncClient who, MutationType<A> type, Record args) {
        return push(who, type, (A) args);
    }

    long count(String sql, Object... params) {
        return SyncFixture.count(server.database, sql, params);
    }

    int execute(String sql, Object... params) {
        return SyncFixture.execute(server.database, sql, params);
    }

    UUID userId(String email) {
        try (Connection c = SyncFixture.connect(server.database)) {
            return SyncFixture.insert(c, "select id from users where email = ?", email);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    UUID organization() {
        return insertReturning("select organization_id from users where email = ?", ADMIN);
    }

    UUID institution(String name) {
        return insertReturning(
                "insert into institutions (organization_id, name) values ((select organization_id from users where email = ?), ?) returning id",
                ADMIN,
                name);
    }

    UUID insertReturning(String sql, Object... params) {
        try (Connection c = SyncFixture.connect(server.database)) {
            return SyncFixture.insert(c, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An open conversation (its person wrote a minute ago) on a new simulated number {@code number} with a
     * new person {@code person}; returns its id.
     */
    UUID conversation(String number, String person) {
        UUID account = insertReturning(
                "insert into whatsapp_accounts (organization_id, display_name, phone) values (?, ?, ?) returning id",
                organization(),
                "Line " + number,
                number);
        return conversationOn(account, person);
    }

    /** As {@link #conversation} on the number {@code account} that exists. */
    UUID conversationOn(UUID account, String person) {
        UUID org = organization();
        UUID candidate = insertReturning(
                "insert into candidates (organization_id, whatsapp_id, full_name) values (?, ?, 'Someone') returning id",
                org,
                person);
        return insertReturning(
                "insert into conversations (organization_id, whatsapp_account_id, candidate_id, status, last_message_at,"
                        + " last_inbound_at) values (?, ?, ?, 'open', now(), now() - interval '1 minute') returning id",
                org,
                account,
                candidate);
    }

    /** Invites {@code email} with {@code roles} as the administrator and returns the new user's id. */
    UUID invite(String email, String name, AdminMutations.Grant... roles) {
        UUID id = UUID.randomUUID();
        JsonNode result = push(
                admin,
                AdminMutations.INVITE_USER,
                new AdminMutations.InviteUser(id, email, name, List.of(roles), TEMPORARY));
        if (!"applied".equals(result.path("status").asText())) {
            throw new AssertionError("invite failed: " + result);
        }
        return id;
    }

    /** Turns the temporary password into {@code password}: the answer of {@code POST /auth/password}. */
    Api.Reply choosePassword(String email, String current, String password) {
        return server.api.post(Paths.PASSWORD, new PasswordChangeRequest(email, current, password));
    }

    /** A user invited with a temporary password who has chosen their own, signed in. */
    SyncClient signedIn(String email, String password) {
        Api.Reply changed = choosePassword(email, TEMPORARY, password);
        if (changed.status() != 200) {
            throw new AssertionError("password change failed: " + changed);
        }
        return new SyncClient(server.api, email, password);
    }
}
