package dev.deskfeed.core.query.internal;

import java.util.List;

/**
 * A built-in query2 function. It receives its evaluated arguments and the running interpreter (for
 * {@code TIMEINTERVAL} and the store) and throws {@link dev.deskfeed.core.query.QueryException} with line 0;
 * the interpreter adds the line of the call.
 */
@FunctionalInterface
interface Builtin {

  Value call(List<Value> arguments, Interpreter interpreter);
}
