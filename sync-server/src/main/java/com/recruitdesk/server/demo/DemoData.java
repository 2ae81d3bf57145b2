package com.recruitdesk.server.demo;

import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.auth.RoleGrant;
import com.recruitdesk.server.auth.Account;
import com.recruitdesk.server.auth.Accounts;
import com.recruitdesk.server.auth.PasswordHasher;
import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.db.DatabaseException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo organization with something real in every pane: its staff ({@link DemoUsers}), then two
 * WhatsApp numbers, about fifty people with conversations in every status, jobs with applications
 * at every stage, interviews, institutions with cohorts, leads, and the institution admin of the
 * first institution. Loading twice changes nothing.
 */
public final class DemoData {
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    public static final String INSTITUTION_ADMIN = "institution_admin@demo.test";

    private DemoData() {}

    public static void load(Database database, PasswordHasher hasher, Clock clock) {
        Accounts accounts = new Accounts(database);
        DemoUsers.load(accounts, hasher);
        UUID organization = accounts.findOrganization(DemoUsers.ORGANIZATION).orElseThrow();
        DemoDataset.Staff staff = new DemoDataset.Staff(
                organization,
                staff(accounts, "admin@demo.test"),
                staff(accounts, "manager@demo.test"),
                staff(accounts, "recruiter@demo.test"),
                staff(accounts, "recruiter2@demo.test"),
                staff(accounts, "interviewer@demo.test"),
                staff(accounts, "interviewer2@demo.test"),
                staff(accounts, "sales@demo.test"));
        DemoDataset.Loaded loaded;
        try {
            loaded = new DemoDataset(database).load(staff, clock.instant());
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
        if (accounts.findByEmail(INSTITUTION_ADMIN).isEmpty()) {
            accounts.create(
                    organization,
                    INSTITUTION_ADMIN,
                    "Ines Institution",
                    hasher.hash(DemoUsers.PASSWORD),
                    List.of(new RoleGrant(
                            Role.INSTITUTION_ADMIN, loaded.institutionIds().getFirst())));
        }
        LOG.info("Demo data ready ({} new rows)", loaded.inserted());
    }

    private static UUID staff(Accounts accounts, String email) {
        return accounts.findByEmail(email)
                .map(Account::id)
                .orElseThrow(() -> new IllegalStateException("demo user " + email + " is missing"));
    }
}
