package com.recruitdesk.server.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The CRM's leads of the sales user: one in every state of the funnel, one lost. */
final class DemoCrm extends DemoPart {
    private int leads;

    DemoCrm(DemoPart shared) {
        super(shared);
        lead(
                "Karoo Fresh Foods",
                "Nandi Mthethwa",
                "nandi@karoofresh.test",
                "+27235550301",
                "new",
                "permanent",
                "85000",
                20,
                60,
                "website");
        lead(
                "Atlantic Seaboard Hotels",
                "James Pillay",
                "james.pillay@ashotels.test",
                "+27215550302",
                "proposal",
                "contract",
                "240000",
                60,
                21,
                "referral");
        lead(
                "Mzansi Logistics",
                "Zodwa Hadebe",
                "zodwa@mzansilogistics.test",
                "+27315550303",
                "negotiation",
                "rpo",
                "520000",
                75,
                10,
                "LinkedIn");
        lead(
                "Coastal Retail Group",
                "Andre Visser",
                "andre.visser@coastalretail.test",
                "+27415550304",
                "lost",
                "executive_search",
                "150000",
                0,
                -15,
                "cold call");
    }

    private void lead(
            String company,
            String person,
            String email,
            String phone,
            String status,
            String service,
            String value,
            int probability,
            int closeInDays,
            String source) {
        boolean open = !status.equals("lost") && !status.equals("converted");
        row("leads", "lead", company, ago(Duration.ofDays(30 + 7L * leads)))
                .set("owner_user_id", staff.sales())
                .set("company_name", company)
                .set("contact_person", person)
                .set("contact_email", email)
                .set("contact_phone", phone)
                .set("status", status)
                .set("service_type", service)
                .set("estimated_value", new BigDecimal(value))
                .set("probability", probability)
                .set(
                        "expected_close_date",
                        LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(closeInDays))
                .set("next_follow_up", open ? now.plus(Duration.ofDays(2 + leads)) : null)
                .set("source", source);
        leads++;
    }
}
