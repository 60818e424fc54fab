"""Parse errors: 5.1 messages, ids, positions; IncompleteInput for input that stops early."""
import pytest

from pshim.errors import IncompleteInput, ParseError
from pshim.language import parse


def err(text):
    with pytest.raises(ParseError) as ei:
        parse(text)
    return ei.value


@pytest.mark.parametrize("text, error_id, message, line, column", [
    ("Get-Foo -Identity <ServerIdParameter>", "RedirectionNotSupported",
     "The '<' operator is reserved for future use.", 1, 19),
    ("if (36 < 42) { 'x' }", "RedirectionNotSupported", "The '<' operator is reserved for future use.", 1, 8),
    ("$a $b", "UnexpectedToken", "Unexpected token '$b' in expression or statement.", 1, 4),
    ("1 2", "UnexpectedToken", "Unexpected token '2' in expression or statement.", 1, 3),
    ("$x -foo 1", "UnexpectedToken", "Unexpected token '-foo' in expression or statement.", 1, 4),
    ("a\n  }", "UnexpectedToken", "Unexpected token '}' in expression or statement.", 2, 3),
    ("(1))", "UnexpectedToken", "Unexpected token ')' in expression or statement.", 1, 4),
    ("a | | b", "EmptyPipeElement", "An empty pipe element is not allowed.", 1, 4),
    ("a | 1", "ExpressionsMustBeFirstInPipeline",
     "Expressions are only allowed as the first element of a pipeline.", 1, 5),
    ("1 + ; 2", "ExpectedValueExpression", "You must provide a value expression following the '+' operator.", 1, 4),
    ("$a -and )", "ExpectedValueExpression",
     "You must provide a value expression following the '-and' operator.", 1, 8),
    ("-not )", "MissingExpressionAfterOperator", "Missing expression after unary operator '-not'.", 1, 5),
    ("function {", "MissingNameAfterKeyword", "Missing name after function keyword.", 1, 9),
    ("@{a=}", "MissingStatementInHashLiteral", "Missing statement after '=' in hash literal.", 1, 5),
    ("@{a 1}", "MissingEqualsInHashLiteral", "Missing '=' operator after key in hash literal.", 1, 4),
    ("a || b", "InvalidEndOfLine", "The token '||' is not a valid statement separator in this version.", 1, 3),
    ("1 = 2", "InvalidLeftHandSide", None, 1, 1),
    ("if $x { }", "MissingOpenParenthesisInIfStatement", "Missing '(' after 'if' in if statement.", 1, 3),
    ("if () { }", "IfStatementMissingCondition", "Missing condition in if statement after 'if ('.", 1, 5),
    ("foreach $x { }", "MissingOpenParenthesisAfterKeyword", "Missing opening '(' after keyword 'foreach'.", 1, 8),
    ("foreach ($x $y) { }", "MissingInInForeach", None, 1, 12),
    ("while ($x) 1", "MissingLoopStatement", "Missing statement body in while loop.", 1, 11),
    ("try { } 1", "MissingCatchOrFinally", "The Try statement is missing its Catch or Finally block.", 1, 8),
    ("switch { }", "PipelineValueRequired", None, 1, 7),
    ("else { }", "UnexpectedToken", "Unexpected token 'else' in expression or statement.", 1, 1),
    ("$a.", "MissingPropertyName", "Missing property name after reference operator.", 1, 4),
    ("@x + 1", "SplattingNotPermitted", None, 1, 1),
    ("'a' 'b'", "UnexpectedToken", "Unexpected token ''b'' in expression or statement.", 1, 5),
])
def test_error_messages_and_positions(text, error_id, message, line, column):
    e = err(text)
    assert e.error_id == error_id
    if message is not None:
        assert e.parser_message == message
    assert (e.line, e.column) == (line, column)
    assert not isinstance(e, IncompleteInput)


@pytest.mark.parametrize("text, error_id", [
    ("$x = ", "ExpectedValueExpression"),
    ("if ($a) ", "MissingStatementBlock"),
    ('"abc', "TerminatorExpectedAtEndOfString"),
    ("'abc", "TerminatorExpectedAtEndOfString"),
    ("1 +", "ExpectedValueExpression"),
    ("1 +\n", "ExpectedValueExpression"),
    ("{", "MissingEndCurlyBrace"),
    ("if ($a) {\n  1\n", "MissingEndCurlyBrace"),
    ("(1 + 2", "MissingEndParenthesisInExpression"),
    ("@(1", "MissingEndParenthesisInSubexpression"),
    ("$(1", "MissingEndParenthesisInSubexpression"),
    ("Get-A |", "EmptyPipeElement"),
    ("Get-A |\n", "EmptyPipeElement"),
    ("Get-A `", "IncompleteString"),
    ('@"\nabc', "TerminatorExpectedAtEndOfString"),
    ("@'\nabc\n", "TerminatorExpectedAtEndOfString"),
    ("<# open comment", "MissingTerminatorMultiLineComment"),
    ("function f {", "MissingEndCurlyBrace"),
    ("@{ a = 1", "IncompleteHashLiteral"),
    ("$x.Foo(1,", "MissingExpressionAfterToken"),
    ("foreach ($x in $y) ", "MissingForeachStatement"),
    ("do { } ", "MissingWhileOrUntilInDoWhile"),
    ("try { } catch ", "MissingCatchHandlerBlock"),
    ("-not", "MissingExpressionAfterOperator"),
    ("$a[", "MissingArrayIndexExpression"),
])
def test_incomplete_input(text, error_id):
    e = err(text)
    assert isinstance(e, IncompleteInput), (e.error_id, e.parser_message)
    assert e.error_id == error_id


def test_terminator_messages():
    assert err('"abc').parser_message == 'The string is missing the terminator: ".'
    assert err("'abc").parser_message == "The string is missing the terminator: '."
    assert err('@"\nabc').parser_message == 'The string is missing the terminator: "@.'
    assert err("@'\nabc").parser_message == "The string is missing the terminator: '@."


def test_missing_curly_brace_points_at_the_open_brace():
    e = err("if ($a) {\n  if ($b) {\n  }\n")
    assert (e.line, e.column) == (1, 9)
    assert e.parser_message == "Missing closing '}' in statement block or type definition."


def test_missing_paren_message():
    e = err("(1 + 2")
    assert e.parser_message == "Missing closing ')' in expression."


def test_here_string_header_must_end_line():
    e = err('@" abc\n"@')
    assert e.error_id == "UnexpectedCharactersAfterHereStringHeader"
    assert not isinstance(e, IncompleteInput)


def test_error_text_has_position_block():
    e = err("if (36 < 42) { 'x' }")
    assert str(e) == ("At line:1 char:8\n+ if (36 < 42) { 'x' }\n+        ~\n"
                      "The '<' operator is reserved for future use.")


def test_error_positions_on_later_lines_and_with_path():
    with pytest.raises(ParseError) as ei:
        parse("$a = 1\n$b = 2\n$c $d\n", path="C:\\s\\t.ps1")
    e = ei.value
    assert (e.line, e.column) == (3, 4)
    assert str(e).startswith("At C:\\s\\t.ps1:3 char:4")


@pytest.mark.parametrize("text", [
    "Get-Foo -Identity <ServerIdParameter>", "$x = ", "if ($a) ", '"abc', "1 +", "function {", "@{a=}",
    ")", "}", "]", "a b )", "$(", "@(", "@{", "[", "[int", "$x.", "::", "..", "-", "!", "1 2 3", "$a = = 1",
    "function f ( { }", "param(", "switch ($x) { 1 }", "foreach", "for (", "catch { }", "a -x:", ",", "|",
])
def test_malformed_input_is_rejected(text):
    with pytest.raises(ParseError):
        parse(text)


def test_errors_are_cached_and_re_raised():
    e1 = err("1 +")
    e2 = err("1 +")
    assert type(e1) is type(e2) and e1.error_id == e2.error_id
