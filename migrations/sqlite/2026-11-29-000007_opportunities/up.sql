-- Cooperation opportunities and their entries in the change log. Keep this file and its
-- PostgreSQL twin logically identical.

CREATE TABLE opportunities (
    id TEXT PRIMARY KEY NOT NULL,
    company_id TEXT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('business_offer', 'business_request', 'technology_offer',
        'technology_request', 'research_request')),
    status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
    -- The folded first title of de, cs, en.
    title_sort TEXT NOT NULL,
    -- NACE codes, keywords, partnership types, target countries and regions: one per line.
    nace TEXT NOT NULL,
    keywords TEXT NOT NULL,
    partnership_types TEXT NOT NULL,
    target_countries TEXT NOT NULL,
    target_regions TEXT NOT NULL,
    -- The last day it is valid; afterwards it leaves public lists by itself.
    valid_until DATE NOT NULL,
    -- When its organisation was told that it expires soon; reset when valid_until moves.
    expiry_notice_at TIMESTAMP,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE INDEX opportunities_of_company ON opportunities (company_id, id);

CREATE TABLE opportunity_texts (
    opportunity_id TEXT NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    language TEXT NOT NULL CHECK (language IN ('de', 'cs', 'en')),
    title TEXT,
    summary TEXT,
    description TEXT,
    PRIMARY KEY (opportunity_id, language)
);

-- The log takes opportunities. SQLite cannot change a CHECK constraint: the table is copied
-- into one with the new constraints (see migration 000006).
PRAGMA legacy_alter_table = ON;
CREATE TABLE changes_new (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL CHECK (entity IN ('company', 'product', 'glossary', 'event', 'registration',
        'opportunity')),
    entity_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete', 'moved_up', 'event_cancelled')),
    at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now'))
);
INSERT INTO changes_new (seq, entity, entity_id, op, at) SELECT seq, entity, entity_id, op, at FROM changes;
DROP TABLE changes;
ALTER TABLE changes_new RENAME TO changes;
PRAGMA legacy_alter_table = OFF;

CREATE TRIGGER opportunities_created AFTER INSERT ON opportunities BEGIN
    INSERT INTO changes (entity, entity_id, op) VALUES ('opportunity', new.id, 'create');
END;
CREATE TRIGGER opportunities_updated AFTER UPDATE ON opportunities BEGIN
    INSERT INTO changes (entity, entity_id, op) VALUES ('opportunity', new.id, 'update');
END;
CREATE TRIGGER opportunities_deleted AFTER DELETE ON opportunities BEGIN
    INSERT INTO changes (entity, entity_id, op) VALUES ('opportunity', old.id, 'delete');
END;
-- Texts are added only with a write of their opportunity, which logs the change already.
CREATE TRIGGER opportunity_texts_removed AFTER DELETE ON opportunity_texts BEGIN
    INSERT INTO changes (entity, entity_id, op) VALUES ('opportunity', old.opportunity_id, 'update');
END;
