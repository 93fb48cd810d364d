-- E-mails that tell users of their notifications. A row is written in the transaction of the
-- notification it carries, so a crash loses none; delivery claims a row for a while before it
-- sends, so two servers never send the same one at once. Identical on both backends.
CREATE TABLE mail_outbox (
    -- The notification's id; the e-mail's Message-ID is built from it.
    id TEXT PRIMARY KEY NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    -- Until when a sender holds the row; after that a crashed sender's row is due again.
    claimed_until TIMESTAMP,
    sent_at TIMESTAMP,
    -- Set when the server refused the message for good or retries ran out.
    given_up_at TIMESTAMP,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL
);

CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at)
    WHERE sent_at IS NULL AND given_up_at IS NULL;
