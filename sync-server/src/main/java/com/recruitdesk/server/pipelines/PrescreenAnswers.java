package com.recruitdesk.server.pipelines;

import com.recruitdesk.server.platform.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * The one writer of {@code prescreen_answers}: an answer to a question of the application's job,
 * stored raw (what was said) and read by {@link Prescreens#rescore}; answering again replaces it.
 * The recruiter's {@code prescreenAnswer.record} writes through it, and the WhatsApp bot will.
 */
public final class PrescreenAnswers {
    private PrescreenAnswers() {}

    /** Stores the answer; returns the value it replaced, if any. */
    public static Optional<String> put(
            Connection c,
            UUID organizationId,
            UUID applicationId,
            UUID questionId,
            UUID jobId,
            String value,
            String channel,
            UUID sourceMessageId)
            throws SQLException {
        Optional<String> before = Sql.one(
                c,
                "select answer_value from prescreen_answers where application_id = ? and question_id = ?",
                rs -> rs.getString(1),
                applicationId,
                questionId);
        Sql.update(
                c,
                """
                insert into prescreen_answers (organization_id, application_id, question_id, job_id, answer_value,
                                               answer_metadata, source_message_id)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (application_id, question_id) do update
                   set answer_value = excluded.answer_value, answer_metadata = excluded.answer_metadata,
                       source_message_id = excluded.source_message_id
                """,
                organizationId,
                applicationId,
                questionId,
                jobId,
                value,
                Sql.jsonb(java.util.Map.of("channel", channel)),
                sourceMessageId);
        return before;
    }
}
