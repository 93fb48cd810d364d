DROP TABLE company_changes;
DROP TABLE api_keys;
DROP TABLE company_contacts;
DROP TABLE company_members;
DROP TABLE refresh_tokens;
DROP TABLE users;
