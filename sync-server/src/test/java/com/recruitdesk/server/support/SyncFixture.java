package com.recruitdesk.server.support;

import com.recruitdesk.server.platform.db.ConnectionSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A small world in the demo organization, written as plain SQL like any other writer: one WhatsApp
 * number, two people, a conversation with one inbound message, a job with an application, and an
 * interview of the first person whose panel is {@code interviewer@demo.test}.
 */
public record SyncFixture(
        UUID organization,
        UUID whatsappAccount,
        UUID candidate,
        UUID otherCandidate,
        UUID conversation,
        UUID inboundMessage,
        UUID job,
        UUID application,
        UUID interview,
        UUID interviewer,
        UUID otherInterviewer) {

    public static SyncFixture create(ConnectionSettings db) {
        try (Connection c = connect(db)) {
            UUID org = one(c, "select organization_id from users where email = 'recruiter@demo.test'");
            UUID interviewer = one(c, "select id from users where email = 'interviewer@demo.test'");
            UUID otherInterviewer = one(c, "select id from users where email = 'interviewer2@demo.test'");
            UUID account = insert(
                    c,
                    "insert into whatsapp_accounts (organization_id, display_name, phone) values (?, 'Main line', '+27110000001') returning id",
                    org);
            UUID candidate = insert(
                    c,
                    "insert into candidates (organization_id, whatsapp_id, full_name, first_name, phone) values (?, '+27820000001', 'Thandi Mokoena', 'Thandi', '+27820000001') returning id",
                    org);
            UUID other = insert(
                    c,
                    "insert into candidates (organization_id, whatsapp_id, full_name) values (?, '+27820000002', 'Sipho Dlamini') returning id",
                    org);
            UUID conversation = insert(
                    c,
                    "insert into conversations (organization_id, whatsapp_account_id, candidate_id, status, unread_count, last_message_at, last_inbound_at) values (?, ?, ?, 'open', 1, now(), now()) returning id",
                    org,
                    account,
                    candidate);
            UUID message = insert(
                    c,
                    "insert into messages (organization_id, conversation_id, whatsapp_account_id, candidate_id, direction, type, sender_type, body, provider_message_id) values (?, ?, ?, ?, 'inbound', 'text', 'candidate', 'Hello, is the job still open?', 'wamid.fixture1') returning id",
                    org,
                    conversation,
                    account,
                    candidate);
            UUID job = insert(
                    c,
                    "insert into jobs (organization_id, title) values (?, 'Warehouse supervisor') returning id",
                    org);
            UUID application = insert(
                    c,
                    "insert into applications (organization_id, candidate_id, job_id) values (?, ?, ?) returning id",
                    org,
                    candidate,
                    job);
            UUID interview = insert(
                    c,
                    "insert into interview_sessions (organization_id, candidate_id, job_id, interview_type, interview_mode, scheduled_at) values (?, ?, ?, 'technical', 'video', now() + interval '1 day') returning id",
                    org,
                    candidate,
                    job);
            insert(
                    c,
                    "insert into interview_participants (organization_id, interview_session_id, user_id, participant_role) values (?, ?, ?, 'lead') returning id",
                    org,
                    interview,
                    interviewer);
            return new SyncFixture(
                    org,
                    account,
                    candidate,
                    other,
                    conversation,
                    message,
                    job,
                    application,
                    interview,
                    interviewer,
                    otherInterviewer);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Connection connect(ConnectionSettings db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    public static UUID insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    /** Runs one statement straight on the database (as another system or an operator would); returns rows changed. */
    public static int execute(ConnectionSettings db, String sql, Object... params) {
        try (Connection c = connect(db);
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one statement with {@code returning id} straight on the database; returns the id. */
    public static UUID insertReturning(ConnectionSettings db, String sql, Object... params) {
        try (Connection c = connect(db)) {
            return insert(c, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(ConnectionSettings db, String sql, Object... params) {
        try (Connection c = connect(db);
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID one(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }
}
