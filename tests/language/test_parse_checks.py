"""Parse errors 5.1 raises that the grammar alone does not: its post-parse checks
(pshim/language/semantic_checks.py) and the statements whose error rules issue 11
listed.  Messages are 5.1's ParserStrings texts; positions are 0-based offsets."""
import pytest

from pshim.errors import IncompleteInput, ParseError
from pshim.language import parse
from pshim.testing import run


def errors(text):
    """[(error id, start offset, message)] of every error reported for text."""
    with pytest.raises(ParseError) as ei:
        parse(text)
    return [(i.error_id, i.extent.start, i.message) for i in ei.value.errors]


def first(text):
    return errors(text)[0]


# --- parameters ---------------------------------------------------------------------
def test_duplicate_parameters_are_all_reported():
    assert errors("function f($a,$a,$A){}") == [
        ("DuplicateFormalParameter", 14, "Duplicate parameter $a in parameter list."),
        ("DuplicateFormalParameter", 17, "Duplicate parameter $A in parameter list."),
    ]


@pytest.mark.parametrize("text, offset", [
    ("function f { param($a,[int]$a) }", 27),
    ("function f($a,[int]$a){}", 19),
    ("param($Path, [string]$path)", 21),
    ("& { param($x, $y, $x) }", 18),
])
def test_duplicate_parameter(text, offset):
    assert first(text)[:2] == ("DuplicateFormalParameter", offset)


def test_void_and_ordered_parameter_types():
    assert errors("param([void]$x, [ordered]$y)") == [
        ("VoidTypeConstraintNotAllowed", 6,
         "[void] cannot be used as a parameter type, or on the left side of an assignment."),
        ("OrderedAttributeOnlyOnHashLiteralNode", 16, "The ordered attribute can be specified only on a hash literal node."),
    ]


def test_duplicate_named_attribute_argument():
    assert first("param([Parameter(Mandatory, mandatory=$false)]$x)") == (
        "DuplicateNamedArgument", 28, "Duplicate named arguments 'mandatory' are not allowed.")


# --- flow of control out of finally -------------------------------------------------
@pytest.mark.parametrize("text, offset", [
    ("try {} finally { return }", 17),
    ("try {} finally { break }", 17),
    ("try {} finally { continue }", 17),
    ("try {} finally { foreach ($x in 1) { return } }", 37),
    ("try {} finally { foreach ($x in 1) { break outer } }", 37),
    ("try {} finally { if ($x) { return 5 } }", 27),
    ("try {} finally { try {} finally { break } }", 34),
    ("try {} finally { switch (1) { 1 { break } } }", 34),       # a switch is not a loop here
    ("while (1) { try { } finally { continue } }", 30),
])
def test_control_leaving_finally(text, offset):
    assert first(text) == ("ControlLeavingFinally", offset, "Flow of control cannot leave a Finally block.")


@pytest.mark.parametrize("text", [
    "try {} finally { foreach ($x in 1) { break } }",
    "try {} finally { while (1) { continue } }",
    ":outer foreach ($y in 1) { foreach ($x in 1) { try {} finally { foreach ($z in 1) { break } } } }",
    "try {} finally { & { return } ; function g { return } }",
    "try {} finally { trap { continue } 1 }",
    "try { return } catch { break } finally { }",
    "try {} finally { $f = { return 1 } }",
])
def test_flow_that_stays_inside_finally(text):
    parse(text)


def test_finally_error_stops_the_script_before_it_runs():
    r = run("'ran'\ntry { } finally { return }")
    assert r.output == [] and r.errors[0].error_id == "ControlLeavingFinally"


def test_empty_catch_must_be_last():
    assert first("try {} catch {} catch [int] {}") == ("EmptyCatchNotLast", 15,
                                                        "Catch block must be the last catch block.")


# --- assignment targets, ++ and -- ---------------------------------------------------
def test_compound_assignment_to_several_targets():
    msg = ("The assignment expression is not valid. The input to an assignment operator must be an object that is "
           "able to accept assignments, such as a variable or a property.")
    assert first("$a,$b += 1,2") == ("InvalidLeftHandSide", 0, msg)
    assert first("($a, $b) -= 1")[:2] == ("InvalidLeftHandSide", 1)
    parse("$a, $b = 1, 2")
    parse("($a, [int]$b) = 1, 2")


@pytest.mark.parametrize("text, offset, op", [
    ("1++", 0, "++"), ("++1", 2, "++"), ("--'a'", 2, "--"), ("($a,$b)++", 1, "++"), ("(Get-Date)--", 1, "--"),
])
def test_increment_needs_a_variable_or_property(text, offset, op):
    assert first(text) == ("OperatorRequiresVariableOrProperty", offset,
                           f"The '{op}' operator works only on variables or on properties.")


@pytest.mark.parametrize("text", ["$x++", "++$x", "$o.n--", "$a[1]++", "($x)++", "[int]$x++"])
def test_increment_of_assignable_operands(text):
    parse(text)


def test_void_on_the_left_of_an_assignment():
    assert first("[void]$x = 1")[:2] == ("VoidTypeConstraintNotAllowed", 0)


# --- [ref] ----------------------------------------------------------------------------
@pytest.mark.parametrize("text, error_id, offset, message", [
    ("[ref][ref]$x", "ReferenceNeedsToBeByItselfInTypeSequence", 5,
     "Cannot have two occurrences of [ref] in a type sequence."),
    ("[int][ref]$x", "ReferenceNeedsToBeLastTypeInTypeConversion", 5,
     "[ref] can only be the final type in type conversion sequence."),
    ("$y = [int][ref]$x", "ReferenceNeedsToBeLastTypeInTypeConversion", 10, None),
    ("[int][ref]$x = 42", "ReferenceNeedsToBeByItselfInTypeConstraint", 5,
     "Cannot use [ref] with other types in a type constraint."),
    ("[ref][int]$x = 42", "ReferenceNeedsToBeByItselfInTypeConstraint", 0, None),
])
def test_ref_rules(text, error_id, offset, message):
    eid, start, msg = first(text)
    assert (eid, start) == (error_id, offset)
    if message:
        assert msg == message


@pytest.mark.parametrize("text", ["[ref]$x", "[ref][int]$x", "[ref]$x = 1", "f ([ref]$x)"])
def test_valid_ref_uses(text):
    parse(text)


# --- attributes, [ordered], hash literals -------------------------------------------
@pytest.mark.parametrize("text, offset", [("[a()][b]", 0), ("[a()][b]2", 0), ("[ValidateNotNull()]1", 0),
                                          ("$x = [Alias('y')]'s'", 5)])
def test_unexpected_attribute(text, offset):
    eid, start, msg = first(text)
    assert (eid, start) == ("UnexpectedAttribute", offset) and msg.startswith("Unexpected attribute '")


def test_attribute_on_a_variable_is_fine():
    parse("[ValidateNotNull()]$x = 1")
    parse("[ValidateRange(1, 5)][int]$n = 3")


def test_ordered_only_on_a_hash_literal():
    assert first("[ordered]$x") == ("OrderedAttributeOnlyOnHashLiteralNode", 0,
                                    "The ordered attribute can be specified only on a hash literal node.")
    parse("[ordered]@{a = 1}")


def test_duplicate_constant_keys_in_a_hash_literal():
    assert errors("@{a=1; A=2; 1=1; 1.0=2; \"b\"=1; 'B'=2}") == [
        ("DuplicateKeyInHashLiteral", 7, "Duplicate keys 'A' are not allowed in hash literals."),
        ("DuplicateKeyInHashLiteral", 17, "Duplicate keys '1' are not allowed in hash literals."),
        ("DuplicateKeyInHashLiteral", 31, "Duplicate keys 'B' are not allowed in hash literals."),
    ]
    parse("@{$x = 1; $x = 2}")              # not constant: only a runtime error


def test_duplicate_key_stops_the_script_before_it_runs():
    r = run("'ran'; $h = @{ Name = 1; name = 2 }")
    assert r.output == [] and "Duplicate keys 'name'" in r.error_text


def test_unclosed_hash_literal():
    e = errors("@{ a=1;b=2;c=3;")[0]
    assert e == ("IncompleteHashLiteral", 14, "The hash literal was incomplete.")
    with pytest.raises(IncompleteInput):
        parse("@{")
    assert first("@{ a = 1 b = 2 }")[0] == "UnexpectedToken"


# --- splatting and commas in arguments ---------------------------------------------
@pytest.mark.parametrize("text, error_id, offset", [
    ("@a", "SplattingNotPermitted", 0),
    ("foreach (@a in $b) {}", "SplattingNotPermitted", 9),
    ("param(@a)", "SplattingNotPermitted", 6),
    ("function foo (@a) {}", "SplattingNotPermitted", 14),
    ("Write-Output @a, 1", "SplattingNotPermittedInArgumentList", 13),
    ("Write-Output 1,@a", "SplattingNotPermittedInArgumentList", 15),
    ("gcm ,", "MissingArgument", 4),
    ("Write-Output ,1", "MissingArgument", 13),
    ("Write-Output -InputObject ,1", "MissingArgument", 26),
    ("Write-Output a,,b", "MissingExpression", 15),
    ("|gps", "EmptyPipeElement", 0),
])
def test_argument_errors(text, error_id, offset):
    assert first(text)[:2] == (error_id, offset)


def test_trailing_comma_in_arguments_is_incomplete():
    with pytest.raises(IncompleteInput) as ei:
        parse("Write-Output a,")
    assert ei.value.parser_message == "Missing expression after ',' in pipeline element."


def test_splat_and_comma_lists_that_are_fine():
    parse("Write-Output @a -x 1")
    parse("Write-Output a ,b , c")
    parse("Write-Output -InputObject:1,2")


# --- named blocks --------------------------------------------------------------------
@pytest.mark.parametrize("text, column, keyword", [
    ("begin", 6, "begin"), ("process", 8, "process"), ("end", 4, "end"), ("dynamicparam", 13, "dynamicparam"),
    ("begin process {}", 6, "begin"), ("end process {}", 4, "end"), ("dynamicparam process {}", 13, "dynamicparam"),
    ("process begin {}", 8, "process"), ("begin process end", 6, "begin"), ("function f { begin {} END }", 26, "end"),
])
def test_missing_named_statement_block(text, column, keyword):
    with pytest.raises(ParseError) as ei:
        parse(text)
    e = ei.value
    assert (e.error_id, e.column) == ("MissingNamedStatementBlock", column)
    assert e.parser_message == f"Missing statement block after '{keyword}'."


def test_named_block_keyword_not_first_is_a_command():
    parse("Get-Thing; end")                   # not at the start of a body: a command named `end`
    parse("Begin-Transaction")


def test_duplicate_named_block():
    assert first("begin {} begin {}") == ("DuplicateScriptCommandClause", 9,
                                          "Script command clause 'begin' has already been defined.")


# --- data sections ---------------------------------------------------------------------
@pytest.mark.parametrize("text, error_id, column", [
    ("data", "MissingStatementBlockForDataSection", 5),
    ("data foo", "MissingStatementBlockForDataSection", 9),
    ("data -abc", "InvalidParameterForDataSectionStatement", 6),
    ("data -abc foo {}", "InvalidParameterForDataSectionStatement", 6),
    ("data -s & {}", "MissingValueForSupportedCommandInDataSectionStatement", 8),
    ("data -s ) {}", "MissingValueForSupportedCommandInDataSectionStatement", 8),
    ("data -sup a,", "MissingValueForSupportedCommandInDataSectionStatement", 13),
    ("data -sup a,b", "MissingStatementBlockForDataSection", 14),
])
def test_data_section_errors(text, error_id, column):
    with pytest.raises(ParseError) as ei:
        parse(text)
    assert (ei.value.error_id, ei.value.column) == (error_id, column)


def test_data_section_messages():
    assert first("data -abc")[2] == ('The "abc" parameter of the Data section is not valid. The valid Data section '
                                     'parameter is SupportedCommand.')
    assert first("data -s & {}")[2] == ("The SupportedCommand parameter of the Data section is missing a value. "
                                        "Supply a cmdlet or function name to the parameter.")
    parse("data d -SupportedCommand Format-Text, 'Get-X' { 'x' }")


# --- switch ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, error_id, offset", [
    ("switch", "PipelineValueRequired", 6),
    ("switch (", "PipelineValueRequired", 8),
    ("switch ()", "PipelineValueRequired", 8),
    ("switch $x { 1 {} }", "PipelineValueRequired", 6),
    ("switch -file", "MissingFilenameOption", 12),
    ("switch -file a (1)", "PipelineValueRequired", 15),
    ("switch (1) { }", "MissingSwitchConditionExpression", 12),
    ('switch ("abc")  {', "MissingSwitchConditionExpression", 17),
    ("switch (1) { 1 {} ) }", "MissingSwitchConditionExpression", 17),
])
def test_switch_errors(text, error_id, offset):
    assert first(text)[:2] == (error_id, offset)


# --- using ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text, error_id, offset, message", [
    ("1; using namespace System", "UsingMustBeAtStartOfScript", 3,
     "A 'using' statement must appear before any other statements in a script."),
    ("using foo x", "MissingUsingStatementDirective", 5, "Missing using directive"),
    ("using namespace\n1", "MissingUsingItemName", 15, "Missing using name"),
    ("using namespace $x", "InvalidValueForUsingItemName", 0, "'$x' is not a valid value for using name."),
    ('using namespace "a$b"', "InvalidValueForUsingItemName", 0, None),
    ("using namespace x = y", "UsingStatementNotSupported", 0,
     "This syntax of the 'using' statement is not supported."),
    ("using type x = y", "UsingStatementNotSupported", 0, None),
    ("using type x", "MissingEqualsInUsingAlias", 12, "Missing '=' operator"),
    ("using namespace x =", "MissingNamespaceAlias", 19, "Missing namespace alias"),
    ("using namespace x y", "MissingStatementTerminator", 18, "Missing a newline or semicolon."),
    ("& { using namespace x }", "MissingStatementTerminator", 22, None),
])
def test_using_errors(text, error_id, offset, message):
    eid, start, msg = first(text)
    assert (eid, start) == (error_id, offset)
    if message:
        assert msg == message


def test_valid_using_statements():
    sb = parse("using namespace System.Text; using module .\\m.psm1\nusing assembly 'x.dll'\n"
               "using module @{ModuleName = 'M'; ModuleVersion = '1.0'}\n1")
    assert sb.using[:3] == ["using namespace System.Text", "using module .\\m.psm1", "using assembly 'x.dll'"]


# --- several errors at once, in the 5.1 error view --------------------------------------
def test_semantic_errors_are_listed_together():
    r = run("function f($a, $a) { }\ntry { } finally { break }")
    text = r.error_text
    assert text.index("Duplicate parameter $a in parameter list.") < text.index(
        "Flow of control cannot leave a Finally block.")
    assert "At line:2 char:19" in text


def test_syntax_errors_come_before_semantic_ones():
    # the grammar stops at the first syntax error; checks run only on a script that parsed
    assert first("function f($a, $a) { }\n1 +")[0] == "ExpectedValueExpression"
