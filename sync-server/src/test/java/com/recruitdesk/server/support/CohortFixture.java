package com.recruitdesk.server.support;

import com.recruitdesk.server.cohorts.DocumentRow;
import com.recruitdesk.server.platform.db.ConnectionSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Cohort rows in the demo organization for tests, over {@link TestServer#withoutDemo()}: two
 * institutions, an institution admin of each ({@link #ADMIN_A}, {@link #ADMIN_B}, the demo password),
 * an active cohort of the first asking for the default three documents, and enrollments and uploads
 * made on demand, the uploads through the server's own writer with their bytes in the blob store.
 */
public final class CohortFixture {
    public static final String ADMIN_A = "ines.a@demo.test";
    public static final String ADMIN_B = "bongani.b@demo.test";

    private final ConnectionSettings db;
    private final Path blobRoot;
    public final UUID organization;
    public final UUID institutionA;
    public final UUID institutionB;
    public final UUID cohortA;
    public final UUID cohortB;

    private CohortFixture(ConnectionSettings db, Path dataDir) {
        this.db = db;
        this.blobRoot = dataDir.resolve("blobs");
        try (Connection c = SyncFixture.connect(db)) {
            organization = one(c, "select organization_id from users where email = 'recruiter@demo.test'");
            String hash = text(c, "select password_hash from users where email = 'recruiter@demo.test'");
            institutionA = SyncFixture.insert(
                    c,
                    "insert into institutions (organization_id, name) values (?, 'Ubuntu Skills Academy') returning id",
                    organization);
            institutionB = SyncFixture.insert(
                    c,
                    "insert into institutions (organization_id, name) values (?, 'Cape Training Institute') returning id",
                    organization);
            user(c, ADMIN_A, "Ines Institution", hash, institutionA);
            user(c, ADMIN_B, "Bongani Other", hash, institutionB);
            cohortA = cohort(c, institutionA, "Retail Learnership 2026", "active");
            cohortB = cohort(c, institutionB, "Hospitality Learnership 2026", "active");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static CohortFixture create(TestServer server) {
        return new CohortFixture(server.database, server.dataDir);
    }

    /** Another cohort of institution A in {@code state}. */
    public UUID cohort(String name, String state) {
        try (Connection c = SyncFixture.connect(db)) {
            return cohort(c, institutionA, name, state);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new student enrolled in {@code cohort}; returns the enrollment's id. */
    public UUID enroll(UUID cohort, String name) {
        try (Connection c = SyncFixture.connect(db)) {
            UUID person = SyncFixture.insert(
                    c,
                    "insert into candidates (organization_id, email, full_name, source) values (?, ?, ?, 'cohort') returning id",
                    organization,
                    UUID.randomUUID() + "@student.test",
                    name);
            UUID enrollment = SyncFixture.insert(
                    c,
                    "insert into cohort_enrollments (organization_id, institution_id, cohort_id, candidate_id, invitation_expires_at)"
                            + " select organization_id, institution_id, id, ?, now() + interval '30 days' from cohorts where id = ? returning id",
                    person,
                    cohort);
            // As enrollment.create does: the person's row, written again, reaches the institution's admins.
            try (PreparedStatement ps = c.prepareStatement("update candidates set updated_at = now() where id = ?")) {
                ps.setObject(1, person);
                ps.executeUpdate();
            }
            return enrollment;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A document of {@code category} uploaded to {@code enrollment} with {@code bytes}, pending review. */
    public Upload upload(UUID enrollment, String category, String mimeType, byte[] bytes) {
        String sha = sha256(bytes);
        try (Connection c = SyncFixture.connect(db)) {
            c.setAutoCommit(false);
            UUID institution = one(c, "select institution_id from cohort_enrollments where id = ?", enrollment);
            UUID person = one(c, "select candidate_id from cohort_enrollments where id = ?", enrollment);
            String key = organization + "/" + sha.substring(0, 2) + "/" + sha;
            Path file = blobRoot.resolve(key);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            UUID blob = SyncFixture.insert(
                    c,
                    "insert into blobs (organization_id, storage_key, sha256, size_bytes, mime_type, original_filename)"
                            + " values (?, ?, decode(?, 'hex'), ?, ?, ?) returning id",
                    organization,
                    key,
                    sha,
                    (long) bytes.length,
                    mimeType,
                    category + extension(mimeType));
            UUID id = UUID.randomUUID();
            new DocumentRow(
                            id,
                            organization,
                            institution,
                            enrollment,
                            person,
                            blob,
                            category,
                            category + extension(mimeType),
                            sha,
                            bytes.length,
                            mimeType,
                            null)
                    .write(c);
            c.commit();
            return new Upload(id, blob, sha);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Upload(UUID id, UUID blobId, String sha256) {}

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String extension(String mimeType) {
        return mimeType.equals("application/pdf") ? ".pdf" : mimeType.equals("image/png") ? ".png" : ".jpg";
    }

    private UUID cohort(Connection c, UUID institution, String name, String state) throws SQLException {
        return SyncFixture.insert(
                c,
                "insert into cohorts (organization_id, institution_id, name, program_type, state) values (?, ?, ?, 'learnership', ?) returning id",
                organization,
                institution,
                name,
                state);
    }

    private void user(Connection c, String email, String name, String hash, UUID institution) throws SQLException {
        UUID user = SyncFixture.insert(
                c,
                "insert into users (organization_id, email, full_name, password_hash) values (?, ?, ?, ?) returning id",
                organization,
                email,
                name,
                hash);
        try (PreparedStatement ps = c.prepareStatement(
                "insert into user_roles (user_id, role, institution_id) values (?, 'INSTITUTION_ADMIN', ?)")) {
            ps.setObject(1, user);
            ps.setObject(2, institution);
            ps.executeUpdate();
        }
    }

    private static UUID one(Connection c, String sql, Object... params) throws SQLException {
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

    private static String text(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
