"""Argument mode: commands, parameters, arguments, pipelines, redirections, invocation."""
import pytest

from pshim.language import ast as A
from lang_helpers import one, body, stmt


def test_command_with_named_and_positional_arguments():
    assert one("Get-Item -Path x y") == ("cmd", "bare:Get-Item", "-Path", "bare:x", "bare:y")


def test_parameter_with_colon_argument():
    assert one("Get-Item -Name:value -Force:$false") == (
        "cmd", "bare:Get-Item", ("-Name:", "bare:value"), ("-Force:", "$false"))


def test_switch_parameter():
    c = stmt("Remove-Item x -Force -WhatIf").elements[0]
    assert [type(e).__name__ for e in c.elements] == [
        "StringConstantExpressionAst", "StringConstantExpressionAst", "CommandParameterAst", "CommandParameterAst"]
    assert c.elements[2].argument is None and c.elements[2].colon is False


def test_bareword_comma_lists():
    assert one("Select-Object Name,Bindings") == ("cmd", "bare:Select-Object", (",", "bare:Name", "bare:Bindings"))
    assert one("New-X -Bindings 0.0.0.0:25,[::]:25") == (
        "cmd", "bare:New-X", "-Bindings", (",", "bare:0.0.0.0:25", "bare:[::]:25"))


def test_comma_list_continues_on_next_line():
    assert one("Foo a,\n  b") == ("cmd", "bare:Foo", (",", "bare:a", "bare:b"))


def test_numbers_in_argument_mode():
    assert one("Write-Output 42") == ("cmd", "bare:Write-Output", 42)
    assert one("Write-Output -5 1KB 0x10") == ("cmd", "bare:Write-Output", -5, 1024, 16)
    assert one("Write-Output 1.2.3 10.0.0.1 1+2") == (
        "cmd", "bare:Write-Output", "bare:1.2.3", "bare:10.0.0.1", "bare:1+2")


def test_paths_as_arguments():
    assert one(r"Get-Content .\x.ps1 ..\a ~/x C:\x\y.csv") == (
        "cmd", "bare:Get-Content", r"bare:.\x.ps1", r"bare:..\a", "bare:~/x", r"bare:C:\x\y.csv")
    assert one(r"Export-Csv 'C:\My Documents\x.csv'") == ("cmd", "bare:Export-Csv", r"single:C:\My Documents\x.csv")


def test_expandable_bareword():
    assert one(r"Export-Csv $Out\x.csv") == ("cmd", "bare:Export-Csv", ("expand:bare", "$Out", r"\x.csv"))
    e = stmt(r"Export-Csv $env:TEMP\x.csv").elements[0].elements[1]
    assert isinstance(e, A.ExpandableStringExpressionAst) and e.kind == "bare"
    assert e.parts[0].scope == "env" and e.parts[0].name == "TEMP"


def test_variable_arguments_with_members():
    assert one("Write-Output $a.Count $s.ToUpper() $x[0]") == (
        "cmd", "bare:Write-Output", (".", "$a", "bare:Count"), (".()", "$s", "bare:ToUpper"), ("[]", "$x", 0))


def test_expression_arguments():
    assert one("Write-Output (1 + 2) $(3) @(4) @{a=1} {5}") == (
        "cmd", "bare:Write-Output", ("()", ("+", 1, 2)), ("$()", 3), ("@()", 4), ("@{}", ("bare:a", 1)),
        ("{}", [5]))


def test_splatting():
    assert one("Get-Item @params -Force") == ("cmd", "bare:Get-Item", "@params", "-Force")


def test_strings_as_arguments():
    assert one("Write-Host 'a b' \"c $d\"") == ("cmd", "bare:Write-Host", "single:a b", ("expand:double", "c ", "$d"))


@pytest.mark.parametrize("name", ["Get-Item", "ls", "?", "%", "./script.ps1", r"C:\x\y.exe", r".\lib.ps1", "foreach"])
def test_command_names(name):
    text = name + " a" if name != "foreach" else "1 | foreach { $_ }"
    st = stmt(text)
    cmd = st.elements[-1]
    assert isinstance(cmd, A.CommandAst)


def test_foreach_and_where_are_commands_in_a_pipeline():
    assert one("1..3 | foreach { $_ } | where { $_ -gt 1 }") == (
        "|", ("..", 1, 3), ("cmd", "bare:foreach", ("{}", ["$_"])),
        ("cmd", "bare:where", ("{}", [("gt", "$_", 1)])))


def test_pipeline_continues_after_pipe_and_newline_and_comment():
    assert one("Get-A |\n  Get-B | # note\n  Get-C") == ("|", ("cmd", "bare:Get-A"), ("cmd", "bare:Get-B"),
                                                        ("cmd", "bare:Get-C"))


def test_line_continuation_with_backtick():
    assert one("Get-A -x 1 `\n  -y 2") == ("cmd", "bare:Get-A", "-x", 1, "-y", 2)
    assert one("Get-A -x 1 `\r\n  -y 2") == ("cmd", "bare:Get-A", "-x", 1, "-y", 2)


@pytest.mark.parametrize("text, redir", [
    ("a > out.txt", ("1>", "bare:out.txt")),
    ("a >> out.txt", ("1>>", "bare:out.txt")),
    ("a 2> err.txt", ("2>", "bare:err.txt")),
    ("a 2>$null", ("2>", "$null")),
    ("a 2>&1", "2>&1"),
    ("a 3>&1", "3>&1"),
    ("a *> all.txt", ("*>", "bare:all.txt")),
    ("a *>&1", "*>&1"),
    ('a > "$d\\x.txt"', ("1>", ("expand:double", "$d", "\\x.txt"))),
])
def test_redirections(text, redir):
    assert one(text) == ("cmd", "bare:a", redir)


def test_redirection_among_arguments_and_on_expressions():
    assert one("a x 2>&1 y") == ("cmd", "bare:a", "bare:x", "bare:y", "2>&1")
    assert one("$x > f.txt") == ("redir", "$x", ("1>", "bare:f.txt"))


def test_invocation_operators():
    assert one("& $sb 1 2") == ("cmd&", "$sb", 1, 2)
    assert one("& 'C:\\x y\\a.ps1' -a 1") == ("cmd&", "single:C:\\x y\\a.ps1", "-a", 1)
    assert one(". .\\lib.ps1") == ("cmd.", "bare:.\\lib.ps1")
    assert one("& { 1 }") == ("cmd&", ("{}", [1]))
    assert one("&$sb") == ("cmd&", "$sb")
    assert one(". $sb") == ("cmd.", "$sb")


def test_statement_separators():
    assert body("a; b\nc\r\n\n;;d") == [("cmd", "bare:a"), ("cmd", "bare:b"), ("cmd", "bare:c"), ("cmd", "bare:d")]
    assert body("") == []
    assert body(" ;\n ; ") == []


def test_comments_everywhere():
    assert body("# c\na <# x #> b # tail\n<# multi\nline #>c") == [("cmd", "bare:a", "bare:b"), ("cmd", "bare:c")]


def test_hash_inside_word_is_not_a_comment():
    assert one("Write-Output a#b") == ("cmd", "bare:Write-Output", "bare:a#b")


def test_backtick_escape_in_bareword():
    assert one("Write-Output a`tb") == ("cmd", "bare:Write-Output", "bare:a\tb")


def test_command_extents():
    c = stmt("  Get-Item -Path x  ").elements[0]
    assert c.extent.text == "Get-Item -Path x"
    assert c.elements[1].extent.text == "-Path"


def test_parameter_value_after_space_is_separate_element():
    c = stmt("Get-Item -Path x").elements[0]
    assert isinstance(c.elements[1], A.CommandParameterAst) and c.elements[1].argument is None
    assert c.elements[2].value == "x"


def test_unicode_dashes_in_parameters():
    assert one("Get-Item \u2013Path x") == ("cmd", "bare:Get-Item", "-Path", "bare:x")
