DROP TABLE company_languages;
DROP TABLE company_nace;
DROP TABLE companies;
DROP TABLE postal_codes;
DROP TABLE legal_forms;
DROP TABLE regions;
DROP TABLE nace_codes;
DROP TABLE settings;
