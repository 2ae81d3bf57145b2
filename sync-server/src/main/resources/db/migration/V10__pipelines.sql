-- The Pipelines pane (issue "Pipelines pane"; decisions 0025 and 0026): a tamper-evident
-- application timeline, one active application per person and job, action queue items once per
-- cause, export progress, and the background rules' schedule.

-- ---------------------------------------------------------------------------------------------
-- application_timeline: every change of an application, hash-chained per application. Each entry
-- keeps its place in the chain (chain_seq, from 1), the previous entry's hash and its own: SHA-256
-- of the previous hash and the entry's content (protocol ChainHash; the server's platform.db.HashChain
-- writes and checks it). The field names what changed: a status, a detail field, a note, a prescreen answer.
-- ---------------------------------------------------------------------------------------------
alter table application_timeline drop constraint application_timeline_field_check;
alter table application_timeline add constraint application_timeline_field_check check (field ~ '^[a-z][a-z_]*$');
alter table application_timeline
    add column chain_seq     integer,
    add column previous_hash text,
    add column entry_hash    text;

-- Entries written before chaining are chained here, in the same form ChainHash computes:
-- the previous hash, then for each content value a newline and '-' (null) or '+' and its text,
-- a time as epoch microseconds.
create function timeline_chain_value(v text) returns text language sql immutable as $$
    select case when v is null then '-' else '+' || v end
$$;

do $$
declare
    r        record;
    app      uuid := null;
    seq      integer := 0;
    previous text := '';
    hash     text;
begin
    for r in select * from application_timeline order by application_id, created_at, id loop
        if app is distinct from r.application_id then
            app := r.application_id;
            seq := 0;
            previous := '';
        end if;
        seq := seq + 1;
        hash := encode(sha256(convert_to(previous
                    || E'\n' || timeline_chain_value(r.application_id::text)
                    || E'\n' || timeline_chain_value(seq::text)
                    || E'\n' || timeline_chain_value(r.field)
                    || E'\n' || timeline_chain_value(r.previous_status)
                    || E'\n' || timeline_chain_value(r.new_status)
                    || E'\n' || timeline_chain_value(r.changed_by_user_id::text)
                    || E'\n' || timeline_chain_value(r.remarks)
                    || E'\n' || timeline_chain_value(((extract(epoch from r.created_at) * 1000000)::bigint)::text),
                    'UTF8')), 'hex');
        update application_timeline
           set chain_seq = seq, previous_hash = previous, entry_hash = hash
         where id = r.id;
        previous := hash;
    end loop;
end
$$;
drop function timeline_chain_value(text);

alter table application_timeline
    alter column chain_seq set not null,
    alter column previous_hash set not null,
    alter column entry_hash set not null,
    add constraint application_timeline_chain_key unique (application_id, chain_seq);

-- ---------------------------------------------------------------------------------------------
-- applications: one ACTIVE application per person and job (seed 002 "is_active"); a person
-- rejected or withdrawn may apply to the same job again.
-- ---------------------------------------------------------------------------------------------
alter table applications drop constraint applications_job_candidate_key;
create unique index applications_active_job_candidate_key on applications (job_id, candidate_id)
    where is_active and job_id is not null;

-- ---------------------------------------------------------------------------------------------
-- action_queue: the rules make an item once per cause (no second NO_RESPONSE for the same last
-- message, no second NEW_MATCHES for the same person and job, ...).
-- ---------------------------------------------------------------------------------------------
alter table action_queue add column cause_key text;
alter table action_queue add constraint action_queue_cause_key unique (organization_id, cause_key);

-- ---------------------------------------------------------------------------------------------
-- export_jobs: progress while a background task builds it, and whether CVs go into the ZIP.
-- ---------------------------------------------------------------------------------------------
alter table export_jobs
    add column with_cvs         boolean not null default false,
    add column progress_percent integer not null default 0 check (progress_percent between 0 and 100),
    add column started_at       timestamptz;
create index export_jobs_queued_idx on export_jobs (created_at) where status = 'queued';

-- ---------------------------------------------------------------------------------------------
-- When each organization's action-queue rules run next: server state, not synced. Any server
-- instance claims a due row with FOR UPDATE SKIP LOCKED, so each run happens once.
-- ---------------------------------------------------------------------------------------------
create table action_rule_runs (
    organization_id uuid        not null references organizations (id),
    rule            text        not null check (rule ~ '^[a-z_]+$'),
    next_run_at     timestamptz not null default now(),
    last_run_at     timestamptz,
    primary key (organization_id, rule)
);
