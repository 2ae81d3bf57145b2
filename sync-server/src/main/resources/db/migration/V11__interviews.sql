-- The Interviews feature (issue 15, decisions 0027 and 0028): scorecards sealed in the change feed
-- until an interviewer's own is in, amendments that never alter the original, the interview kit's
-- documents for the panel, reminders and feedback requests sent once.

-- ---------------------------------------------------------------------------------------------
-- Columns and tables
-- ---------------------------------------------------------------------------------------------

-- How many scorecards are submitted for this interview's candidate and job (every round), so an
-- interviewer whose laptop holds none of them yet can be told "submit yours to see 2 others".
alter table interview_sessions
    add column feedback_submitted_count integer not null default 0 check (feedback_submitted_count >= 0);
create index interview_sessions_candidate_job_idx on interview_sessions (candidate_id, job_id);
-- The reminder task looks for scheduled interviews without a reminder.
create index interview_sessions_reminder_idx on interview_sessions (scheduled_at)
    where status = 'scheduled' and reminder_sent_at is null;

-- When the panelist was asked for their missing scorecard (once; the feedback-request task).
alter table interview_participants add column feedback_requested_at timestamptz;

-- The author's name as they signed the scorecard: other interviewers receive the scorecard but not
-- their colleagues' user rows. A note per criterion (seed 003 rates each one; the note says why).
-- The interview's candidate and job, copied when the row is written: an interviewer holds earlier
-- rounds' scorecards without holding those interviews, and files them by candidate and job.
alter table interview_feedback
    add column interviewer_name text,
    add column rating_notes jsonb not null default '{}' check (jsonb_typeof(rating_notes) = 'object'),
    add column candidate_id uuid references candidates (id),
    add column job_id uuid references jobs (id);
update interview_feedback f set candidate_id = s.candidate_id, job_id = s.job_id
  from interview_sessions s where s.id = f.interview_session_id;
alter table interview_feedback alter column candidate_id set not null;

create function interview_feedback_of_interview() returns trigger language plpgsql as $$
begin
    select s.candidate_id, s.job_id into new.candidate_id, new.job_id
      from interview_sessions s where s.id = new.interview_session_id;
    return new;
end
$$;
create trigger interview_feedback_of_interview before insert on interview_feedback
    for each row execute function interview_feedback_of_interview();

-- A change to a submitted scorecard, kept beside it: the original is never altered.
create table interview_feedback_amendments (
    id                   uuid primary key default gen_random_uuid(),
    version              bigint      not null default 1,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    organization_id      uuid        not null references organizations (id),
    feedback_id          uuid        not null references interview_feedback (id),
    interview_session_id uuid        not null references interview_sessions (id),
    interviewer_user_id  uuid        not null references users (id),
    -- {field: {"from": value before, "to": value after}}
    changes              jsonb       not null check (jsonb_typeof(changes) = 'object' and changes <> '{}'),
    reason               text        not null check (length(trim(reason)) between 1 and 2000)
);
create index interview_feedback_amendments_feedback_idx on interview_feedback_amendments (feedback_id, created_at);

-- An interview changing is a step of its application's history (field 'interview': V10's rule
-- for the timeline's field names admits it).

-- ---------------------------------------------------------------------------------------------
-- Who reads a scorecard
-- ---------------------------------------------------------------------------------------------

-- The organization's choice (system_settings INTERVIEW_FEEDBACK_VISIBILITY, a JSON string): whether
-- interviewers see each other's submitted scorecards never, after submitting their own, or always.
create function interview_feedback_visibility(p_org uuid) returns text language sql stable as $$
    select case when v in ('never', 'after_own', 'always') then v else 'after_own' end
      from (select (select value #>> '{}' from system_settings
                     where organization_id = p_org and key = 'INTERVIEW_FEEDBACK_VISIBILITY') as v) s
$$;

-- The interviewers besides its author who may read a submitted scorecard of this interview: those of
-- the same candidate and job (any round) who submitted their own (after_own), or all of their
-- panels (always), or nobody (never).
create function interview_feedback_peers(p_session uuid, p_author uuid, p_org uuid) returns uuid[]
language sql stable as $$
    with g as (select candidate_id, job_id from interview_sessions where id = p_session),
         mode as (select interview_feedback_visibility(p_org) as v)
    select coalesce(array_agg(distinct u), '{}') from (
        select f.interviewer_user_id as u
          from interview_feedback f
          join interview_sessions s on s.id = f.interview_session_id
          cross join g cross join mode
         where mode.v = 'after_own' and f.is_final
           and s.candidate_id = g.candidate_id and s.job_id is not distinct from g.job_id
        union
        select p.user_id
          from interview_participants p
          join interview_sessions s on s.id = p.interview_session_id
          cross join g cross join mode
         where mode.v = 'always'
           and s.candidate_id = g.candidate_id and s.job_id is not distinct from g.job_id
    ) x where u <> p_author
$$;

-- Hands one interviewer, as scope-only grants, every submitted scorecard (and amendment) of others
-- for the candidate and job of p_session: what they may now read.
create function interview_feedback_grant_rows(p_user uuid, p_session uuid, p_org uuid) returns void
language plpgsql as $$
begin
    insert into sync_changes (entity, row_id, op, version, organization_id, staff, scope_only, user_ids, data)
    select 'interviewFeedback', f.id, 'upsert', f.version, f.organization_id, false, true, array[p_user], to_jsonb(f)
      from interview_feedback f
      join interview_sessions s on s.id = f.interview_session_id
      join interview_sessions g on g.id = p_session
     where s.candidate_id = g.candidate_id and s.job_id is not distinct from g.job_id
       and f.is_final and f.interviewer_user_id <> p_user
    union all
    select 'interviewFeedbackAmendment', a.id, 'upsert', a.version, a.organization_id, false, true, array[p_user], to_jsonb(a)
      from interview_feedback_amendments a
      join interview_feedback f on f.id = a.feedback_id
      join interview_sessions s on s.id = f.interview_session_id
      join interview_sessions g on g.id = p_session
     where s.candidate_id = g.candidate_id and s.job_id is not distinct from g.job_id
       and f.interviewer_user_id <> p_user;
    perform pg_notify('sync_changes', p_org::text);
end
$$;

-- A scorecard reaches its author always (drafts only them); once submitted, the staff and the peers
-- above. Submitting one's own (after_own) unseals the others' for its author.
create or replace function sync_change_interview_feedback() returns trigger language plpgsql as $$
declare
    r record;
    readers uuid[];
begin
    if tg_op = 'DELETE' then r := old; else r := new; end if;
    readers := array[r.interviewer_user_id];
    if r.is_final then
        readers := readers || interview_feedback_peers(r.interview_session_id, r.interviewer_user_id, r.organization_id);
    end if;
    perform sync_write_change(tg_argv[0], r.id, sync_op(tg_op), r.version, r.organization_id,
                              r.is_final, readers, '{}',
                              case when tg_op = 'DELETE' then null else to_jsonb(r) end);
    if tg_op = 'DELETE' or not r.is_final then
        return null;
    end if;
    if tg_op = 'UPDATE' then
        if old.is_final then
            return null; -- submitted before: nothing new to unseal
        end if;
    end if;
    if interview_feedback_visibility(r.organization_id) = 'after_own' then
        perform interview_feedback_grant_rows(r.interviewer_user_id, r.interview_session_id, r.organization_id);
    end if;
    return null;
end
$$;

-- An amendment reaches whoever reads its scorecard.
create function sync_change_interview_feedback_amendment() returns trigger language plpgsql as $$
declare
    r record;
begin
    if tg_op = 'DELETE' then r := old; else r := new; end if;
    perform sync_write_change(
        tg_argv[0], r.id, sync_op(tg_op), r.version, r.organization_id, true,
        array[r.interviewer_user_id] || interview_feedback_peers(r.interview_session_id, r.interviewer_user_id, r.organization_id),
        '{}', case when tg_op = 'DELETE' then null else to_jsonb(r) end);
    return null;
end
$$;

select sync_track('interview_feedback_amendments', 'interviewFeedbackAmendment');
select sync_scope('interview_feedback_amendments', 'interviewFeedbackAmendment', 'sync_change_interview_feedback_amendment');

-- Scorecards written before this rule reached the staff as drafts too; they no longer do.
update sync_changes set staff = false
 where entity = 'interviewFeedback' and op = 'upsert' and not coalesce((data ->> 'is_final')::boolean, false);

-- ---------------------------------------------------------------------------------------------
-- The count of submitted scorecards on every interview of a candidate and job
-- ---------------------------------------------------------------------------------------------

create function interview_feedback_count() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.is_final = new.is_final then
        return null;
    end if;
    update interview_sessions t
       set feedback_submitted_count = (select count(*) from interview_feedback f
                                         join interview_sessions s on s.id = f.interview_session_id
                                        where f.is_final and s.candidate_id = g.candidate_id
                                          and s.job_id is not distinct from g.job_id)
      from interview_sessions g
     where g.id = new.interview_session_id
       and t.candidate_id = g.candidate_id and t.job_id is not distinct from g.job_id;
    return null;
end
$$;
create trigger interview_feedback_count after insert or update of is_final on interview_feedback
    for each row execute function interview_feedback_count();

create function interview_session_feedback_count() returns trigger language plpgsql as $$
begin
    new.feedback_submitted_count := (select count(*) from interview_feedback f
                                       join interview_sessions s on s.id = f.interview_session_id
                                      where f.is_final and s.candidate_id = new.candidate_id
                                        and s.job_id is not distinct from new.job_id);
    return new;
end
$$;
create trigger interview_session_feedback_count before insert on interview_sessions
    for each row execute function interview_session_feedback_count();

-- ---------------------------------------------------------------------------------------------
-- What joining a panel brings besides V3's grants: the candidate's kit documents, and (always)
-- the scorecards already submitted for the candidate and job
-- ---------------------------------------------------------------------------------------------

-- Documents an interviewer reads in the interview kit: the CV, portfolio and qualifications (never
-- identity documents or proof of address).
create function interview_kit_category(p_category text) returns boolean language sql immutable as $$
    select p_category in ('cv', 'portfolio', 'qualification')
$$;

create function interview_participant_extra_scope() returns trigger language plpgsql as $$
declare
    p record;
begin
    if tg_op = 'INSERT' then
        p := new;
        insert into sync_changes (entity, row_id, op, version, organization_id, staff, scope_only, user_ids, data)
        select 'uploadedDocument', d.id, 'upsert', d.version, d.organization_id, false, true, array[p.user_id], to_jsonb(d)
          from uploaded_documents d join interview_sessions s on s.candidate_id = d.candidate_id
         where s.id = p.interview_session_id and interview_kit_category(d.document_category);
        if interview_feedback_visibility(p.organization_id) = 'always' then
            perform interview_feedback_grant_rows(p.user_id, p.interview_session_id, p.organization_id);
        end if;
    else
        p := old;
        insert into sync_changes (entity, row_id, op, version, organization_id, staff, scope_only, user_ids)
        select 'uploadedDocument', d.id, 'delete', d.version, d.organization_id, false, true, array[p.user_id]
          from uploaded_documents d join interview_sessions s on s.candidate_id = d.candidate_id
         where s.id = p.interview_session_id and interview_kit_category(d.document_category)
           and not exists (select 1 from interview_participants q join interview_sessions t on t.id = q.interview_session_id
                            where q.user_id = p.user_id and t.candidate_id = s.candidate_id and t.id <> s.id);
    end if;
    perform pg_notify('sync_changes', p.organization_id::text);
    return null;
end
$$;
create trigger interview_participant_extra_scope after insert or delete on interview_participants
    for each row execute function interview_participant_extra_scope();

-- A kit document added, changed or removed reaches the panels of its candidate's interviews as well
-- as its usual readers (its own scope rule stays as it is).
create function interview_kit_document_scope() returns trigger language plpgsql as $$
declare
    r record;
    readers uuid[];
    kit boolean;
begin
    if tg_op = 'DELETE' then r := old; else r := new; end if;
    kit := tg_op <> 'DELETE' and interview_kit_category(r.document_category);
    if not kit and (tg_op = 'INSERT' or not interview_kit_category(old.document_category)) then
        return null; -- never was a kit document
    end if;
    readers := array(select distinct p.user_id from interview_participants p
                       join interview_sessions s on s.id = p.interview_session_id where s.candidate_id = r.candidate_id);
    if r.candidate_id is null or cardinality(readers) = 0 then
        return null;
    end if;
    insert into sync_changes (entity, row_id, op, version, organization_id, staff, scope_only, user_ids, data)
    values ('uploadedDocument', r.id, case when kit then 'upsert' else 'delete' end, r.version, r.organization_id,
            false, true, readers, case when kit then to_jsonb(r) end);
    perform pg_notify('sync_changes', r.organization_id::text);
    return null;
end
$$;
create trigger interview_kit_document_scope after insert or update or delete on uploaded_documents
    for each row execute function interview_kit_document_scope();

-- ---------------------------------------------------------------------------------------------
-- The organization changes its visibility setting: each interviewer gets what they may now read
-- and loses what they may no longer read
-- ---------------------------------------------------------------------------------------------

create function interview_feedback_visibility_changed() returns trigger language plpgsql as $$
declare
    org uuid;
begin
    if tg_op = 'DELETE' then
        if old.key <> 'INTERVIEW_FEEDBACK_VISIBILITY' then return null; end if;
        org := old.organization_id;
    else
        if new.key <> 'INTERVIEW_FEEDBACK_VISIBILITY' then return null; end if;
        org := new.organization_id;
    end if;
    insert into sync_changes (entity, row_id, op, version, organization_id, staff, scope_only, user_ids, data)
    with submitted as (
        select f.*, interview_feedback_peers(f.interview_session_id, f.interviewer_user_id, org) as peers
          from interview_feedback f where f.organization_id = org and f.is_final),
    -- everyone who sat on an interview of the same candidate and job, or wrote a scorecard for one
    pairs as (
        select distinct sub.id as feedback_id, who.user_id, who.user_id = any (sub.peers) as may
          from submitted sub
          join interview_sessions s on s.id = sub.interview_session_id
          join interview_sessions t on t.candidate_id = s.candidate_id and t.job_id is not distinct from s.job_id
          join lateral (select p.user_id from interview_participants p where p.interview_session_id = t.id
                        union select o.interviewer_user_id from interview_feedback o where o.interview_session_id = t.id) who on true
         where who.user_id <> sub.interviewer_user_id)
    select 'interviewFeedback', sub.id, case when pr.may then 'upsert' else 'delete' end, sub.version, org,
           false, true, array[pr.user_id], case when pr.may then to_jsonb(f) end
      from pairs pr join submitted sub on sub.id = pr.feedback_id join interview_feedback f on f.id = sub.id
    union all
    select 'interviewFeedbackAmendment', a.id, case when pr.may then 'upsert' else 'delete' end, a.version, org,
           false, true, array[pr.user_id], case when pr.may then to_jsonb(a) end
      from pairs pr join interview_feedback_amendments a on a.feedback_id = pr.feedback_id;
    perform pg_notify('sync_changes', org::text);
    return null;
end
$$;
create trigger interview_feedback_visibility_changed after insert or update or delete on system_settings
    for each row execute function interview_feedback_visibility_changed();
