-- Accounts, sessions, organisation membership, contact persons, API keys and the audit trail.

CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    -- Trimmed and lower-cased by the application: one mailbox, one account.
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    language TEXT NOT NULL CHECK (language IN ('de', 'cs', 'en')),
    -- argon2id in PHC string form (algorithm, parameters and salt included).
    password_hash TEXT NOT NULL,
    is_admin BOOLEAN NOT NULL DEFAULT FALSE,
    -- Carried in access tokens; raised when the password changes so older tokens stop working.
    session_version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- Only the SHA-256 of a refresh token is stored. Tokens of one login form a family: rotating
-- marks the old token used; presenting a used token again revokes the whole family.
CREATE TABLE refresh_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id TEXT NOT NULL,
    -- Absolute: the family's end, inherited by every rotation.
    expires_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    revoked BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE INDEX refresh_tokens_by_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_by_user ON refresh_tokens (user_id);

CREATE TABLE company_members (
    company_id TEXT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('owner', 'editor')),
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (company_id, user_id)
);

CREATE INDEX company_members_by_user ON company_members (user_id);

CREATE TABLE company_contacts (
    company_id TEXT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT,
    email TEXT,
    phone TEXT,
    -- ISO 639-1 codes separated by commas, such as 'cs,de'.
    languages TEXT NOT NULL,
    PRIMARY KEY (company_id, position)
);

-- Only the SHA-256 of a key is stored; `prefix` is its first characters, shown in listings so
-- people can tell their keys apart.
CREATE TABLE api_keys (
    id TEXT PRIMARY KEY NOT NULL,
    company_id TEXT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    prefix TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    -- Scope names separated by commas, such as 'read,export'.
    scopes TEXT NOT NULL,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at TIMESTAMP
);

CREATE INDEX api_keys_by_company ON api_keys (company_id, created_at);

-- Who changed what and when. No foreign keys: the record outlives deleted users and companies.
CREATE TABLE company_changes (
    id TEXT PRIMARY KEY NOT NULL,
    company_id TEXT NOT NULL,
    action TEXT NOT NULL,
    -- The names of the changed fields, separated by commas.
    fields TEXT NOT NULL,
    actor_user_id TEXT,
    actor_api_key_id TEXT,
    at TIMESTAMP NOT NULL
);

CREATE INDEX company_changes_by_company ON company_changes (company_id, id);
