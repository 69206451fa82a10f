package dev.deskfeed.store.internal;

/**
 * Asks the writer to commit the journaled heartbeats it holds in its open transaction, so that a reader that comes
 * next sees every acknowledged write. Changes nothing itself.
 */
final class FlushOp implements WriteOp<Void> {

  @Override
  public int maxChanges() {
    return 0;
  }

  @Override
  public Void apply(WriteTransaction tx) {
    return null;
  }
}
