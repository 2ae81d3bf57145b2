package com.recruitdesk.server.persistence;

import com.recruitdesk.protocol.auth.RoleGrant;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Users, their roles and their organizations. */
public final class Accounts {
    private final Database db;

    Accounts(Database db) {
        this.db = db;
    }

    /** Emails are compared lower-cased and trimmed, as they are stored. */
    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public Optional<Account> findByEmail(String email) {
        String normalized = normalizeEmail(email);
        return db.transaction(s -> s.createSelectionQuery("from UserEntity where email = :email", UserEntity.class)
                .setParameter("email", normalized)
                .uniqueResultOptional()
                .map(Account::of));
    }

    public Optional<Account> findById(UUID id) {
        return db.transaction(
                s -> Optional.ofNullable(s.find(UserEntity.class, id)).map(Account::of));
    }

    public long count() {
        return db.transaction(s -> s.createSelectionQuery("select count(*) from UserEntity", Long.class)
                .getSingleResult());
    }

    /** Creates an organization and returns its id. */
    public UUID createOrganization(String name) {
        return db.transaction(s -> {
            OrganizationEntity org = new OrganizationEntity(name);
            s.persist(org);
            return org.id;
        });
    }

    /** The id of the organization with this name, if one exists. */
    public Optional<UUID> findOrganization(String name) {
        return db.transaction(
                s -> s.createSelectionQuery("select id from OrganizationEntity where name = :name", UUID.class)
                        .setParameter("name", name)
                        .setMaxResults(1)
                        .uniqueResultOptional());
    }

    /** Creates a user; the password must already be hashed. */
    public Account create(
            UUID organizationId, String email, String fullName, String passwordHash, Collection<RoleGrant> roles) {
        return db.transaction(s -> {
            UserEntity user = new UserEntity();
            user.organizationId = organizationId;
            user.email = normalizeEmail(email);
            user.fullName = fullName;
            user.passwordHash = passwordHash;
            roles.forEach(r -> user.roles.add(new RoleGrantValue(r)));
            s.persist(user);
            return Account.of(user);
        });
    }

    /**
     * Creates the organization and its first administrator in one transaction, only if no user exists
     * yet; concurrent starts of several instances create at most one (the advisory lock serialises them).
     */
    public Optional<Account> createFirstAdmin(
            String organizationName, String email, String passwordHash, RoleGrant role) {
        return db.transaction(s -> {
            s.createNativeQuery("select pg_advisory_xact_lock(4711)", Object.class)
                    .getSingleResult();
            long users = s.createSelectionQuery("select count(*) from UserEntity", Long.class)
                    .getSingleResult();
            if (users > 0) {
                return Optional.empty();
            }
            OrganizationEntity org = new OrganizationEntity(organizationName);
            s.persist(org);
            UserEntity user = new UserEntity();
            user.organizationId = org.id;
            user.email = normalizeEmail(email);
            user.fullName = "Administrator";
            user.passwordHash = passwordHash;
            user.roles.add(new RoleGrantValue(role));
            s.persist(user);
            return Optional.of(Account.of(user));
        });
    }

    public void recordLogin(UUID userId, Instant at) {
        db.transaction(s -> s.createMutationQuery("update UserEntity set lastLoginAt = :at where id = :id")
                .setParameter("at", at)
                .setParameter("id", userId)
                .executeUpdate());
    }

    public void updatePasswordHash(UUID userId, String passwordHash) {
        db.transaction(s -> {
            UserEntity user = s.find(UserEntity.class, userId);
            user.passwordHash = passwordHash;
            return null;
        });
    }
}
