package com.recruitdesk.server.demo;

import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.auth.RoleGrant;
import com.recruitdesk.server.auth.Accounts;
import com.recruitdesk.server.auth.PasswordHasher;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo organization's staff, whose sign-in the README prints. Loading twice changes nothing:
 * a user whose email exists already is left as it is.
 */
public final class DemoUsers {
    private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);
    public static final String ORGANIZATION = "Demo Recruiting Agency";
    public static final String PASSWORD = "demo-password";

    record DemoUser(String email, String fullName, Role role) {}

    static final List<DemoUser> USERS = List.of(
            new DemoUser("admin@demo.test", "Avery Admin", Role.ADMIN),
            new DemoUser("manager@demo.test", "Morgan Manager", Role.MANAGER),
            new DemoUser("recruiter@demo.test", "Riley Recruiter", Role.RECRUITER),
            new DemoUser("recruiter2@demo.test", "Sam Sourcer", Role.RECRUITER),
            new DemoUser("interviewer@demo.test", "Ivy Interviewer", Role.INTERVIEWER),
            new DemoUser("interviewer2@demo.test", "Ian Interviewer", Role.INTERVIEWER),
            new DemoUser("sales@demo.test", "Sasha Sales", Role.SALES));

    private DemoUsers() {}

    /** The full name of the demo user signing in as {@code email}. */
    static String nameOf(String email) {
        return USERS.stream()
                .filter(u -> u.email().equals(email))
                .findFirst()
                .orElseThrow()
                .fullName();
    }

    public static void load(Accounts accounts, PasswordHasher hasher) {
        UUID organization =
                accounts.findOrganization(ORGANIZATION).orElseGet(() -> accounts.createOrganization(ORGANIZATION));
        String hash = null;
        int created = 0;
        for (DemoUser user : USERS) {
            if (accounts.findByEmail(user.email()).isPresent()) {
                continue;
            }
            if (hash == null) {
                hash = hasher.hash(PASSWORD);
            }
            accounts.create(organization, user.email(), user.fullName(), hash, List.of(RoleGrant.of(user.role())));
            created++;
        }
        LOG.info("Demo users ready ({} new); sign in as recruiter@demo.test with password '{}'", created, PASSWORD);
    }
}
