package com.recruitdesk.server.platform.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.sync.Entities;
import java.util.Map;
import java.util.Set;

/**
 * What a user outside the staff sees of a row that reaches them through an interview or a cohort:
 * a summary, not the whole profile (least privilege in the data, not only in the UI). A cohort
 * student's demographics (seed 004's student_data: age, race, gender, disability, city) reach only
 * those who manage the cohort, administrators and the institution's admins, not the rest of the staff.
 */
final class Projection {
    private static final Set<String> COMMON = Set.of("id", "version", "organization_id", "created_at", "updated_at");
    private static final Map<String, Set<String>> SUMMARY_FIELDS = Map.of(
            Entities.CANDIDATE,
            Set.of(
                    "full_name",
                    "first_name",
                    "last_name",
                    "whatsapp_name",
                    "email",
                    "location",
                    "current_job_title",
                    "total_experience_years",
                    "experience_level",
                    "skills",
                    "highest_education"),
            Entities.JOB,
            Set.of(
                    "title",
                    "department",
                    "employment_type",
                    "work_mode",
                    "job_locations",
                    "experience_required",
                    "experience_level",
                    "required_skills",
                    "preferred_skills",
                    "hiring_process_rounds",
                    "status"));

    private static final Map<String, Set<String>> MANAGERS_ONLY =
            Map.of(Entities.COHORT_ENROLLMENT, Set.of("student_data"));

    private Projection() {}

    private static boolean ofTheirInstitution(ObjectNode row, Visibility who) {
        String institution = row.path("institution_id").asText(null);
        return institution != null
                && who.institutions().stream().anyMatch(i -> i.toString().equals(institution));
    }

    /**
     * The row as {@code who} may have it, or null when it is not theirs to hold (SALES and a job
     * without a client: it reaches them as a delete). {@code addressed}: the entry names the reader.
     */
    static ObjectNode forReader(String entity, ObjectNode row, Visibility who, boolean addressed) {
        if (who.sales() && !addressed && !SalesScope.keeps(entity, row)) {
            return null;
        }
        return seesAsStaff(entity, who) ? forStaff(entity, row, who) : forNonStaff(entity, row);
    }

    /**
     * True when {@link #forReader} hands every row of {@code entity} to {@code who} as it is, whatever
     * its values: the page can copy the row's text without reading it into a tree.
     */
    static boolean whole(String entity, Visibility who, boolean addressed) {
        if (who.sales() && !addressed && SalesScope.decidedByValues(entity)) {
            return false;
        }
        return seesAsStaff(entity, who)
                ? who.administrator() || !MANAGERS_ONLY.containsKey(entity)
                : !SUMMARY_FIELDS.containsKey(entity);
    }

    private static boolean seesAsStaff(String entity, Visibility who) {
        return who.staff() || (who.sales() && SalesScope.ENTITIES.contains(entity));
    }

    /** The row as a staff reader {@code who} may have it: whole, but for the fields only managers of it read. */
    static ObjectNode forStaff(String entity, ObjectNode row, Visibility who) {
        Set<String> withheld = MANAGERS_ONLY.get(entity);
        if (withheld == null || who.administrator() || ofTheirInstitution(row, who)) {
            return row;
        }
        ObjectNode kept = row.deepCopy();
        kept.remove(withheld);
        return kept;
    }

    /** The row as a non-staff reader may have it; rows of other entities reach them whole. */
    static ObjectNode forNonStaff(String entity, ObjectNode row) {
        Set<String> allowed = SUMMARY_FIELDS.get(entity);
        if (allowed == null) {
            return row;
        }
        ObjectNode summary = row.deepCopy();
        summary.retain(row.properties().stream()
                .map(Map.Entry::getKey)
                .filter(k -> COMMON.contains(k) || allowed.contains(k))
                .toList());
        return summary;
    }
}
