package dev.deskfeed.core.query.internal;

import java.util.List;

/**
 * A parsed query2 program: immutable, so one parse serves every time period of a request and any thread.
 *
 * @param lastLine the program's last line, where an error about the program as a whole (no RETURN) points
 */
public record Program(List<Node> statements, int lastLine) {

  /**
   * Parses a program.
   *
   * @throws dev.deskfeed.core.query.QueryException of kind PARSING, naming the line
   */
  public static Program parse(String source) {
    return Parser.parse(source);
  }
}
