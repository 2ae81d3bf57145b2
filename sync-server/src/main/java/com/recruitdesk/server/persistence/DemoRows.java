package com.recruitdesk.server.persistence;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The demo dataset as rows, parents before children. Ids are derived from the organization and
 * each row's place in the dataset, so the same rows come out every time; times are relative to
 * {@code now} so the inbox looks alive. Message templates, canned responses and leads have no
 * entity and are written with SQL by {@link DemoDataset}.
 */
final class DemoRows extends DemoPart {
    record Template(UUID id, UUID accountId, String name, String componentsJson, Instant createdAt) {}

    record CannedResponse(UUID id, String shortcut, String body, Instant createdAt) {}

    record Lead(
            UUID id,
            String company,
            String contactPerson,
            String contactEmail,
            String contactPhone,
            String status,
            String serviceType,
            BigDecimal estimatedValue,
            Integer probability,
            LocalDate expectedClose,
            Instant nextFollowUp,
            String source,
            Instant createdAt) {}

    private final List<Lead> leads = new ArrayList<>();
    private final List<Template> templates;
    private final List<CannedResponse> cannedResponses;
    private final List<UUID> institutionIds;

    DemoRows(DemoDataset.Staff staff, Instant now) {
        super(staff, now);
        DemoInbox inbox = new DemoInbox(this);
        new DemoPipeline(this, inbox.candidates());
        DemoCohorts cohorts = new DemoCohorts(this, inbox.candidates());
        templates = inbox.templates();
        cannedResponses = inbox.cannedResponses();
        institutionIds = cohorts.institutionIds();
        crm();
    }

    List<Template> templates() {
        return templates;
    }

    List<CannedResponse> cannedResponses() {
        return cannedResponses;
    }

    List<Lead> leads() {
        return leads;
    }

    List<UUID> institutionIds() {
        return institutionIds;
    }

    // ---------------------------------------------------------------------------------------------
    // CRM

    private void crm() {
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
        leads.add(new Lead(
                id("lead", company),
                company,
                person,
                email,
                phone,
                status,
                service,
                new BigDecimal(value),
                probability,
                LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(closeInDays),
                open ? now.plus(Duration.ofDays(2 + leads.size())) : null,
                source,
                ago(Duration.ofDays(30 + 7L * leads.size()))));
    }
}
