-- Administration (decisions 0031 and 0032): users managed from the desktop, WhatsApp numbers checked
-- with Meta and their health, the activity log read by administrators only.

-- ---------------------------------------------------------------------------------------------
-- Users
-- ---------------------------------------------------------------------------------------------

-- A temporary password (an invitation's, or one an administrator reset) opens no session: the user
-- chooses their own first (POST /api/v1/auth/password).
alter table users add column password_change_required boolean not null default false;

-- The institution of an INSTITUTION_ADMIN, beside the role names V7 copies, so the synced user row
-- says whose cohorts they manage. user_roles stays the source of truth: the same trigger keeps both,
-- and touches the row only when something changed (replacing every role is one change of the row).
alter table users add column institution_id uuid references institutions (id);

create or replace function users_copy_roles() returns trigger language plpgsql as $$
declare
    uid   uuid;
    names text[];
    inst  uuid;
begin
    uid := case when tg_op = 'DELETE' then old.user_id else new.user_id end;
    names := coalesce((select array_agg(role order by role) from user_roles where user_id = uid), '{}');
    inst := (select institution_id from user_roles where user_id = uid and role = 'INSTITUTION_ADMIN');
    update users set roles = names, institution_id = inst
     where id = uid and (roles, institution_id) is distinct from (names, inst);
    return null;
end
$$;

update users u
   set institution_id = (select r.institution_id from user_roles r where r.user_id = u.id and r.role = 'INSTITUTION_ADMIN')
 where exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'INSTITUTION_ADMIN');

-- ---------------------------------------------------------------------------------------------
-- WhatsApp numbers
-- ---------------------------------------------------------------------------------------------

-- What Meta said of a Cloud API number when it was last checked (its verified name, quality rating,
-- messaging limit tier), kept as Meta spells them.
alter table whatsapp_accounts
    add column verified_name        text,
    add column quality_rating       text,
    add column messaging_limit_tier text,
    add column meta_checked_at      timestamptz;

-- Until now nothing read connection_status, so every number sent whatever it said; from now on a
-- disconnected number sends nothing. Keep today's behaviour for the numbers there are, and make a
-- number added without a status a connected one.
update whatsapp_accounts set connection_status = 'connected' where connection_status = 'disconnected';
alter table whatsapp_accounts alter column connection_status set default 'connected';

-- 001's per-profile webhook (forward events to the agency's own system) is not built: nothing wrote
-- or read the column, and a forward that is neither signed nor retried would be worse than none.
alter table whatsapp_accounts drop column webhook_url;

-- When a webhook last came for a number (server state, not synced): written at most every half
-- minute per number and server instance, outside the webhook's transaction.
create table whatsapp_number_activity (
    whatsapp_account_id uuid primary key references whatsapp_accounts (id) on delete cascade,
    last_webhook_at     timestamptz not null
);

-- A number's sends of the last 24 hours, for its health.
create index messages_outbound_account_time_idx on messages (whatsapp_account_id, created_at)
    where direction = 'outbound';

-- ---------------------------------------------------------------------------------------------
-- Activity log
-- ---------------------------------------------------------------------------------------------

-- Every person's actions with the address they came from are for administrators and managers to
-- read on the server (GET /api/v1/admin/activity), not for every recruiter's laptop: the rows no
-- longer enter the change feed. (The version trigger stays, as on every table.)
drop trigger sync_record_change on activity_logs;
-- Desktops that hold such rows already are told to drop them (a delete one version above the row's,
-- so no stored copy outranks it), and the feed no longer hands them to new ones.
delete from sync_changes where entity = 'activityLog';
insert into sync_changes (entity, row_id, op, version, organization_id, staff, data)
select 'activityLog', id, 'delete', version + 1, organization_id, true, null from activity_logs;

create index activity_logs_organization_action_idx on activity_logs (organization_id, action_type, created_at desc);
