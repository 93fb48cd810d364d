-- Products, events and opportunities show their organisation's name, and are public only
-- while it is: a change of either is a change of each of them, logged so that the change feed
-- and the search index follow it. Keep this file and its SQLite twin logically identical.
--
-- Transition tables rule out a column list (`UPDATE OF name, status`): the function compares
-- the old and new rows itself.
CREATE FUNCTION record_children_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Commit order, as in record_changes (this trigger may fire before that one).
    PERFORM pg_advisory_xact_lock(7310436781);
    INSERT INTO changes (entity, entity_id, op)
    WITH changed AS (
        SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE o.name <> n.name OR o.status <> n.status
    )
    SELECT 'product', p.id, 'update' FROM products p JOIN changed c ON p.company_id = c.id
    UNION ALL
    SELECT 'event', e.id, 'update' FROM events e JOIN changed c ON e.organiser_id = c.id
    UNION ALL
    SELECT 'opportunity', o.id, 'update' FROM opportunities o JOIN changed c ON o.company_id = c.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER companies_children_updated AFTER UPDATE ON companies
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_children_changes();
