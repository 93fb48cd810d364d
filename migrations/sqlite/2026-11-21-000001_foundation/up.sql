-- Reference data (loaded from the embedded catalogue at start) and the company read model.
-- Keep this file and its PostgreSQL twin logically identical: same tables, columns, constraints.

CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

CREATE TABLE nace_codes (
    code TEXT PRIMARY KEY NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('section', 'division', 'group', 'class')),
    parent TEXT REFERENCES nace_codes (code),
    section TEXT NOT NULL,
    label_de TEXT NOT NULL,
    label_cs TEXT NOT NULL,
    label_en TEXT NOT NULL
);

CREATE TABLE regions (
    code TEXT PRIMARY KEY NOT NULL,
    country TEXT NOT NULL CHECK (country IN ('DE', 'CZ')),
    name_de TEXT NOT NULL,
    name_cs TEXT NOT NULL,
    name_en TEXT NOT NULL,
    kind TEXT NOT NULL,
    official_code TEXT NOT NULL,
    programme_area BOOLEAN NOT NULL
);

CREATE TABLE legal_forms (
    code TEXT PRIMARY KEY NOT NULL,
    country TEXT NOT NULL CHECK (country IN ('DE', 'CZ')),
    abbreviation TEXT NOT NULL,
    name_de TEXT NOT NULL,
    name_cs TEXT NOT NULL,
    name_en TEXT NOT NULL,
    ares_code TEXT
);

CREATE TABLE postal_codes (
    country TEXT NOT NULL CHECK (country IN ('DE', 'CZ')),
    postal_code TEXT NOT NULL,
    place TEXT NOT NULL,
    latitude DOUBLE PRECISION NOT NULL,
    longitude DOUBLE PRECISION NOT NULL,
    region TEXT NOT NULL REFERENCES regions (code),
    PRIMARY KEY (country, postal_code, place)
);

CREATE TABLE companies (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('company', 'research_institution', 'multiplier', 'public_body')),
    name TEXT NOT NULL,
    -- The folded name: the sort key of listings, identical in order on both backends.
    name_sort TEXT NOT NULL,
    legal_form TEXT REFERENCES legal_forms (code),
    country TEXT NOT NULL CHECK (country IN ('DE', 'CZ')),
    ico TEXT UNIQUE,
    register_court TEXT,
    register_type TEXT,
    register_number TEXT,
    vat_id TEXT,
    street TEXT,
    postal_code TEXT,
    city TEXT,
    region TEXT REFERENCES regions (code),
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    size_class TEXT CHECK (size_class IN ('micro', 'small', 'medium', 'large')),
    founded_on DATE,
    website TEXT,
    email TEXT,
    phone TEXT,
    description_de TEXT,
    description_cs TEXT,
    description_en TEXT,
    status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
    verified BOOLEAN NOT NULL DEFAULT FALSE,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK ((register_court IS NULL) = (register_type IS NULL) AND (register_type IS NULL) = (register_number IS NULL))
);

CREATE UNIQUE INDEX companies_german_register ON companies (register_court, register_type, register_number);
-- Listings walk these in name order. A selective filter (kind, country, region) needs its own
-- index: through the plain one, rare kinds would be found only after scanning most rows.
CREATE INDEX companies_listing ON companies (status, name_sort, id);
CREATE INDEX companies_listing_by_kind ON companies (status, kind, name_sort, id);
CREATE INDEX companies_listing_by_country ON companies (status, country, name_sort, id);
CREATE INDEX companies_listing_by_region ON companies (status, region, name_sort, id);

CREATE TABLE company_nace (
    company_id TEXT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    nace_code TEXT NOT NULL REFERENCES nace_codes (code),
    is_primary BOOLEAN NOT NULL,
    PRIMARY KEY (company_id, nace_code)
);

CREATE UNIQUE INDEX company_nace_one_primary ON company_nace (company_id) WHERE is_primary;
CREATE INDEX company_nace_by_code ON company_nace (nace_code, company_id);

CREATE TABLE company_languages (
    company_id TEXT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    PRIMARY KEY (company_id, language)
);
