package com.recruitdesk.app.interviews.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.store.RowValues;
import com.recruitdesk.protocol.sync.Entities;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An interview kit: what an interviewer reads before and during the interview, all from this
 * computer (it works offline): the candidate's summary (only what the change feed lets an
 * interviewer have), the job, the documents on file, the earlier rounds' outcome once unsealed, and
 * how many scorecards are still sealed.
 *
 * @param others the other interviewers' submitted scorecards for this candidate and job that this computer holds
 * @param sealed how many submitted scorecards of others this computer does not hold yet
 */
public record Kit(
        InterviewItem interview,
        Candidate candidate,
        Job job,
        List<Document> documents,
        Optional<FeedbackItem> mine,
        List<FeedbackItem> others,
        int sealed) {

    public record Candidate(
            String name,
            String currentJobTitle,
            String location,
            String experience,
            String education,
            List<String> skills,
            String email) {}

    public record Job(
            String title, String department, String workMode, List<String> locations, List<String> requiredSkills) {}

    public record Document(UUID id, String filename, String category, UUID blobId) {}

    /** Reads the kit of {@code interview} for {@code me}. */
    public static Kit load(LocalStore store, InterviewItem interview, UUID me) {
        Scorecards scorecards = new Scorecards(store);
        Optional<FeedbackItem> mine = scorecards.mine(interview.id(), me);
        List<FeedbackItem> others = scorecards.submittedFor(interview.candidateId(), interview.jobId()).stream()
                .filter(f -> !me.equals(f.interviewerId()))
                .toList();
        int mineSubmitted = mine.filter(FeedbackItem::submitted).isPresent() ? 1 : 0;
        int sealed = Math.max(0, interview.feedbackSubmittedCount() - mineSubmitted - others.size());
        return new Kit(
                interview,
                store.row(Entities.CANDIDATE, interview.candidateId())
                        .map(Kit::candidate)
                        .orElse(null),
                interview.jobId() == null
                        ? null
                        : store.row(Entities.JOB, interview.jobId())
                                .map(Kit::job)
                                .orElse(null),
                documents(store, interview.candidateId()),
                mine,
                others,
                sealed);
    }

    private static Candidate candidate(ObjectNode p) {
        String years = RowValues.text(p, "totalExperienceYears");
        String level = RowValues.text(p, "experienceLevel");
        String experience = years == null ? level : stripZeros(years) + " years" + (level == null ? "" : ", " + level);
        return new Candidate(
                Schedule.name(p),
                RowValues.text(p, "currentJobTitle"),
                RowValues.text(p, "location"),
                experience,
                RowValues.text(p, "highestEducation"),
                texts(p.path("skills")),
                RowValues.text(p, "email"));
    }

    private static Job job(ObjectNode j) {
        return new Job(
                RowValues.text(j, "title"),
                RowValues.text(j, "department"),
                RowValues.text(j, "workMode"),
                texts(j.path("jobLocations")),
                texts(j.path("requiredSkills")));
    }

    private static List<Document> documents(LocalStore store, UUID candidate) {
        return store.query(
                "select data from current where entity = ? and json_extract(data, '$.candidateId') = ?"
                        + " and json_extract(data, '$.documentCategory') in ('cv', 'portfolio', 'qualification')"
                        + " order by json_extract(data, '$.createdAt') desc",
                List.of(Entities.UPLOADED_DOCUMENT, candidate.toString()),
                rs -> {
                    ObjectNode d = store.parse(rs.getString(1));
                    return new Document(
                            RowValues.uuid(d, "id"),
                            RowValues.text(d, "originalFilename"),
                            RowValues.text(d, "documentCategory"),
                            RowValues.uuid(d, "blobId"));
                });
    }

    /** A list of strings, or the names of an object's fields ({"Java": "expert"} lists Java). */
    static List<String> texts(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(e -> out.add(e.isTextual() ? e.asText() : e.path("name").asText(e.toString())));
        } else if (v.isObject()) {
            v.properties().forEach(e -> out.add(e.getKey()));
        }
        return out;
    }

    private static String stripZeros(String number) {
        return number.contains(".") ? number.replaceAll("0+$", "").replaceAll("\\.$", "") : number;
    }
}
