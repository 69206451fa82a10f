package dev.deskfeed.store.internal;

import dev.deskfeed.core.Event;
import dev.deskfeed.store.CommitListener;
import dev.deskfeed.store.EventWriter;
import dev.deskfeed.store.StoreException;
import dev.deskfeed.store.WriteResult;
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
 * <p>The thread may run at a higher priority than the rest of the process ({@code writerNice}): under load it is
 * the one thread every acknowledgement waits for, and when it had to queue for a CPU behind request threads,
 * whose work only adds to its queue, every caller waited with it.
 */
final class GroupCommitWriter implements EventWriter, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
  private static final int MAX_GROUP = 512;
  private static final int GATHER_BELOW = 8;
  private static final long GATHER_NANOS = 100_000;

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

  /**
   * @param writerNice the nice value the writer thread asks for (0: the process's); see {@link ThreadNice}
   */
  GroupCommitWriter(Connection connection, Dialect dialect, int writerNice) {
    this.connection = connection;
    this.dialect = dialect;
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
      try {
        group.add(queue.take());
      } catch (InterruptedException e) {
        continue; // only close() stops this thread, through the stop marker
      }
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
        write(group);
        acknowledge(group);
      }
      group.clear();
      if (stopping) {
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
    counters.reset();
    long started = System.nanoTime();
    long begun;
    long applied;
    try {
      transactions.begin();
      begun = System.nanoTime();
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
      // The first seq of this transaction's block is unique to it: the version of every dirty mark it sets. (With
      // an empty block it is the first seq the transaction would take; only ops that change events set marks, and
      // they take seqs.)
      tx = new WriteTransaction(connection, statements, lastEvents, counters, bounds, before + 1);
      for (PendingWrite<?> pending : group) {
        applyOne(pending, tx);
      }
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
