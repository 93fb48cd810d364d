DROP TABLE product_fts;
DROP TABLE company_fts;
DROP TABLE product_search;
DROP TABLE company_search;
DROP INDEX companies_location;
DROP TABLE glossary_entries;
DROP TABLE product_nace;
DROP TABLE products;
