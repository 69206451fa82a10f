package dev.deskfeed.core.query;

/**
 * A query that could not be parsed or run. The message reads {@code "line 3: undefined variable 'afk_events'"}:
 * the 1-based line of the program (the request's {@code query} lines joined with {@code \n}) and what was wrong.
 *
 * <p>{@link #kind()} mirrors aw-server-rust's {@code QueryError} variants so the HTTP layer can map them.
 */
public final class QueryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong; the names follow aw-server-rust's error variants. */
  public enum Kind {
    /** The program is not valid query2 syntax. */
    PARSING,
    /** The program ran but never set {@code RETURN}. */
    EMPTY_QUERY,
    /** A variable or function name that was never assigned. */
    UNDEFINED_VARIABLE,
    /** Division by zero and the like. */
    MATH,
    /** An operator or condition applied to a value of the wrong type. */
    INVALID_TYPE,
    /** A built-in called with the wrong number or types of arguments. */
    INVALID_FUNCTION_PARAMETERS,
    /** {@code TIMEINTERVAL} is not a {@code start/end} pair. */
    TIME_INTERVAL,
    /** {@code query_bucket} or {@code find_bucket} named no existing bucket. */
    UNKNOWN_BUCKET,
    /** A regex (in a rule or {@code filter_keyvals_regex}) does not compile. */
    REGEX_COMPILE
  }

  private final Kind kind;
  private final int line;
  private final String detail;

  /**
   * @param line 1-based line of the program, or 0 when not known yet (the interpreter fills it in)
   * @param detail what was wrong, without the line prefix
   */
  public QueryException(Kind kind, int line, String detail) {
    this(kind, line, detail, null);
  }

  public QueryException(Kind kind, int line, String detail, Throwable cause) {
    super(line > 0 ? "line " + line + ": " + detail : detail, cause);
    this.kind = kind;
    this.line = line;
    this.detail = detail;
  }

  public Kind kind() {
    return kind;
  }

  /** The 1-based program line, or 0 when unknown. */
  public int line() {
    return line;
  }

  /** The message without its {@code "line N: "} prefix. */
  public String detail() {
    return detail;
  }

  /** This error placed at {@code newLine}, unless it already names a line. */
  public QueryException atLine(int newLine) {
    if (line > 0 || newLine <= 0) {
      return this;
    }
    return new QueryException(kind, newLine, detail, getCause());
  }
}
