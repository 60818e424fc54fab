"""Shapes from published admin scripts that 5.1 runs (issue 11): each with the
general rule behind it, checked on the parse and on the run."""
import pytest

from pshim.errors import IncompleteInput, ParseError
from pshim.language import ast as A
from pshim.language import parse
from pshim.testing import run

from lang_helpers import sx


def one(text):
    return sx(parse(text))[0]


def out(script):
    r = run(script)
    assert not r.errors, r.error_text
    return r.output


# --- ++/-- after whitespace: a ++/-- token after any expression-mode operand is its postfix
@pytest.mark.parametrize("text, expected", [
    ("$counter ++", ("post++", "$counter")),
    ("$counter --", ("post--", "$counter")),
    ("$h.n ++", ("post++", (".", "$h", "bare:n"))),
    ("$a[0]\t--", ("post--", ("[]", "$a", 0))),
    ("[int]$x ++", ("cast", "int", ("post++", "$x"))),
    ("-$x ++", ("-", ("post++", "$x"))),
])
def test_postfix_increment_after_whitespace(text, expected):
    assert one(text) == expected


def test_postfix_increment_after_whitespace_runs():
    assert out("$counter = 5\n$counter ++\n$counter ++\n$counter --\n$counter") == [6]
    assert out("$h = @{n = 1}; $h.n ++; $h.n") == [2]
    assert out("$t = 0; for ($i = 0; $i -lt 3; $i ++) { $t += $i }; $t") == [3]


def test_postfix_increment_is_one_operator_only():
    # one postfix per operand; what follows is the next token
    with pytest.raises(ParseError) as ei:
        parse("$a ++ ++")
    assert ei.value.error_id == "UnexpectedToken"
    with pytest.raises(ParseError) as ei:
        parse("$a ++$b")
    assert ei.value.error_id == "UnexpectedToken"


def test_increment_in_argument_mode_stays_an_argument():
    assert one("Write-Output $x ++") == ("cmd", "bare:Write-Output", "$x", "bare:++")


# --- an empty parameter list is no parameter list
def test_empty_parentheses_and_a_param_block():
    f = parse("function Write-Log() { param($message) $message }").end.body.statements[0]
    assert f.parameters is None and [p.name for p in f.body.param_block.parameters] == ["message"]
    assert out("function Write-Log() { param($message) \"log: $message\" }; Write-Log hi") == ["log: hi"]


def test_non_empty_parameter_list_and_param_block_conflict():
    with pytest.raises(ParseError) as ei:
        parse("function f($a) { param($b) }")
    e = ei.value
    assert e.error_id == "OnlyOneParameterListAllowed" and (e.line, e.column) == (1, 18)
    with pytest.raises(ParseError) as ei:           # reported at `param`, after the attributes
        parse("function f($a) {\n  [CmdletBinding()]\n  param($b) }")
    assert (ei.value.line, ei.value.column) == (3, 3)


# --- an attribute applies to the expression after it, across newlines
def test_attribute_without_param_block_applies_to_the_next_statement():
    body = parse("function F { [CmdletBinding()]\n $x = @(1,2)\n $x }").end.body.statements[0].body
    assert body.param_block is None
    first = body.end.body.statements[0]
    assert isinstance(first, A.AssignmentStatementAst)
    assert isinstance(first.left, A.AttributedExpressionAst) and first.left.attribute.type_name == "CmdletBinding"
    assert out("function F { [CmdletBinding()]\n $x = @(1,2)\n $x.Count }; F") == [2]


def test_attribute_before_a_param_block_still_belongs_to_it():
    body = parse("function F {\n [CmdletBinding()]\n\n param($a) $a }").end.body.statements[0].body
    assert body.param_block is not None and body.param_block.attributes[0].type_name == "CmdletBinding"


@pytest.mark.parametrize("text, column", [
    ("[CmdletBinding()]\nif ($x) { }", 1),
    ("$a = 1; [Parameter()]\n}", 9),
])
def test_attribute_with_nothing_to_apply_to(text, column):
    with pytest.raises(ParseError) as ei:
        parse(text)
    e = ei.value
    assert e.error_id == "UnexpectedAttribute" and e.column == column
    assert e.parser_message.startswith("Unexpected attribute '")


def test_attribute_at_the_end_of_input_is_incomplete():
    with pytest.raises(IncompleteInput) as ei:
        parse("[CmdletBinding()]\n")
    assert ei.value.parser_message == "Unexpected attribute 'CmdletBinding'."


# --- `" and "" inside $( ) of a "..." string stand for one quote in the code
def test_escaped_quotes_in_a_string_subexpression():
    script = '"Users$(if ($Organization -ne `"`" ) { " in $Organization" })."'
    assert out('$Organization = "Contoso"; ' + script) == ["Users in Contoso."]
    assert out('$Organization = ""; ' + script) == ["Users."]
    assert out('"n=$(`"abc`".Length)"') == ["n=3"]
    assert out('"[$(""x"" + 1)]"') == ["[x1]"]


def test_escaped_quotes_keep_positions_after_the_string():
    with pytest.raises(ParseError) as ei:
        parse('"$(`"a`")" $b')
    assert (ei.value.error_id, ei.value.column) == ("UnexpectedToken", 12)


def test_here_string_subexpression_is_not_unescaped():
    # in a here-string `" is an escaped quote inside the code too: an error, as in 5.1
    with pytest.raises(ParseError):
        parse('@"\n$(`"x`")\n"@')


# --- backtick-newline is whitespace, also on the last line
@pytest.mark.parametrize("text", ["Write-Output a `\n", "Write-Output a `\r\n", "Write-Output a `\n\n  \n",
                                  "Write-Output a `\n# trailing comment\n"])
def test_line_continuation_at_the_end_of_a_script(text):
    assert one(text) == ("cmd", "bare:Write-Output", "bare:a")


def test_continued_line_runs():
    assert out("Write-Output `\n  a `\n  b `\n") == ["a", "b"]


def test_backtick_at_the_very_end_is_incomplete():
    with pytest.raises(IncompleteInput) as ei:
        parse("Write-Output a `")
    e = ei.value
    assert e.error_id == "IncompleteString" and e.parser_message == "Incomplete string token."


# --- the command name after `&` / `.` is read as a command argument is (5.1 tokenizes it in
# command mode): a variable with more characters glued on is one expandable word
@pytest.mark.parametrize("text, expected", [
    (". $env:ExchangeInstallPath\\bin\\RemoteExchange.ps1",
     ("cmd.", ("expand:bare", "$env:ExchangeInstallPath", "\\bin\\RemoteExchange.ps1"))),
    ("& $env:ProgramFiles\\x\\tool.ps1 -a 1",
     ("cmd&", ("expand:bare", "$env:ProgramFiles", "\\x\\tool.ps1"), "-a", 1)),
    (". $PSScriptRoot/lib.ps1", ("cmd.", ("expand:bare", "$PSScriptRoot", "/lib.ps1"))),
    ("& ${env:ProgramFiles(x86)}\\t.exe", ("cmd&", ("expand:bare", "$env:ProgramFiles(x86)", "\\t.exe"))),
    ("& $x.Name a", ("cmd&", (".", "$x", "bare:Name"), "bare:a")),
    ("&$a[0]", ("cmd&", ("[]", "$a", 0))),
    (". $sb", ("cmd.", "$sb")),
])
def test_invoked_command_name_is_read_in_argument_mode(text, expected):
    assert one(text) == expected


def test_braced_variable_glued_to_a_word_is_one_argument():
    assert one("Write-Output ${env:HOME}\\bin") == (
        "cmd", "bare:Write-Output", ("expand:bare", "$env:HOME", "\\bin"))


def test_variable_path_in_statement_position_is_not_a_command():
    # at the start of a statement 5.1 reads an expression: the rest is an unexpected token
    with pytest.raises(ParseError) as ei:
        parse("$env:ProgramFiles\\x\\tool.ps1 -a 1")
    e = ei.value
    assert e.error_id == "UnexpectedToken"
    assert e.parser_message == "Unexpected token '\\x\\tool.ps1' in expression or statement."


def test_dot_sourcing_through_an_environment_variable_path(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "file.ps1").write_text(
        "param($Name = 'none')\n$loaded = \"loaded $Name\"\nfunction Get-Thing { 'thing' }\n")
    monkeypatch.setenv("PSHIM_SHAPE_ROOT", str(tmp_path))
    assert out(". $env:PSHIM_SHAPE_ROOT\\sub\\file.ps1; Get-Thing; $loaded") == ["thing", "loaded none"]
    assert out(". ${env:PSHIM_SHAPE_ROOT}\\sub\\file.ps1 -Name x; $loaded") == ["loaded x"]
    # `&` runs it in a scope of its own: nothing stays behind
    assert out("& $env:PSHIM_SHAPE_ROOT\\sub\\file.ps1 -Name y; $loaded -eq $null") == [True]
    assert out("& $env:PSHIM_SHAPE_ROOT/sub/file.ps1 y; Get-Command Get-Thing -ErrorAction SilentlyContinue") == []
