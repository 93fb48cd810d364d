-- Register imports (ARES, Handelsregister), claims of imported profiles, and import jobs.
-- Keep this file and its twin for the other backend logically identical.

-- The register state of an imported company. Companies created by their members have no row.
CREATE TABLE company_registrations (
    company_id TEXT PRIMARY KEY NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    source TEXT NOT NULL CHECK (source IN ('ares', 'handelsregister')),
    status TEXT NOT NULL CHECK (status IN ('registered', 'dissolved')),
    -- The register's legal form as given, when it is none of ours (companies.legal_form is NULL).
    legal_form TEXT,
    -- The date of the register record last applied: an older record never replaces it.
    record_date TIMESTAMP,
    imported_at TIMESTAMP NOT NULL
);

-- A user's request to manage an unclaimed profile; an administrator accepts or rejects it.
CREATE TABLE company_claims (
    id TEXT PRIMARY KEY NOT NULL,
    company_id TEXT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    message TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected')),
    created_at TIMESTAMP NOT NULL,
    decided_at TIMESTAMP,
    decided_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    CHECK ((status = 'pending') = (decided_at IS NULL))
);

-- One open claim per user and company.
CREATE UNIQUE INDEX company_claims_one_pending ON company_claims (company_id, user_id) WHERE status = 'pending';
CREATE INDEX company_claims_by_status ON company_claims (status, id);
CREATE INDEX company_claims_by_user ON company_claims (user_id, id);

-- Imports started over HTTP. They run in the background; callers poll the job.
CREATE TABLE import_jobs (
    id TEXT PRIMARY KEY NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('ares', 'handelsregister')),
    status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    dry_run BOOLEAN NOT NULL,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    inserted BIGINT NOT NULL DEFAULT 0,
    updated BIGINT NOT NULL DEFAULT 0,
    unchanged BIGINT NOT NULL DEFAULT 0,
    rejected BIGINT NOT NULL DEFAULT 0,
    warnings BIGINT NOT NULL DEFAULT 0,
    -- The rejected records and the warnings (the first 1,000 of each) as a JSON object.
    report TEXT,
    -- Why a failed job stopped.
    error TEXT
);
