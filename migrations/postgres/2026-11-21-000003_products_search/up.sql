-- Products and services, the administrators' glossary terms and the full-text index.
-- The tables match the SQLite twin; the index is each database's own: here a generated
-- tsvector ('simple': the documents are already folded words) with a GIN index.

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
-- industry codes and region in all languages), one per company and product. Name words weigh
-- A, the rest B.
CREATE TABLE company_search (
    company_id TEXT PRIMARY KEY NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    body TEXT NOT NULL,
    document TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', name), 'A') || setweight(to_tsvector('simple', body), 'B')
    ) STORED
);

CREATE TABLE product_search (
    product_id TEXT PRIMARY KEY NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    body TEXT NOT NULL,
    document TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', name), 'A') || setweight(to_tsvector('simple', body), 'B')
    ) STORED
);

CREATE INDEX company_search_document ON company_search USING GIN (document);
CREATE INDEX product_search_document ON product_search USING GIN (document);
