package dev.deskfeed.store.internal;

import dev.deskfeed.store.StoreException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** A write waiting for its group to commit; the caller blocks in {@link #await()}. */
final class PendingWrite<T> {

  final WriteOp<T> op;
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private T tentative;

  PendingWrite(WriteOp<T> op) {
    this.op = op;
  }

  void applied(T value) {
    tentative = value;
  }

  /** Called only after the transaction holding this write committed: now the caller may be told. */
  void committed() {
    result.complete(tentative);
  }

  void failed(Throwable error) {
    result.completeExceptionally(error);
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
