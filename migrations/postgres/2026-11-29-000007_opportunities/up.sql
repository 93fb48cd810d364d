-- Cooperation opportunities and their entries in the change log. Keep this file and its
-- SQLite twin logically identical.

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

-- The log takes opportunities.
ALTER TABLE changes DROP CONSTRAINT changes_entity_check;
ALTER TABLE changes ADD CONSTRAINT changes_entity_check
    CHECK (entity IN ('company', 'product', 'glossary', 'event', 'registration', 'opportunity'));

CREATE TRIGGER opportunities_created AFTER INSERT ON opportunities REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_changes('opportunity', 'id', 'create');
CREATE TRIGGER opportunities_updated AFTER UPDATE ON opportunities REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_changes('opportunity', 'id', 'update');
CREATE TRIGGER opportunities_deleted AFTER DELETE ON opportunities REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_changes('opportunity', 'id', 'delete');
-- Texts are added only with a write of their opportunity, which logs the change already.
CREATE TRIGGER opportunity_texts_removed AFTER DELETE ON opportunity_texts REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_changes('opportunity', 'opportunity_id', 'update');
