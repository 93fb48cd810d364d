-- The change log replaces the search documents: search runs on an embedded index that follows
-- this log (docs/search.md). Keep this file and its SQLite twin logically identical.

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
-- change, so no write path can forget it.
CREATE TABLE changes (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entity TEXT NOT NULL CHECK (entity IN ('company', 'product', 'glossary')),
    entity_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete')),
    at TIMESTAMP NOT NULL DEFAULT (now() AT TIME ZONE 'UTC')
);

-- Records the rows a statement touched: TG_ARGV = entity, id column, operation. One INSERT per
-- statement (transition tables), so a bulk import writes its entries in bulk.
--
-- A sequence hands out values at insert, not at commit: a reader following seq could see 12
-- before a slower transaction commits 11, and skip 11 for ever. The transaction-level advisory
-- lock serialises everything from a transaction's first entry to its commit, so seq order is
-- commit order. Writes of companies and products queue here; reads never do.
CREATE FUNCTION record_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(7310436781);
    IF TG_OP = 'DELETE' THEN
        EXECUTE format(
            'INSERT INTO changes (entity, entity_id, op) SELECT DISTINCT %L, %I, %L FROM old_rows',
            TG_ARGV[0], TG_ARGV[1], TG_ARGV[2]);
    ELSE
        EXECUTE format(
            'INSERT INTO changes (entity, entity_id, op) SELECT DISTINCT %L, %I, %L FROM new_rows',
            TG_ARGV[0], TG_ARGV[1], TG_ARGV[2]);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER companies_created AFTER INSERT ON companies REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_changes('company', 'id', 'create');
CREATE TRIGGER companies_updated AFTER UPDATE ON companies REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_changes('company', 'id', 'update');
CREATE TRIGGER companies_deleted AFTER DELETE ON companies REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_changes('company', 'id', 'delete');

-- A company's codes and languages are part of it: a change to them is a change of the company.
-- Removing them is logged here. Adding them is not: rows are added only together with a write
-- of their company (create, update, import), which logs the change already (as on SQLite, where
-- a row trigger per added code made first imports twice as slow).
CREATE TRIGGER company_nace_removed AFTER DELETE ON company_nace REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_changes('company', 'company_id', 'update');
CREATE TRIGGER company_languages_removed AFTER DELETE ON company_languages REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_changes('company', 'company_id', 'update');

-- What the API shows of a company with it: its contact persons, whether anybody manages it
-- (members), and its register state. Contacts are added only with a write of their company.
CREATE TRIGGER company_contacts_removed AFTER DELETE ON company_contacts REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_changes('company', 'company_id', 'update');
CREATE TRIGGER company_members_added AFTER INSERT ON company_members REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_changes('company', 'company_id', 'update');
CREATE TRIGGER company_members_removed AFTER DELETE ON company_members REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_changes('company', 'company_id', 'update');
CREATE TRIGGER company_registrations_added AFTER INSERT ON company_registrations REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_changes('company', 'company_id', 'update');
CREATE TRIGGER company_registrations_removed AFTER DELETE ON company_registrations REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_changes('company', 'company_id', 'update');

CREATE TRIGGER products_created AFTER INSERT ON products REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_changes('product', 'id', 'create');
CREATE TRIGGER products_updated AFTER UPDATE ON products REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_changes('product', 'id', 'update');
CREATE TRIGGER products_deleted AFTER DELETE ON products REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_changes('product', 'id', 'delete');
CREATE TRIGGER product_nace_removed AFTER DELETE ON product_nace REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_changes('product', 'product_id', 'update');

-- Administrators' glossary terms expand queries on every server.
CREATE TRIGGER glossary_entries_created AFTER INSERT ON glossary_entries REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_changes('glossary', 'id', 'create');
CREATE TRIGGER glossary_entries_deleted AFTER DELETE ON glossary_entries REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_changes('glossary', 'id', 'delete');

-- Everything stored so far is in no index yet: one entry per company, product and term.
INSERT INTO changes (entity, entity_id, op) SELECT 'company', id, 'create' FROM companies ORDER BY id;
INSERT INTO changes (entity, entity_id, op) SELECT 'product', id, 'create' FROM products ORDER BY id;
INSERT INTO changes (entity, entity_id, op) SELECT 'glossary', id, 'create' FROM glossary_entries ORDER BY id;
