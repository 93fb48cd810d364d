-- Products and services, the administrators' glossary terms and the full-text index.
-- The tables match the PostgreSQL twin; the index is each database's own: here FTS5 tables
-- fed by triggers from plain tables that hold the documents.

CREATE TABLE products (
    id TEXT PRIMARY KEY NOT NULL,
    company_id TEXT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('product', 'service')),
    name_de TEXT,
    name_cs TEXT,
    name_en TEXT,
    -- The folded first name of de, cs, en: the sort key of name order.
    name_sort TEXT NOT NULL,
    description_de TEXT,
    description_cs TEXT,
    description_en TEXT,
    -- One keyword per line.
    keywords TEXT NOT NULL,
    image_url TEXT,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK (name_de IS NOT NULL OR name_cs IS NOT NULL OR name_en IS NOT NULL)
);

CREATE INDEX products_of_company ON products (company_id, id);
CREATE INDEX products_by_name ON products (name_sort, id);

CREATE TABLE product_nace (
    product_id TEXT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    nace_code TEXT NOT NULL REFERENCES nace_codes (code),
    PRIMARY KEY (product_id, nace_code)
);

CREATE INDEX product_nace_by_code ON product_nace (nace_code, product_id);

-- Terms administrators add to the shipped industry glossary; one per line in each language.
CREATE TABLE glossary_entries (
    id TEXT PRIMARY KEY NOT NULL,
    de TEXT NOT NULL,
    cs TEXT NOT NULL,
    en TEXT NOT NULL,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL
);

-- Distance searches narrow by a bounding box first.
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
