-- A private application note (seed 003: is_private) reaches only its author's desktop, like a
-- user's own settings; a shared note reaches the staff as before. The feed function of V3 gains
-- that one branch. (Notes are not edited yet; making a shared note private later will have to send
-- the other readers a delete, as leaving an interview panel does.)
create or replace function sync_record_change() returns trigger language plpgsql as $$
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
    elsif tg_table_name = 'application_notes' then
        if r.is_private then                  -- a private note: only its author reads it
            staff := false;
            users := array[r.author_user_id];
        end if;
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
