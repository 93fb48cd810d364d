-- Events, registrations for them, and their entries in the change log. Keep this file and its
-- PostgreSQL twin logically identical.

CREATE TABLE events (
    id TEXT PRIMARY KEY NOT NULL,
    organiser_id TEXT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'cancelled')),
    kind TEXT NOT NULL CHECK (kind IN ('cooperation_exchange', 'workshop', 'information_event',
        'trade_fair', 'matchmaking', 'webinar')),
    -- The folded first title of de, cs, en.
    title_sort TEXT NOT NULL,
    -- In UTC; the zone says how the organiser and calendars show them.
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    time_zone TEXT NOT NULL CHECK (time_zone IN ('Europe/Berlin', 'Europe/Prague')),
    registration_deadline TIMESTAMP,
    venue_name TEXT,
    street TEXT,
    postal_code TEXT,
    city TEXT,
    country TEXT CHECK (country IN ('DE', 'CZ')),
    region TEXT REFERENCES regions (code),
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    online_url TEXT,
    -- ISO 639-1 codes, one per line.
    languages TEXT NOT NULL,
    interpreting BOOLEAN NOT NULL,
    -- NACE codes, one per line.
    topics TEXT NOT NULL,
    -- NULL: no limit; 0: this way of taking part is not offered.
    capacity_exhibitors INTEGER CHECK (capacity_exhibitors >= 0),
    capacity_visitors INTEGER CHECK (capacity_visitors >= 0),
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK (ends_at > starts_at),
    CHECK (venue_name IS NOT NULL OR online_url IS NOT NULL)
);

CREATE INDEX events_of_organiser ON events (organiser_id, starts_at, id);

-- The texts of an event per language; a row exists for each language the event is written in.
CREATE TABLE event_texts (
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    language TEXT NOT NULL CHECK (language IN ('de', 'cs', 'en')),
    title TEXT,
    summary TEXT,
    description TEXT,
    fee_note TEXT,
    PRIMARY KEY (event_id, language)
);

-- One row per event: every registration write starts by counting an arrival here, which
-- takes the event's write lock first on both backends (a row lock on PostgreSQL, the database's
-- write lock on SQLite), so capacity checks never race and the count orders the waiting list.
CREATE TABLE event_queues (
    event_id TEXT PRIMARY KEY NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    arrivals BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE event_registrations (
    id TEXT PRIMARY KEY NOT NULL,
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    company_id TEXT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('exhibitor', 'visitor')),
    status TEXT NOT NULL CHECK (status IN ('confirmed', 'waiting', 'cancelled')),
    -- The order of arrival at the event: the waiting list moves up in this order.
    arrival BIGINT NOT NULL,
    note TEXT,
    -- Whether the organisation agreed to appear on the public participant list.
    listed BOOLEAN NOT NULL,
    registered_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    cancelled_at TIMESTAMP
);

-- An organisation takes part in an event once (a cancelled registration does not count).
CREATE UNIQUE INDEX registrations_once ON event_registrations (event_id, company_id)
    WHERE status <> 'cancelled';
CREATE INDEX registrations_of_event ON event_registrations (event_id, kind, status, arrival);
CREATE INDEX registrations_of_company ON event_registrations (company_id, event_id);

CREATE TABLE event_participants (
    registration_id TEXT NOT NULL REFERENCES event_registrations (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    language TEXT NOT NULL CHECK (language IN ('de', 'cs', 'en')),
    PRIMARY KEY (registration_id, position)
);

-- The log takes events, and the registrations' news for their organisations (moved up from
-- the waiting list; the event cancelled) until notifications arrive. SQLite cannot change a
-- CHECK constraint: the table is copied into one with the new constraints. The triggers that
-- write it name it, so the rename must not check them against the missing table meanwhile.
PRAGMA legacy_alter_table = ON;
CREATE TABLE changes_new (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL CHECK (entity IN ('company', 'product', 'glossary', 'event', 'registration')),
    entity_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete', 'moved_up', 'event_cancelled')),
    at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now'))
);
INSERT INTO changes_new (seq, entity, entity_id, op, at) SELECT seq, entity, entity_id, op, at FROM changes;
DROP TABLE changes;
ALTER TABLE changes_new RENAME TO changes;
PRAGMA legacy_alter_table = OFF;

CREATE TRIGGER events_created AFTER INSERT ON events BEGIN
    INSERT INTO changes (entity, entity_id, op) VALUES ('event', new.id, 'create');
END;
CREATE TRIGGER events_updated AFTER UPDATE ON events BEGIN
    INSERT INTO changes (entity, entity_id, op) VALUES ('event', new.id, 'update');
END;
CREATE TRIGGER events_deleted AFTER DELETE ON events BEGIN
    INSERT INTO changes (entity, entity_id, op) VALUES ('event', old.id, 'delete');
END;
-- Texts are added only with a write of their event, which logs the change already.
CREATE TRIGGER event_texts_removed AFTER DELETE ON event_texts BEGIN
    INSERT INTO changes (entity, entity_id, op) VALUES ('event', old.event_id, 'update');
END;

CREATE TRIGGER events_cancelled AFTER UPDATE OF status ON events
    WHEN old.status <> 'cancelled' AND new.status = 'cancelled'
BEGIN
    INSERT INTO changes (entity, entity_id, op)
        SELECT 'registration', id, 'event_cancelled' FROM event_registrations
        WHERE event_id = new.id AND status <> 'cancelled' ORDER BY arrival;
END;
CREATE TRIGGER registrations_moved_up AFTER UPDATE OF status ON event_registrations
    WHEN old.status = 'waiting' AND new.status = 'confirmed'
BEGIN
    INSERT INTO changes (entity, entity_id, op) VALUES ('registration', new.id, 'moved_up');
END;
