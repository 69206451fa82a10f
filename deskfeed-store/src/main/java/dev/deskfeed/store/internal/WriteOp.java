package dev.deskfeed.store.internal;

import java.sql.SQLException;

/**
 * One caller's write, run by the writer thread inside a shared transaction.
 *
 * <p>{@link #apply} may run twice: when the group's transaction fails, it is rolled back and every op is run again
 * alone so that one bad op cannot fail its neighbours. It must therefore touch nothing but the transaction.
 */
interface WriteOp<T> {

  /**
   * Upper bound of change-log seqs this op takes (a block is reserved up front; unused ones become gaps); 0 for an op
   * that changes no event. An op that takes more gets them from the counter as it goes.
   */
  int maxChanges();

  T apply(WriteTransaction tx) throws SQLException;
}
