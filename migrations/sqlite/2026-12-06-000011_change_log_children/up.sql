-- Products, events and opportunities show their organisation's name, and are public only
-- while it is: a change of either is a change of each of them, logged so that the change feed
-- and the search index follow it. Keep this file and its PostgreSQL twin logically identical.
CREATE TRIGGER companies_children_updated AFTER UPDATE OF name, status ON companies
WHEN old.name <> new.name OR old.status <> new.status
BEGIN
    INSERT INTO changes (entity, entity_id, op)
        SELECT 'product', id, 'update' FROM products WHERE company_id = new.id;
    INSERT INTO changes (entity, entity_id, op)
        SELECT 'event', id, 'update' FROM events WHERE organiser_id = new.id;
    INSERT INTO changes (entity, entity_id, op)
        SELECT 'opportunity', id, 'update' FROM opportunities WHERE company_id = new.id;
END;
