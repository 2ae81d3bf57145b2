-- The change feed (ARCHITECTURE.md "Change feed", "Who sees what"; decision 0008).
-- Every write to a synced table records its row change in sync_changes, in the same transaction,
-- through triggers: a mutation, a webhook, a background task or the demo loader cannot forget it.

create table sync_changes (
    id              bigint generated always as identity primary key,
    -- The writing transaction. Served only below pg_snapshot_xmin(pg_current_snapshot()), so an
    -- entry of a transaction that took a lower id but commits later is never skipped.
    txid            xid8        not null default pg_current_xact_id(),
    entity          text        not null,
    row_id          uuid        not null,
    op              text        not null check (op in ('upsert', 'delete')),
    version         bigint      not null,
    organization_id uuid        not null,
    -- Who may read it: staff of the organization, these users, these institutions' admins.
    staff           boolean     not null default true,
    user_ids        uuid[]      not null default '{}',
    institution_ids uuid[]      not null default '{}',
    -- Grants and revocations for one non-staff reader (an interviewer joining or leaving a panel);
    -- staff see those rows anyway and skip these entries.
    scope_only      boolean     not null default false,
    data            jsonb,
    changed_at      timestamptz not null default now()
);
create index sync_changes_cursor_idx on sync_changes (organization_id, txid, id);
create index sync_changes_row_idx on sync_changes (entity, row_id, version);

-- Mutations applied (or rejected) once: recorded in the same transaction as their effect.
create table applied_mutations (
    id         uuid primary key,
    user_id    uuid        not null references users (id),
    name       text        not null,
    status     text        not null check (status in ('applied', 'rejected')),
    code       text,
    message    text,
    current    jsonb,
    applied_at timestamptz not null default now(),
    check ((status = 'rejected') = (code is not null))
);

-- Every change bumps the row's version and updated_at, whoever writes it.
create function sync_bump_version() returns trigger language plpgsql as $$
begin
    new.version := old.version + 1;
    new.updated_at := now();
    return new;
end
$$;

create function sync_record_change() returns trigger language plpgsql as $$
declare
    r     record;
    org   uuid;
    staff boolean := true;
    users uuid[] := '{}';
    insts uuid[] := '{}';
    body  jsonb;
begin
    if tg_op = 'DELETE' then
        r := old;
    else
        r := new;
        body := to_jsonb(new);
    end if;
    if tg_table_name = 'organizations' then
        org := r.id;
    else
        org := r.organization_id;
    end if;

    if tg_table_name = 'users' then
        body := body - 'password_hash';
        users := array[r.id];
    elsif tg_table_name in ('user_settings', 'notifications') then
        staff := false;                       -- private to their owner
        users := array[r.user_id];
    elsif tg_table_name = 'candidates' then
        users := array(select distinct p.user_id from interview_participants p
                       join interview_sessions s on s.id = p.interview_session_id where s.candidate_id = r.id);
        insts := array(select distinct e.institution_id from cohort_enrollments e where e.candidate_id = r.id);
    elsif tg_table_name = 'jobs' then
        users := array(select distinct p.user_id from interview_participants p
                       join interview_sessions s on s.id = p.interview_session_id where s.job_id = r.id);
    elsif tg_table_name = 'interview_sessions' then
        users := array(select p.user_id from interview_participants p where p.interview_session_id = r.id);
    elsif tg_table_name = 'interview_participants' then
        users := array(select p.user_id from interview_participants p where p.interview_session_id = r.interview_session_id);
    elsif tg_table_name = 'interview_feedback' then
        users := array[r.interviewer_user_id];
    elsif tg_table_name = 'institutions' then
        insts := array[r.id];
    elsif tg_table_name in ('sponsors', 'cohorts', 'cohort_enrollments', 'document_verifications') then
        insts := array[r.institution_id];
    elsif tg_table_name = 'uploaded_documents' then
        if r.institution_id is not null then
            insts := array[r.institution_id];
        end if;
    end if;

    insert into sync_changes (entity, row_id, op, version, organization_id, staff, user_ids, institution_ids, data)
    values (tg_argv[0], r.id, case when tg_op = 'DELETE' then 'delete' else 'upsert' end, r.version, org,
            staff, users, insts, body);
    perform pg_notify('sync_changes', org::text);
    return null;
end
$$;

-- Joining or leaving an interview panel grants or takes away the rows that come with it, for that
-- interviewer alone: the interview, its panel, and summaries of its candidate and job.
create function sync_participant_scope() returns trigger language plpgsql as $$
declare
    p record;
begin
    if tg_op = 'INSERT' then
        p := new;
        insert into sync_changes (entity, row_id, op, version, organization_id, staff, scope_only, user_ids, data)
        select 'interviewSession', s.id, 'upsert', s.version, s.organization_id, false, true, array[p.user_id], to_jsonb(s)
          from interview_sessions s where s.id = p.interview_session_id
        union all
        select 'candidate', c.id, 'upsert', c.version, c.organization_id, false, true, array[p.user_id], to_jsonb(c)
          from candidates c join interview_sessions s on s.candidate_id = c.id where s.id = p.interview_session_id
        union all
        select 'job', j.id, 'upsert', j.version, j.organization_id, false, true, array[p.user_id], to_jsonb(j)
          from jobs j join interview_sessions s on s.job_id = j.id where s.id = p.interview_session_id
        union all
        select 'interviewParticipant', o.id, 'upsert', o.version, o.organization_id, false, true, array[p.user_id], to_jsonb(o)
          from interview_participants o where o.interview_session_id = p.interview_session_id and o.id <> p.id;
    else
        p := old;
        insert into sync_changes (entity, row_id, op, version, organization_id, staff, scope_only, user_ids)
        select 'interviewSession', s.id, 'delete', s.version, s.organization_id, false, true, array[p.user_id]
          from interview_sessions s where s.id = p.interview_session_id
        union all
        select 'interviewParticipant', o.id, 'delete', o.version, o.organization_id, false, true, array[p.user_id]
          from interview_participants o where o.interview_session_id = p.interview_session_id
        union all
        select 'candidate', c.id, 'delete', c.version, c.organization_id, false, true, array[p.user_id]
          from candidates c join interview_sessions s on s.candidate_id = c.id
         where s.id = p.interview_session_id
           and not exists (select 1 from interview_participants q join interview_sessions t on t.id = q.interview_session_id
                            where q.user_id = p.user_id and t.candidate_id = c.id and t.id <> s.id)
        union all
        select 'job', j.id, 'delete', j.version, j.organization_id, false, true, array[p.user_id]
          from jobs j join interview_sessions s on s.job_id = j.id
         where s.id = p.interview_session_id
           and not exists (select 1 from interview_participants q join interview_sessions t on t.id = q.interview_session_id
                            where q.user_id = p.user_id and t.job_id = j.id and t.id <> s.id);
    end if;
    perform pg_notify('sync_changes', p.organization_id::text);
    return null;
end
$$;

-- Attaches both triggers to a synced table under the entity name clients know it by.
create function sync_track(tbl regclass, entity text) returns void language plpgsql as $$
begin
    execute format('create trigger %I before update on %s for each row execute function sync_bump_version()',
                   'sync_bump_version', tbl);
    execute format('create trigger %I after insert or update or delete on %s for each row execute function sync_record_change(%L)',
                   'sync_record_change', tbl, entity);
end
$$;

select sync_track('organizations', 'organization');
select sync_track('institutions', 'institution');
select sync_track('users', 'user');
select sync_track('user_settings', 'userSettings');
select sync_track('system_settings', 'systemSetting');
select sync_track('workspaces', 'workspace');
select sync_track('workspace_members', 'workspaceMember');
select sync_track('whatsapp_accounts', 'whatsappAccount');
select sync_track('candidates', 'candidate');
select sync_track('candidate_tags', 'candidateTag');
select sync_track('candidate_work_history', 'candidateWorkHistory');
select sync_track('uploaded_documents', 'uploadedDocument');
select sync_track('blobs', 'blob');
select sync_track('leads', 'lead');
select sync_track('sales_tasks', 'salesTask');
select sync_track('clients', 'client');
select sync_track('jobs', 'job');
select sync_track('external_job_postings', 'externalJobPosting');
select sync_track('question_sets', 'questionSet');
select sync_track('assessments', 'assessment');
select sync_track('questions', 'question');
select sync_track('test_sessions', 'testSession');
select sync_track('test_answers', 'testAnswer');
select sync_track('proctoring_events', 'proctoringEvent');
select sync_track('invitation_tokens', 'invitationToken');
select sync_track('applications', 'application');
select sync_track('application_timeline', 'applicationTimeline');
select sync_track('application_notes', 'applicationNote');
select sync_track('prescreen_questions', 'prescreenQuestion');
select sync_track('prescreen_answers', 'prescreenAnswer');
select sync_track('conversations', 'conversation');
select sync_track('message_templates', 'messageTemplate');
select sync_track('broadcasts', 'broadcast');
select sync_track('broadcast_recipients', 'broadcastRecipient');
select sync_track('messages', 'message');
select sync_track('job_faq', 'jobFaq');
select sync_track('automations', 'automation');
select sync_track('chat_sessions', 'chatSession');
select sync_track('action_queue', 'actionQueueItem');
select sync_track('interview_sessions', 'interviewSession');
select sync_track('interview_participants', 'interviewParticipant');
select sync_track('interview_feedback', 'interviewFeedback');
select sync_track('notifications', 'notification');
select sync_track('skills', 'skill');
select sync_track('job_roles', 'jobRole');
select sync_track('skill_matches', 'skillMatch');
select sync_track('sponsors', 'sponsor');
select sync_track('cohorts', 'cohort');
select sync_track('cohort_enrollments', 'cohortEnrollment');
select sync_track('document_verifications', 'documentVerification');
select sync_track('activity_logs', 'activityLog');
select sync_track('export_jobs', 'exportJob');
select sync_track('export_metadata', 'exportMetadata');
select sync_track('extraction_logs', 'extractionLog');

create trigger sync_participant_scope after insert or delete on interview_participants
    for each row execute function sync_participant_scope();
