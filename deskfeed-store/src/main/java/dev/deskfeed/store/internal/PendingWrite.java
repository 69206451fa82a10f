package dev.deskfeed.store.internal;

import dev.deskfeed.store.StoreException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A write waiting for its group to commit. The writer records its outcome ({@link #committed()} or
 * {@link #failed}) and tells the caller in {@link #release()} once the whole group is settled: a blocking caller
 * waits in {@link #await()}, an asynchronous one chains onto {@link #future()}.
 */
final class PendingWrite<T> {

  final WriteOp<T> op;
  /** The caller did not block: its future is completed on an acknowledgement thread, not the writer's. */
  final boolean async;
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private T tentative;
  private boolean done;
  private Throwable error;

  PendingWrite(WriteOp<T> op, boolean async) {
    this.op = op;
    this.async = async;
  }

  void applied(T value) {
    tentative = value;
  }

  /** The transaction holding this write committed: the caller may be told at {@link #release()}. */
  void committed() {
    done = true;
    error = null;
  }

  void failed(Throwable cause) {
    done = true;
    error = cause;
  }

  /** Tells the caller what became of the write; only after {@link #committed()} or {@link #failed}. */
  void release() {
    if (!done) {
      result.completeExceptionally(new StoreException("the writer stopped before this write was settled"));
    } else if (error != null) {
      result.completeExceptionally(error);
    } else {
      result.complete(tentative);
    }
  }

  CompletableFuture<T> future() {
    return result;
  }

  T await() {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for the write to commit", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new StoreException("write failed: " + cause.getMessage(), cause);
    }
  }
}
