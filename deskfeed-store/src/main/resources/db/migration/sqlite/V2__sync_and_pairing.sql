-- Sync: the highest seq of each device's own change log that this store has applied (the resume token).
-- log_id names that log: an agent whose local store was recreated starts a new log from seq 1.
CREATE TABLE device_sync (
  device_id  INTEGER PRIMARY KEY REFERENCES devices (id) ON DELETE CASCADE,
  log_id     TEXT    NOT NULL,
  acked_seq  INTEGER NOT NULL,
  updated    INTEGER NOT NULL
);

-- Pairing: a short one-time code, stored hashed, that an agent exchanges for its device's ingest token.
CREATE TABLE pairing_codes (
  code_hash  TEXT    PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  device_id  INTEGER NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
  created    INTEGER NOT NULL,
  expires    INTEGER NOT NULL,
  used       INTEGER
);
