package com.recruitdesk.app.pipelines.data;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An application as a card of the board: the person, the stage and since when, the match score
 * (the prescreen's when there is one), whether a must-have failed, the next follow-up, and whether
 * a change of it is still on its way to the server.
 */
public record Card(
        UUID id,
        UUID candidateId,
        String name,
        String stage,
        Instant inStageSince,
        Integer score,
        boolean mustHaveFailed,
        LocalDate nextFollowUp,
        boolean pending,
        long version) {

    /** The card as a move shows it before the server answers: in {@code stage} (since when, the server will say), on its way. */
    public Card movedTo(String stage) {
        return new Card(id, candidateId, name, stage, null, score, mustHaveFailed, nextFollowUp, true, version);
    }
}
