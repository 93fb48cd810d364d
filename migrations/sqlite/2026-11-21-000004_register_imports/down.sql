DROP TABLE import_jobs;
DROP TABLE company_claims;
DROP TABLE company_registrations;
