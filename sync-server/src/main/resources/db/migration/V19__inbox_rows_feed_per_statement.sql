-- Decision 0055: what a webhook writes besides its message reaches the change feed in one statement
-- per table, as V18 did for message inserts. A batch of webhooks inserts its new people and their
-- conversations and bumps the conversations each in one statement (decision 0051); a trigger per
-- row made one call of a trigger function, one single-row insert into sync_changes and one
-- notification per row. The entries are the same as the row triggers': one per row, in the order
-- the rows were written, with the same scope and the row as to_jsonb.
--
-- Do not call sync_scope('candidates', ...) or sync_track('conversations', ...) again: either would
-- put back a row trigger for inserts (and, for conversations, updates) and record those rows twice.
-- Change these functions instead.

-- The rows a statement wrote (its transition table "changed"), for the organization's staff.
create function sync_record_staff_rows() returns trigger language plpgsql as $$
begin
    insert into sync_changes (entity, row_id, op, version, organization_id, staff, user_ids, institution_ids, data)
    select tg_argv[0], n.id, 'upsert', n.version, n.organization_id, true, '{}', '{}', to_jsonb(n)
      from changed n;
    perform pg_notify('sync_changes', o.organization_id::text)
       from (select distinct organization_id from changed) o;
    return null;
end
$$;

drop trigger sync_record_change on conversations;
create trigger sync_record_change after delete on conversations
    for each row execute function sync_record_change('conversation');
create trigger sync_record_conversation_inserts after insert on conversations
    referencing new table as changed
    for each statement execute function sync_record_staff_rows('conversation');
create trigger sync_record_conversation_updates after update on conversations
    referencing new table as changed
    for each statement execute function sync_record_staff_rows('conversation');

-- New people, with the scope sync_change_candidate gives a person: the organization's staff, the
-- interviewers of their interviews and the admins of the institutions they are enrolled at.
create function sync_record_candidate_inserts() returns trigger language plpgsql as $$
begin
    insert into sync_changes (entity, row_id, op, version, organization_id, staff, user_ids, institution_ids, data)
    select tg_argv[0], n.id, 'upsert', n.version, n.organization_id, true,
           array(select distinct p.user_id from interview_participants p
                   join interview_sessions s on s.id = p.interview_session_id where s.candidate_id = n.id),
           array(select distinct e.institution_id from cohort_enrollments e where e.candidate_id = n.id),
           to_jsonb(n)
      from changed n;
    perform pg_notify('sync_changes', o.organization_id::text)
       from (select distinct organization_id from changed) o;
    return null;
end
$$;

drop trigger sync_record_change on candidates;
create trigger sync_record_change after update or delete on candidates
    for each row execute function sync_change_candidate('candidate');
create trigger sync_record_candidate_inserts after insert on candidates
    referencing new table as changed
    for each statement execute function sync_record_candidate_inserts('candidate');
