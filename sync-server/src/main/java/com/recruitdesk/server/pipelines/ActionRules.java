package com.recruitdesk.server.pipelines;

import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The rules that fill each recruiter's action queue (seed 002 action_queue). A run takes one
 * organization whose turn is due from {@code action_rule_runs} with {@code FOR UPDATE SKIP LOCKED},
 * so any number of server instances share the work and each turn runs once; every rule is one
 * {@code insert … select} whose {@code cause_key} is unique per organization, so no item is made
 * twice for the same cause (a dismissed one included).
 *
 * <ul>
 *   <li>NO_RESPONSE: our last message in an open conversation got no reply for {@link #NO_REPLY}.
 *   <li>CHAT_FOLLOWUP: an active application's follow-up date has come.
 *   <li>NEW_MATCHES: a person who came in during the last week has a skill a live job requires,
 *       and is not in its pipeline.
 *   <li>PRESREENING_COMPLETE (seed 002's spelling; stored as prescreening_complete): every required
 *       question answered and no must-have failed.
 *   <li>INTERVENTION_NEEDED: an active application failed a must-have.
 * </ul>
 */
public final class ActionRules {
    public static final Duration NO_REPLY = Duration.ofHours(24);
    public static final Duration EVERY = Duration.ofSeconds(30);
    static final String RULES = "action_queue";

    private ActionRules() {}

    /** Runs every organization whose turn is due; returns the items made. */
    public static int runDue(Database database, Clock clock) throws SQLException {
        database.transaction(c -> Sql.update(
                c,
                "insert into action_rule_runs (organization_id, rule, next_run_at) select id, ?, ? from organizations"
                        + " on conflict do nothing",
                RULES,
                at(clock))); // a new organization's first turn is due at once, on the server's clock
        int made = 0;
        while (true) {
            Optional<Integer> one = database.transaction(c -> {
                Optional<UUID> org = Sql.one(c, """
                        select organization_id from action_rule_runs
                         where rule = ? and next_run_at <= ? order by next_run_at limit 1
                           for update skip locked
                        """, rs -> rs.getObject(1, UUID.class), RULES, at(clock));
                if (org.isEmpty()) {
                    return Optional.empty();
                }
                int items = run(c, org.get(), clock);
                Sql.update(
                        c,
                        "update action_rule_runs set next_run_at = ?, last_run_at = ? where organization_id = ? and rule = ?",
                        OffsetDateTime.ofInstant(clock.instant().plus(EVERY), ZoneOffset.UTC),
                        at(clock),
                        org.get(),
                        RULES);
                return Optional.of(items);
            });
            if (one.isEmpty()) {
                return made;
            }
            made += one.get();
        }
    }

    /** Every rule for one organization, on the caller's transaction; returns the items made. */
    static int run(Connection c, UUID org, Clock clock) throws SQLException {
        OffsetDateTime now = at(clock);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int made = 0;
        made += Sql.update(c, """
                insert into action_queue (organization_id, user_id, action_type, title, description, priority,
                                          related_candidate_id, related_conversation_id, cause_key)
                select c.organization_id, c.assigned_user_id, 'no_response',
                       'No reply from ' || coalesce(p.full_name, p.whatsapp_name, p.whatsapp_id, 'a candidate'),
                       'Our last message went ' || to_char(m.sent_at, 'DD Mon HH24:MI') || ' and has no answer yet.',
                       'medium', c.candidate_id, c.id, 'no_response:' || m.id
                  from conversations c
                  join candidates p on p.id = c.candidate_id
                  join lateral (select id, sent_at from messages
                                 where conversation_id = c.id and direction = 'outbound' and status <> 'failed'
                                 order by sent_at desc nulls last limit 1) m on true
                 where c.organization_id = ? and c.assigned_user_id is not null
                   and c.status not in ('closed', 'archived')
                   and m.sent_at < ? and (c.last_inbound_at is null or c.last_inbound_at < m.sent_at)
                on conflict (organization_id, cause_key) do nothing
                """, org, now.minus(NO_REPLY));
        made += Sql.update(c, """
                insert into action_queue (organization_id, user_id, action_type, title, description, priority,
                                          related_job_id, related_candidate_id, related_application_id, cause_key)
                select a.organization_id, j.assigned_recruiter_id, 'chat_followup',
                       'Follow up with ' || coalesce(p.full_name, p.whatsapp_name, p.whatsapp_id, 'a candidate'),
                       'Follow-up due ' || a.next_follow_up_date || ' for ' || j.title
                           || coalesce(': ' || a.follow_up_remarks, ''),
                       case when a.next_follow_up_date < ? then 'high' else 'medium' end,
                       j.id, a.candidate_id, a.id, 'chat_followup:' || a.id || ':' || a.next_follow_up_date
                  from applications a join jobs j on j.id = a.job_id join candidates p on p.id = a.candidate_id
                 where a.organization_id = ? and a.is_active and a.next_follow_up_date <= ?
                   and j.assigned_recruiter_id is not null
                on conflict (organization_id, cause_key) do nothing
                """, today, org, today);
        made += Sql.update(c, """
                insert into action_queue (organization_id, user_id, action_type, title, description, priority,
                                          related_job_id, related_candidate_id, cause_key)
                select j.organization_id, j.assigned_recruiter_id, 'new_matches',
                       'New match for ' || j.title || ': ' || coalesce(p.full_name, p.whatsapp_name, p.email, 'a candidate'),
                       'Has ' || (select string_agg(distinct s, ', ') from jsonb_array_elements_text(p.skills) s
                                   where lower(s) in (select lower(r) from jsonb_array_elements_text(j.required_skills) r))
                           || ', which the job requires.',
                       'low', j.id, p.id, 'new_matches:' || j.id || ':' || p.id
                  from jobs j join candidates p on p.organization_id = j.organization_id
                 where j.organization_id = ? and j.status in ('open', 'sourcing', 'interview', 'offer')
                   and j.assigned_recruiter_id is not null
                   and jsonb_typeof(j.required_skills) = 'array' and jsonb_typeof(p.skills) = 'array'
                   and p.created_at > ? and p.merged_into_id is null
                   and exists (select 1 from jsonb_array_elements_text(p.skills) s
                                where lower(s) in (select lower(r) from jsonb_array_elements_text(j.required_skills) r))
                   and not exists (select 1 from applications a where a.job_id = j.id and a.candidate_id = p.id)
                on conflict (organization_id, cause_key) do nothing
                """, org, now.minus(Duration.ofDays(7)));
        made += Sql.update(c, """
                insert into action_queue (organization_id, user_id, action_type, title, description, priority,
                                          related_job_id, related_candidate_id, related_application_id, cause_key)
                select a.organization_id, j.assigned_recruiter_id,
                       case when a.must_have_failed then 'intervention_needed' else 'prescreening_complete' end,
                       case when a.must_have_failed then 'Must-have failed: ' else 'Prescreening complete: ' end
                           || coalesce(p.full_name, p.whatsapp_name, p.whatsapp_id, 'a candidate') || ' for ' || j.title,
                       case when a.must_have_failed
                            then 'Failed: ' || coalesce((select string_agg(coalesce(q.question_text, f), '; ')
                                     from jsonb_array_elements_text(a.pre_screening_summary -> 'failedMustHaves') f
                                     left join prescreen_questions q on q.job_id = a.job_id and q.qid = f),
                                     'a must-have')
                            else 'Score ' || coalesce(a.jd_match_score::text, '–') || ' of 100' end,
                       case when a.must_have_failed then 'high' else 'medium' end,
                       j.id, a.candidate_id, a.id,
                       case when a.must_have_failed then 'intervention_needed:' else 'prescreening_complete:' end || a.id
                  from applications a join jobs j on j.id = a.job_id join candidates p on p.id = a.candidate_id
                 where a.organization_id = ? and a.is_active and j.assigned_recruiter_id is not null
                   and (a.must_have_failed or a.pre_screening_completed)
                on conflict (organization_id, cause_key) do nothing
                """, org);
        return made;
    }

    private static OffsetDateTime at(Clock clock) {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
