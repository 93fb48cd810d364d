-- Webhook subscriptions of multiplier systems and their deliveries. A delivery is a batch of
-- change-log entries, written with its body when it is planned, so every retry sends the same
-- bytes under the same id; servers claim deliveries for a lease, so a crash mid-delivery leaves
-- it due again. Identical on both backends.
CREATE TABLE webhooks (
    id TEXT PRIMARY KEY NOT NULL,
    company_id TEXT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    -- The change-log entities it receives, comma-separated.
    entities TEXT NOT NULL,
    -- Whether deliveries show contact persons: the creating key held `read`.
    with_contacts BOOLEAN NOT NULL,
    -- Standard Webhooks secrets (whsec_...). After a rotation the previous one signs too,
    -- until previous_secret_until, so receivers can switch without losing a delivery.
    secret TEXT NOT NULL,
    previous_secret TEXT,
    previous_secret_until TIMESTAMP,
    -- active or paused.
    status TEXT NOT NULL,
    paused_reason TEXT,
    -- The change-log position up to which entries are in deliveries.
    planned_through BIGINT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE INDEX webhooks_company ON webhooks (company_id);

CREATE TABLE webhook_deliveries (
    -- Sent as webhook-id.
    id TEXT PRIMARY KEY NOT NULL,
    webhook_id TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    first_seq BIGINT NOT NULL,
    last_seq BIGINT NOT NULL,
    entries INTEGER NOT NULL,
    body TEXT NOT NULL,
    -- pending, delivered or failed (retries ran out; the webhook was paused).
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    -- The retry window counts from here; resuming a paused webhook starts it again.
    first_attempt_at TIMESTAMP NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    -- Until when a server holds the delivery; after that a crashed server's delivery is due.
    claimed_until TIMESTAMP,
    last_status_code INTEGER,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL,
    delivered_at TIMESTAMP
);

CREATE INDEX webhook_deliveries_of ON webhook_deliveries (webhook_id, id);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at)
    WHERE status = 'pending';
