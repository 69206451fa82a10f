-- The last group of the heartbeat journal (a file beside the database) that this database holds: the writer moves it
-- in the transaction that commits the group, and at start-up replays only the journal's groups above it
-- (see HeartbeatJournal and docs/ARCHITECTURE.md).
INSERT INTO counters (name, value) VALUES ('heartbeat_journal', 0);
