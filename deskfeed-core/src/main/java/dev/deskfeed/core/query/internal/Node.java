package dev.deskfeed.core.query.internal;

import java.util.List;
import java.util.Map;

/**
 * The syntax tree of a query2 program. Every node knows the line it starts on, for error messages.
 *
 * <p>Operators are kept as a flat {@link Chain} rather than a left-leaning binary tree: all six share one
 * precedence and associate to the left, and a flat chain is evaluated in a loop, so a long {@code a + b + ...}
 * cannot overflow the stack.
 */
sealed interface Node {

  int line();

  /** A number, string or bool written in the program. */
  record Literal(Value value, int line) implements Node {}

  record Variable(String name, int line) implements Node {}

  record Assign(String name, Node value, int line) implements Node {}

  /** {@code return expr;}: sets {@code RETURN}. It does not stop the program, as in aw-query. */
  record Return(Node value, int line) implements Node {}

  /** {@code name(args)}: looks {@code name} up among the variables, where the built-ins live. */
  record Call(String name, List<Node> arguments, int line) implements Node {}

  record ListLiteral(List<Node> items, int line) implements Node {}

  /** Keys in source order; a repeated key keeps its last value. */
  record DictLiteral(Map<String, Node> entries, int line) implements Node {}

  /** {@code first op operand op operand ...}, evaluated left to right. */
  record Chain(Node first, List<Step> steps, int line) implements Node {}

  record Step(Operator operator, Node operand, int line) {}

  enum Operator {
    ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), MODULO("%"), EQUALS("==");

    final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }
  }

  /** {@code if / elif / else}: the first branch whose condition is true runs; else has no condition. */
  record If(List<Branch> branches, int line) implements Node {}

  /** @param condition null for {@code else} */
  record Branch(Node condition, List<Node> body) {}
}
