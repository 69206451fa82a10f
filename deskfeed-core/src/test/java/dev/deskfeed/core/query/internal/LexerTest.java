package dev.deskfeed.core.query.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskfeed.core.query.QueryException;
import dev.deskfeed.core.query.internal.Token.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {

  private static List<Type> types(String source) {
    return Lexer.tokenize(source).stream().map(Token::type).toList();
  }

  private static Object literal(String source) {
    return Lexer.tokenize(source).get(0).literal();
  }

  @Test
  void numbersAreUnsignedDecimalsWithAnOptionalTrailingDot() {
    assertThat(literal("42")).isEqualTo(42.0);
    assertThat(literal("1.")).isEqualTo(1.0);
    assertThat(literal("2.50")).isEqualTo(2.5);
    assertThat(types("-1")).containsExactly(Type.MINUS, Type.NUMBER, Type.END);
  }

  @Test
  void onlyAnEscapedQuoteIsAnEscapeInStrings() {
    assertThat(literal("\"say \\\"hi\\\"\"")).isEqualTo("say \"hi\"");
    assertThat(literal("\"\\w+\\.com\"")).isEqualTo("\\w+\\.com");
    assertThat(literal("\"a\\\\nb\"")).isEqualTo("a\\\\nb");
  }

  @Test
  void aStringEndsAtTheFirstUnescapedQuote() {
    assertThat(types("\"a\" + \"b\"")).containsExactly(Type.STRING, Type.PLUS, Type.STRING, Type.END);
  }

  @Test
  void withoutAnUnescapedQuoteAStringEndsAtTheLastEscapedOne() {
    assertThat(literal("\"C:\\\"")).isEqualTo("C:\\");
  }

  @Test
  void keywordsAreWholeWordsAndBothBoolSpellingsWork() {
    assertThat(types("if iffy elif else return returned")).containsExactly(Type.IF, Type.IDENT, Type.ELIF,
        Type.ELSE, Type.RETURN, Type.IDENT, Type.END);
    assertThat(Lexer.tokenize("true True false False").stream().map(Token::literal).limit(4).toList())
        .containsExactly(true, true, false, false);
  }

  @Test
  void doubleEqualsIsOneTokenAndCommentsVanish() {
    assertThat(types("a==b # c = d\n=")).containsExactly(Type.IDENT, Type.EQUALS, Type.IDENT, Type.ASSIGN,
        Type.END);
  }

  @Test
  void linesAreCountedAcrossCommentsAndMultiLineStrings() {
    List<Token> tokens = Lexer.tokenize("a # one\n\"two\nlines\"\nb");
    assertThat(tokens).extracting(Token::line).containsExactly(1, 2, 4, 4);
  }

  @Test
  void anUnknownCharacterIsAParseErrorNamingItsLine() {
    assertThatThrownBy(() -> Lexer.tokenize("a = 1;\nb = @;"))
        .isInstanceOf(QueryException.class)
        .hasMessage("line 2: unexpected character '@'")
        .extracting(e -> ((QueryException) e).kind()).isEqualTo(QueryException.Kind.PARSING);
    assertThatThrownBy(() -> Lexer.tokenize("x = 'a';")).hasMessageContaining("strings use double quotes");
  }

  @Test
  void anUnterminatedStringNamesTheLineWhereItStarts() {
    assertThatThrownBy(() -> Lexer.tokenize("a = 1;\nb = \"open\n\n"))
        .hasMessageStartingWith("line 2: unterminated string");
  }
}
