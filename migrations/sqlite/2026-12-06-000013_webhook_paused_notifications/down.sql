-- With foreign keys still on, so their e-mails go too.
DELETE FROM notifications WHERE kind = 'webhook_paused';
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE notifications_rebuilt (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('partnership_proposed', 'interest_expressed',
        'partnership_accepted', 'partnership_declined', 'partnership_withdrawn',
        'partnership_ended', 'registration_moved_up', 'event_changed', 'event_cancelled',
        'opportunity_expiring')),
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
