package dev.deskfeed.store;

/**
 * What the store's writer has done since the store opened, for metrics.
 *
 * @param committedGroups groups of writes committed to the database on their own
 * @param journaledGroups groups of heartbeats made durable in the heartbeat journal (see docs/ARCHITECTURE.md)
 * @param journalCommits commits of the transaction that held journaled groups
 * @param journalFailures times that transaction failed (and the groups it held were written again from the journal)
 */
public record WriterStats(long committedGroups, long journaledGroups, long journalCommits, long journalFailures) {}
