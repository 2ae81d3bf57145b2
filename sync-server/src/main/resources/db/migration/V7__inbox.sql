-- What the Conversations pane needs beyond V2–V4: canned responses, and each user's roles on the
-- synced user row (so the desktop offers only colleagues who may take a conversation).

-- Canned responses (quick replies): texts the team reuses, picked in the composer by shortcut.
create table canned_responses (
    id                 uuid primary key default gen_random_uuid(),
    version            bigint      not null default 1,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    organization_id    uuid        not null references organizations (id),
    shortcut           text        not null check (shortcut ~ '^[a-z0-9][a-z0-9_-]{0,31}$'),
    body               text        not null check (length(trim(body)) between 1 and 4096),
    created_by_user_id uuid        references users (id),
    constraint canned_responses_organization_shortcut_key unique (organization_id, shortcut)
);
select sync_track('canned_responses', 'cannedResponse');

-- users.roles mirrors user_roles (sorted role names), so the synced user row says what each
-- colleague may do. user_roles stays the source of truth; this trigger keeps the copy.
alter table users add column roles text[] not null default '{}';

create function users_copy_roles() returns trigger language plpgsql as $$
declare
    uid uuid;
begin
    uid := case when tg_op = 'DELETE' then old.user_id else new.user_id end;
    update users
       set roles = coalesce((select array_agg(role order by role) from user_roles where user_id = uid), '{}')
     where id = uid;
    return null;
end
$$;

create trigger users_copy_roles after insert or update or delete on user_roles
    for each row execute function users_copy_roles();

update users u
   set roles = coalesce((select array_agg(role order by role) from user_roles r where r.user_id = u.id), '{}');
