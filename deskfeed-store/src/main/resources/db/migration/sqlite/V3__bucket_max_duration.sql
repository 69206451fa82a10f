-- An upper bound of the longest event of each bucket, kept by the writer (rounded up to a power of two so a growing
-- event rarely touches it). A range read may then start its index scan at (range start - bound) instead of at the
-- bucket's first event: without it, reading one day of a year-long bucket scans the whole year's index.
ALTER TABLE buckets ADD COLUMN max_duration_us INTEGER NOT NULL DEFAULT 0;
UPDATE buckets SET max_duration_us = COALESCE((SELECT max(e.end_us - e.start_us) FROM events e WHERE e.bucket_pk = buckets.pk), 0);
