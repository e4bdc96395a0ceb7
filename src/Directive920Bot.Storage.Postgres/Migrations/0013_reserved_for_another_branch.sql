-- PLACEHOLDER, not a migration: branch media20 was assigned 0014 while 0013 belongs to another branch of this round,
-- and PgMigrations refuses a gap. On merge, delete this file when the real 0013 arrives (or renumber 0014 to 0013).
SELECT 1;
