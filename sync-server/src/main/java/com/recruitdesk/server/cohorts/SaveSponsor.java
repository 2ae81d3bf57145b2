package com.recruitdesk.server.cohorts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.cohorts.CohortMutations;
import com.recruitdesk.protocol.cohorts.CohortRules;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.db.Insert;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.util.Optional;

/** Creates or edits a sponsor of an institution (seed 004): company, contact, tax number. The one writer of {@code sponsors}. */
final class SaveSponsor implements Mutator<CohortMutations.SaveSponsor> {
    @Override
    public MutationType<CohortMutations.SaveSponsor> type() {
        return CohortMutations.SAVE_SPONSOR;
    }

    @Override
    public Access<CohortMutations.SaveSponsor> access() {
        return Access.anyOf(
                Access.administrators(), Access.adminOfInstitution(CohortMutations.SaveSponsor::institutionId));
    }

    @Override
    public void apply(MutationContext ctx, CohortMutations.SaveSponsor a) throws SQLException {
        if (a.sponsorId() == null) {
            throw Rejection.invalid("A sponsor needs the id the client made for it (sponsorId).");
        }
        String company = Rows.text(a.companyName(), "company's name", CohortRules.MAX_NAME)
                .strip();
        String contact = Checks.optional(a.contactName(), "contact's name", CohortRules.MAX_NAME);
        String email = Checks.email(a.contactEmail());
        String phone = Checks.optional(a.contactPhone(), "contact's phone number", 40);
        String tax = Checks.optional(a.taxNumber(), "tax number", 40);
        Rows.require(ctx, "institutions", a.institutionId(), "The institution");
        if (Rows.exists(
                ctx,
                "select 1 from sponsors where institution_id = ? and lower(company_name) = lower(?) and id <> ?",
                a.institutionId(),
                company,
                a.sponsorId())) {
            throw Rejection.invalid("This institution has a sponsor named '" + company + "' already.");
        }
        Optional<ObjectNode> existing = Rows.lock(ctx, "sponsors", a.sponsorId());
        if (existing.isPresent()) {
            if (!a.institutionId()
                    .toString()
                    .equals(existing.get().path("institution_id").asText())) {
                throw Rejection.notFound("The sponsor");
            }
            Rows.update(
                    ctx,
                    "update sponsors set company_name = ?, contact_name = ?, contact_email = ?, contact_phone = ?,"
                            + " tax_number = ? where id = ?",
                    company,
                    contact,
                    email,
                    phone,
                    tax,
                    a.sponsorId());
            ctx.logActivity(Entities.SPONSOR, a.sponsorId(), "Edited the sponsor " + company, null);
            return;
        }
        if (Rows.exists(ctx, "select 1 from sponsors where id = ?", a.sponsorId())) {
            throw Rejection.notFound("The sponsor");
        }
        Insert.into("sponsors")
                .set("id", a.sponsorId())
                .set("organization_id", ctx.organizationId())
                .set("institution_id", a.institutionId())
                .set("company_name", company)
                .set("contact_name", contact)
                .set("contact_email", email)
                .set("contact_phone", phone)
                .set("tax_number", tax)
                .execute(ctx.connection());
        ctx.logActivity(Entities.SPONSOR, a.sponsorId(), "Added the sponsor " + company, null);
    }
}
