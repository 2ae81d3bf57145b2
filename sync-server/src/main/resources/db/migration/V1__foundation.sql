-- Foundation: tenants, users with roles, sign-in state.
-- Conventions for every row that will sync (see docs/data-model.md):
--   id uuid primary key, version bigint (bumped on every change), created_at, updated_at,
--   plus the scope columns that decide who may see it (organization_id, institution_id, ...).

create table organizations (
    id          uuid primary key default gen_random_uuid(),
    version     bigint      not null default 1,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    name        text        not null check (length(trim(name)) > 0)
);

-- A private training institution (004's Institution): the tenant of cohort management.
create table institutions (
    id              uuid primary key default gen_random_uuid(),
    version         bigint      not null default 1,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    organization_id uuid        not null references organizations (id),
    name            text        not null check (length(trim(name)) > 0),
    unique (organization_id, name)
);

create table users (
    id              uuid primary key default gen_random_uuid(),
    version         bigint      not null default 1,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    organization_id uuid        not null references organizations (id),
    email           text        not null check (email = lower(email) and position('@' in email) > 1),
    full_name       text        not null,
    password_hash   text        not null,
    status          text        not null default 'active' check (status in ('active', 'inactive')),
    last_login_at   timestamptz
);
-- Sign-in is by email alone, so an email names one user on this server.
create unique index users_email_key on users (email);
create index users_organization_idx on users (organization_id);

-- A user may hold several roles; INSTITUTION_ADMIN is bound to exactly one institution.
create table user_roles (
    user_id        uuid not null references users (id) on delete cascade,
    role           text not null check (role in ('ADMIN', 'MANAGER', 'RECRUITER', 'INTERVIEWER', 'SALES', 'INSTITUTION_ADMIN')),
    institution_id uuid references institutions (id),
    primary key (user_id, role),
    check ((role = 'INSTITUTION_ADMIN') = (institution_id is not null))
);

-- Refresh tokens are stored as SHA-256 hashes only. Each login starts a family; every refresh
-- marks the presented token used and issues the next one in the same family. Presenting a used
-- token again means it leaked: the whole family is revoked.
create table refresh_tokens (
    id           uuid primary key default gen_random_uuid(),
    family_id    uuid        not null,
    user_id      uuid        not null references users (id) on delete cascade,
    token_hash   bytea       not null unique,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    used_at      timestamptz,
    revoked_at   timestamptz
);
create index refresh_tokens_family_idx on refresh_tokens (family_id);

-- Failed sign-ins, kept in the database so that every server instance throttles alike.
create table login_failures (
    id           bigint generated always as identity primary key,
    subject      text        not null,   -- 'email:<address>' or 'ip:<address>'
    failed_at    timestamptz not null default now()
);
create index login_failures_subject_idx on login_failures (subject, failed_at);

-- Secrets generated once per deployment and shared by every instance (e.g. the token signing key).
create table server_secrets (
    name        text primary key,
    value       bytea       not null,
    created_at  timestamptz not null default now()
);
