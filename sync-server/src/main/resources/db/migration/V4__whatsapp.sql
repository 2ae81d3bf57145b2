-- WhatsApp provider state (ARCHITECTURE.md "WhatsApp"; decision 0009). None of these tables syncs:
-- they are the server's own bookkeeping, and the rows clients see (messages, conversations,
-- candidates, blobs) change through the synced tables as usual.

-- Statuses Meta delivered for a message we do not know yet (webhooks arrive unordered, and a status
-- may beat the sender recording the provider id). Applied and deleted when the message gets that id.
create table whatsapp_pending_statuses (
    whatsapp_account_id uuid        not null references whatsapp_accounts (id),
    provider_message_id text        not null,
    status              text        not null check (status in ('sent', 'delivered', 'read', 'failed')),
    occurred_at         timestamptz not null,
    error               jsonb       check (jsonb_typeof(error) = 'object'),
    received_at         timestamptz not null default now(),
    primary key (whatsapp_account_id, provider_message_id, status)
);

-- Webhook changes for a phone_number_id that no account has: kept for an administrator, never
-- applied. A redelivery of the same change is kept once.
create table whatsapp_dead_letters (
    id              bigint generated always as identity primary key,
    phone_number_id text,
    reason          text        not null,
    payload         jsonb       not null,
    payload_sha256  bytea       not null unique check (octet_length(payload_sha256) = 32),
    received_at     timestamptz not null default now()
);

-- The sender's state for an outbound message once it has tried it. A message is due while it is
-- 'queued' and has no row here or next_attempt_at has passed.
create table whatsapp_send_attempts (
    message_id      uuid        primary key references messages (id) on delete cascade,
    attempts        integer     not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null,
    in_doubt        boolean     not null default false,   -- the last attempt timed out: Meta may have it
    last_error      text
);
create index messages_queued_idx on messages (created_at) where status = 'queued';

-- Inbound media still to download: the message shows a placeholder until media_blob_id is set.
create table whatsapp_media_downloads (
    message_id      uuid        primary key references messages (id) on delete cascade,
    attempts        integer     not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null,
    last_error      text
);
create index whatsapp_media_downloads_due_idx on whatsapp_media_downloads (next_attempt_at);
