-- Requests per API key and day (UTC), added to by every server every few seconds. Identical on
-- both backends.
CREATE TABLE api_key_usage (
    key_id TEXT NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
    day DATE NOT NULL,
    requests BIGINT NOT NULL,
    PRIMARY KEY (key_id, day)
);
