-- Back to search documents in the database: the previous version rebuilds them at start.
DROP TRIGGER company_contacts_removed;
DROP TRIGGER company_members_added;
DROP TRIGGER company_members_removed;
DROP TRIGGER company_registrations_added;
DROP TRIGGER company_registrations_removed;
DROP TRIGGER companies_created;
DROP TRIGGER companies_updated;
DROP TRIGGER companies_deleted;
DROP TRIGGER company_nace_removed;
DROP TRIGGER company_languages_removed;
DROP TRIGGER products_created;
DROP TRIGGER products_updated;
DROP TRIGGER products_deleted;
DROP TRIGGER product_nace_removed;
DROP TRIGGER glossary_entries_created;
DROP TRIGGER glossary_entries_deleted;
DROP TABLE changes;

CREATE INDEX companies_listing ON companies (status, name_sort, id);
CREATE INDEX companies_listing_by_kind ON companies (status, kind, name_sort, id);
CREATE INDEX companies_listing_by_country ON companies (status, country, name_sort, id);
CREATE INDEX companies_listing_by_region ON companies (status, region, name_sort, id);
CREATE INDEX company_nace_by_code ON company_nace (nace_code, company_id);
CREATE INDEX products_by_name ON products (name_sort, id);
CREATE INDEX product_nace_by_code ON product_nace (nace_code, product_id);
CREATE INDEX companies_location ON companies (latitude, longitude);

-- Search documents (built by the application: folded words, compound parts, labels of the
-- industry codes and region in all languages), one per company and product.
CREATE TABLE company_search (
    doc_id INTEGER PRIMARY KEY,
    company_id TEXT NOT NULL UNIQUE REFERENCES companies (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    body TEXT NOT NULL
);

CREATE TABLE product_search (
    doc_id INTEGER PRIMARY KEY,
    product_id TEXT NOT NULL UNIQUE REFERENCES products (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    body TEXT NOT NULL
);

-- Documents are already folded into space-separated ASCII words, so the tokeniser only splits.
CREATE VIRTUAL TABLE company_fts USING fts5 (
    name, body, content = 'company_search', content_rowid = 'doc_id',
    tokenize = 'ascii', prefix = '2 3 4'
);

CREATE VIRTUAL TABLE product_fts USING fts5 (
    name, body, content = 'product_search', content_rowid = 'doc_id',
    tokenize = 'ascii', prefix = '2 3 4'
);

CREATE TRIGGER company_search_inserted AFTER INSERT ON company_search BEGIN
    INSERT INTO company_fts (rowid, name, body) VALUES (new.doc_id, new.name, new.body);
END;
CREATE TRIGGER company_search_deleted AFTER DELETE ON company_search BEGIN
    INSERT INTO company_fts (company_fts, rowid, name, body) VALUES ('delete', old.doc_id, old.name, old.body);
END;
CREATE TRIGGER company_search_updated AFTER UPDATE ON company_search BEGIN
    INSERT INTO company_fts (company_fts, rowid, name, body) VALUES ('delete', old.doc_id, old.name, old.body);
    INSERT INTO company_fts (rowid, name, body) VALUES (new.doc_id, new.name, new.body);
END;

CREATE TRIGGER product_search_inserted AFTER INSERT ON product_search BEGIN
    INSERT INTO product_fts (rowid, name, body) VALUES (new.doc_id, new.name, new.body);
END;
CREATE TRIGGER product_search_deleted AFTER DELETE ON product_search BEGIN
    INSERT INTO product_fts (product_fts, rowid, name, body) VALUES ('delete', old.doc_id, old.name, old.body);
END;
CREATE TRIGGER product_search_updated AFTER UPDATE ON product_search BEGIN
    INSERT INTO product_fts (product_fts, rowid, name, body) VALUES ('delete', old.doc_id, old.name, old.body);
    INSERT INTO product_fts (rowid, name, body) VALUES (new.doc_id, new.name, new.body);
END;
