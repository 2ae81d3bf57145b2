-- WhatsApp identity by business-scoped user id, and templates synced from Meta (decisions 0015, 0016).

-- ---------------------------------------------------------------------------------------------
-- People: since April 2026 Meta names a WhatsApp user by a business-scoped user id (BSUID,
-- e.g. 'US.13491208655302741918') and may leave the phone number out for users with a username.
-- ---------------------------------------------------------------------------------------------
alter table candidates
    add column whatsapp_user_id        text check (whatsapp_user_id ~ '^[A-Z]{2}\.[A-Za-z0-9]{1,128}$'),
    add column whatsapp_parent_user_id text check (whatsapp_parent_user_id ~ '^[A-Z]{2}\.ENT\.[A-Za-z0-9]{1,128}$'),
    add column whatsapp_username       text check (length(whatsapp_username) between 1 and 128),
    -- A duplicate found when Meta paired its two ids: its WhatsApp ids and conversations moved to
    -- this person; whatever else it holds waits for a person to review (decision 0015).
    add column merged_into_id          uuid references candidates (id) check (merged_into_id <> id),
    add constraint candidates_organization_whatsapp_user_id_key unique (organization_id, whatsapp_user_id);

alter table candidates drop constraint candidates_key_present;
alter table candidates add constraint candidates_key_present
    check (whatsapp_id is not null or whatsapp_user_id is not null or email is not null or merged_into_id is not null);

create index candidates_merged_into_idx on candidates (merged_into_id) where merged_into_id is not null;

-- ---------------------------------------------------------------------------------------------
-- Templates: Meta's statuses beyond the first six are kept as Meta names them (decision 0016).
-- ---------------------------------------------------------------------------------------------
alter table message_templates drop constraint message_templates_status_check;
alter table message_templates add constraint message_templates_status_check
    check (status in ('draft', 'pending', 'approved', 'rejected', 'paused', 'disabled',
                      'in_appeal', 'pending_deletion', 'deleted', 'archived', 'limit_exceeded'));

create index message_templates_provider_template_idx on message_templates (provider_template_id)
    where provider_template_id is not null;

-- When each WhatsApp Business Account's templates are next fetched from Meta, and which server
-- instance holds that run (a lease, as for sends), with back-off after failures. Not synced.
create table whatsapp_template_syncs (
    waba_id        text        primary key,
    next_run_at    timestamptz not null,
    lease_until    timestamptz,
    failures       integer     not null default 0 check (failures >= 0),
    last_error     text,
    last_synced_at timestamptz
);
