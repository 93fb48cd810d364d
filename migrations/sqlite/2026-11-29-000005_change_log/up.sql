-- The change log replaces the search documents: search runs on an embedded index that follows
-- this log (docs/search.md). Keep this file and its PostgreSQL twin logically identical.

DROP TABLE company_fts;
DROP TABLE product_fts;
DROP TABLE company_search;
DROP TABLE product_search;
-- Listing, filtering and distance run on the index too; the database only loads rows by id,
-- and every index less makes imports faster.
DROP INDEX companies_location;
DROP INDEX companies_listing;
DROP INDEX companies_listing_by_kind;
DROP INDEX companies_listing_by_country;
DROP INDEX companies_listing_by_region;
DROP INDEX company_nace_by_code;
DROP INDEX products_by_name;
DROP INDEX product_nace_by_code;

-- Every change to what search documents hold, written by triggers in the transaction of the
-- change, so no write path can forget it. Only one SQLite transaction writes at a time, so seq
-- order is commit order; AUTOINCREMENT never reuses a seq once the log is trimmed.
CREATE TABLE changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL CHECK (entity IN ('company', 'product', 'glossary')),
    entity_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete')),
    at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now'))
);

CREATE TRIGGER companies_created AFTER INSERT ON companies BEGIN
    INSERT INTO changes (entity, entity_id, op) VALUES ('company', new.id, 'create');
END;
CREATE TRIGGER companies_updated AFTER UPDATE ON companies BEGIN
    INSERT INTO changes (entity, entity_id, op) VALUES ('company', new.id, 'update');
END;
CREATE TRIGGER companies_deleted AFTER DELETE ON companies BEGIN
    INSERT INTO changes (entity, entity_id, op) VALUES ('company', old.id, 'delete');
END;

-- A company's codes and languages are part of it: a change to them is a change of the company.
-- Removing them is logged here. Adding them is not: rows are added only together with a write
-- of their company (create, update, import), which logs the change already, and a row trigger
-- per added code made first imports twice as slow on SQLite (docs/benchmarks.md).
CREATE TRIGGER company_nace_removed AFTER DELETE ON company_nace BEGIN
    INSERT INTO changes (entity, entity_id, op) VALUES ('company', old.company_id, 'update');
END;
CREATE TRIGGER company_languages_removed AFTER DELETE ON company_languages BEGIN
    INSERT INTO changes (entity, entity_id, op) VALUES ('company', old.company_id, 'update');
END;

-- What the API shows of a company with it: its contact persons, whether anybody manages it
-- (members), and its register state. Contacts are added only with a write of their company.
CREATE TRIGGER company_contacts_removed AFTER DELETE ON company_contacts BEGIN
    INSERT INTO changes (entity, entity_id, op) VALUES ('company', old.company_id, 'update');
END;
CREATE TRIGGER company_members_added AFTER INSERT ON company_members BEGIN
    INSERT INTO changes (entity, entity_id, op) VALUES ('company', new.company_id, 'update');
END;
CREATE TRIGGER company_members_removed AFTER DELETE ON company_members BEGIN
    INSERT INTO changes (entity, entity_id, op) VALUES ('company', old.company_id, 'update');
END;
CREATE TRIGGER company_registrations_added AFTER INSERT ON company_registrations BEGIN
    INSERT INTO changes (entity, entity_id, op) VALUES ('company', new.company_id, 'update');
END;
CREATE TRIGGER company_registrations_removed AFTER DELETE ON company_registrations BEGIN
    INSERT INTO changes (entity, entity_id, op) VALUES ('company', old.company_id, 'update');
END;

CREATE TRIGGER products_created AFTER INSERT ON products BEGIN
    INSERT INTO changes (entity, entity_id, op) VALUES ('product', new.id, 'create');
END;
CREATE TRIGGER products_updated AFTER UPDATE ON products BEGIN
    INSERT INTO changes (entity, entity_id, op) VALUES ('product', new.id, 'update');
END;
CREATE TRIGGER products_deleted AFTER DELETE ON products BEGIN
    INSERT INTO changes (entity, entity_id, op) VALUES ('product', old.id, 'delete');
END;
CREATE TRIGGER product_nace_removed AFTER DELETE ON product_nace BEGIN
    INSERT INTO changes (entity, entity_id, op) VALUES ('product', old.product_id, 'update');
END;

-- Administrators' glossary terms expand queries on every server.
CREATE TRIGGER glossary_entries_created AFTER INSERT ON glossary_entries BEGIN
    INSERT INTO changes (entity, entity_id, op) VALUES ('glossary', new.id, 'create');
END;
CREATE TRIGGER glossary_entries_deleted AFTER DELETE ON glossary_entries BEGIN
    INSERT INTO changes (entity, entity_id, op) VALUES ('glossary', old.id, 'delete');
END;

-- Everything stored so far is in no index yet: one entry per company, product and term.
INSERT INTO changes (entity, entity_id, op) SELECT 'company', id, 'create' FROM companies ORDER BY id;
INSERT INTO changes (entity, entity_id, op) SELECT 'product', id, 'create' FROM products ORDER BY id;
INSERT INTO changes (entity, entity_id, op) SELECT 'glossary', id, 'create' FROM glossary_entries ORDER BY id;
