-- What the platform tells users, rendered in each recipient's language when it happens.
-- Identical on both backends.
CREATE TABLE notifications (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('partnership_proposed', 'interest_expressed',
        'partnership_accepted', 'partnership_declined', 'partnership_withdrawn',
        'partnership_ended', 'registration_moved_up', 'event_changed', 'event_cancelled',
        'opportunity_expiring')),
    -- The API path of what it is about.
    link TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    read_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);

CREATE INDEX notifications_of_user ON notifications (user_id, id);
