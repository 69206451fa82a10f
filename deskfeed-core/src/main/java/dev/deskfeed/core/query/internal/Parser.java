package dev.deskfeed.core.query.internal;

import dev.deskfeed.core.query.QueryException;
import dev.deskfeed.core.query.QueryException.Kind;
import dev.deskfeed.core.query.internal.Node.Operator;
import dev.deskfeed.core.query.internal.Token.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recursive-descent parser accepting exactly aw-query's grammar:
 *
 * <pre>
 * program    := (statement | ';')*
 * statement  := if | ('return' assignment | assignment) ';'
 * if         := 'if' operation block ('elif' operation block)* ('else' block)?      block := '{' program '}'
 * assignment := IDENT '=' operation | operation
 * operation  := operand (('+' | '-' | '*' | '/' | '%' | '==') operand)*            one precedence, left first
 * operand    := IDENT '(' [operation (',' operation)*] ')' | '{' [STRING ':' operation (',' ...)*] '}'
 *             | '[' [operation (',' operation)*] ']' | IDENT | NUMBER | STRING | BOOL | '(' operation ')'
 * </pre>
 *
 * Consequences worth knowing: an if-block needs no {@code ;} after its closing brace, stray {@code ;} are allowed,
 * arguments and list items cannot be assignments, there are no trailing commas and no negative literals.
 */
final class Parser {

  private final List<Token> tokens;
  private int position;

  private Parser(List<Token> tokens) {
    this.tokens = tokens;
  }

  static Program parse(String source) {
    List<Token> tokens = Lexer.tokenize(source);
    Parser parser = new Parser(tokens);
    List<Node> statements = parser.statements(Type.END);
    return new Program(List.copyOf(statements), tokens.get(tokens.size() - 1).line());
  }

  private List<Node> statements(Type terminator) {
    List<Node> statements = new ArrayList<>();
    while (peek().type() != terminator) {
      if (peek().type() == Type.SEMI) {
        position++;
      } else if (peek().type() == Type.IF) {
        statements.add(ifStatement());
      } else if (peek().type() == Type.END) {
        throw error("expected '}' to close the block but found end of program");
      } else {
        statements.add(simpleStatement());
        expect(Type.SEMI, "';' after the statement");
      }
    }
    return statements;
  }

  private Node ifStatement() {
    Token first = advance();
    List<Node.Branch> branches = new ArrayList<>();
    branches.add(new Node.Branch(operation(), block()));
    while (peek().type() == Type.ELIF) {
      advance();
      branches.add(new Node.Branch(operation(), block()));
    }
    if (peek().type() == Type.ELSE) {
      advance();
      branches.add(new Node.Branch(null, block()));
    }
    return new Node.If(List.copyOf(branches), first.line());
  }

  private List<Node> block() {
    expect(Type.LBRACE, "'{' to open the block");
    List<Node> body = statements(Type.RBRACE);
    advance();
    return List.copyOf(body);
  }

  private Node simpleStatement() {
    if (peek().type() == Type.RETURN) {
      Token keyword = advance();
      return new Node.Return(assignment(), keyword.line());
    }
    return assignment();
  }

  private Node assignment() {
    if (peek().type() == Type.IDENT && peek(1).type() == Type.ASSIGN) {
      Token name = advance();
      advance();
      return new Node.Assign((String) name.literal(), operation(), name.line());
    }
    return operation();
  }

  private Node operation() {
    Node first = operand();
    List<Node.Step> steps = null;
    Operator operator;
    while ((operator = operatorAt(peek())) != null) {
      Token symbol = advance();
      if (steps == null) {
        steps = new ArrayList<>();
      }
      steps.add(new Node.Step(operator, operand(), symbol.line()));
    }
    return steps == null ? first : new Node.Chain(first, List.copyOf(steps), first.line());
  }

  private static Operator operatorAt(Token token) {
    return switch (token.type()) {
      case PLUS -> Operator.ADD;
      case MINUS -> Operator.SUBTRACT;
      case STAR -> Operator.MULTIPLY;
      case SLASH -> Operator.DIVIDE;
      case PERCENT -> Operator.MODULO;
      case EQUALS -> Operator.EQUALS;
      default -> null;
    };
  }

  private Node operand() {
    Token token = peek();
    if (token.type() == Type.END) {
      throw error("expected a value but found end of program");
    }
    advance();
    switch (token.type()) {
      case IDENT:
        if (peek().type() == Type.LPAREN) {
          advance();
          return new Node.Call((String) token.literal(), items(Type.RPAREN), token.line());
        }
        return new Node.Variable((String) token.literal(), token.line());
      case NUMBER:
        return new Node.Literal(new Value.NumberValue((Double) token.literal()), token.line());
      case STRING:
        return new Node.Literal(new Value.StringValue((String) token.literal()), token.line());
      case BOOL:
        return new Node.Literal(Value.BoolValue.of((Boolean) token.literal()), token.line());
      case LBRACKET:
        return new Node.ListLiteral(items(Type.RBRACKET), token.line());
      case LBRACE:
        return dict(token);
      case LPAREN:
        Node inner = operation();
        expect(Type.RPAREN, "')'");
        return inner;
      default:
        position--;
        throw error("expected a value but found " + token.describe());
    }
  }

  /** Comma-separated operations up to {@code close}, which is consumed. */
  private List<Node> items(Type close) {
    List<Node> items = new ArrayList<>();
    if (peek().type() == close) {
      advance();
      return List.of();
    }
    while (true) {
      items.add(operation());
      Token next = peek();
      if (next.type() == close) {
        advance();
        return List.copyOf(items);
      }
      if (next.type() != Type.COMMA) {
        throw error("expected ',' or " + (close == Type.RPAREN ? "')'" : "']'") + " but found " + next.describe());
      }
      advance();
    }
  }

  private Node dict(Token open) {
    Map<String, Node> entries = new LinkedHashMap<>();
    if (peek().type() == Type.RBRACE) {
      advance();
      return new Node.DictLiteral(Map.of(), open.line());
    }
    while (true) {
      Token key = peek();
      if (key.type() != Type.STRING) {
        throw error("expected a string key in the dict but found " + key.describe());
      }
      advance();
      expect(Type.COLON, "':' after the dict key");
      entries.remove((String) key.literal()); // a repeated key takes the last value
      entries.put((String) key.literal(), operation());
      Token next = peek();
      if (next.type() == Type.RBRACE) {
        advance();
        return new Node.DictLiteral(Collections.unmodifiableMap(entries), open.line());
      }
      if (next.type() != Type.COMMA) {
        throw error("expected ',' or '}' in the dict but found " + next.describe());
      }
      advance();
    }
  }

  private void expect(Type type, String what) {
    Token token = peek();
    if (token.type() != type) {
      throw error("expected " + what + " but found " + token.describe());
    }
    position++;
  }

  private QueryException error(String detail) {
    return new QueryException(Kind.PARSING, peek().line(), detail);
  }

  private Token peek() {
    return tokens.get(position);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(position + ahead, tokens.size() - 1));
  }

  private Token advance() {
    Token token = tokens.get(position);
    if (token.type() != Type.END) {
      position++;
    }
    return token;
  }
}
