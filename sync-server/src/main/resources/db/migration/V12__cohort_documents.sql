-- Cohorts (seed 004) become workable: a cohort's checklist of required documents, the student's
-- invitation to the upload page, documents bound to their bytes with a review state, and a
-- hash-chained verification trail per enrollment (decisions 0029 and 0030).

-- The document types every student of the cohort uploads (CohortRules.DOCUMENT_TYPES).
alter table cohorts
    add column required_documents jsonb not null
        default '["id_document", "matric_certificate", "proof_of_address"]'
        check (jsonb_typeof(required_documents) = 'array' and jsonb_array_length(required_documents) > 0);

-- The upload page's link is derived from the enrollment id, this generation and a server secret;
-- a new generation (a new link) makes the old one stop working. The link stops working at expiry.
alter table cohort_enrollments
    add column invitation_generation integer     not null default 1 check (invitation_generation > 0),
    add column invitation_expires_at timestamptz;

-- A cohort document carries its file's SHA-256, size and type (the blob row reaches only staff), its
-- review state, and the newer upload that replaced it: the current document of an enrollment's
-- document type is the one not replaced (that key is checked at commit, so the old row may point at
-- the new one just before the new one is written).
alter table uploaded_documents
    add column sha256             text   check (sha256 ~ '^[0-9a-f]{64}$'),
    add column size_bytes         bigint check (size_bytes >= 0),
    add column mime_type          text,
    add column verification_state text   check (verification_state in ('pending', 'verified', 'rejected')),
    add column replaced_by_id     uuid   references uploaded_documents (id) deferrable initially deferred,
    add constraint uploaded_documents_cohort_review
        check (cohort_enrollment_id is null or (verification_state is not null and sha256 is not null));
create unique index uploaded_documents_current_key on uploaded_documents (cohort_enrollment_id, document_category)
    where cohort_enrollment_id is not null and replaced_by_id is null;
create index uploaded_documents_review_idx on uploaded_documents (institution_id, verification_state, created_at)
    where cohort_enrollment_id is not null and replaced_by_id is null;

-- A decision names the reason by code, the SHA-256 of the exact file the reviewer viewed, and its
-- place in the enrollment's chain: entry_hash = SHA-256 over previous_hash and the entry's fields
-- (platform.HashChain), so an entry changed or taken out afterwards shows.
alter table document_verifications
    add column reason_code   text    check (reason_code in ('unreadable', 'expired', 'wrong_document', 'name_mismatch',
                                                            'incomplete', 'other')),
    add column file_sha256   text    not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
    add column sequence      integer not null check (sequence > 0),
    add column previous_hash text    not null check (previous_hash ~ '^[0-9a-f]{64}$'),
    add column entry_hash    text    not null check (entry_hash ~ '^[0-9a-f]{64}$'),
    add constraint document_verifications_sequence_key unique (cohort_enrollment_id, sequence),
    add constraint document_verifications_rejection_code check (action <> 'rejected' or reason_code is not null);

-- The trail is append-only: the database refuses to change or remove an entry.
create function document_verifications_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'document_verifications is append-only (%, %)', tg_op, old.id using errcode = '23514';
end
$$;
create trigger document_verifications_append_only before update or delete on document_verifications
    for each row execute function document_verifications_append_only();
