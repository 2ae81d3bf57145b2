package com.recruitdesk.app.conversations.data;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the candidate panel shows of a person: profile, tags, applications and recent notes. */
public record CandidateProfile(
        UUID id,
        String name,
        String whatsappId,
        String whatsappName,
        String whatsappUsername,
        String email,
        String location,
        String source,
        long version,
        List<Tag> tags,
        List<ApplicationSummary> applications,
        List<Note> notes) {

    public CandidateProfile {
        tags = List.copyOf(tags);
        applications = List.copyOf(applications);
        notes = List.copyOf(notes);
    }

    /** A tag row (its id, to remove it) and its text. */
    public record Tag(UUID id, String tag, boolean pending) {}

    /** An application with its job's title and its stage in the pipeline. */
    public record ApplicationSummary(UUID id, String jobTitle, String stage, Instant updatedAt) {}

    /** A private note, from a conversation or an application, newest first. */
    public record Note(UUID authorId, String text, Instant at, String about) {}
}
