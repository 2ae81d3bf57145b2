-- Trust (issue 12, decisions 0023 and 0024): what a computer may hold follows every change of a
-- user's roles, account state and organization; the feed survives a restore; scope grants and
-- revocations are ordered with the row changes they race with.

-- ---------------------------------------------------------------------------------------------
-- Access epochs. A user's epoch rises whenever what they may see can have changed: a role granted,
-- changed or taken away, the account (de)activated, the user moved to another organization. It is
-- bumped by trigger, so every writer (a mutation, the admin screens, an operator's SQL) bumps it.
-- The pull cursor carries the epoch it was made under; a pull with an older one is told to reset:
-- the desktop wipes its rows (not its outbox) and pulls again from the start under the new scope.
-- ---------------------------------------------------------------------------------------------
create table access_epochs (
    user_id uuid primary key,     -- no foreign key: a deleted user's roles bump it on their way out
    epoch   bigint not null
);

-- Call it after any change that alters what p_user may read; it also wakes the poke listeners.
create function sync_bump_access(p_user uuid) returns void language plpgsql as $$
begin
    insert into access_epochs (user_id, epoch) values (p_user, 1)
        on conflict (user_id) do update set epoch = access_epochs.epoch + 1;
    perform pg_notify('sync_access', p_user::text);
end
$$;

create function sync_access_roles() returns trigger language plpgsql as $$
begin
    if tg_op <> 'DELETE' then
        perform sync_bump_access(new.user_id);
    end if;
    if tg_op = 'DELETE' or old.user_id <> new.user_id then
        perform sync_bump_access(old.user_id);
    end if;
    return null;
end
$$;
create trigger sync_access_roles after insert or update or delete on user_roles
    for each row execute function sync_access_roles();

create function sync_access_user() returns trigger language plpgsql as $$
begin
    if old.status is distinct from new.status or old.organization_id is distinct from new.organization_id then
        perform sync_bump_access(new.id);
    end if;
    return null;
end
$$;
create trigger sync_access_user after update of status, organization_id on users
    for each row execute function sync_access_user();

-- ---------------------------------------------------------------------------------------------
-- The feed's epoch: a random id the cursor carries. A server that finds entries stamped with a
-- transaction id above any this cluster has handed out (a dump restored into a fresh cluster, a
-- move from the embedded database to an office's PostgreSQL) moves those entries below every new
-- transaction and starts a new epoch, so every client re-snapshots instead of skipping new entries.
-- ---------------------------------------------------------------------------------------------
create table sync_feed_epoch (
    singleton  boolean primary key default true check (singleton),
    epoch      bigint      not null,
    started_at timestamptz not null default now()
);
insert into sync_feed_epoch (epoch) values (floor(random() * 9007199254740991)::bigint);

-- ---------------------------------------------------------------------------------------------
-- Scope grants and revocations, ordered with the row changes they race. A desktop keeps, of a
-- row's changes, the highest version, then the later feed entry (decision 0023); for that to be
-- the last one committed, every entry about a row must be written while its writer holds that
-- row's lock. A row's own change holds it; a grant or revocation takes it first (FOR NO KEY
-- UPDATE: waits for a change in flight, and makes a change that comes later wait, so its trigger
-- sees the grant or revocation committed). Locks are taken session → candidate → job.
-- ---------------------------------------------------------------------------------------------

-- Joining or leaving an interview panel grants or takes away, for that interviewer alone, the
-- interview, its panel, and summaries of its candidate and job, at their current versions.
create or replace function sync_participant_scope() returns trigger language plpgsql as $$
declare
    p record;
    s record;
begin
    if tg_op = 'INSERT' then p := new; else p := old; end if;
    select * into s from interview_sessions where id = p.interview_session_id for no key update;
    if not found then
        return null; -- the interview itself is going: sync_release_panel already wrote the deletes
    end if;
    perform 1 from candidates where id = s.candidate_id for no key update;
    perform 1 from jobs where id = s.job_id for no key update;
    if tg_op = 'INSERT' then
        insert into sync_changes (entity, row_id, op, version, organization_id, staff, scope_only, user_ids, data)
        select 'interviewSession', s.id, 'upsert', s.version, s.organization_id, false, true, array[p.user_id], to_jsonb(s)
        union all
        select 'candidate', c.id, 'upsert', c.version, c.organization_id, false, true, array[p.user_id], to_jsonb(c)
          from candidates c where c.id = s.candidate_id
        union all
        select 'job', j.id, 'upsert', j.version, j.organization_id, false, true, array[p.user_id], to_jsonb(j)
          from jobs j where j.id = s.job_id
        union all
        select 'interviewParticipant', o.id, 'upsert', o.version, o.organization_id, false, true, array[p.user_id], to_jsonb(o)
          from interview_participants o where o.interview_session_id = p.interview_session_id and o.id <> p.id;
    else
        insert into sync_changes (entity, row_id, op, version, organization_id, staff, scope_only, user_ids)
        select 'interviewSession', s.id, 'delete', s.version, s.organization_id, false, true, array[p.user_id]
        union all
        select 'interviewParticipant', o.id, 'delete', o.version, o.organization_id, false, true, array[p.user_id]
          from interview_participants o where o.interview_session_id = p.interview_session_id
        union all
        select 'interviewParticipant', p.id, 'delete', p.version, p.organization_id, false, true, array[p.user_id]
        union all
        select 'candidate', c.id, 'delete', c.version, c.organization_id, false, true, array[p.user_id]
          from candidates c where c.id = s.candidate_id
           and not exists (select 1 from interview_participants q join interview_sessions t on t.id = q.interview_session_id
                            where q.user_id = p.user_id and t.candidate_id = c.id and t.id <> s.id)
        union all
        select 'job', j.id, 'delete', j.version, j.organization_id, false, true, array[p.user_id]
          from jobs j where j.id = s.job_id
           and not exists (select 1 from interview_participants q join interview_sessions t on t.id = q.interview_session_id
                            where q.user_id = p.user_id and t.job_id = j.id and t.id <> s.id);
    end if;
    perform pg_notify('sync_changes', p.organization_id::text);
    return null;
end
$$;

-- A panel seat that changes (lead or panelist) is written under its interview's lock too, so it
-- orders with a panelist joining or leaving.
create function sync_lock_session_of_seat() returns trigger language plpgsql as $$
begin
    perform 1 from interview_sessions where id = new.interview_session_id for no key update;
    return new;
end
$$;
create trigger sync_lock_session_of_seat before update on interview_participants
    for each row execute function sync_lock_session_of_seat();

-- Deleting an interview would cascade to its panel before the panel's triggers could still find
-- the interview, so its interviewers would keep it: empty the panel first, while it is there.
create function sync_release_panel() returns trigger language plpgsql as $$
begin
    perform 1 from interview_sessions where id = old.id for no key update;
    delete from interview_participants where interview_session_id = old.id;
    return old;
end
$$;
create trigger sync_release_panel before delete on interview_sessions
    for each row execute function sync_release_panel();

-- Enrolling a person in a cohort sends their summary to the institution's admins, even when the
-- person has not changed since; the last enrollment at an institution going takes it back.
create function sync_enrollment_scope() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and (tg_op = 'DELETE' or old.candidate_id <> new.candidate_id
                                          or old.institution_id <> new.institution_id) then
        perform sync_revoke_candidate(old.candidate_id, old.institution_id);
    end if;
    if tg_op = 'INSERT' or (tg_op = 'UPDATE' and (old.candidate_id <> new.candidate_id
                                                   or old.institution_id <> new.institution_id)) then
        insert into sync_changes (entity, row_id, op, version, organization_id, staff, scope_only, institution_ids, data)
        select 'candidate', c.id, 'upsert', c.version, c.organization_id, false, true, array[new.institution_id], to_jsonb(c)
          from candidates c where c.id = new.candidate_id for no key update;
        perform pg_notify('sync_changes', new.organization_id::text);
    end if;
    return null;
end
$$;

create function sync_revoke_candidate(p_candidate uuid, p_institution uuid) returns void language plpgsql as $$
declare
    c record;
begin
    select * into c from candidates where id = p_candidate for no key update;
    if found and not exists (select 1 from cohort_enrollments
                              where candidate_id = p_candidate and institution_id = p_institution) then
        insert into sync_changes (entity, row_id, op, version, organization_id, staff, scope_only, institution_ids)
        values ('candidate', c.id, 'delete', c.version, c.organization_id, false, true, array[p_institution]);
        perform pg_notify('sync_changes', c.organization_id::text);
    end if;
end
$$;

create trigger sync_enrollment_scope after insert or update or delete on cohort_enrollments
    for each row execute function sync_enrollment_scope();

-- ---------------------------------------------------------------------------------------------
-- WhatsApp sends: the instance holding a message's lease, so it renews only its own lease right
-- before each send (a batch may outlast the lease it was claimed with when Meta is slow).
-- ---------------------------------------------------------------------------------------------
alter table whatsapp_send_attempts add column lease_holder uuid;

-- ---------------------------------------------------------------------------------------------
-- Template status webhooks apply in Meta's order: the time of the last event applied, so a
-- redelivered older one (an APPROVED from before a PAUSED) changes nothing.
-- ---------------------------------------------------------------------------------------------
alter table message_templates add column status_event_at timestamptz;
