package com.recruitdesk.protocol.cohorts;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What both ends of the Cohorts feature check alike: the lists of values, the cohort's states, the limits. */
public final class CohortRules {
    private CohortRules() {}

    public static final List<String> PROGRAM_TYPES = List.of("learnership", "internship", "candidacy");

    public static final List<String> STATES = List.of("draft", "active", "completed", "cancelled");

    private static final Map<String, Set<String>> MOVES = Map.of(
            "draft", Set.of("active", "cancelled"),
            "active", Set.of("completed", "cancelled"),
            "completed", Set.of(),
            "cancelled", Set.of());

    /** True when a cohort in {@code from} may move to {@code to}. */
    public static boolean canMove(String from, String to) {
        return MOVES.getOrDefault(from, Set.of()).contains(to);
    }

    /** Students may upload while the cohort is being set up or runs. */
    public static boolean takesUploads(String state) {
        return state.equals("draft") || state.equals("active");
    }

    /** The document types a cohort may ask for (a subset of {@code uploaded_documents.document_category}). */
    public static final List<String> DOCUMENT_TYPES =
            List.of("id_document", "matric_certificate", "proof_of_address", "qualification", "agreement", "photo");

    /** A new cohort's checklist when none is given. */
    public static final List<String> DEFAULT_REQUIRED =
            List.of("id_document", "matric_certificate", "proof_of_address");

    private static final Map<String, String> DOCUMENT_LABELS = Map.of(
            "id_document", "ID document",
            "matric_certificate", "Matric certificate",
            "proof_of_address", "Proof of address",
            "qualification", "Qualification",
            "agreement", "Signed agreement",
            "photo", "Photo");

    public static String documentLabel(String type) {
        return DOCUMENT_LABELS.getOrDefault(type, type);
    }

    /** What a reviewer checks on each type of document, in order; ticked items travel with the decision. */
    private static final Map<String, List<String>> CHECKLISTS = Map.of(
            "id_document",
                    List.of(
                            "Name matches the enrolment",
                            "ID number is readable",
                            "Photo is visible",
                            "Certified copy, stamp dated"),
            "matric_certificate",
                    List.of("Name matches the enrolment", "Issued by Umalusi or the DBE", "Results are readable"),
            "proof_of_address",
                    List.of("Name matches the enrolment", "Dated within the last three months", "Full street address"),
            "qualification", List.of("Name matches the enrolment", "Institution and date shown"),
            "agreement", List.of("Signed by the student", "All pages present"),
            "photo", List.of("Face clearly visible", "Plain background"));

    public static List<String> checklist(String documentType) {
        return CHECKLISTS.getOrDefault(documentType, List.of("Name matches the enrolment"));
    }

    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";

    /** The reasons a document is rejected with, in the order the reviewer picks them by digit (1–6). */
    public static final Map<String, String> REASON_CODES = reasons();

    private static Map<String, String> reasons() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("unreadable", "Unreadable");
        r.put("expired", "Expired or out of date");
        r.put("wrong_document", "Wrong document");
        r.put("name_mismatch", "Name does not match");
        r.put("incomplete", "Incomplete");
        r.put("other", "Other");
        return java.util.Collections.unmodifiableMap(r);
    }

    public static final int MAX_REASON = 500;
    public static final int MAX_NAME = 200;

    /**
     * The approved WhatsApp template the upload link is sent with: by position the student's first
     * name, the cohort and the link; by name {@code first_name}, {@code cohort} and {@code link}.
     */
    public static final String LINK_TEMPLATE = "cohort_upload_link";

    /** The trail's entries besides decisions: a new link made, a link sent on WhatsApp. */
    public static final String LINK_ISSUED = "link_issued";

    public static final String LINK_SENT = "link_sent";

    /** How long an invitation link to the upload page works. */
    public static final Duration INVITATION_VALID = Duration.ofDays(60);

    /** The file types the upload page takes (checked by their first bytes). */
    public static final List<String> UPLOAD_TYPES = List.of("application/pdf", "image/jpeg", "image/png");

    /** The largest file the upload page takes. */
    public static final long MAX_UPLOAD_BYTES = 10L * 1024 * 1024;

    /** The sentence a rejected document shows: the reason's label, and the reviewer's words if any. */
    public static String reasonSentence(String code, String text) {
        String label = REASON_CODES.getOrDefault(code, "Rejected");
        return text == null || text.isBlank() ? label : label + ": " + text.strip();
    }
}
