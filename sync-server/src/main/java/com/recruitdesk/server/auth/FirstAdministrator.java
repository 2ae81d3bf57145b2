package com.recruitdesk.server.auth;

import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.auth.RoleGrant;
import com.recruitdesk.server.platform.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the first administrator from RD_ADMIN_EMAIL/RD_ADMIN_PASSWORD, once, when no user exists. */
public final class FirstAdministrator {
    private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);
    static final String ORGANIZATION = "RecruitDesk";

    private FirstAdministrator() {}

    public static void ensure(ServerConfig.FirstAdmin admin, Accounts accounts, PasswordHasher hasher) {
        if (accounts.count() > 0) {
            LOG.info("Users exist already; RD_ADMIN_EMAIL is not used");
            return;
        }
        accounts.createFirstAdmin(ORGANIZATION, admin.email(), hasher.hash(admin.password()), RoleGrant.of(Role.ADMIN))
                .ifPresent(a -> LOG.info("Created the first administrator {}", a.email()));
    }
}
