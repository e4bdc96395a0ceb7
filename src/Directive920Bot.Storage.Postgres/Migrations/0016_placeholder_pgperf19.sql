-- PLACEHOLDER on branch pgperf19 only: this round assigned that branch migration 0017, and migrations must be gapless,
-- so this empty step stands in for the other branch's 0016. DELETE THIS FILE when merging (the real 0016 takes its place).
SELECT 1;
