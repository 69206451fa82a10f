-- Deskfeed schema, SQLite dialect. Times are integer epoch microseconds (UTC).
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  name          TEXT    NOT NULL UNIQUE,
  password_hash TEXT,
  created       INTEGER NOT NULL
);

CREATE TABLE sessions (
  hash    TEXT    PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created INTEGER NOT NULL,
  expires INTEGER NOT NULL
);

CREATE TABLE devices (
  id       INTEGER PRIMARY KEY,
  user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name     TEXT    NOT NULL,
  hostname TEXT    NOT NULL,
  os       TEXT    NOT NULL,
  created  INTEGER NOT NULL,
  UNIQUE (user_id, name)
);

CREATE TABLE api_tokens (
  id        INTEGER PRIMARY KEY,
  user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  device_id INTEGER REFERENCES devices (id) ON DELETE CASCADE,
  name      TEXT    NOT NULL,
  scope     TEXT    NOT NULL CHECK (scope IN ('ingest', 'read', 'admin')),
  hash      TEXT    NOT NULL UNIQUE,
  created   INTEGER NOT NULL,
  last_used INTEGER,
  revoked   INTEGER,
  CHECK ((scope = 'ingest') = (device_id IS NOT NULL))
);

CREATE TABLE buckets (
  pk        INTEGER PRIMARY KEY,
  user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  device_id INTEGER REFERENCES devices (id) ON DELETE SET NULL,
  id        TEXT    NOT NULL,
  type      TEXT    NOT NULL,
  client    TEXT    NOT NULL,
  hostname  TEXT    NOT NULL,
  created   INTEGER NOT NULL,
  data      TEXT    NOT NULL DEFAULT '{}',
  UNIQUE (user_id, id)
);

-- Event ids and change seqs come from the counters table, never from AUTOINCREMENT: the writer reserves
-- them in blocks inside its transaction, which also tells it whether another process wrote meanwhile.
CREATE TABLE events (
  id         INTEGER PRIMARY KEY,
  bucket_pk  INTEGER NOT NULL REFERENCES buckets (pk) ON DELETE CASCADE,
  start_us   INTEGER NOT NULL,
  end_us     INTEGER NOT NULL,
  data       TEXT    NOT NULL,
  seq        INTEGER NOT NULL,
  origin     TEXT
);
CREATE INDEX events_by_bucket_time ON events (bucket_pk, start_us DESC, end_us);
CREATE INDEX events_by_seq ON events (seq);
CREATE UNIQUE INDEX events_by_origin ON events (bucket_pk, origin) WHERE origin IS NOT NULL;

CREATE TABLE event_tombstones (
  seq       INTEGER PRIMARY KEY,
  user_id   INTEGER NOT NULL,
  bucket_pk INTEGER NOT NULL,
  event_id  INTEGER NOT NULL,
  origin    TEXT,
  deleted   INTEGER NOT NULL
);

CREATE TABLE counters (
  name  TEXT    PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT INTO counters (name, value) VALUES ('change_seq', 0), ('event_id', 0);

CREATE TABLE settings (
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  key     TEXT    NOT NULL,
  value   TEXT    NOT NULL,
  PRIMARY KEY (user_id, key)
);
