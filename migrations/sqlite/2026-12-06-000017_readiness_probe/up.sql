-- The one row SQLite's readiness probe rewrites. Taking the write lock is not enough to show
-- that the database can be written: on a read-only disk or an immutable file the lock is
-- granted and only the commit fails. (PostgreSQL reports such states itself; it has no such
-- table.)
CREATE TABLE readiness_probe (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    checked_at TEXT NOT NULL
);
