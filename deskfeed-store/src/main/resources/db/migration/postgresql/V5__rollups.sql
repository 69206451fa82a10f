-- Rollups (see docs/ROLLUPS.md): active time per user, UTC hour, dimension, device and key, kept by the rollup
-- maintainer from rollup_dirty. device '' is the union of the user's devices (only for dimension 'total'), so a
-- person's active hours do not count twice when two computers were busy at once. Category rows carry the hash of
-- the rules that produced them in 'rules' (0 elsewhere): a rule change makes them stale, not wrong.
CREATE TABLE rollup_hours (
  user_id   BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  dimension TEXT   NOT NULL,
  hour_us   BIGINT NOT NULL,
  device    TEXT   NOT NULL,
  key       TEXT   NOT NULL,
  active_us BIGINT NOT NULL,
  rules     BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, dimension, hour_us, device, key)
);

-- Which device key each bucket fed, so a deleted bucket (its marks are gone with it) or a changed device mapping
-- still makes the maintainer recompute the hours that bucket contributed to.
CREATE TABLE rollup_sources (
  bucket_pk BIGINT PRIMARY KEY,
  user_id   BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  device    TEXT   NOT NULL
);

-- The category rules version the background rebuild last completed for each user.
CREATE TABLE rollup_rules (
  user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  rules   BIGINT NOT NULL
);
