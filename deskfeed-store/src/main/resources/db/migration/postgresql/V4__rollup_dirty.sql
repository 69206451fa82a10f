-- Hours of a bucket whose events changed since rollups last saw them. The writer marks every hour an event covered
-- before and after each change, in the same transaction, so no change can escape the rollups (see docs/ROLLUPS.md).
CREATE TABLE rollup_dirty (
  bucket_pk BIGINT NOT NULL,
  hour_us   BIGINT NOT NULL,
  PRIMARY KEY (bucket_pk, hour_us)
);
