package dev.deskfeed.core.query.internal;

import dev.deskfeed.core.query.QueryException;
import dev.deskfeed.core.query.QueryException.Kind;
import dev.deskfeed.core.query.internal.Token.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a query2 program into tokens, with aw-query's lexical rules.
 *
 * <p>Numbers are {@code [0-9]+\.?[0-9]*} (no sign, no leading dot, so {@code -1} is a subtraction); strings are
 * double-quoted and {@code \"} is their only escape, so {@code "\w+"} reaches the regex engine as {@code \w+}.
 * Like aw-query's longest-match lexer, a string ends at the first quote not preceded by a backslash; only if
 * there is none before the end of the program does it end at the last {@code \"} instead (so {@code "C:\"}
 * at the very end reads {@code C:\}). {@code #} starts a comment to the end of the line.
 *
 * <p>Unlike aw-query, which silently stops at a character it cannot read and runs the program up to there,
 * an unknown character is a parse error naming its line.
 */
final class Lexer {

  private static final Map<String, Type> KEYWORDS = Map.of(
      "if", Type.IF, "elif", Type.ELIF, "else", Type.ELSE, "return", Type.RETURN,
      "true", Type.BOOL, "false", Type.BOOL, "True", Type.BOOL, "False", Type.BOOL);

  private final String source;
  private int position;
  private int line = 1;

  private Lexer(String source) {
    this.source = source;
  }

  /** All tokens of {@code source}, ending with one {@link Type#END}. */
  static List<Token> tokenize(String source) {
    return new Lexer(source).run();
  }

  private List<Token> run() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipBlanksAndComments();
      if (position >= source.length()) {
        tokens.add(new Token(Type.END, "", null, line));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private void skipBlanksAndComments() {
    while (position < source.length()) {
      char c = source.charAt(position);
      if (c == '\n') {
        line++;
        position++;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        position++;
      } else if (c == '#') {
        while (position < source.length() && source.charAt(position) != '\n') {
          position++;
        }
      } else {
        return;
      }
    }
  }

  private Token next() {
    char c = source.charAt(position);
    if (isDigit(c)) {
      return number();
    }
    if (c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      return word();
    }
    if (c == '"') {
      return string();
    }
    if (c == '=' && position + 1 < source.length() && source.charAt(position + 1) == '=') {
      position += 2;
      return new Token(Type.EQUALS, "==", null, line);
    }
    Type type = switch (c) {
      case '=' -> Type.ASSIGN;
      case '+' -> Type.PLUS;
      case '-' -> Type.MINUS;
      case '*' -> Type.STAR;
      case '/' -> Type.SLASH;
      case '%' -> Type.PERCENT;
      case '(' -> Type.LPAREN;
      case ')' -> Type.RPAREN;
      case '[' -> Type.LBRACKET;
      case ']' -> Type.RBRACKET;
      case '{' -> Type.LBRACE;
      case '}' -> Type.RBRACE;
      case ',' -> Type.COMMA;
      case ':' -> Type.COLON;
      case ';' -> Type.SEMI;
      default -> throw new QueryException(Kind.PARSING, line, "unexpected character '" + c + "'" + hint(c));
    };
    position++;
    return new Token(type, String.valueOf(c), null, line);
  }

  private static String hint(char c) {
    if (c == '\'') {
      return " (strings use double quotes)";
    }
    return c == '.' ? " (write numbers as 0.5, not .5)" : "";
  }

  private Token number() {
    int start = position;
    while (position < source.length() && isDigit(source.charAt(position))) {
      position++;
    }
    if (position < source.length() && source.charAt(position) == '.') {
      position++;
      while (position < source.length() && isDigit(source.charAt(position))) {
        position++;
      }
    }
    String text = source.substring(start, position);
    return new Token(Type.NUMBER, text, Double.parseDouble(text), line);
  }

  private Token word() {
    int start = position;
    while (position < source.length() && isWordChar(source.charAt(position))) {
      position++;
    }
    String text = source.substring(start, position);
    Type keyword = KEYWORDS.get(text);
    if (keyword == Type.BOOL) {
      return new Token(Type.BOOL, text, Boolean.valueOf(text.equalsIgnoreCase("true")), line);
    }
    return new Token(keyword == null ? Type.IDENT : keyword, text, text, line);
  }

  private static boolean isWordChar(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private Token string() {
    int startLine = line;
    int open = position;
    int close = -1; // the quote that ends the string
    int lastEscapedQuote = -1; // fallback end when no unescaped quote follows
    for (int i = open + 1; i < source.length(); i++) {
      if (source.charAt(i) == '"') {
        if (source.charAt(i - 1) == '\\') {
          lastEscapedQuote = i;
        } else {
          close = i;
          break;
        }
      }
    }
    if (close < 0) {
      close = lastEscapedQuote;
    }
    if (close < 0) {
      throw new QueryException(Kind.PARSING, startLine, "unterminated string starting "
          + abbreviate(source.substring(open)));
    }
    String body = source.substring(open + 1, close);
    for (int i = 0; i < body.length(); i++) {
      if (body.charAt(i) == '\n') {
        line++;
      }
    }
    position = close + 1;
    return new Token(Type.STRING, source.substring(open, close + 1), body.replace("\\\"", "\""), startLine);
  }

  private static String abbreviate(String text) {
    String firstLine = text.lines().findFirst().orElse(text);
    return firstLine.length() <= 30 ? firstLine : firstLine.substring(0, 27) + "...";
  }
}
