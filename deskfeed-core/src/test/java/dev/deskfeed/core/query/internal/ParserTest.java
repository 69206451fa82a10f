package dev.deskfeed.core.query.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskfeed.core.query.QueryException;
import org.junit.jupiter.api.Test;

class ParserTest {

  private static void rejects(String source, String message) {
    assertThatThrownBy(() -> Program.parse(source))
        .isInstanceOf(QueryException.class)
        .hasMessage(message)
        .extracting(e -> ((QueryException) e).kind()).isEqualTo(QueryException.Kind.PARSING);
  }

  @Test
  void operatorsFormOneLeftAssociativeChain() {
    Program program = Program.parse("x = 1 + 2 * 3 == 9;");
    Node.Assign assign = (Node.Assign) program.statements().get(0);
    Node.Chain chain = (Node.Chain) assign.value();
    assertThat(chain.steps()).extracting(Node.Step::operator)
        .containsExactly(Node.Operator.ADD, Node.Operator.MULTIPLY, Node.Operator.EQUALS);
  }

  @Test
  void ifBlocksNeedNoSemicolonAndStraySemicolonsAreFine() {
    Program program = Program.parse(";; if a { b = 1; } elif c { } else { d = 2;; } e = 3;");
    assertThat(program.statements()).hasSize(2);
    Node.If conditional = (Node.If) program.statements().get(0);
    assertThat(conditional.branches()).hasSize(3);
    assertThat(conditional.branches().get(2).condition()).isNull();
  }

  @Test
  void aDictMayFollowAnIfConditionOperator() {
    Program program = Program.parse("if a == {\"k\": 1} { b = 1; }");
    assertThat(((Node.If) program.statements().get(0)).branches().get(0).body()).hasSize(1);
  }

  @Test
  void lastLineIsTheLineOfTheEnd() {
    assertThat(Program.parse("a = 1;\n\nb = 2;\n").lastLine()).isEqualTo(4);
  }

  @Test
  void aMissingSemicolonNamesTheLineOfWhatFollows() {
    rejects("a = 1\nb = 2;", "line 2: expected ';' after the statement but found 'b'");
  }

  @Test
  void negativeLiteralsDoNotExist() {
    rejects("return -1;", "line 1: expected a value but found '-'");
  }

  @Test
  void argumentsCannotBeAssignments() {
    rejects("f(a = 1);", "line 1: expected ',' or ')' but found '='");
  }

  @Test
  void trailingCommasAreRejected() {
    rejects("x = [1, 2,];", "line 1: expected a value but found ']'");
  }

  @Test
  void dictKeysMustBeStrings() {
    rejects("x = {a: 1};", "line 1: expected a string key in the dict but found 'a'");
  }

  @Test
  void anUnclosedBlockIsReported() {
    rejects("if a {\n b = 1;\n", "line 3: expected '}' to close the block but found end of program");
  }

  @Test
  void elifAfterElseIsNotAStatement() {
    rejects("if a { } else { }\nelif b { }", "line 2: expected a value but found 'elif'");
  }

  @Test
  void callsNeedANameAndCannotBeChained() {
    rejects("x = f(1)(2);", "line 1: expected ';' after the statement but found '('");
  }

  @Test
  void anEndInTheMiddleOfAnExpressionIsReported() {
    rejects("x = 1 +", "line 1: expected a value but found end of program");
  }
}
