"""More of 5.1's parse errors (issue 11): `${}`, a catch type caught twice, attribute
arguments that are not constants, and several errors reported by one parse."""
import pytest

from pshim.errors import ParseError
from pshim.language import parse
from pshim.testing import run


def errors(text):
    with pytest.raises(ParseError) as ei:
        parse(text)
    return [(i.error_id, i.extent.start, i.extent.text) for i in ei.value.errors]


@pytest.mark.parametrize("text, offset", [("${}", 0), ("$x = ${}", 5), ('"a ${} b"', 3)])
def test_empty_braced_variable(text, offset):
    assert errors(text) == [("EmptyVariableReference", offset, "${}")]


def test_empty_braced_variable_message():
    r = run("${}")
    assert "An empty ${} variable reference was found. A name is required inside the braces." in r.error_text


def test_a_braced_name_still_parses():
    assert parse("${a b} = 1; ${env:PATH}") is not None


@pytest.mark.parametrize("text, expected", [
    ("try {} catch [ArgumentException] {} catch [ArgumentException] {}",
     [("ExceptionTypeAlreadyCaught", 42, "[ArgumentException]")]),
    ("try {} catch [ArgumentException] {} catch [System.ArgumentException] {}",
     [("ExceptionTypeAlreadyCaught", 42, "[System.ArgumentException]")]),
    ("try {} catch [ArgumentException], [IO.IOException] {} catch [io.ioexception] {}",
     [("ExceptionTypeAlreadyCaught", 60, "[io.ioexception]")]),
    # a type derived from one caught before
    ("try {} catch [Exception] {} catch [System.IO.FileNotFoundException] {}",
     [("ExceptionTypeAlreadyCaught", 34, "[System.IO.FileNotFoundException]")]),
    ("try {} catch [ArgumentException] {} catch [ArgumentOutOfRangeException] {}",
     [("ExceptionTypeAlreadyCaught", 42, "[ArgumentOutOfRangeException]")]),
    # types 5.1 would resolve and pshim does not know compare by name
    ("try {} catch [Acme.Fault] {} catch [acme.fault] {}", [("ExceptionTypeAlreadyCaught", 35, "[acme.fault]")]),
    # the same type twice in one catch is not reported; a catch-all that is not last is
    ("try {} catch [int], [int] {} catch {} catch [string] {}", [("EmptyCatchNotLast", 37, "")]),
])
def test_exception_type_already_caught(text, expected):
    assert errors(text) == expected


def test_exception_type_already_caught_message_names_the_full_type():
    r = run("try { 1 } catch [ArgumentException] { 2 } catch [ArgumentException] { 3 }")
    assert r.output == []
    assert "Exception type System.ArgumentException is already handled by a previous handler." in r.error_text


def test_a_base_type_after_a_derived_one_is_fine():
    assert parse("try {} catch [System.IO.FileNotFoundException] {} catch [System.IO.IOException] {} "
                 "catch [Exception] {} catch {}")


def test_different_catch_types_are_fine():
    assert parse("try {} catch [ArgumentException] {} catch [InvalidOperationException] {} catch {}")


@pytest.mark.parametrize("text, offset, arg", [
    ("function f { param([Parameter(Position=$x)]$a) }", 39, "$x"),
    ("function f { param([ValidateSet($x, 'b')]$a) }", 32, "$x"),
    ('param([Parameter(HelpMessage="a $x")]$a)', 29, '"a $x"'),
    ("param([ValidateRange(1, (Get-Max))]$a)", 24, "(Get-Max)"),
    ("[ValidateRange(1, $max)][int]$v = 3", 18, "$max"),
])
def test_attribute_argument_must_be_constant(text, offset, arg):
    assert errors(text) == [("ParameterAttributeArgumentNeedsToBeConstantOrScriptBlock", offset, arg)]


def test_attribute_argument_message():
    r = run("function f { param([ValidateSet($x)]$a) }")
    assert "Attribute argument must be a constant or a script block." in r.error_text


def test_constant_attribute_arguments_are_fine():
    assert parse(
        "[CmdletBinding(DefaultParameterSetName='x', SupportsShouldProcess)]\n"
        "param([ValidateRange(0, [int]::MaxValue)][ValidateScript({$_ -gt 1})]"
        "[Parameter(Mandatory=$true, HelpMessage='hi')][ValidateSet('a','b')][ValidatePattern('^a$')]$a,\n"
        "  [ValidateRange(-1, (2*3))][ValidateCount(1, 1kb)][Alias('n', 'nm')][OutputType([string])]$b,\n"
        '  [Parameter(Mandatory = $false, Position = 1 + 1)][ValidateSet(@("x", "y"))]$c)')


# --- several errors from one parse ---------------------------------------------------
def test_two_errors_are_both_shown_as_5_1_lists_them():
    r = run("data -s ) {}")
    text = r.error_text
    first = text.index("The SupportedCommand parameter of the Data section is missing a value.")
    second = text.index("Unexpected token ')' in expression or statement.")
    assert first < second
    assert "FullyQualifiedErrorId : MissingValueForSupportedCommandInDataSectionStatement" in text


def test_a_named_block_keyword_alone_asks_for_more_input():
    from pshim.errors import IncompleteInput
    with pytest.raises(IncompleteInput):
        parse("begin process end")
    with pytest.raises(ParseError) as ei:
        parse("begin process {}")
    assert not isinstance(ei.value, IncompleteInput)


# --- using statements -------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("using module", [("MissingUsingItemName", 12, "")]),
    ("using module; $testvar=1", [("MissingUsingItemName", 12, "")]),
    ("using module )", [("InvalidValueForUsingItemName", 13, ")")]),
    ("using namespace &", [("InvalidValueForUsingItemName", 16, "&")]),
    ("using module 123", [("InvalidValueForUsingItemName", 0, "")]),
    # a module specification needs ModuleName (and only a specification's keys)
    ("using module @{ Foo = 'Foo' }", [("InvalidValueForUsingItemName", 0, "")]),
])
def test_malformed_using_forms(text, expected):
    assert errors(text) == expected


def test_using_module_specification_parses():
    sb = parse("using module @{ ModuleName = 'Foo'; ModuleVersion = '1.0' }")
    assert len(sb.using) == 1


def test_the_ref_rules_and_other_checks_are_all_reported():
    assert [e[:2] for e in errors("[ref][ref]$x; [int][ref]$y; [int][ref]$z = 42; $a,$b += 1\n@{a=1;a=2}")] == [
        ("ReferenceNeedsToBeByItselfInTypeSequence", 5), ("ReferenceNeedsToBeLastTypeInTypeConversion", 19),
        ("ReferenceNeedsToBeByItselfInTypeConstraint", 33), ("InvalidLeftHandSide", 47),
        ("DuplicateKeyInHashLiteral", 64)]
