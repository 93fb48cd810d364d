-- Accounts and webhook subscriptions get a version, as companies, products, events and
-- opportunities have: it rises with every change and makes their ETag, so an update with
-- If-Match cannot overwrite a change it has not seen. Identical on both backends.
ALTER TABLE users ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE webhooks ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
