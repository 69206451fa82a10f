-- Each dirty mark carries the version of the change that set it last: the writer's transaction (its first change
-- seq, unique to that transaction) or, negated, a value of the 'mark_version' counter for marks the maintainer sets
-- itself. The background maintainer recomputes hours from a read snapshot without the write lock and consumes an
-- hour's marks only if they still carry the versions it read (see docs/ROLLUPS.md). Marks from before are 0.
ALTER TABLE rollup_dirty ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
INSERT INTO counters (name, value) VALUES ('mark_version', 0);
