package dev.deskfeed.core.query.internal;

/**
 * One lexeme of a query2 program.
 *
 * @param text the source text, for error messages
 * @param literal the value of a NUMBER (Double), STRING (String, unescaped), BOOL (Boolean) or IDENT (String)
 * @param line 1-based line where the token starts
 */
record Token(Type type, String text, Object literal, int line) {

  enum Type {
    IDENT, IF, ELIF, ELSE, RETURN, BOOL, NUMBER, STRING,
    PLUS, MINUS, STAR, SLASH, PERCENT, EQUALS, ASSIGN,
    LPAREN, RPAREN, LBRACKET, RBRACKET, LBRACE, RBRACE, COMMA, COLON, SEMI,
    END
  }

  /** How the token reads in "expected X but found Y". */
  String describe() {
    return type == Type.END ? "end of program" : "'" + text + "'";
  }
}
