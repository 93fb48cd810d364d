-- Events, registrations for them, and their entries in the change log. Keep this file and its
-- SQLite twin logically identical.

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
-- the waiting list; the event cancelled) until notifications arrive.
ALTER TABLE changes DROP CONSTRAINT changes_entity_check;
ALTER TABLE changes ADD CONSTRAINT changes_entity_check
    CHECK (entity IN ('company', 'product', 'glossary', 'event', 'registration'));
ALTER TABLE changes DROP CONSTRAINT changes_op_check;
ALTER TABLE changes ADD CONSTRAINT changes_op_check
    CHECK (op IN ('create', 'update', 'delete', 'moved_up', 'event_cancelled'));

CREATE TRIGGER events_created AFTER INSERT ON events REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_changes('event', 'id', 'create');
CREATE TRIGGER events_updated AFTER UPDATE ON events REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_changes('event', 'id', 'update');
CREATE TRIGGER events_deleted AFTER DELETE ON events REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_changes('event', 'id', 'delete');
-- Texts are added only with a write of their event, which logs the change already.
CREATE TRIGGER event_texts_removed AFTER DELETE ON event_texts REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_changes('event', 'event_id', 'update');

-- A registration's news, row by row (few rows), under the log's lock like record_changes.
CREATE FUNCTION record_registration_news() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(7310436781);
    IF TG_TABLE_NAME = 'events' THEN
        INSERT INTO changes (entity, entity_id, op)
            SELECT 'registration', id, 'event_cancelled' FROM event_registrations
            WHERE event_id = NEW.id AND status <> 'cancelled' ORDER BY arrival;
    ELSE
        INSERT INTO changes (entity, entity_id, op) VALUES ('registration', NEW.id, 'moved_up');
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER events_cancelled AFTER UPDATE OF status ON events FOR EACH ROW
    WHEN (OLD.status <> 'cancelled' AND NEW.status = 'cancelled')
    EXECUTE FUNCTION record_registration_news();
CREATE TRIGGER registrations_moved_up AFTER UPDATE OF status ON event_registrations FOR EACH ROW
    WHEN (OLD.status = 'waiting' AND NEW.status = 'confirmed')
    EXECUTE FUNCTION record_registration_news();
