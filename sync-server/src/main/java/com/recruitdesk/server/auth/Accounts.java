package com.recruitdesk.server.auth;

import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.auth.RoleGrant;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.db.Insert;
import com.recruitdesk.server.platform.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Users, their roles and their organizations: the one writer of {@code organizations}, {@code users} and {@code user_roles}. */
public final class Accounts {
    private static final String SELECT = """
            select u.id, u.organization_id, u.email, u.full_name, u.password_hash, u.status,
                   coalesce(array_agg(r.role || coalesce(':' || r.institution_id, '') order by r.role)
                            filter (where r.role is not null), '{}'),
                   u.password_change_required
              from users u left join user_roles r on r.user_id = u.id
            """;

    private final Database db;

    public Accounts(Database db) {
        this.db = db;
    }

    /** Emails are compared lower-cased and trimmed, as they are stored. */
    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public Optional<Account> findByEmail(String email) {
        String normalized = normalizeEmail(email);
        return db.inTransaction(
                c -> Sql.one(c, SELECT + " where u.email = ? group by u.id", Accounts::account, normalized));
    }

    public Optional<Account> findById(UUID id) {
        return db.inTransaction(c -> Sql.one(c, SELECT + " where u.id = ? group by u.id", Accounts::account, id));
    }

    public long count() {
        return db.inTransaction(Accounts::count);
    }

    /** Creates an organization and returns its id. */
    public UUID createOrganization(String name) {
        return db.inTransaction(c -> createOrganization(c, name));
    }

    /** The id of the organization with this name, if one exists. */
    public Optional<UUID> findOrganization(String name) {
        return db.inTransaction(c -> Sql.one(
                c,
                "select id from organizations where name = ? order by created_at limit 1",
                rs -> rs.getObject(1, UUID.class),
                name));
    }

    /** Creates a user; the password must already be hashed. */
    public Account create(
            UUID organizationId, String email, String fullName, String passwordHash, Collection<RoleGrant> roles) {
        return db.inTransaction(c -> create(c, organizationId, email, fullName, passwordHash, roles));
    }

    /**
     * Creates the organization and its first administrator in one transaction, only if no user exists
     * yet; concurrent starts of several instances create at most one (the advisory lock serialises them).
     */
    public Optional<Account> createFirstAdmin(
            String organizationName, String email, String passwordHash, RoleGrant role) {
        return db.inTransaction(c -> {
            Sql.one(c, "select pg_advisory_xact_lock(4711)", rs -> true);
            if (count(c) > 0) {
                return Optional.empty();
            }
            UUID org = createOrganization(c, organizationName);
            return Optional.of(create(c, org, email, "Administrator", passwordHash, List.of(role)));
        });
    }

    public void recordLogin(UUID userId, Instant at) {
        db.inTransaction(c -> Sql.update(c, "update users set last_login_at = ? where id = ?", at, userId));
    }

    public void updatePasswordHash(UUID userId, String passwordHash) {
        db.inTransaction(c -> Sql.update(c, "update users set password_hash = ? where id = ?", passwordHash, userId));
    }

    /** The user's own new password: it is no longer a temporary one. */
    public void changePassword(UUID userId, String passwordHash) {
        db.inTransaction(c -> {
            setPassword(c, userId, passwordHash, false);
            return null;
        });
    }

    /** On the caller's transaction (the demo loader's, say). */
    public static UUID createOrganization(Connection c, String name) throws SQLException {
        return Insert.into("organizations").set("name", name).returningId(c).orElseThrow();
    }

    /** On the caller's transaction: the user and their roles. */
    public static Account create(
            Connection c,
            UUID organizationId,
            String email,
            String fullName,
            String passwordHash,
            Collection<RoleGrant> roles)
            throws SQLException {
        return create(c, null, organizationId, email, fullName, passwordHash, roles, false);
    }

    /**
     * On the caller's transaction: the user {@code id} (made by the server when null) and their roles;
     * {@code temporaryPassword} makes them choose their own at the first sign-in.
     */
    public static Account create(
            Connection c,
            UUID id,
            UUID organizationId,
            String email,
            String fullName,
            String passwordHash,
            Collection<RoleGrant> roles,
            boolean temporaryPassword)
            throws SQLException {
        UUID created = Insert.into("users")
                .set("id", id)
                .set("organization_id", organizationId)
                .set("email", normalizeEmail(email))
                .set("full_name", fullName)
                .set("password_hash", passwordHash)
                .set("password_change_required", temporaryPassword ? Boolean.TRUE : null)
                .returningId(c)
                .orElseThrow();
        for (RoleGrant role : roles) {
            insertRole(c, created, role);
        }
        List<RoleGrant> sorted =
                roles.stream().sorted(Comparator.comparing(RoleGrant::role)).toList();
        return new Account(
                created,
                organizationId,
                normalizeEmail(email),
                fullName,
                passwordHash,
                true,
                sorted,
                temporaryPassword);
    }

    /**
     * On the caller's transaction: the user holds exactly {@code roles} from now on. Only what differs
     * is written (a role given, taken, or moved to another institution), so an unchanged role stays.
     */
    public static void replaceRoles(Connection c, UUID userId, Collection<RoleGrant> roles) throws SQLException {
        List<RoleGrant> held = Sql.list(
                c,
                "select role, institution_id from user_roles where user_id = ?",
                rs -> new RoleGrant(Role.valueOf(rs.getString(1)), rs.getObject(2, UUID.class)),
                userId);
        for (RoleGrant old : held) {
            if (!roles.contains(old)) {
                Sql.update(c, "delete from user_roles where user_id = ? and role = ?", userId, old.role());
            }
        }
        for (RoleGrant role : roles) {
            if (!held.contains(role)) {
                insertRole(c, userId, role);
            }
        }
    }

    private static void insertRole(Connection c, UUID userId, RoleGrant role) throws SQLException {
        Insert.into("user_roles")
                .set("user_id", userId)
                .set("role", role.role())
                .set("institution_id", role.institutionId())
                .execute(c);
    }

    /** On the caller's transaction: {@code users.status} active or inactive. */
    public static int setActive(Connection c, UUID userId, boolean active) throws SQLException {
        return Sql.update(
                c,
                "update users set status = ? where id = ? and status <> ?",
                active ? "active" : "inactive",
                userId,
                active ? "active" : "inactive");
    }

    /** On the caller's transaction: a new password hash; {@code temporary} makes the user choose their own first. */
    public static void setPassword(Connection c, UUID userId, String passwordHash, boolean temporary)
            throws SQLException {
        Sql.update(
                c,
                "update users set password_hash = ?, password_change_required = ? where id = ?",
                passwordHash,
                temporary,
                userId);
    }

    private static long count(Connection c) throws SQLException {
        return Sql.one(c, "select count(*) from users", rs -> rs.getLong(1)).orElseThrow();
    }

    private static Account account(java.sql.ResultSet rs) throws SQLException {
        String[] grants = (String[]) rs.getArray(7).getArray();
        List<RoleGrant> roles = new java.util.ArrayList<>(grants.length);
        for (String grant : grants) {
            int colon = grant.indexOf(':');
            roles.add(
                    colon < 0
                            ? RoleGrant.of(Role.valueOf(grant))
                            : new RoleGrant(
                                    Role.valueOf(grant.substring(0, colon)),
                                    UUID.fromString(grant.substring(colon + 1))));
        }
        roles.sort(Comparator.comparing(RoleGrant::role));
        return new Account(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                "active".equals(rs.getString(6)),
                roles,
                rs.getBoolean(8));
    }
}
