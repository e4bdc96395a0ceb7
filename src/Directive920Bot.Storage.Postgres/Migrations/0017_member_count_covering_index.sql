-- The member count per unit (reports) reads unit_code, status, channels and id (a row without a channel mark counts
-- by its id's range): 0002's partial index lacked channels and id, so a bloc report read the whole table (a parallel
-- seq scan of a million rows). This index carries every column that count needs, so it is an index-only scan on a
-- vacuumed table; it holds all the narrower one held and replaces it (one index to maintain per write, not two).
CREATE INDEX subscribers_registered_unit_count ON subscribers (unit_code, status) INCLUDE (channels, id, registered_at, paused) WHERE registered_at IS NOT NULL;
DROP INDEX subscribers_registered_unit;
