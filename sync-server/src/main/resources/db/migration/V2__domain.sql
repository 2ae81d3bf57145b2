-- The one domain model: every entity of the five seed documents (000..004) in one schema.
-- The mapping from each document's entities to these tables is in docs/data-model.md.
--
-- Conventions (same as V1):
--   * Every row that syncs: id uuid primary key, version bigint (bumped by the server on every
--     change), created_at, updated_at, organization_id, and where it applies institution_id and
--     an owner column (owner_user_id, assigned_user_id, user_id of the recipient, ...).
--   * Status and enum lists are text + CHECK (not PostgreSQL enum types), values in lower
--     snake_case, so a later migration extends a list by replacing one constraint.
--   * Lists of strings and free-form structures are jsonb; list columns are checked to be arrays.
--   * Files are rows in blobs (metadata; the bytes live in blob storage), referenced by *_blob_id.
--   * No triggers: the server sets version and updated_at in the same statement as the change.
-- Must run on PostgreSQL 15 and newer.

-- ---------------------------------------------------------------------------------------------
-- Files
-- ---------------------------------------------------------------------------------------------

-- Stored file (photo, media, CV, JD, export archive). Replaces every "*_url"/"s3_key" of the
-- documents (000 photoUrl/mediaUrl, 002 resume_url/avatar_url/download_url, 003 s3_key,
-- snapshot_url). Served by GET /api/v1/blobs/{id}, authorised like the row that references it.
create table blobs (
    id                 uuid primary key default gen_random_uuid(),
    version            bigint      not null default 1,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    organization_id    uuid        not null references organizations (id),
    storage_key        text        not null unique,          -- path/key in the blob store (file system or S3)
    sha256             bytea       not null check (octet_length(sha256) = 32),
    size_bytes         bigint      not null check (size_bytes >= 0),
    mime_type          text        not null,
    original_filename  text,
    created_by_user_id uuid        references users (id)
);
create index blobs_organization_idx on blobs (organization_id);
create index blobs_sha256_idx on blobs (organization_id, sha256);

-- ---------------------------------------------------------------------------------------------
-- Extensions of V1 tables
-- ---------------------------------------------------------------------------------------------

-- 002 users: avatar_url, is_verified, last_active. 003 User: is_verified.
alter table users
    add column avatar_blob_id  uuid references blobs (id),
    add column email_verified  boolean not null default false,
    add column last_active_at  timestamptz;

-- 004 Institution: registration_number, address, contact_email, contact_phone, super_admin_id, settings.
alter table institutions
    add column registration_number  text,
    add column address              text,
    add column contact_email        text check (contact_email = lower(contact_email) and position('@' in contact_email) > 1),
    add column contact_phone        text,
    add column super_admin_user_id  uuid references users (id),
    add column settings             jsonb not null default '{}' check (jsonb_typeof(settings) = 'object'),
    -- target of the composite foreign keys that keep organization_id consistent below
    add constraint institutions_id_organization_key unique (id, organization_id);

-- 003 AdminSettings: per-user settings (one row per user).
create table user_settings (
    id              uuid primary key default gen_random_uuid(),
    version         bigint      not null default 1,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    organization_id uuid        not null references organizations (id),
    user_id         uuid        not null unique references users (id) on delete cascade,
    settings        jsonb       not null default '{}' check (jsonb_typeof(settings) = 'object')
);

-- 002 system_settings: configuration and feature flags, per organization.
create table system_settings (
    id                 uuid primary key default gen_random_uuid(),
    version            bigint      not null default 1,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    organization_id    uuid        not null references organizations (id),
    key                text        not null check (key ~ '^[A-Z][A-Z0-9_]*$'),   -- e.g. 'MAINTENANCE_MODE'
    value              jsonb       not null,
    description        text,
    updated_by_user_id uuid        references users (id),
    constraint system_settings_organization_key_key unique (organization_id, key)
);

-- ---------------------------------------------------------------------------------------------
-- WhatsApp gateway (001): workspaces, numbers
-- ---------------------------------------------------------------------------------------------

-- 001 Workspace.
create table workspaces (
    id              uuid primary key default gen_random_uuid(),
    version         bigint      not null default 1,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    organization_id uuid        not null references organizations (id),
    name            text        not null check (length(trim(name)) > 0),
    description     text,
    unique (organization_id, name)
);

-- 001 Workspace -> User relation.
create table workspace_members (
    id              uuid primary key default gen_random_uuid(),
    version         bigint      not null default 1,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    organization_id uuid        not null references organizations (id),
    workspace_id    uuid        not null references workspaces (id) on delete cascade,
    user_id         uuid        not null references users (id) on delete cascade,
    unique (workspace_id, user_id)
);
create index workspace_members_user_idx on workspace_members (user_id);

-- 001 Profile: one WhatsApp Business number with its connection status.
create table whatsapp_accounts (
    id                uuid primary key default gen_random_uuid(),
    version           bigint      not null default 1,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    organization_id   uuid        not null references organizations (id),
    workspace_id      uuid        references workspaces (id),
    display_name      text        not null check (length(trim(display_name)) > 0),   -- 001 name
    phone             text        not null check (phone ~ '^\+[1-9][0-9]{6,14}$'),     -- E.164
    provider          text        not null default 'simulator'
                      check (provider in ('cloud_api', 'simulator', 'twilio')),         -- replaces 001 engine
    phone_number_id   text,       -- Cloud API phone-number id (webhooks name the number by it)
    waba_id           text,       -- WhatsApp Business Account id (templates live there)
    connection_status text        not null default 'disconnected'
                      check (connection_status in ('disconnected', 'connecting', 'qr_ready', 'connected')),
    webhook_url       text,       -- 001 per-profile webhook: where events are forwarded, if anywhere
    last_connected_at timestamptz,
    constraint whatsapp_accounts_organization_phone_key unique (organization_id, phone),
    constraint whatsapp_accounts_provider_phone_number_id_key unique (provider, phone_number_id)
);
create index whatsapp_accounts_organization_idx on whatsapp_accounts (organization_id);

-- ---------------------------------------------------------------------------------------------
-- People: one table for the person (000 Aspirant, 001 Contact, 002 candidate_profiles,
-- 003 Candidate; 004's enrolled student).
-- ---------------------------------------------------------------------------------------------

create table candidates (
    id                      uuid primary key default gen_random_uuid(),
    version                 bigint      not null default 1,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    organization_id         uuid        not null references organizations (id),
    owner_user_id           uuid        references users (id),          -- recruiter who owns the person
    source                  text        not null default 'whatsapp'
                            check (source in ('whatsapp', 'web_form', 'assessment', 'import', 'manual', 'cohort', 'referral')),
    -- keys
    whatsapp_id             text        check (whatsapp_id ~ '^\+[1-9][0-9]{6,14}$'),  -- E.164 (000 whatsappId, 001 phone)
    email                   text        check (email = lower(email) and position('@' in email) > 1),
    -- names
    whatsapp_name           text,       -- 000 whatsappName / 001 name (WhatsApp profile name)
    full_name               text,       -- 003 full_name (display name)
    first_name              text,       -- 000 web form
    last_name               text,       -- 000 web form
    -- 000 web form
    location                text,       -- 000 location, 003 location: current city/region
    preferred_modeling_type jsonb       check (jsonb_typeof(preferred_modeling_type) = 'array'),
    has_kids                boolean,
    preferred_shift         text        check (preferred_shift in ('morning', 'afternoon', 'evening', 'day', 'night', 'flexible', 'any')),
    unavailable_shifts      jsonb       check (jsonb_typeof(unavailable_shifts) = 'array'
                                              and unavailable_shifts <@ '["morning", "afternoon", "evening"]'::jsonb),
    form_notes              text,       -- 000 notes
    form_submitted_at       timestamptz,
    photo_blob_id           uuid        references blobs (id),          -- 000 photoUrl
    metadata                jsonb       not null default '{}' check (jsonb_typeof(metadata) = 'object'),   -- 001 metadata
    -- 002 candidate_profiles: contact and links
    phone                   text,
    linkedin_url            text,
    portfolio_url           text,
    github_url              text,
    resume_document_id      uuid,       -- 002 resume_url / 003 cv_file_id (fk added below uploaded_documents)
    portfolio_document_id   uuid,       -- 003 portfolio_file_id
    resume_last_updated     timestamptz,
    bio                     text,
    is_actively_searching   boolean,
    -- 002 section B: skills and education
    highest_education       text,       -- 002 highest_education, 003 education
    year_of_passing         integer     check (year_of_passing between 1900 and 2200),
    skills                  jsonb       check (jsonb_typeof(skills) = 'array'),
    certificates            jsonb       check (jsonb_typeof(certificates) = 'array'),
    projects_summary        text,
    -- 002 ai_skills_vector (pgvector) is not stored: see docs/data-model.md
    -- 002 section C: job preferences
    total_experience_years  numeric(4, 1) check (total_experience_years >= 0),   -- 003 experience_years
    experience_level        text,       -- 003 experience_level
    current_job_title       text,       -- 002/003 current_role (CURRENT_ROLE is an SQL keyword)
    expected_role           text,
    job_type_preference     text,
    current_locations       jsonb       check (jsonb_typeof(current_locations) = 'array'),
    preferred_locations     jsonb       check (jsonb_typeof(preferred_locations) = 'array'),
    ready_to_relocate       text        check (ready_to_relocate in ('yes', 'no', 'open_to_discussion')),
    notice_period_days      integer     check (notice_period_days >= 0),
    availability_date       date,
    availability_percentage integer     check (availability_percentage between 0 and 100),   -- 003
    work_authorization      text,
    -- 002 section D: salary
    current_ctc             bigint      check (current_ctc >= 0),
    expected_ctc            bigint      check (expected_ctc >= 0),
    currency                text        check (currency ~ '^[A-Z]{3}$'),
    is_ctc_negotiable       boolean,
    -- 002 section E: personal and broader preferences
    looking_for_jobs_abroad boolean,
    sector_preference       text,
    preferred_industries    jsonb       check (jsonb_typeof(preferred_industries) = 'array'),
    gender                  text,
    marital_status          text,
    dob                     date,
    languages               jsonb       check (jsonb_typeof(languages) = 'array'),
    reservation_category    text,
    disability              text,
    willingness_to_travel   text,
    has_driving_license     boolean,
    -- 002 section G: contact and availability
    has_current_offers      boolean,
    number_of_offers        integer     check (number_of_offers >= 0),
    best_time_to_contact    text,
    preferred_contact_mode  text        check (preferred_contact_mode in ('email', 'call', 'whatsapp')),
    alternate_email         text        check (alternate_email = lower(alternate_email) and position('@' in alternate_email) > 1),
    alternate_phone         text,
    time_zone               text,
    -- 002 chatbot freshness timestamps
    current_ctc_last_updated        timestamptz,
    expected_ctc_last_updated       timestamptz,
    notice_period_last_updated      timestamptz,
    total_experience_last_updated   timestamptz,
    current_location_last_updated   timestamptz,
    skills_last_updated             timestamptz,
    preferred_location_last_updated timestamptz,
    last_prescreening_at            timestamptz,
    -- a person is keyed by WhatsApp id and/or email
    constraint candidates_key_present check (whatsapp_id is not null or email is not null),
    constraint candidates_organization_whatsapp_id_key unique (organization_id, whatsapp_id),
    constraint candidates_organization_email_key unique (organization_id, email)
);
create index candidates_organization_created_idx on candidates (organization_id, created_at);
create index candidates_organization_form_submitted_idx on candidates (organization_id, form_submitted_at);
create index candidates_owner_idx on candidates (owner_user_id);

-- 001 Contact.tags.
create table candidate_tags (
    id              uuid primary key default gen_random_uuid(),
    version         bigint      not null default 1,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    organization_id uuid        not null references organizations (id),
    candidate_id    uuid        not null references candidates (id) on delete cascade,
    tag             text        not null check (length(tag) between 1 and 64 and tag = trim(tag)),
    constraint candidate_tags_candidate_tag_key unique (candidate_id, tag)
);
create index candidate_tags_organization_tag_idx on candidate_tags (organization_id, tag);

-- 002 candidate_work_history (section F).
create table candidate_work_history (
    id               uuid primary key default gen_random_uuid(),
    version          bigint      not null default 1,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    organization_id  uuid        not null references organizations (id),
    candidate_id     uuid        not null references candidates (id) on delete cascade,   -- 002 profile_id
    company_name     text        not null,
    job_title        text,
    start_date       date,
    end_date         date,
    is_current       boolean     not null default false,
    responsibilities text,
    tools_used       jsonb       check (jsonb_typeof(tools_used) = 'array'),
    ctc_at_role      text,
    check (end_date is null or start_date is null or end_date >= start_date),
    check (not is_current or end_date is null)
);
create index candidate_work_history_candidate_idx on candidate_work_history (candidate_id);

-- 003 UploadedDocument (also 004 CohortEnrollment.uploaded_documents, 003 JobDescription's file).
create table uploaded_documents (
    id                   uuid primary key default gen_random_uuid(),
    version              bigint      not null default 1,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    organization_id      uuid        not null references organizations (id),
    institution_id       uuid        references institutions (id),   -- set for cohort documents
    candidate_id         uuid        references candidates (id),
    uploaded_by_user_id  uuid        references users (id),           -- 003 user_id
    cohort_enrollment_id uuid,                                        -- fk added below cohort_enrollments
    blob_id              uuid        not null references blobs (id),  -- 003 s3_key, file_size, mime_type
    original_filename    text        not null,
    file_type            text,                                        -- e.g. 'pdf', 'docx'
    document_category    text        not null default 'other'
                         check (document_category in ('cv', 'jd', 'portfolio', 'photo', 'id_document', 'matric_certificate',
                                                      'qualification', 'proof_of_address', 'agreement', 'other')),
    extracted_text       text,
    extraction_preview   text,
    is_encrypted         boolean     not null default false,
    encryption_method    text,
    check (encryption_method is null or is_encrypted),
    check (cohort_enrollment_id is null or institution_id is not null)
);
create index uploaded_documents_candidate_idx on uploaded_documents (candidate_id);
create index uploaded_documents_enrollment_idx on uploaded_documents (cohort_enrollment_id);

alter table candidates
    add constraint candidates_resume_document_fk foreign key (resume_document_id) references uploaded_documents (id),
    add constraint candidates_portfolio_document_fk foreign key (portfolio_document_id) references uploaded_documents (id);

-- ---------------------------------------------------------------------------------------------
-- CRM (002 section 8)
-- ---------------------------------------------------------------------------------------------

-- 002 leads.
create table leads (
    id                  uuid primary key default gen_random_uuid(),
    version             bigint      not null default 1,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    organization_id     uuid        not null references organizations (id),
    owner_user_id       uuid        references users (id),             -- 002 owner_id
    company_name        text        not null,
    contact_person      text,
    contact_email       text        check (contact_email = lower(contact_email) and position('@' in contact_email) > 1),
    contact_phone       text,
    status              text        not null default 'new'
                        check (status in ('new', 'contacted', 'qualified', 'proposal', 'negotiation', 'converted', 'lost')),
    service_type        text        check (service_type in ('permanent', 'contract', 'rpo', 'executive_search')),
    estimated_value     numeric(14, 2) check (estimated_value >= 0),
    probability         integer     check (probability between 0 and 100),
    expected_close_date date,
    next_follow_up      timestamptz,
    source              text
);
create index leads_organization_status_idx on leads (organization_id, status);
create index leads_owner_idx on leads (owner_user_id);

-- 002 sales_tasks.
create table sales_tasks (
    id               uuid primary key default gen_random_uuid(),
    version          bigint      not null default 1,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    organization_id  uuid        not null references organizations (id),
    lead_id          uuid        not null references leads (id) on delete cascade,
    title            text        not null,
    is_completed     boolean     not null default false,
    completed_at     timestamptz,
    due_date         date,
    assigned_user_id uuid        references users (id),               -- 002 assigned_to
    check (completed_at is null or is_completed)
);
create index sales_tasks_lead_idx on sales_tasks (lead_id);
create index sales_tasks_assigned_idx on sales_tasks (assigned_user_id, is_completed, due_date);

-- 002 clients: the companies that hire.
create table clients (
    id                      uuid primary key default gen_random_uuid(),
    version                 bigint      not null default 1,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    organization_id         uuid        not null references organizations (id),
    name                    text        not null check (length(trim(name)) > 0),
    billing_address         text,
    status                  text        not null default 'active' check (status in ('active', 'inactive', 'blacklisted')),
    corporate_identity      jsonb       not null default '{}' check (jsonb_typeof(corporate_identity) = 'object'),
    contract_start_date     date,
    contract_end_date       date,
    account_manager_user_id uuid        references users (id),        -- 002 account_manager_id
    created_from_lead_id    uuid        references leads (id),
    unique (organization_id, name),
    check (contract_end_date is null or contract_start_date is null or contract_end_date >= contract_start_date)
);

-- ---------------------------------------------------------------------------------------------
-- Jobs: 002 jobs + 003 JobRequisition + 003 JobDescription.
-- ---------------------------------------------------------------------------------------------

create table jobs (
    id                      uuid primary key default gen_random_uuid(),
    version                 bigint      not null default 1,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    organization_id         uuid        not null references organizations (id),
    client_id               uuid        references clients (id),
    assigned_recruiter_id   uuid        references users (id),          -- owner
    created_by_user_id      uuid        references users (id),          -- 003 created_by / uploaded_by
    hiring_manager_user_id  uuid        references users (id),          -- 003 hiring_manager_id
    -- basic details
    title                   text        not null check (length(trim(title)) > 0),
    internal_job_id         text,
    employment_type         text        check (employment_type in ('full_time', 'part_time', 'contractor', 'temporary', 'intern')),
    work_mode               text        check (work_mode in ('on_site', 'remote', 'hybrid')),
    industry                text,
    functional_area         text,
    department              text,                                         -- 003
    -- location and compensation
    job_locations           jsonb       not null default '[]' check (jsonb_typeof(job_locations) = 'array'),   -- + 003 location
    min_salary              bigint      check (min_salary >= 0),
    max_salary              bigint      check (max_salary >= 0),
    currency                text        check (currency ~ '^[A-Z]{3}$'),
    salary_unit             text        check (salary_unit in ('hour', 'day', 'week', 'month', 'year')),
    benefits_perks          jsonb       not null default '[]' check (jsonb_typeof(benefits_perks) = 'array'),
    -- description and requirements
    about_company           text,
    job_summary             text,                                         -- 002 job_summary, 003 description
    jd_document_id          uuid        references uploaded_documents (id),   -- 003 JobDescription file + extracted_text
    responsibilities        jsonb       not null default '[]' check (jsonb_typeof(responsibilities) = 'array'),
    experience_required     text,
    experience_level        text,                                         -- 003
    min_experience_years    numeric(4, 1) check (min_experience_years >= 0),
    max_experience_years    numeric(4, 1) check (max_experience_years >= 0),
    education_qualification text,
    required_skills         jsonb       not null default '[]' check (jsonb_typeof(required_skills) in ('array', 'object')),
    preferred_skills        jsonb       not null default '[]' check (jsonb_typeof(preferred_skills) in ('array', 'object')),
    tools_tech_stack        jsonb       not null default '[]' check (jsonb_typeof(tools_tech_stack) = 'array'),
    -- application and process
    number_of_openings      integer     check (number_of_openings >= 0),  -- 003 positions_available
    positions_filled        integer     not null default 0 check (positions_filled >= 0),
    application_deadline    date,                                         -- 003 closes_at
    hiring_process_rounds   jsonb       not null default '[]' check (jsonb_typeof(hiring_process_rounds) = 'array'),
    notice_period_accepted  text,
    -- SEO and publication
    slug                    text        check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),   -- 002 slug_url
    meta_title              text,
    meta_description        text,
    is_published            boolean     not null default false,
    published_at            timestamptz,
    -- status: 002 Draft/Sourcing/Interview/Offer/Closed united with 003 draft/open/paused/closed/filled/cancelled
    status                  text        not null default 'draft'
                            check (status in ('draft', 'open', 'sourcing', 'interview', 'offer', 'paused', 'filled', 'closed', 'cancelled')),
    constraint jobs_organization_slug_key unique (organization_id, slug),
    constraint jobs_organization_internal_job_id_key unique (organization_id, internal_job_id),
    check (min_salary is null or max_salary is null or min_salary <= max_salary),
    check (min_experience_years is null or max_experience_years is null or min_experience_years <= max_experience_years),
    check (published_at is null or is_published)
);
create index jobs_organization_status_idx on jobs (organization_id, status);
create index jobs_assigned_recruiter_idx on jobs (assigned_recruiter_id);
create index jobs_client_idx on jobs (client_id);

-- 002 external_job_postings ("Hot Drops").
create table external_job_postings (
    id              uuid primary key default gen_random_uuid(),
    version         bigint      not null default 1,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    organization_id uuid        not null references organizations (id),
    source          text        not null check (source in ('ai_scraper', 'linkedin', 'indeed', 'other')),
    original_url    text        not null,
    title           text        not null,
    company_name    text,
    location        text,
    posted_date     date,
    summary         text,
    salary_text     text,
    job_type        text        check (job_type in ('remote', 'contract', 'full_time', 'part_time', 'internship', 'other')),
    fetched_at      timestamptz not null default now(),
    expires_at      timestamptz,
    unique (organization_id, original_url)
);
create index external_job_postings_expires_idx on external_job_postings (organization_id, expires_at);

-- ---------------------------------------------------------------------------------------------
-- Assessments (003)
-- ---------------------------------------------------------------------------------------------

-- 003 QuestionSet.
create table question_sets (
    id               uuid primary key default gen_random_uuid(),
    version          bigint      not null default 1,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    organization_id  uuid        not null references organizations (id),
    skill            text        not null,
    level            text        not null check (level in ('beginner', 'intermediate', 'expert')),
    total_questions  integer     not null default 0 check (total_questions >= 0),
    generation_model text
);
create index question_sets_skill_idx on question_sets (organization_id, skill, level);

-- 003 Assessment.
create table assessments (
    id                       uuid primary key default gen_random_uuid(),
    version                  bigint      not null default 1,
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now(),
    organization_id          uuid        not null references organizations (id),
    created_by_user_id       uuid        references users (id),
    title                    text        not null,
    description              text,
    job_title                text,
    job_id                   uuid        references jobs (id),            -- 003 jd_id
    question_set_id          uuid        references question_sets (id),
    required_skills          jsonb       not null default '[]' check (jsonb_typeof(required_skills) in ('array', 'object')),
    required_roles           jsonb       not null default '[]' check (jsonb_typeof(required_roles) = 'array'),
    assessment_method        text,
    duration_minutes         integer     check (duration_minutes > 0),
    is_questionnaire_enabled boolean     not null default true,
    is_interview_enabled     boolean     not null default false,
    is_active                boolean     not null default true,
    is_published             boolean     not null default false,
    expires_at               timestamptz
);
create index assessments_organization_published_idx on assessments (organization_id, is_published);
create index assessments_job_idx on assessments (job_id);

-- 003 Question (MCQ). Belongs to a question set or to a job's description, exactly one.
create table questions (
    id               uuid primary key default gen_random_uuid(),
    version          bigint      not null default 1,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    organization_id  uuid        not null references organizations (id),
    question_set_id  uuid        references question_sets (id) on delete cascade,
    job_id           uuid        references jobs (id) on delete cascade,   -- 003 jd_id
    question_text    text        not null,
    options          jsonb       not null check (jsonb_typeof(options) in ('array', 'object')),
    correct_answer   text        not null,
    difficulty       text,
    topic            text,
    generation_model text,
    check (num_nonnulls(question_set_id, job_id) = 1)
);
create index questions_question_set_idx on questions (question_set_id);
create index questions_job_idx on questions (job_id);

-- 003 TestSession: one attempt by a candidate.
create table test_sessions (
    id                uuid primary key default gen_random_uuid(),
    version           bigint      not null default 1,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    organization_id   uuid        not null references organizations (id),
    candidate_id      uuid        not null references candidates (id),   -- 003 user_id, candidate_name, candidate_email
    assessment_id     uuid        references assessments (id),
    question_set_id   uuid        references question_sets (id),
    job_id            uuid        references jobs (id),                  -- 003 jd_id
    started_at        timestamptz,
    completed_at      timestamptz,
    duration_seconds  integer     check (duration_seconds >= 0),
    total_questions   integer     not null default 0 check (total_questions >= 0),
    correct_answers   integer     not null default 0 check (correct_answers >= 0),
    score_percentage  numeric(5, 2) check (score_percentage between 0 and 100),
    is_completed      boolean     not null default false,
    is_scored         boolean     not null default false,
    score_released_at timestamptz,
    check (num_nonnulls(question_set_id, job_id) = 1),
    check (correct_answers <= total_questions),
    check (completed_at is null or started_at is null or completed_at >= started_at)
);
create index test_sessions_candidate_idx on test_sessions (candidate_id, created_at);
create index test_sessions_organization_created_idx on test_sessions (organization_id, created_at);

-- 003 Answer.
create table test_answers (
    id                 uuid primary key default gen_random_uuid(),
    version            bigint      not null default 1,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    organization_id    uuid        not null references organizations (id),
    test_session_id    uuid        not null references test_sessions (id) on delete cascade,
    question_id        uuid        not null references questions (id),
    selected_answer    text,
    is_correct         boolean,
    time_taken_seconds integer     check (time_taken_seconds >= 0),
    constraint test_answers_session_question_key unique (test_session_id, question_id)
);

-- 003 ProctoringEvent.
create table proctoring_events (
    id                  uuid primary key default gen_random_uuid(),
    version             bigint      not null default 1,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    organization_id     uuid        not null references organizations (id),
    test_session_id     uuid        not null references test_sessions (id) on delete cascade,
    event_type          text        not null
                        check (event_type in ('multiple_faces', 'no_face', 'tab_switch', 'window_blur', 'fullscreen_exit',
                                              'copy_paste', 'audio_detected', 'other')),
    severity            text        not null check (severity in ('low', 'medium', 'high', 'critical')),
    detected_at         timestamptz not null,
    duration_seconds    integer     check (duration_seconds >= 0),
    question_id         uuid        references questions (id),
    snapshot_blob_id    uuid        references blobs (id),              -- 003 snapshot_url
    metadata            jsonb       not null default '{}' check (jsonb_typeof(metadata) = 'object'),
    reviewed            boolean     not null default false,
    reviewed_by_user_id uuid        references users (id),
    reviewed_at         timestamptz,
    reviewer_notes      text,
    flagged             boolean     not null default false,
    check (reviewed or (reviewed_by_user_id is null and reviewed_at is null))
);
create index proctoring_events_session_severity_idx on proctoring_events (test_session_id, severity);

-- 003 AssessmentToken: invitation link. Only the SHA-256 of the token is stored.
create table invitation_tokens (
    id                 uuid primary key default gen_random_uuid(),
    version            bigint      not null default 1,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    organization_id    uuid        not null references organizations (id),
    assessment_id      uuid        not null references assessments (id) on delete cascade,
    token_hash         bytea       not null unique check (octet_length(token_hash) = 32),   -- 003 token
    candidate_email    text        not null check (candidate_email = lower(candidate_email) and position('@' in candidate_email) > 1),
    candidate_id       uuid        references candidates (id),
    expires_at         timestamptz not null,
    used_at            timestamptz,                                      -- 003 is_used = used_at is not null
    created_by_user_id uuid        references users (id)
);
create index invitation_tokens_assessment_idx on invitation_tokens (assessment_id);

-- ---------------------------------------------------------------------------------------------
-- Applications: 002 applications + 003 AssessmentApplication.
-- ---------------------------------------------------------------------------------------------

create table applications (
    id                      uuid primary key default gen_random_uuid(),
    version                 bigint      not null default 1,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    organization_id         uuid        not null references organizations (id),
    candidate_id            uuid        not null references candidates (id),
    job_id                  uuid        references jobs (id),
    assessment_id           uuid        references assessments (id),    -- 003 AssessmentApplication
    applied_at              timestamptz not null default now(),
    -- 002 status: the pipeline stage (board column)
    stage                   text        not null default 'new'
                            check (stage in ('new', 'screening', 'interview', 'offer', 'hired', 'rejected', 'withdrawn')),
    is_active               boolean     generated always as (stage not in ('hired', 'rejected', 'withdrawn')) stored,
    match_score             integer     check (match_score between 0 and 100),
    ai_custom_summary       text,
    -- automation and co-pilot
    automation_status       text        not null default 'new'
                            check (automation_status in ('new', 'contacting', 'awaiting_reply', 'live_chat',
                                                         'intervention_needed', 'completed', 'declined')),
    is_recruiter_approved   boolean     not null default false,
    -- manual follow-up
    follow_up_status        text        check (follow_up_status in ('shortlisted', 'interview_scheduled', 'offered', 'joined',
                                                                    'no_show', 'under_follow_up', 'rejected')),
    next_follow_up_date     date,
    follow_up_remarks       text,
    -- chatbot prescreening
    pre_screening_completed boolean     not null default false,
    pre_screening_summary   jsonb,
    jd_match_score          integer     check (jd_match_score between 0 and 100),
    must_have_failed        boolean     not null default false,
    last_prescreening_at    timestamptz,
    submitted_to_client     boolean     not null default false,
    submitted_to_client_at  timestamptz,
    -- 003 assessment application
    assessment_status       text        check (assessment_status in ('pending', 'in_progress', 'completed', 'shortlisted', 'rejected')),
    test_session_id         uuid        unique references test_sessions (id),
    assessment_started_at   timestamptz,                                -- 003 started_at
    assessment_completed_at timestamptz,                                -- 003 completed_at
    candidate_availability  text,
    submitted_skills        jsonb       check (jsonb_typeof(submitted_skills) in ('array', 'object')),
    role_applied_for        text,
    constraint applications_target_present check (job_id is not null or assessment_id is not null),
    constraint applications_job_candidate_key unique (job_id, candidate_id),
    constraint applications_assessment_candidate_key unique (assessment_id, candidate_id),
    constraint applications_id_job_key unique (id, job_id),
    check (assessment_id is not null or (assessment_status is null and test_session_id is null)),
    check (submitted_to_client or submitted_to_client_at is null)
);
create index applications_job_stage_idx on applications (job_id, stage, updated_at desc);
create index applications_candidate_idx on applications (candidate_id);
create index applications_assessment_idx on applications (assessment_id, assessment_status);
create index applications_follow_up_idx on applications (organization_id, next_follow_up_date)
    where next_follow_up_date is not null;

-- 002 application_timeline: history of an application's status fields.
create table application_timeline (
    id                 uuid primary key default gen_random_uuid(),
    version            bigint      not null default 1,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    organization_id    uuid        not null references organizations (id),
    application_id     uuid        not null references applications (id) on delete cascade,
    field              text        not null default 'stage'
                       check (field in ('stage', 'automation_status', 'follow_up_status', 'assessment_status')),
    previous_status    text,
    new_status         text        not null,
    changed_by_user_id uuid        references users (id),              -- 002 changed_by; null = system/bot
    remarks            text
);
create index application_timeline_application_idx on application_timeline (application_id, created_at);

-- 003 ApplicationNote.
create table application_notes (
    id              uuid primary key default gen_random_uuid(),
    version         bigint      not null default 1,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    organization_id uuid        not null references organizations (id),
    application_id  uuid        not null references applications (id) on delete cascade,
    author_user_id  uuid        not null references users (id),        -- 003 author_id
    note_text       text        not null check (length(trim(note_text)) > 0),
    note_type       text        not null default 'general' check (note_type in ('general', 'follow_up', 'red_flag')),
    is_private      boolean     not null default false                  -- private: only the author sees it
);
create index application_notes_application_idx on application_notes (application_id, created_at);

-- 002 job_prescreen_questions.
create table prescreen_questions (
    id              uuid primary key default gen_random_uuid(),
    version         bigint      not null default 1,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    organization_id uuid        not null references organizations (id),
    job_id          uuid        not null references jobs (id) on delete cascade,
    qid             text        not null check (qid ~ '^[a-z][a-z0-9_]*$'),   -- e.g. 'ps_current_ctc'
    question_text   text        not null,
    question_type   text        not null check (question_type in ('text', 'number', 'date', 'choice', 'multi_choice')),   -- 002 type
    required        boolean     not null default true,
    must_have       boolean     not null default false,
    weight          integer     not null default 1 check (weight between 1 and 100),
    validation_rule jsonb,
    choices         jsonb       not null default '[]' check (jsonb_typeof(choices) = 'array'),
    sort_order      integer     not null default 0,
    constraint prescreen_questions_job_qid_key unique (job_id, qid),
    constraint prescreen_questions_id_job_key unique (id, job_id),
    check (question_type not in ('choice', 'multi_choice') or jsonb_array_length(choices) > 0)
);

-- ---------------------------------------------------------------------------------------------
-- Conversations and messages (000 Conversation/Message, 001 Message, 002 chat_messages)
-- ---------------------------------------------------------------------------------------------

-- 000 Conversation: one per (WhatsApp number, person).
create table conversations (
    id                   uuid primary key default gen_random_uuid(),
    version              bigint      not null default 1,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    organization_id      uuid        not null references organizations (id),
    whatsapp_account_id  uuid        not null references whatsapp_accounts (id),
    candidate_id         uuid        not null references candidates (id),
    status               text        not null default 'new'
                         check (status in ('new', 'open', 'pending_form', 'pending_photo', 'needs_attention', 'closed', 'archived')),
    assigned_user_id     uuid        references users (id),            -- 000 assignedRecruiterId
    unread_count         integer     not null default 0 check (unread_count >= 0),
    last_message_at      timestamptz,                                  -- 000 lastMessageTimestamp
    last_message_preview text,
    last_inbound_at      timestamptz,                                  -- opens the 24-hour customer-service window
    constraint conversations_account_candidate_key unique (whatsapp_account_id, candidate_id),
    constraint conversations_id_account_candidate_key unique (id, whatsapp_account_id, candidate_id)
);
create index conversations_inbox_idx on conversations (organization_id, status, last_message_at desc nulls last);
create index conversations_recent_idx on conversations (organization_id, last_message_at desc nulls last);
create index conversations_assigned_idx on conversations (assigned_user_id, status, last_message_at desc nulls last);
create index conversations_candidate_idx on conversations (candidate_id);

-- WhatsApp message templates (needed outside the 24-hour window; 001 Broadcast content).
create table message_templates (
    id                   uuid primary key default gen_random_uuid(),
    version              bigint      not null default 1,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    organization_id      uuid        not null references organizations (id),
    whatsapp_account_id  uuid        not null references whatsapp_accounts (id),
    name                 text        not null check (name ~ '^[a-z0-9_]+$'),
    language             text        not null,                         -- e.g. 'en_US'
    category             text        not null check (category in ('marketing', 'utility', 'authentication')),
    status               text        not null default 'draft'
                         check (status in ('draft', 'pending', 'approved', 'rejected', 'paused', 'disabled')),
    components           jsonb       not null default '[]' check (jsonb_typeof(components) = 'array'),   -- header/body/footer/buttons
    provider_template_id text,
    rejection_reason     text,
    created_by_user_id   uuid        references users (id),
    constraint message_templates_account_name_language_key unique (whatsapp_account_id, name, language)
);

-- 001 Broadcast.
create table broadcasts (
    id                  uuid primary key default gen_random_uuid(),
    version             bigint      not null default 1,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    organization_id     uuid        not null references organizations (id),
    whatsapp_account_id uuid        not null references whatsapp_accounts (id),
    created_by_user_id  uuid        references users (id),
    name                text        not null,
    template_id         uuid        references message_templates (id),
    template_params     jsonb       not null default '{}' check (jsonb_typeof(template_params) in ('object', 'array')),
    body                text,
    audience_filter     jsonb       not null default '{}' check (jsonb_typeof(audience_filter) = 'object'),   -- e.g. {"tags": [...]}
    status              text        not null default 'draft'
                        check (status in ('draft', 'scheduled', 'sending', 'completed', 'cancelled', 'failed')),
    scheduled_at        timestamptz,
    started_at          timestamptz,
    completed_at        timestamptz,
    check (template_id is not null or body is not null),
    check (status <> 'scheduled' or scheduled_at is not null)
);
create index broadcasts_organization_status_idx on broadcasts (organization_id, status);

-- 000 Message, 001 Message, 002 chat_messages: one chat line, inbound, outbound or an internal
-- note/system line in the thread. whatsapp_account_id and candidate_id repeat the conversation's
-- (enforced by a composite foreign key) so that the provider id is unique per number.
create table messages (
    id                  uuid primary key default gen_random_uuid(),
    version             bigint      not null default 1,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    organization_id     uuid        not null references organizations (id),
    conversation_id     uuid        not null,
    whatsapp_account_id uuid        not null references whatsapp_accounts (id),
    candidate_id        uuid        not null references candidates (id),   -- 000 aspirantWhatsappId (denormalised)
    direction           text        not null check (direction in ('inbound', 'outbound', 'internal')),   -- 001 fromMe
    type                text        not null default 'text'
                        check (type in ('text', 'image', 'video', 'audio', 'document', 'sticker', 'location', 'contacts',
                                        'interactive', 'button', 'reaction', 'poll', 'template', 'order',
                                        'unsupported', 'note', 'system')),
    is_voice            boolean     not null default false,             -- audio recorded as a voice note
    sender_type         text        not null check (sender_type in ('candidate', 'user', 'bot', 'system')),
    sender_user_id      uuid        references users (id),              -- 000 senderId
    body                text,                                           -- 000 text, 001 content, 002 message_text
    payload             jsonb       check (jsonb_typeof(payload) = 'object'),   -- location, contacts, interactive, reaction, poll, template params
    media_blob_id       uuid        references blobs (id),              -- 000 mediaUrl; null until downloaded
    media_provider_id   text,                                           -- provider media id, to download inbound media
    media_mime_type     text,
    media_caption       text,
    media_filename      text,
    reply_to_message_id uuid        references messages (id),
    template_id         uuid        references message_templates (id),
    broadcast_id        uuid        references broadcasts (id),
    application_id      uuid        references applications (id),       -- 002 chat_messages.application_id
    provider_message_id text,                                           -- 000 providerMessageId, 001 waMessageId (wamid)
    status              text        check (status in ('queued', 'sent', 'delivered', 'read', 'failed')),
    error_code          integer,
    error_title         text,
    sent_at             timestamptz not null default now(),             -- 000 timestamp, 002 sent_at: when sent or received
    delivered_at        timestamptz,
    read_at             timestamptz,
    constraint messages_conversation_fk foreign key (conversation_id, whatsapp_account_id, candidate_id)
        references conversations (id, whatsapp_account_id, candidate_id) on delete cascade,
    constraint messages_account_provider_message_id_key unique (whatsapp_account_id, provider_message_id),
    -- who may say what
    constraint messages_inbound_from_candidate check ((direction = 'inbound') = (sender_type = 'candidate')),
    constraint messages_internal_is_note_or_system check ((direction = 'internal') = (type in ('note', 'system'))),
    constraint messages_system_sender check ((sender_type = 'system') = (type = 'system')),
    constraint messages_note_by_user check (type <> 'note' or sender_type = 'user'),
    constraint messages_sender_user check ((sender_type = 'user') = (sender_user_id is not null)),
    -- delivery state
    constraint messages_status_outbound_only check ((direction = 'outbound') = (status is not null)),
    constraint messages_error_only_when_failed check (status = 'failed' or (error_code is null and error_title is null)),
    constraint messages_provider_id check (
        (direction <> 'internal' or provider_message_id is null)
        and (direction <> 'inbound' or provider_message_id is not null)),
    -- content
    constraint messages_text_has_body check (type not in ('text', 'note', 'system') or body is not null),
    constraint messages_media_present check (
        type not in ('image', 'video', 'audio', 'document', 'sticker')
        or media_blob_id is not null or media_provider_id is not null),
    constraint messages_template_present check (type <> 'template' or template_id is not null),
    constraint messages_voice_is_audio check (not is_voice or type = 'audio')
);
create index messages_conversation_time_idx on messages (conversation_id, sent_at, id);
create index messages_candidate_time_idx on messages (candidate_id, sent_at);
create index messages_outbox_idx on messages (whatsapp_account_id, created_at) where status = 'queued';
create index messages_application_idx on messages (application_id) where application_id is not null;

-- 001 Broadcast recipients.
create table broadcast_recipients (
    id              uuid primary key default gen_random_uuid(),
    version         bigint      not null default 1,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    organization_id uuid        not null references organizations (id),
    broadcast_id    uuid        not null references broadcasts (id) on delete cascade,
    candidate_id    uuid        not null references candidates (id),
    status          text        not null default 'pending' check (status in ('pending', 'queued', 'skipped', 'failed')),
    message_id      uuid        unique references messages (id),         -- delivery state lives on the message
    skip_reason     text,
    constraint broadcast_recipients_broadcast_candidate_key unique (broadcast_id, candidate_id),
    check ((status = 'queued') = (message_id is not null)),
    check (status not in ('skipped', 'failed') or skip_reason is not null)
);

-- 002 prescreen_answers. The question must belong to the application's job (composite keys).
create table prescreen_answers (
    id                uuid primary key default gen_random_uuid(),
    version           bigint      not null default 1,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    organization_id   uuid        not null references organizations (id),
    application_id    uuid        not null,
    question_id       uuid        not null,
    job_id            uuid        not null,
    answer_value      text,
    normalized_value  text,
    validation_result boolean,
    question_score    integer     check (question_score between 0 and 100),
    answer_metadata   jsonb       not null default '{}' check (jsonb_typeof(answer_metadata) = 'object'),
    source_message_id uuid        references messages (id),             -- the WhatsApp message that answered
    constraint prescreen_answers_application_fk foreign key (application_id, job_id)
        references applications (id, job_id) on delete cascade,
    constraint prescreen_answers_question_fk foreign key (question_id, job_id)
        references prescreen_questions (id, job_id) on delete cascade,
    constraint prescreen_answers_application_question_key unique (application_id, question_id)
);

-- 002 job_faq.
create table job_faq (
    id                 uuid primary key default gen_random_uuid(),
    version            bigint      not null default 1,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    organization_id    uuid        not null references organizations (id),
    job_id             uuid        not null references jobs (id) on delete cascade,
    question           text        not null,
    answer             text        not null,
    question_keywords  jsonb       not null default '[]' check (jsonb_typeof(question_keywords) = 'array'),
    created_by_user_id uuid        references users (id)
);
create index job_faq_job_idx on job_faq (job_id);

-- 001 Automation.
create table automations (
    id                  uuid primary key default gen_random_uuid(),
    version             bigint      not null default 1,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    organization_id     uuid        not null references organizations (id),
    whatsapp_account_id uuid        references whatsapp_accounts (id),   -- null: every number of the organization
    created_by_user_id  uuid        references users (id),
    name                text        not null,
    trigger_type        text        not null
                        check (trigger_type in ('message_received', 'keyword', 'conversation_opened', 'no_reply',
                                                'status_changed', 'form_submitted', 'schedule')),
    trigger_config      jsonb       not null default '{}' check (jsonb_typeof(trigger_config) = 'object'),
    actions             jsonb       not null default '[]' check (jsonb_typeof(actions) = 'array'),
    is_active           boolean     not null default true,
    priority            integer     not null default 0,
    last_triggered_at   timestamptz
);
create index automations_organization_active_idx on automations (organization_id, is_active);

-- 002 chat_sessions: the bot's state for one conversation.
create table chat_sessions (
    id               uuid primary key default gen_random_uuid(),
    version          bigint      not null default 1,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    organization_id  uuid        not null references organizations (id),
    conversation_id  uuid        not null unique references conversations (id) on delete cascade,
    application_id   uuid        references applications (id),         -- the application being prescreened, if any
    state            text        not null default 'idle'
                     check (state in ('idle', 'greeting', 'awaiting_form', 'awaiting_photo', 'prescreening',
                                      'answering_faq', 'handed_off', 'completed')),
    context          jsonb       not null default '{}' check (jsonb_typeof(context) = 'object'),
    last_activity_at timestamptz not null default now(),
    expires_at       timestamptz
);

-- 002 action_queue: a recruiter's "My Action Queue".
create table action_queue (
    id                      uuid primary key default gen_random_uuid(),
    version                 bigint      not null default 1,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    organization_id         uuid        not null references organizations (id),
    user_id                 uuid        not null references users (id),   -- the recruiter who must act (owner)
    action_type             text        not null
                            check (action_type in ('new_matches', 'chat_followup', 'no_response', 'parse_failure',
                                                   'intervention_needed', 'prescreening_complete')),   -- 002 type
    title                   text        not null,
    description             text,
    priority                text        not null default 'medium' check (priority in ('high', 'medium', 'low')),
    related_job_id          uuid        references jobs (id),
    related_candidate_id    uuid        references candidates (id),
    related_application_id  uuid        references applications (id),
    related_conversation_id uuid        references conversations (id),
    is_dismissed            boolean     not null default false,
    dismissed_at            timestamptz,
    check (dismissed_at is null or is_dismissed)
);
create index action_queue_user_open_idx on action_queue (user_id, is_dismissed, created_at desc);

-- ---------------------------------------------------------------------------------------------
-- Interviews (003)
-- ---------------------------------------------------------------------------------------------

-- 003 InterviewSession.
create table interview_sessions (
    id                      uuid primary key default gen_random_uuid(),
    version                 bigint      not null default 1,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    organization_id         uuid        not null references organizations (id),
    created_by_user_id      uuid        references users (id),           -- who scheduled it
    candidate_id            uuid        not null references candidates (id),
    job_id                  uuid        references jobs (id),             -- 003 requisition_id
    application_id          uuid        references applications (id),     -- 003 assessment_application_id
    interview_type          text        not null check (interview_type in ('technical', 'behavioral', 'cultural', 'panel')),
    interview_mode          text        not null check (interview_mode in ('video', 'phone', 'in_person', 'ai')),
    scheduled_at            timestamptz not null,
    duration_minutes        integer     not null default 60 check (duration_minutes > 0),
    timezone                text,
    status                  text        not null default 'scheduled'
                            check (status in ('scheduled', 'in_progress', 'completed', 'cancelled', 'no_show')),
    started_at              timestamptz,
    ended_at                timestamptz,
    actual_duration_minutes integer     check (actual_duration_minutes >= 0),
    preparation_notes       text,
    question_guide          text,
    meeting_link            text,
    meeting_room            text,
    meeting_notes           text,
    cancellation_reason     text,
    reminder_sent_at        timestamptz,                                 -- 003 reminder_sent
    check (ended_at is null or started_at is null or ended_at >= started_at)
);
create index interview_sessions_schedule_idx on interview_sessions (organization_id, scheduled_at);
create index interview_sessions_candidate_idx on interview_sessions (candidate_id);
create index interview_sessions_job_idx on interview_sessions (job_id);

-- 003 interviewer_id + additional_interviewers: who takes part (the interviewer sync scope).
create table interview_participants (
    id                   uuid primary key default gen_random_uuid(),
    version              bigint      not null default 1,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    organization_id      uuid        not null references organizations (id),
    interview_session_id uuid        not null references interview_sessions (id) on delete cascade,
    user_id              uuid        not null references users (id),
    participant_role     text        not null default 'panelist' check (participant_role in ('lead', 'panelist')),
    constraint interview_participants_session_user_key unique (interview_session_id, user_id)
);
create unique index interview_participants_one_lead_idx on interview_participants (interview_session_id)
    where participant_role = 'lead';
create index interview_participants_user_idx on interview_participants (user_id);

-- 003 InterviewFeedback (scorecard): one per interviewer per interview, and only by a participant.
create table interview_feedback (
    id                      uuid primary key default gen_random_uuid(),
    version                 bigint      not null default 1,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    organization_id         uuid        not null references organizations (id),
    interview_session_id    uuid        not null,                         -- 003 interview_id
    interviewer_user_id     uuid        not null,                         -- 003 interviewer_id
    overall_rating          numeric(2, 1) check (overall_rating between 0 and 5),
    recommendation          text        check (recommendation in ('strong_hire', 'hire', 'maybe', 'no_hire')),
    technical_skills_rating numeric(2, 1) check (technical_skills_rating between 0 and 5),
    communication_rating    numeric(2, 1) check (communication_rating between 0 and 5),
    problem_solving_rating  numeric(2, 1) check (problem_solving_rating between 0 and 5),
    culture_fit_rating      numeric(2, 1) check (culture_fit_rating between 0 and 5),
    skills_evaluated        jsonb       not null default '{}' check (jsonb_typeof(skills_evaluated) in ('object', 'array')),
    strengths               text,
    weaknesses              text,
    detailed_notes          text,
    questions_asked         jsonb       not null default '[]' check (jsonb_typeof(questions_asked) = 'array'),
    requires_second_round   boolean     not null default false,
    follow_up_notes         text,
    submitted_at            timestamptz,
    is_final                boolean     not null default false,
    constraint interview_feedback_participant_fk foreign key (interview_session_id, interviewer_user_id)
        references interview_participants (interview_session_id, user_id),
    constraint interview_feedback_session_interviewer_key unique (interview_session_id, interviewer_user_id),
    constraint interview_feedback_final_complete check (
        not is_final or (submitted_at is not null and recommendation is not null and overall_rating is not null))
);
create index interview_feedback_interviewer_idx on interview_feedback (interviewer_user_id);

-- ---------------------------------------------------------------------------------------------
-- Notifications, catalogues, matching (003)
-- ---------------------------------------------------------------------------------------------

-- 003 Notification.
create table notifications (
    id                  uuid primary key default gen_random_uuid(),
    version             bigint      not null default 1,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    organization_id     uuid        not null references organizations (id),
    user_id             uuid        not null references users (id) on delete cascade,   -- recipient (owner)
    notification_type   text        not null
                        check (notification_type in ('system', 'assessment', 'interview', 'application', 'proctoring',
                                                     'conversation', 'cohort')),
    title               text        not null,
    message             text,
    related_entity_type text,
    related_entity_id   uuid,
    action_url          text,
    is_read             boolean     not null default false,
    read_at             timestamptz,
    is_archived         boolean     not null default false,
    priority            text        not null default 'normal' check (priority in ('low', 'normal', 'high', 'urgent')),
    check (read_at is null or is_read)
);
create index notifications_user_read_idx on notifications (user_id, is_read, created_at desc);

-- 003 Skill: skills catalogue.
create table skills (
    id              uuid primary key default gen_random_uuid(),
    version         bigint      not null default 1,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    organization_id uuid        not null references organizations (id),
    name            text        not null check (length(trim(name)) > 0),
    description     text,
    category        text        not null default 'technical'
                    check (category in ('technical', 'soft', 'language', 'domain', 'tool', 'other')),
    is_active       boolean     not null default true,
    unique (organization_id, name)
);

-- 003 Role: roles / job titles catalogue (not to be confused with user_roles).
create table job_roles (
    id              uuid primary key default gen_random_uuid(),
    version         bigint      not null default 1,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    organization_id uuid        not null references organizations (id),
    name            text        not null check (length(trim(name)) > 0),
    description     text,
    department      text,
    required_skills jsonb       not null default '[]' check (jsonb_typeof(required_skills) in ('array', 'object')),
    is_active       boolean     not null default true,
    unique (organization_id, name)
);

-- 003 SkillMatch: audit of JD-CV matching runs.
create table skill_matches (
    id                    uuid primary key default gen_random_uuid(),
    version               bigint      not null default 1,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    organization_id       uuid        not null references organizations (id),
    requested_by_user_id  uuid        references users (id),           -- 003 user_id
    candidate_id          uuid        references candidates (id),
    job_id                uuid        references jobs (id),
    jd_document_id        uuid        references uploaded_documents (id),   -- 003 jd_file_id
    cv_document_id        uuid        references uploaded_documents (id),   -- 003 cv_file_id
    match_score           numeric(5, 2) check (match_score between 0 and 100),
    matched_skills        jsonb       not null default '[]' check (jsonb_typeof(matched_skills) = 'array'),
    missing_skills        jsonb       not null default '[]' check (jsonb_typeof(missing_skills) = 'array'),
    extra_skills          jsonb       not null default '[]' check (jsonb_typeof(extra_skills) = 'array'),
    summary               jsonb       not null default '{}' check (jsonb_typeof(summary) = 'object'),
    llm_used              boolean     not null default false,
    provider              text
);
create index skill_matches_candidate_idx on skill_matches (candidate_id, created_at desc);

-- 003 ExtractionLog: LLM extraction audit.
create table extraction_logs (
    id                   uuid primary key default gen_random_uuid(),
    version              bigint      not null default 1,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    organization_id      uuid        not null references organizations (id),
    user_id              uuid        references users (id),
    uploaded_document_id uuid        references uploaded_documents (id),
    extraction_type      text        not null check (extraction_type in ('cv_llm', 'jd_llm')),
    input_length         integer     check (input_length >= 0),
    output_data          jsonb,
    confidence_score     numeric(5, 4) check (confidence_score between 0 and 1),
    status               text        not null check (status in ('success', 'failed')),
    error_message        text,
    provider             text,
    check (status <> 'failed' or error_message is not null)
);
create index extraction_logs_document_idx on extraction_logs (uploaded_document_id);

-- ---------------------------------------------------------------------------------------------
-- Cohort management (004). institution_id is the INSTITUTION_ADMIN scope; composite foreign keys
-- keep it equal to the parent's.
-- ---------------------------------------------------------------------------------------------

-- 004 Sponsor.
create table sponsors (
    id              uuid primary key default gen_random_uuid(),
    version         bigint      not null default 1,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    organization_id uuid        not null references organizations (id),
    institution_id  uuid        not null,
    company_name    text        not null check (length(trim(company_name)) > 0),
    contact_email   text        check (contact_email = lower(contact_email) and position('@' in contact_email) > 1),
    contact_name    text,
    contact_phone   text,
    tax_number      text,
    foreign key (institution_id, organization_id) references institutions (id, organization_id),
    constraint sponsors_institution_company_key unique (institution_id, company_name),
    constraint sponsors_id_institution_key unique (id, institution_id)
);

-- 004 Cohort.
create table cohorts (
    id                 uuid primary key default gen_random_uuid(),
    version            bigint      not null default 1,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    organization_id    uuid        not null references organizations (id),
    institution_id     uuid        not null,
    created_by_user_id uuid        references users (id),
    name               text        not null check (length(trim(name)) > 0),
    program_type       text        not null check (program_type in ('learnership', 'internship', 'candidacy')),
    sponsor_id         uuid,
    sponsor_email      text        check (sponsor_email = lower(sponsor_email) and position('@' in sponsor_email) > 1),
    student_count      integer     check (student_count >= 0),
    admin_signed_at    timestamptz,
    state              text        not null default 'draft' check (state in ('draft', 'active', 'completed', 'cancelled')),
    start_date         date,
    end_date           date,
    foreign key (institution_id, organization_id) references institutions (id, organization_id),
    foreign key (sponsor_id, institution_id) references sponsors (id, institution_id),
    constraint cohorts_institution_name_key unique (institution_id, name),
    constraint cohorts_id_institution_key unique (id, institution_id),
    check (end_date is null or start_date is null or end_date >= start_date)
);
create index cohorts_institution_state_idx on cohorts (institution_id, state);

-- 004 CohortEnrollment: a person (student) in a cohort.
create table cohort_enrollments (
    id                          uuid primary key default gen_random_uuid(),
    version                     bigint      not null default 1,
    created_at                  timestamptz not null default now(),
    updated_at                  timestamptz not null default now(),
    organization_id             uuid        not null references organizations (id),
    institution_id              uuid        not null,
    cohort_id                   uuid        not null,
    candidate_id                uuid        not null references candidates (id),   -- 004 user_id (student)
    state                       text        not null default 'waiting' check (state in ('waiting', 'in_progress', 'complete')),
    document_verification_state text        not null default 'pending'
                                check (document_verification_state in ('pending', 'verified', 'rejected')),
    rejection_reason            text,
    student_data                jsonb       not null default '{}' check (jsonb_typeof(student_data) = 'object'),
    constraint cohort_enrollments_cohort_fk foreign key (cohort_id, institution_id)
        references cohorts (id, institution_id) on delete cascade,
    constraint cohort_enrollments_cohort_candidate_key unique (cohort_id, candidate_id),
    constraint cohort_enrollments_id_institution_key unique (id, institution_id),
    -- rejected needs a reason; any other state carries none
    constraint cohort_enrollments_rejection_reason check (
        case when document_verification_state = 'rejected'
             then rejection_reason is not null and length(trim(rejection_reason)) > 0
             else rejection_reason is null end)
);
create index cohort_enrollments_cohort_verification_idx on cohort_enrollments (cohort_id, document_verification_state);
create index cohort_enrollments_institution_verification_idx on cohort_enrollments (institution_id, document_verification_state);
create index cohort_enrollments_candidate_idx on cohort_enrollments (candidate_id);

alter table uploaded_documents
    add constraint uploaded_documents_enrollment_fk foreign key (cohort_enrollment_id, institution_id)
        references cohort_enrollments (id, institution_id);

-- 004 DocumentVerification: audit trail of approve/reject decisions (append-only).
create table document_verifications (
    id                   uuid primary key default gen_random_uuid(),
    version              bigint      not null default 1,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    organization_id      uuid        not null references organizations (id),
    institution_id       uuid        not null,
    cohort_enrollment_id uuid        not null,
    admin_user_id        uuid        not null references users (id),        -- 004 admin_id
    uploaded_document_id uuid        references uploaded_documents (id),
    document_type        text        not null
                         check (document_type in ('cv', 'jd', 'portfolio', 'photo', 'id_document', 'matric_certificate',
                                                  'qualification', 'proof_of_address', 'agreement', 'other')),
    action               text        not null check (action in ('approved', 'rejected')),
    reason               text,
    metadata             jsonb       not null default '{}' check (jsonb_typeof(metadata) = 'object'),
    constraint document_verifications_enrollment_fk foreign key (cohort_enrollment_id, institution_id)
        references cohort_enrollments (id, institution_id) on delete cascade,
    constraint document_verifications_rejection_reason check (
        action <> 'rejected' or (reason is not null and length(trim(reason)) > 0))
);
create index document_verifications_enrollment_idx on document_verifications (cohort_enrollment_id, created_at);

-- ---------------------------------------------------------------------------------------------
-- Audit and exports (002 sections 9, 10)
-- ---------------------------------------------------------------------------------------------

-- 002 activity_logs: every state change a person makes, and system events.
create table activity_logs (
    id              uuid primary key default gen_random_uuid(),
    version         bigint      not null default 1,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    organization_id uuid        not null references organizations (id),
    institution_id  uuid        references institutions (id),
    user_id         uuid        references users (id),                 -- null for system events
    action_type     text        not null check (action_type ~ '^[A-Za-z][A-Za-z0-9_.]*$'),   -- open vocabulary, e.g. 'application.move'
    severity        text        not null default 'info' check (severity in ('info', 'warn', 'error', 'success')),
    entity_type     text,                                               -- e.g. 'application'
    entity_id       uuid,
    description     text,
    details         jsonb       check (jsonb_typeof(details) = 'object'),
    ip_address      text,
    check (entity_id is null or entity_type is not null)
);
create index activity_logs_organization_time_idx on activity_logs (organization_id, created_at desc);
create index activity_logs_entity_idx on activity_logs (entity_type, entity_id, created_at);
create index activity_logs_user_idx on activity_logs (user_id, created_at desc);

-- 002 export_jobs.
create table export_jobs (
    id                    uuid primary key default gen_random_uuid(),
    version               bigint      not null default 1,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    organization_id       uuid        not null references organizations (id),
    job_id                uuid        not null references jobs (id),
    created_by_user_id    uuid        not null references users (id),   -- 002 created_by (owner)
    export_format         text        not null default 'excel' check (export_format in ('excel', 'csv', 'json')),
    status                text        not null default 'queued' check (status in ('queued', 'processing', 'completed', 'failed')),
    applications_included integer     check (applications_included >= 0),
    result_blob_id        uuid        references blobs (id),             -- 002 download_url, file_size_mb
    completed_at          timestamptz,
    error_message         text,
    check (status <> 'completed' or (result_blob_id is not null and completed_at is not null)),
    check (status <> 'failed' or error_message is not null)
);
create index export_jobs_creator_idx on export_jobs (created_by_user_id, created_at desc);

-- 002 export_metadata: which applications went into an export.
create table export_metadata (
    id              uuid primary key default gen_random_uuid(),
    version         bigint      not null default 1,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    organization_id uuid        not null references organizations (id),
    export_job_id   uuid        not null references export_jobs (id) on delete cascade,
    application_id  uuid        not null references applications (id),
    exported_at     timestamptz not null default now(),
    export_format   text        not null check (export_format in ('excel', 'csv', 'json')),
    export_details  jsonb       not null default '{}' check (jsonb_typeof(export_details) = 'object'),
    unique (export_job_id, application_id)
);
