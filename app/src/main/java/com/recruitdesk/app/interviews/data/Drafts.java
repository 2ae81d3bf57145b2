package com.recruitdesk.app.interviews.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.interviews.InterviewMutations.Scorecard;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Scorecard drafts, kept in the local store as they are typed (each save is a committed SQLite
 * write, so a laptop that dies mid-sentence loses at most the keystroke in flight) and never sent
 * until submitted. A draft stays after its submit is queued, and until the server has the scorecard:
 * if the submit is refused (the interview was cancelled meanwhile, say) the draft is still here.
 */
public final class Drafts {
    private static final String PREFIX = "interviews.draft.";
    private static final ObjectMapper JSON = Json.newMapper();

    /**
     * @param feedbackId the id the scorecard will have (made once, kept across saves)
     * @param submittedAs the mutation that submitted it, while the server has not answered; null otherwise
     */
    public record Draft(UUID interviewId, UUID feedbackId, Scorecard scorecard, Instant savedAt, UUID submittedAs) {
        public Draft withScorecard(Scorecard s, Instant at) {
            return new Draft(interviewId, feedbackId, s, at, submittedAs);
        }

        public Draft submitted(UUID mutation) {
            return new Draft(interviewId, feedbackId, scorecard, savedAt, mutation);
        }
    }

    private final LocalStore store;

    public Drafts(LocalStore store) {
        this.store = store;
    }

    public Optional<Draft> of(UUID interview) {
        return store.meta(PREFIX + interview).flatMap(Drafts::parse);
    }

    /** Saves (replaces) a draft; call it off the UI thread. */
    public void save(Draft draft) {
        try {
            store.setMeta(PREFIX + draft.interviewId(), JSON.writeValueAsString(draft));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a draft that cannot be written as JSON", e);
        }
    }

    public void discard(UUID interview) {
        store.setMeta(PREFIX + interview, "");
    }

    /** Every draft this computer holds, newest first. */
    public List<Draft> all() {
        return store
                .query(
                        "select value from meta where key like ? and value <> ''",
                        List.of(PREFIX + "%"),
                        rs -> parse(rs.getString(1)))
                .stream()
                .flatMap(Optional::stream)
                .sorted((a, b) -> b.savedAt().compareTo(a.savedAt()))
                .toList();
    }

    /** The draft whose submit was mutation {@code id}, if any. */
    public Optional<Draft> submittedAs(UUID mutation) {
        return all().stream().filter(d -> mutation.equals(d.submittedAs())).findFirst();
    }

    private static Optional<Draft> parse(String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(json, Draft.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
