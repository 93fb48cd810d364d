-- Creating requests sent with an Idempotency-Key, per caller, and the answer they got, so a
-- retry with the same key is answered the same without creating anything again. Kept 24 hours.
-- The same on both backends but for the body's type.
CREATE TABLE idempotency_keys (
    scope TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    -- SHA-256 of the method, path, query and body: another request under the same key is refused.
    fingerprint TEXT NOT NULL,
    -- NULL while the first request runs.
    status INTEGER,
    location TEXT,
    etag TEXT,
    content_type TEXT,
    body BLOB,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
