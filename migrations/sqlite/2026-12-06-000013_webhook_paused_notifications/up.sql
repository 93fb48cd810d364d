-- Organisations are told when their webhook subscription is paused. SQLite cannot change a
-- CHECK constraint, so the table is rebuilt (https://sqlite.org/lang_altertable.html, "other
-- kinds of table schema changes"), with foreign keys off so that dropping the old table does
-- not cascade to the mail outbox, whose rows keep referring to notifications by name.
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE notifications_rebuilt (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('partnership_proposed', 'interest_expressed',
        'partnership_accepted', 'partnership_declined', 'partnership_withdrawn',
        'partnership_ended', 'registration_moved_up', 'event_changed', 'event_cancelled',
        'opportunity_expiring', 'webhook_paused')),
    -- The API path of what it is about.
    link TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    read_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
INSERT INTO notifications_rebuilt SELECT id, user_id, kind, link, title, body, read_at, created_at
    FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_rebuilt RENAME TO notifications;
CREATE INDEX notifications_of_user ON notifications (user_id, id);
COMMIT;
PRAGMA foreign_keys = ON;
