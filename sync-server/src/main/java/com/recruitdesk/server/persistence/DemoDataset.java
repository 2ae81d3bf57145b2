package com.recruitdesk.server.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Writes the demo organization's working data (WhatsApp numbers, people, conversations, jobs,
 * applications, interviews, institutions and cohorts, leads) in one transaction. Every row has an
 * id derived from the organization and its place in the dataset, and only missing rows are
 * inserted, so loading twice changes nothing.
 */
public final class DemoDataset {
    private final Database db;

    DemoDataset(Database db) {
        this.db = db;
    }

    /** The demo organization and the staff who own, answer and interview. */
    public record Staff(
            UUID organizationId,
            UUID admin,
            UUID manager,
            UUID recruiter,
            UUID recruiter2,
            UUID interviewer,
            UUID interviewer2,
            UUID sales) {}

    /**
     * @param inserted rows written by this load; 0 when the dataset was there already
     * @param institutionIds the demo institutions, first one first (the institution admin's)
     */
    public record Loaded(int inserted, List<UUID> institutionIds) {
        public Loaded {
            institutionIds = List.copyOf(institutionIds);
        }
    }

    /** Inserts whatever of the dataset is missing; times are placed relative to {@code now}. */
    public Loaded load(Staff staff, Instant now) {
        DemoRows demo = new DemoRows(staff, now);
        return db.transaction(s -> {
            // Instances starting together load one after the other.
            s.createNativeQuery("select pg_advisory_xact_lock(4712)", Object.class)
                    .getSingleResult();
            List<SyncedRow> accounts = demo.rows().stream()
                    .filter(WhatsAppAccountEntity.class::isInstance)
                    .toList();
            List<SyncedRow> rest = demo.rows().stream()
                    .filter(r -> !(r instanceof WhatsAppAccountEntity))
                    .toList();
            int inserted = persistMissing(s, accounts);
            s.flush();
            for (DemoRows.Template t : demo.templates()) {
                inserted += s.createNativeMutationQuery("""
                                insert into message_templates (id, organization_id, whatsapp_account_id, name, language,
                                                               category, status, components, created_at, updated_at)
                                values (:id, :org, :account, :name, 'en_US', 'utility', 'approved', cast(:components as jsonb),
                                        :at, :at)
                                on conflict (id) do nothing
                                """)
                        .setParameter("id", t.id())
                        .setParameter("org", staff.organizationId())
                        .setParameter("account", t.accountId())
                        .setParameter("name", t.name())
                        .setParameter("components", t.componentsJson())
                        .setParameter("at", t.createdAt())
                        .executeUpdate();
            }
            inserted += persistMissing(s, rest);
            s.flush();
            for (DemoRows.CannedResponse r : demo.cannedResponses()) {
                inserted += s.createNativeMutationQuery("""
                                insert into canned_responses (id, organization_id, shortcut, body, created_by_user_id,
                                                              created_at, updated_at)
                                values (:id, :org, :shortcut, :body, :by, :at, :at)
                                on conflict (id) do nothing
                                """)
                        .setParameter("id", r.id())
                        .setParameter("org", staff.organizationId())
                        .setParameter("shortcut", r.shortcut())
                        .setParameter("body", r.body())
                        .setParameter("by", staff.manager())
                        .setParameter("at", r.createdAt())
                        .executeUpdate();
            }
            for (DemoRows.Lead l : demo.leads()) {
                inserted += s.createNativeMutationQuery("""
                                insert into leads (id, organization_id, owner_user_id, company_name, contact_person,
                                                   contact_email, contact_phone, status, service_type, estimated_value,
                                                   probability, expected_close_date, next_follow_up, source,
                                                   created_at, updated_at)
                                values (:id, :org, :owner, :company, :person, :email, :phone, :status, :service, :value,
                                        :probability, :close, :followUp, :source, :at, :at)
                                on conflict (id) do nothing
                                """)
                        .setParameter("id", l.id())
                        .setParameter("org", staff.organizationId())
                        .setParameter("owner", staff.sales())
                        .setParameter("company", l.company())
                        .setParameter("person", l.contactPerson())
                        .setParameter("email", l.contactEmail())
                        .setParameter("phone", l.contactPhone())
                        .setParameter("status", l.status())
                        .setParameter("service", l.serviceType())
                        .setParameter("value", l.estimatedValue())
                        .setParameter("probability", l.probability())
                        .setParameter("close", l.expectedClose())
                        .setParameter("followUp", l.nextFollowUp())
                        .setParameter("source", l.source())
                        .setParameter("at", l.createdAt())
                        .executeUpdate();
            }
            // The demo's photos, CVs and voice notes are fetched by the WhatsApp media task, from the
            // simulator, like any inbound media; a file fetched or given up on is not asked for again.
            s.createNativeMutationQuery("""
                            insert into whatsapp_media_downloads (message_id, next_attempt_at)
                            select id, now() from messages
                             where organization_id = :org and direction = 'inbound' and media_provider_id is not null
                               and media_blob_id is null and payload ->> 'mediaError' is null
                            on conflict (message_id) do nothing
                            """)
                    .setParameter("org", staff.organizationId())
                    .executeUpdate();
            return new Loaded(inserted, demo.institutionIds());
        });
    }

    /** Persists the rows whose id is not in the database yet, in the given order (parents first). */
    private static int persistMissing(Session s, List<SyncedRow> rows) {
        Map<Class<?>, List<UUID>> idsByType = new LinkedHashMap<>();
        rows.forEach(r ->
                idsByType.computeIfAbsent(r.getClass(), k -> new ArrayList<>()).add(r.id));
        Set<UUID> existing = new HashSet<>();
        idsByType.forEach((type, ids) -> existing.addAll(
                s.createSelectionQuery("select id from " + type.getSimpleName() + " where id in :ids", UUID.class)
                        .setParameterList("ids", ids)
                        .getResultList()));
        int inserted = 0;
        for (SyncedRow row : rows) {
            if (!existing.contains(row.id)) {
                s.persist(row);
                inserted++;
            }
        }
        return inserted;
    }
}
