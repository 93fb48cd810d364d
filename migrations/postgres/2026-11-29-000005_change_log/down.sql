-- Back to search documents in the database: the previous version rebuilds them at start.
DROP TRIGGER company_contacts_removed ON company_contacts;
DROP TRIGGER company_members_added ON company_members;
DROP TRIGGER company_members_removed ON company_members;
DROP TRIGGER company_registrations_added ON company_registrations;
DROP TRIGGER company_registrations_removed ON company_registrations;
DROP TRIGGER companies_created ON companies;
DROP TRIGGER companies_updated ON companies;
DROP TRIGGER companies_deleted ON companies;
DROP TRIGGER company_nace_removed ON company_nace;
DROP TRIGGER company_languages_removed ON company_languages;
DROP TRIGGER products_created ON products;
DROP TRIGGER products_updated ON products;
DROP TRIGGER products_deleted ON products;
DROP TRIGGER product_nace_removed ON product_nace;
DROP TRIGGER glossary_entries_created ON glossary_entries;
DROP TRIGGER glossary_entries_deleted ON glossary_entries;
DROP FUNCTION record_changes();
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
