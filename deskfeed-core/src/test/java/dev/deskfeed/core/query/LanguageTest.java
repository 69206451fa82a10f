package dev.deskfeed.core.query;

import static dev.deskfeed.core.query.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.query.QueryException.Kind;
import org.junit.jupiter.api.Test;

/** The language itself: operators, equality, control flow, variables and RETURN, through {@link Query2}. */
class LanguageTest {

  private static JsonNode run(String program) {
    return Query2.run(program, at(0), at(3600), new FakeContext());
  }

  private static void fails(String program, Kind kind, String message) {
    assertThatThrownBy(() -> run(program))
        .isInstanceOf(QueryException.class)
        .hasMessage(message)
        .extracting(e -> ((QueryException) e).kind()).isEqualTo(kind);
  }

  @Test
  void allOperatorsShareOnePrecedenceAndGoLeftToRight() {
    assertThat(run("return 2 + 3 * 4;").asDouble()).isEqualTo(20.0);
    assertThat(run("return 10 - 2 - 3;").asDouble()).isEqualTo(5.0);
    assertThat(run("return 2 * (3 + 4);").asDouble()).isEqualTo(14.0);
    assertThat(run("return 7 % 4 / 2;").asDouble()).isEqualTo(1.5);
    assertThat(run("return 2.5 % 1;").asDouble()).isEqualTo(0.5);
    assertThat(run("return 1 + 2 == 3;").asBoolean()).isTrue();
  }

  @Test
  void numbersComeOutAsJsonDoubles() {
    JsonNode one = run("return 1;");
    assertThat(one.isDouble()).isTrue();
    assertThat(one.toString()).isEqualTo("1.0");
  }

  @Test
  void plusConcatenatesStringsAndLists() {
    assertThat(run("return \"a\" + \"b\";").asText()).isEqualTo("ab");
    assertThat(run("return [1] + [\"x\", [2]];").toString()).isEqualTo("[1.0,\"x\",[2.0]]");
  }

  @Test
  void plusRejectsDictsAndMixedTypes() {
    fails("a = {};\nreturn a + a;", Kind.INVALID_TYPE,
        "line 2: cannot add dict [] to dict [] ('+' takes two numbers, two strings or two lists)");
    fails("return 1 + \"1\";", Kind.INVALID_TYPE,
        "line 1: cannot add string \"1\" to number 1 ('+' takes two numbers, two strings or two lists)");
    fails("return \"a\" - \"b\";", Kind.INVALID_TYPE, "line 1: '-' takes numbers, got string \"a\"");
  }

  @Test
  void divisionAndModuloByZeroAreMathErrors() {
    fails("x = 1;\nreturn x / 0;", Kind.MATH, "line 2: division by zero");
    fails("return 1 % 0;", Kind.MATH, "line 1: modulo by zero");
  }

  @Test
  void equalityComparesStructureButRefusesMixedTypes() {
    assertThat(run("return [1, \"a\", {\"k\": [true]}] == [1, \"a\", {\"k\": [true]}];").asBoolean()).isTrue();
    assertThat(run("return {\"a\": 1, \"b\": 2} == {\"b\": 2, \"a\": 1};").asBoolean()).isTrue();
    assertThat(run("return [1] == [\"1\"];").asBoolean()).isFalse();
    assertThat(run("return 1 == 1 == true;").asBoolean()).isTrue();
    fails("return true == 1;", Kind.INVALID_TYPE, "line 1: cannot compare bool true with number 1");
    fails("return flood == flood;", Kind.INVALID_TYPE, "line 1: cannot compare function flood with function flood");
  }

  @Test
  void noneIsNeverEqualToNoneButIsFoundInLists() {
    assertThat(run("n = print();\nreturn n == n;").asBoolean()).isFalse();
    assertThat(run("n = print();\nreturn contains([n], n);").asBoolean()).isTrue();
  }

  @Test
  void ifElifElsePicksTheFirstTrueBranch() {
    String program = "n = 0;\nif a { n = 1; } elif b { n = 2; } else { n = 3; }\nreturn n;";
    assertThat(run("a = false; b = true;\n" + program).asDouble()).isEqualTo(2.0);
    assertThat(run("a = true; b = true;\n" + program).asDouble()).isEqualTo(1.0);
    assertThat(run("a = false; b = false;\n" + program).asDouble()).isEqualTo(3.0);
    assertThat(run("n = 1; if true { if 1 == 1 { n = 2; } } return n;").asDouble()).isEqualTo(2.0);
  }

  @Test
  void anIfConditionMustBeABool() {
    fails("x = 1;\nif x { }\nreturn 1;", Kind.INVALID_TYPE, "line 2: an if condition must be a bool, got number 1");
  }

  @Test
  void returnAssignsRETURNAndTheProgramGoesOn() {
    assertThat(run("return 1; return 2;").asDouble()).isEqualTo(2.0);
    assertThat(run("RETURN = \"old style\";").asText()).isEqualTo("old style");
    assertThat(run("return 1; x = RETURN + 1; return x;").asDouble()).isEqualTo(2.0);
    fails("return 1;\nx = 1 / 0;", Kind.MATH, "line 2: division by zero");
  }

  @Test
  void aProgramWithoutReturnIsAnEmptyQuery() {
    fails("a = 1;\nb = 2;", Kind.EMPTY_QUERY, "line 2: the query never sets RETURN (end it with 'return <value>;')");
    fails("", Kind.EMPTY_QUERY, "line 1: the query never sets RETURN (end it with 'return <value>;')");
  }

  @Test
  void anUndefinedVariableNamesItsLine() {
    fails("a = 1;\n\nreturn afk_events;", Kind.UNDEFINED_VARIABLE, "line 3: undefined variable 'afk_events'");
    fails("x = 1;\nreturn no_such_function(x);", Kind.UNDEFINED_VARIABLE,
        "line 2: undefined function 'no_such_function'");
  }

  @Test
  void functionsAreVariablesThatCanBeAliasedAndShadowed() {
    assertThat(run("total = sum_durations;\nreturn total([]);").asDouble()).isEqualTo(0.0);
    fails("flood = 1;\nreturn flood([]);", Kind.INVALID_TYPE, "line 2: 'flood' is a number, not a function");
  }

  @Test
  void dictsKeepKeyOrderAndTheLastRepeatedKeyWins() {
    assertThat(run("return {\"b\": 1, \"a\": [true, \"x\"], \"b\": 2};").toString())
        .isEqualTo("{\"a\":[true,\"x\"],\"b\":2.0}");
  }

  @Test
  void noneReturnsAsNullAndFunctionsCannotBeReturned() {
    assertThat(run("return print(\"hello\");").isNull()).isTrue();
    fails("x = 1;\nreturn flood;", Kind.INVALID_TYPE,
        "line 2: the result holds function flood, which has no JSON form");
  }

  @Test
  void timeintervalHoldsThePeriodAsAwServerRustWritesIt() {
    assertThat(run("return TIMEINTERVAL;").asText())
        .isEqualTo("2026-03-02T09:00:00+00:00/2026-03-02T10:00:00+00:00");
  }

  @Test
  void longOperatorChainsDoNotOverflowTheStack() {
    String program = "return " + "1 + ".repeat(50_000) + "1;";
    assertThat(run(program).asDouble()).isEqualTo(50_001.0);
  }

  @Test
  void absurdNestingIsAParseErrorNotACrash() {
    String program = "return " + "(".repeat(200_000) + "1" + ")".repeat(200_000) + ";";
    fails(program, Kind.PARSING, "line 1: the program nests too deeply to parse");
  }

  @Test
  void commentsAndBlankLinesDoNotShiftLineNumbers() {
    fails("# first\n\na = 1; # set a\nreturn a + b;", Kind.UNDEFINED_VARIABLE, "line 4: undefined variable 'b'");
  }

  @Test
  void requestLinesJoinWithNewlines() {
    assertThat(Query2.join(java.util.List.of("a = 1;", "return a;"))).isEqualTo("a = 1;\nreturn a;");
  }
}
