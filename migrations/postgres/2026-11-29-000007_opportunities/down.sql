DROP TABLE opportunity_texts;
DROP TABLE opportunities;
DELETE FROM changes WHERE entity = 'opportunity';
ALTER TABLE changes DROP CONSTRAINT changes_entity_check;
ALTER TABLE changes ADD CONSTRAINT changes_entity_check
    CHECK (entity IN ('company', 'product', 'glossary', 'event', 'registration'));
