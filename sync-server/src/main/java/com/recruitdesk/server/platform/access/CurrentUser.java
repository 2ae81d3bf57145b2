package com.recruitdesk.server.platform.access;

import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.auth.RoleGrant;
import com.recruitdesk.server.platform.db.Sql;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A user as the database says now: organization, whether the account is active, roles, and the
 * access epoch (bumped by trigger on every change of those; V9). Read per request, so a role change
 * or a deactivation counts at once, not when the access token expires; one indexed query.
 */
public record CurrentUser(UUID userId, UUID organizationId, boolean active, List<RoleGrant> roles, long accessEpoch) {
    private static final String QUERY = """
            select u.organization_id, u.status = 'active',
                   coalesce((select a.epoch from access_epochs a where a.user_id = u.id), 0),
                   array(select r.role || ':' || coalesce(r.institution_id::text, '')
                           from user_roles r where r.user_id = u.id order by r.role)
              from users u where u.id = ?
            """;

    /** {@link #QUERY} for many users at once, each row led by the user's id. */
    private static final String MANY = """
            select u.id, u.organization_id, u.status = 'active',
                   coalesce((select a.epoch from access_epochs a where a.user_id = u.id), 0),
                   array(select r.role || ':' || coalesce(r.institution_id::text, '')
                           from user_roles r where r.user_id = u.id order by r.role)
              from users u where u.id = any(?)
            """;

    public CurrentUser {
        roles = List.copyOf(roles);
    }

    /** The user's state on {@code c}'s snapshot; empty when the user no longer exists. */
    public static Optional<CurrentUser> read(Connection c, UUID userId) throws SQLException {
        return Sql.one(
                c,
                QUERY,
                rs -> new CurrentUser(
                        userId, rs.getObject(1, UUID.class), rs.getBoolean(2), grants(rs.getArray(4)), rs.getLong(3)),
                userId);
    }

    /** The state of each of {@code userIds} that still exists, on {@code c}'s snapshot, in one query. */
    public static java.util.Map<UUID, CurrentUser> readAll(Connection c, java.util.Collection<UUID> userIds)
            throws SQLException {
        java.util.Map<UUID, CurrentUser> users = new java.util.HashMap<>();
        try (var ps = c.prepareStatement(MANY)) {
            ps.setArray(1, c.createArrayOf("uuid", userIds.toArray()));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    users.put(
                            id,
                            new CurrentUser(
                                    id,
                                    rs.getObject(2, UUID.class),
                                    rs.getBoolean(3),
                                    grants(rs.getArray(5)),
                                    rs.getLong(4)));
                }
            }
        }
        return users;
    }

    public Principal principal() {
        return new Principal(userId, organizationId, roles);
    }

    private static List<RoleGrant> grants(Array array) throws SQLException {
        List<RoleGrant> grants = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            String text = (String) o;
            int colon = text.indexOf(':');
            Role role = Role.valueOf(text.substring(0, colon));
            String institution = text.substring(colon + 1);
            grants.add(new RoleGrant(role, institution.isEmpty() ? null : UUID.fromString(institution)));
        }
        return grants;
    }
}
