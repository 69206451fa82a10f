package dev.deskfeed.store.internal;

import dev.deskfeed.core.Event;
import dev.deskfeed.store.CommitListener;
import dev.deskfeed.store.EventWriter;
import dev.deskfeed.store.StoreException;
import dev.deskfeed.store.WriteResult;
import dev.deskfeed.store.WriterStats;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: one thread owns the write connection, takes every write that is waiting, runs them all in one
 * transaction, commits once, and only then releases the callers. Durability costs one commit (one fsync) per
 * group instead of one per write, and the more callers wait the larger the groups get.
 *
 * <p>The thread also owns the cache of each bucket's latest event (no locks: nobody else touches it). The cache is
 * dropped whenever the counters show that another process wrote to the database since this writer's last commit.
 *
 * <p>When a group's transaction fails it is rolled back and each of its writes is retried alone, so a write that
 * cannot succeed fails only its own caller.
 *
 * <p>With a {@link HeartbeatJournal} (a server's SQLite store), a group made only of
 * heartbeats is not committed on its own: its changes are applied inside one SQLite transaction that stays open for
 * up to {@link JournalTiming#maxOpenNanos()}, the group's record is written to the journal with a synchronous write, and
 * the callers are acknowledged then. SQLite commits (one fsync) every few hundred groups instead of each; the
 * journal makes each acknowledged group durable in between, and at start-up, or when the open transaction fails,
 * its groups are written again ({@link JournalReplayOp}). Any other write, and any read through the store
 * ({@link #awaitVisible()}), first commits what is open, so nothing acknowledged is ever invisible to a reader.
 * The transaction is not held open between bursts, for a lone write, or while a store connection is lent out
 * ({@link #lend()}): other connections and processes that write need the lock too.
 *
 * <p>The thread may run at a higher priority than the rest of the process ({@code writerNice}): under load it is
 * the one thread every acknowledgement waits for, and when it had to queue for a CPU behind request threads,
 * whose work only adds to its queue, every caller waited with it.
 */
final class GroupCommitWriter implements EventWriter, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
  private static final int MAX_GROUP = 512;
  private static final int GATHER_BELOW = 8;
  private static final long GATHER_NANOS = 100_000;

  /**
   * How long SQLite's transaction may stay open over journaled groups: at most {@code maxOpenNanos} (also the
   * longest another process waits to see them), and no longer than {@code idleNanos} after the last group, so that
   * between bursts the write lock is free for other connections and processes.
   */
  record JournalTiming(long maxOpenNanos, long idleNanos) {

    /**
     * 100 ms and 2 ms, or {@code -Ddeskfeed.store.journalCommitMillis} and {@code -Ddeskfeed.store.journalIdleMillis}
     * (a crash test holds its groups open for as long as it runs).
     */
    static JournalTiming fromSystemProperties() {
      return new JournalTiming(Long.getLong("deskfeed.store.journalCommitMillis", 100) * 1_000_000,
          Long.getLong("deskfeed.store.journalIdleMillis", 2) * 1_000_000);
    }
  }

  /** The most journal the open transaction may stand for before it commits. */
  private static final long JOURNAL_COMMIT_BYTES = 2L << 20;

  private final JournalTiming timing;
  /** Store connections lent out now (see {@link #lend()}): while there are any, groups are not journaled. */
  private final AtomicInteger lentConnections = new AtomicInteger();

  private final Connection connection;
  private final Dialect dialect;
  private final BlockingQueue<PendingWrite<?>> queue = new LinkedBlockingQueue<>();
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private final Map<Long, Event> lastEvents = new HashMap<>();
  private final Counters counters;
  private final DurationBounds bounds = new DurationBounds();
  private final TransactionControl transactions;
  private final Thread thread;
  /**
   * Completes asynchronous callers' futures. A cached pool, not one thread: a continuation that blocks (an HTTP
   * answer to a client that stopped reading) must not hold up every later acknowledgement. Under steady load one or
   * two threads take turns.
   */
  private final ExecutorService acks = Executors.newCachedThreadPool(daemonThreads("deskfeed-ack-"));
  private final PendingWrite<Void> stop = new PendingWrite<>(null, false);
  private final List<java.util.function.LongConsumer> bucketDeletions = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final List<CommitListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final SlowGroups slowGroups = new SlowGroups(System.nanoTime());
  private volatile boolean closed;
  private long counterAfterLastCommit = -1;
  private boolean concurrentCallers;
  /** Null: every group commits on its own. */
  private final HeartbeatJournal journal;
  /** The journal failed to write; groups commit on their own from then on. */
  private boolean journalBroken;
  /** The records of the journaled groups SQLite has not committed yet, to write them again if the transaction fails. */
  private final List<HeartbeatJournal.Record> uncommitted = new ArrayList<>();
  private boolean journalTxOpen;
  private long journalTxOpenedAt;
  /** Set before the first group is queued (see {@link #recoverJournal}); the queue hands it to the writer thread. */
  private long nextGroup = 1;
  private long lastJournaledGroup;
  private volatile long journaledThrough;
  private volatile long committedThrough;
  /** The open transaction's dirty marks: an hour is marked once per transaction, not once per group. */
  private DirtyHours journalTxMarks;
  /** Extensions of events in the open transaction, written when it commits (see {@link WriteTransaction#extend}). */
  private final Map<Long, Long> deferredEnds = new HashMap<>();
  // Counted by the writer thread only, read by metrics.
  private volatile long committedGroups;
  private volatile long journaledGroups;
  private volatile long journalCommits;
  private volatile long journalFailures;

  /**
   * @param writerNice the nice value the writer thread asks for (0: the process's); see {@link ThreadNice}
   * @param journal where acknowledged heartbeat groups become durable before SQLite commits them, or null; call
   *     {@link #recoverJournal} before the first write
   * @param timing how long the transaction over journaled groups may stay open
   */
  GroupCommitWriter(Connection connection, Dialect dialect, int writerNice, HeartbeatJournal journal,
      JournalTiming timing) {
    this.connection = connection;
    this.dialect = dialect;
    this.journal = journal;
    this.timing = timing;
    this.counters = new Counters(connection);
    try {
      skipGeneratedKeys(connection);
      this.transactions = new TransactionControl(connection, dialect);
    } catch (SQLException e) {
      throw new StoreException("cannot prepare the writer connection: " + e.getMessage(), e);
    }
    this.thread = new Thread(() -> {
      if (writerNice != 0) {
        prioritize(writerNice);
      }
      run();
    }, "deskfeed-writer");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * sqlite-jdbc runs {@code SELECT last_insert_rowid()} on a fresh statement after every INSERT (and matches every
   * statement's SQL against a regex to find out), in case someone asks for generated keys. The writer never does:
   * it assigns event ids itself from the counters. That lookup was a fifth of the writer's time per heartbeat.
   */
  private static void skipGeneratedKeys(Connection connection) throws SQLException {
    if (connection.isWrapperFor(org.sqlite.SQLiteConnection.class)) {
      connection.unwrap(org.sqlite.SQLiteConnection.class).getConnectionConfig().setGetGeneratedKeys(false);
    }
  }

  @Override
  public WriteResult heartbeat(long bucketRow, Event heartbeat, long pulsetimeMicros) {
    return submit(new HeartbeatOp(bucketRow, heartbeat, pulsetimeMicros));
  }

  @Override
  public List<WriteResult> heartbeats(long bucketRow, List<Event> heartbeats, long pulsetimeMicros) {
    return heartbeats.isEmpty() ? List.of() : submit(new HeartbeatsOp(bucketRow, heartbeats, pulsetimeMicros));
  }

  @Override
  public CompletableFuture<List<WriteResult>> heartbeatsAsync(long bucketRow, List<Event> heartbeats,
      long pulsetimeMicros) {
    return heartbeats.isEmpty() ? CompletableFuture.completedFuture(List.of())
        : submitAsync(new HeartbeatsOp(bucketRow, heartbeats, pulsetimeMicros));
  }

  @Override
  public List<WriteResult> insert(long bucketRow, List<Event> events) {
    return events.isEmpty() ? List.of() : submit(new InsertOp(bucketRow, events));
  }

  @Override
  public CompletableFuture<List<WriteResult>> insertAsync(long bucketRow, List<Event> events) {
    return events.isEmpty() ? CompletableFuture.completedFuture(List.of()) : submitAsync(new InsertOp(bucketRow, events));
  }

  @Override
  public List<WriteResult> upsert(long bucketRow, List<Event> events, List<String> origins) {
    return events.isEmpty() ? List.of() : submit(upsertOp(bucketRow, events, origins));
  }

  @Override
  public CompletableFuture<List<WriteResult>> upsertAsync(long bucketRow, List<Event> events, List<String> origins) {
    return events.isEmpty() ? CompletableFuture.completedFuture(List.of())
        : submitAsync(upsertOp(bucketRow, events, origins));
  }

  private static UpsertOp upsertOp(long bucketRow, List<Event> events, List<String> origins) {
    if (events.size() != origins.size()) {
      throw new IllegalArgumentException("one origin per event: " + events.size() + " events, " + origins.size());
    }
    return new UpsertOp(bucketRow, events, origins);
  }

  @Override
  public boolean delete(long bucketRow, long eventId) {
    return submit(new DeleteOp(bucketRow, eventId));
  }

  @Override
  public void deleteBucket(long bucketRow) {
    submit(new DeleteBucketOp(bucketRow));
    bucketDeletions.forEach(listener -> listener.accept(bucketRow));
  }

  /**
   * Writes into the database the groups of a journal left by an earlier run that it does not hold yet, and numbers
   * this run's groups after them.
   */
  void recoverJournal(List<HeartbeatJournal.Record> records) {
    nextGroup = submit(new JournalReplayOp(records)) + 1;
  }

  /**
   * Returns once every write acknowledged so far is committed, so a reader that starts now sees it. Costs nothing
   * unless journaled heartbeats are waiting in the writer's open transaction. The writer thread itself (a commit
   * listener that reads) does not wait for itself.
   */
  void awaitVisible() {
    if (journal == null || committedThrough >= journaledThrough || Thread.currentThread() == thread) {
      return;
    }
    submit(new FlushOp());
  }

  /**
   * A store connection is being lent to a caller: until it is given back ({@link #giveBack()}), commit every group on
   * its own, so that the caller, who may write in a transaction of its own, waits for the write lock no longer than
   * one group holds it.
   */
  void lend() {
    lentConnections.incrementAndGet();
  }

  void giveBack() {
    lentConnections.decrementAndGet();
  }

  WriterStats stats() {
    return new WriterStats(committedGroups, journaledGroups, journalCommits, journalFailures);
  }

  /** Told (after commit) of each bucket this writer deleted, so caches of buckets can drop it. */
  void onBucketDeleted(java.util.function.LongConsumer listener) {
    bucketDeletions.add(listener);
  }

  @Override
  public void addCommitListener(CommitListener listener) {
    listeners.add(listener);
  }

  <T> T submit(WriteOp<T> op) {
    if (closed) {
      throw new StoreException("the store is closed; the write was not accepted");
    }
    PendingWrite<T> pending = new PendingWrite<>(op, false);
    queue.add(pending);
    return pending.await();
  }

  <T> CompletableFuture<T> submitAsync(WriteOp<T> op) {
    if (closed) {
      return CompletableFuture.failedFuture(new StoreException("the store is closed; the write was not accepted"));
    }
    PendingWrite<T> pending = new PendingWrite<>(op, true);
    queue.add(pending);
    return pending.future();
  }

  private static void prioritize(int nice) {
    ThreadNice.Outcome outcome = ThreadNice.setForCurrentThread(nice);
    if (outcome.applied()) {
      LOG.debug("the writer thread runs at nice {}", nice);
    } else {
      LOG.info("the writer thread keeps the process's priority: {}. Under heavy ingest, acknowledgements may then "
          + "wait for a CPU behind request threads.", outcome.reason());
    }
  }

  private void run() {
    List<PendingWrite<?>> group = new ArrayList<>();
    while (true) {
      PendingWrite<?> first;
      try {
        first = journalTxOpen
            ? queue.poll(Math.min(timing.idleNanos(), journalTxOpenedAt + timing.maxOpenNanos() - System.nanoTime()),
                TimeUnit.NANOSECONDS)
            : queue.take();
      } catch (InterruptedException e) {
        continue; // only close() stops this thread, through the stop marker
      }
      if (first == null) {
        commitJournaled(); // the open transaction is due, or the writer is idle: free the write lock
        continue;
      }
      group.add(first);
      queue.drainTo(group, MAX_GROUP - 1);
      if (group.size() < GATHER_BELOW && concurrentCallers) {
        // Several callers are writing at once, but few of them have arrived yet: give the rest a moment to join this
        // group. Each commit rewrites the index pages it touched, so eight heartbeats in one commit cost far less
        // than two commits of four. A lone caller (every group of one) never waits.
        LockSupport.parkNanos(GATHER_NANOS);
        queue.drainTo(group, MAX_GROUP - group.size());
      }
      concurrentCallers = group.size() > 1;
      boolean stopping = group.remove(stop);
      if (!group.isEmpty()) {
        if (!journaled(group)) {
          commitJournaled();
          if (onlyFlushes(group)) {
            group.forEach(PendingWrite::committed);
          } else {
            write(group);
          }
        }
        acknowledge(group);
      }
      if (journalTxOpen && (System.nanoTime() - journalTxOpenedAt >= timing.maxOpenNanos()
          || journal.position() >= JOURNAL_COMMIT_BYTES || lentConnections.get() > 0)) {
        commitJournaled();
      }
      group.clear();
      if (stopping) {
        commitJournaled();
        return;
      }
    }
  }

  private void write(List<PendingWrite<?>> group) {
    try {
      runInTransaction(group);
    } catch (SQLException | RuntimeException groupError) {
      if (group.size() == 1) {
        group.get(0).failed(translate(groupError));
        return;
      }
      LOG.debug("group of {} writes failed, retrying one by one: {}", group.size(), groupError.toString());
      for (PendingWrite<?> single : group) {
        try {
          runInTransaction(List.of(single));
        } catch (SQLException | RuntimeException singleError) {
          single.failed(translate(singleError));
        }
      }
    }
  }

  private void runInTransaction(List<PendingWrite<?>> group) throws SQLException {
    WriteTransaction tx;
    long started = System.nanoTime();
    long begun;
    long applied;
    try {
      transactions.begin();
      begun = System.nanoTime();
      tx = applyGroup(group, false);
      applied = System.nanoTime();
      transactions.commit();
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly();
      counters.rolledBack();
      bounds.rolledBack();
      throw e;
    }
    String slow = slowGroups.check(group.size(), started, begun, applied, System.nanoTime());
    if (slow != null) {
      LOG.warn(slow);
    }
    committedGroups++;
    settled(group, tx);
  }

  /**
   * Runs the group's ops in the open transaction. {@code journaled}: the transaction stays open over several groups,
   * which share its dirty marks, its block of seqs and its deferred extensions.
   */
  private WriteTransaction applyGroup(List<PendingWrite<?>> group, boolean journaled) throws SQLException {
    DirtyHours marks = journaled ? journalTxMarks : null;
    if (marks == null) {
      counters.reset();
      int changes = 0;
      for (PendingWrite<?> pending : group) {
        changes += pending.op.maxChanges();
      }
      // Taken even when zero (a group of token touches): the counter row's value is what tells a stale cache, and
      // no seq is wasted on a group that changes no event.
      long before = counters.reserveSeqs(changes);
      if (before != counterAfterLastCommit) {
        // Someone else (another process, or a rolled-back attempt) moved the counter: our cache may be stale.
        lastEvents.clear();
        bounds.clear();
      }
      // The first seq of this transaction's block is unique to it: the version of every dirty mark it sets. (With an
      // empty block it is the first seq the transaction would take; only ops that change events set marks, and they
      // take seqs.)
      marks = new DirtyHours(before + 1);
      if (journaled) {
        journalTxMarks = marks;
      }
    }
    WriteTransaction tx = new WriteTransaction(connection, statements, lastEvents, counters, bounds, marks,
        journaled ? deferredEnds : null);
    for (PendingWrite<?> pending : group) {
      applyOne(pending, tx);
    }
    return tx;
  }

  /** The group is durable (committed, or journaled): its results become the caches and its callers may be told. */
  private void settled(List<PendingWrite<?>> group, WriteTransaction tx) {
    bounds.committed();
    counterAfterLastCommit = Math.max(counters.seqLimit(), counterAfterLastCommit);
    tx.forgottenLast.forEach(lastEvents::remove);
    lastEvents.putAll(tx.tentativeLast);
    for (PendingWrite<?> pending : group) {
      pending.committed();
    }
    if (!tx.committedWrites.isEmpty() && !listeners.isEmpty()) {
      List<CommitListener.Committed> committed = List.copyOf(tx.committedWrites);
      for (CommitListener listener : listeners) {
        try {
          listener.committed(committed);
        } catch (RuntimeException e) {
          LOG.warn("a commit listener failed: {}", e.toString());
        }
      }
    }
  }

  /**
   * Applies a group of heartbeats in the open transaction (beginning one if needed), makes it durable in the journal
   * and settles it. False when the group is not journaled: it holds another kind of write, there is no journal, or
   * something failed; then nothing of it was applied, and the caller commits what is open and runs the group the
   * usual way, which also sorts out which of its writes fail.
   */
  private boolean journaled(List<PendingWrite<?>> group) {
    if (journal == null || journalBroken || lentConnections.get() > 0) {
      return false;
    }
    if (!journalTxOpen && group.size() == 1 && queue.isEmpty()) {
      return false; // a lone write: one commit is all it needs, and it keeps the write lock only that long
    }
    for (PendingWrite<?> pending : group) {
      if (!(pending.op instanceof HeartbeatsOp) && !(pending.op instanceof HeartbeatOp)) {
        return false;
      }
    }
    WriteTransaction tx;
    HeartbeatJournal.Record record;
    try {
      if (!journalTxOpen) {
        transactions.begin();
        journalTxOpen = true;
        journalTxOpenedAt = System.nanoTime();
      }
      tx = applyGroup(group, true);
      record = new HeartbeatJournal.Record(nextGroup, JournaledWrites.encode(tx.committedWrites));
    } catch (SQLException | RuntimeException e) {
      // No savepoint to undo one group (two more statements per group): the whole transaction goes, and the groups
      // acknowledged in it are written again from their journal records.
      LOG.debug("a journaled group failed: {}", e.toString());
      abandonJournalTransaction(e);
      return false;
    }
    try {
      journal.append(record.group(), record.payload());
    } catch (java.io.IOException e) {
      journalBroken = true;
      LOG.error("Cannot write the heartbeat journal {}: {}. Heartbeats now commit to the database one group at a "
          + "time (slower, as durable); check the disk and restart the server to use the journal again.",
          journal.path(), e.toString());
      abandonJournalTransaction(e);
      return false;
    }
    uncommitted.add(record);
    journaledGroups++;
    lastJournaledGroup = nextGroup++;
    settled(group, tx);
    journaledThrough = lastJournaledGroup;
    return true;
  }

  /** Commits the journaled groups in the open transaction, if any; the journal then starts over. */
  private void commitJournaled() {
    if (!journalTxOpen) {
      return;
    }
    try {
      // The open transaction's last statements: the deferred extensions, written now, and the journal counter.
      WriteTransaction tx = new WriteTransaction(connection, statements, lastEvents, counters, bounds, journalTxMarks,
          null);
      for (Map.Entry<Long, Long> extension : deferredEnds.entrySet()) {
        tx.extend(extension.getKey(), extension.getValue());
      }
      JournalReplayOp.setCounter(tx, lastJournaledGroup);
      transactions.commit();
    } catch (SQLException | RuntimeException e) {
      abandonJournalTransaction(e);
      return;
    }
    journalTxOpen = false;
    journalCommits++;
    journalCommitted();
  }

  private void journalCommitted() {
    deferredEnds.clear();
    journalTxMarks = null;
    uncommitted.clear();
    journal.restart();
    committedThrough = lastJournaledGroup;
  }

  /**
   * Rolls back the open transaction and writes the groups it held, all acknowledged, again from their journal
   * records in a transaction of their own.
   */
  private void abandonJournalTransaction(Exception cause) {
    if (!journalTxOpen) {
      return;
    }
    journalTxOpen = false;
    journalFailures++;
    rollbackQuietly();
    deferredEnds.clear();
    journalTxMarks = null;
    counters.rolledBack();
    bounds.clear();
    lastEvents.clear();
    if (uncommitted.isEmpty()) {
      return;
    }
    LOG.warn("The open transaction over journaled heartbeats failed ({}); writing the groups it held ({}) again from "
        + "their journal records.", cause.toString(), uncommitted.size());
    PendingWrite<Long> replay = new PendingWrite<>(new JournalReplayOp(uncommitted), false);
    try {
      runInTransaction(List.of(replay));
      journalCommitted();
    } catch (SQLException | RuntimeException e) {
      journalBroken = true;
      LOG.error("Cannot write {} acknowledged heartbeat groups into the database: {}. They stay in {}, which the "
          + "next start writes into the database; check the disk, then restart the server.", uncommitted.size(),
          e.toString(), journal.path());
    }
  }

  private static boolean onlyFlushes(List<PendingWrite<?>> group) {
    for (PendingWrite<?> pending : group) {
      if (!(pending.op instanceof FlushOp)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Tells the group's callers how their writes ended, once the group is settled. Blocking callers are unparked from
   * here; asynchronous ones are completed together on an acknowledgement thread, one hand-off per group, so whatever
   * they chain (writing HTTP answers) neither delays the next transaction nor costs a thread wake-up per write.
   */
  private void acknowledge(List<PendingWrite<?>> group) {
    List<PendingWrite<?>> later = null;
    for (PendingWrite<?> pending : group) {
      if (!pending.async) {
        pending.release();
      } else {
        if (later == null) {
          later = new ArrayList<>(group.size());
        }
        later.add(pending);
      }
    }
    if (later != null) {
      List<PendingWrite<?>> batch = later;
      acks.execute(() -> batch.forEach(PendingWrite::release));
    }
  }

  private static <T> void applyOne(PendingWrite<T> pending, WriteTransaction tx) throws SQLException {
    pending.applied(pending.op.apply(tx));
  }

  private void rollbackQuietly() {
    try {
      transactions.rollback();
    } catch (SQLException e) {
      LOG.warn("rollback failed: {}", e.getMessage());
    }
    counterAfterLastCommit = -1; // we no longer know what the counter holds
  }

  private RuntimeException translate(Throwable error) {
    if (error instanceof IllegalArgumentException illegal) {
      return illegal;
    }
    if (error instanceof StoreException store) {
      return store;
    }
    return new StoreException("the " + dialect.wireName + " database rejected a write: " + error.getMessage(), error);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    queue.add(stop);
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    acks.shutdown(); // the acknowledgements already handed over still run
    if (journal != null) {
      try {
        journal.close();
      } catch (java.io.IOException e) {
        LOG.warn("closing the heartbeat journal failed: {}", e.getMessage());
      }
    }
    for (PreparedStatement statement : statements.values()) {
      try {
        statement.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.warn("closing the writer connection failed: {}", e.getMessage());
    }
  }
}
