DROP TRIGGER companies_children_updated ON companies;
DROP FUNCTION record_children_changes();
