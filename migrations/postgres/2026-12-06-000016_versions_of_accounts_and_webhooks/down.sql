ALTER TABLE webhooks DROP COLUMN version;
ALTER TABLE users DROP COLUMN version;
