-- Window titles per UTC day (docs/ROLLUPS.md, "Titles"): the sums of rollup_hours' title rows over each whole UTC
-- day, kept by the maintainer in the same transaction as the hours, so top titles for a long range read the days
-- in its middle and hours only at its edges. A year of titles is ~290,000 hour rows but ~110,000 day rows.
CREATE TABLE rollup_title_days (
  user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  day_us    INTEGER NOT NULL,
  device    TEXT NOT NULL,
  key       TEXT NOT NULL,
  active_us INTEGER NOT NULL,
  PRIMARY KEY (user_id, day_us, device, key)
) WITHOUT ROWID;

INSERT INTO rollup_title_days (user_id, day_us, device, key, active_us)
SELECT user_id, (hour_us / 86400000000) * 86400000000, device, key, SUM(active_us)
FROM rollup_hours WHERE dimension = 'title'
GROUP BY user_id, (hour_us / 86400000000) * 86400000000, device, key;
