"""Statements: control flow, functions, param blocks, try/trap, script-level constructs."""
import pytest

from pshim.language import ast as A
from pshim.language import parse
from lang_helpers import one, stmt, body, sx


def test_if_elseif_else():
    s = stmt("if ($a) { 1 } elseif ($b) { 2 } else { 3 }")
    assert isinstance(s, A.IfStatementAst)
    assert [sx(c) for c, _ in s.clauses] == ["$a", "$b"]
    assert [sx(b) for _, b in s.clauses] == [[1], [2]]
    assert sx(s.else_body) == [3]


def test_if_allman_style_and_case_insensitive_keywords():
    s = stmt("IF ($a)\n{\n  1\n}\nElseIf ($b)\n{\n  2\n}\nELSE\n{\n  3\n}")
    assert len(s.clauses) == 2 and sx(s.else_body) == [3]


def test_statement_after_if_needs_no_separator_but_else_after_newline_binds():
    assert len(body("if ($a) { 1 }\n\n# comment\nelse { 2 }")) == 1


def test_if_condition_may_be_pipeline_or_assignment():
    s = stmt("if ($x = Get-Thing) { }")
    assert isinstance(s.clauses[0][0], A.AssignmentStatementAst)
    s = stmt("if (Test-Path $p) { }")
    assert sx(s.clauses[0][0]) == ("cmd", "bare:Test-Path", "$p")


def test_foreach_statement():
    s = stmt("foreach ($x in $items) { $x }")
    assert isinstance(s, A.ForEachStatementAst)
    assert sx(s.variable) == "$x" and sx(s.iterable) == "$items" and sx(s.body) == ["$x"]
    s = stmt("ForEach ($s in Get-Service | Where-Object Status) {}")
    assert sx(s.iterable)[0] == "|"


def test_for_statement():
    s = stmt("for ($i = 0; $i -lt 10; $i++) { $i }")
    assert sx(s.initializer) == ("=", "$i", 0)
    assert sx(s.condition) == ("lt", "$i", 10)
    assert sx(s.iterator) == ("post++", "$i")
    s = stmt("for (;;) { break }")
    assert s.initializer is None and s.condition is None and s.iterator is None
    s = stmt("for ($i = 0; ; ) { }")
    assert s.initializer is not None and s.condition is None


def test_while_do_while_do_until():
    s = stmt("while ($true) { break }")
    assert isinstance(s, A.WhileStatementAst) and sx(s.condition) == "$true"
    s = stmt("do { $i++ } while ($i -lt 3)")
    assert isinstance(s, A.DoWhileStatementAst) and sx(s.condition) == ("lt", "$i", 3)
    s = stmt("do\n{\n $i++\n}\nuntil ($i -ge 3)")
    assert isinstance(s, A.DoUntilStatementAst)


def test_switch_statement():
    s = stmt("switch ($a) { 'x' { 1 } {$_ -gt 5} { 2 } 7 { 3 } abc { 4 } ($b) { 5 } default { 6 } }")
    assert isinstance(s, A.SwitchStatementAst)
    assert sx(s.condition) == "$a"
    conds = [sx(c.condition) for c in s.clauses]
    assert conds == ["single:x", ("{}", [("gt", "$_", 5)]), 7, "bare:abc", ("()", "$b")]
    assert sx(s.default) == [6]
    assert s.flags == []


def test_switch_flags_and_newlines():
    s = stmt("switch -Regex -CaseSensitive ($x)\n{\n  '^a' { 'A'; break }\n\n  default\n  {\n 'D' }\n}")
    assert s.flags == ["regex", "casesensitive"] and len(s.clauses) == 1 and s.default is not None
    s = stmt("switch -wildcard ($x) { 'a*' {} }")
    assert s.flags == ["wildcard"]
    s = stmt("switch -exact ($x) { 1 {} }")
    assert s.flags == ["exact"]
    s = stmt("switch -file $path { 'x' { } }")
    assert s.flags == ["file"] and sx(s.condition) == "$path"


def test_labels_and_flow_statements():
    s = stmt(":outer foreach ($x in $y) { foreach ($z in $x) { continue outer; break } }")
    assert s.label == "outer" and isinstance(s, A.ForEachStatementAst)
    inner = s.body.statements[0].body.statements
    assert isinstance(inner[0], A.ContinueStatementAst) and sx(inner[0].label) == "bare:outer"
    assert isinstance(inner[1], A.BreakStatementAst) and inner[1].label is None
    s = stmt(":loop while ($true) { break loop }")
    assert s.label == "loop"


def test_return_exit_throw():
    assert isinstance(stmt("return"), A.ReturnStatementAst)
    assert sx(stmt("return $x + 1").pipeline) == ("+", "$x", 1)
    assert sx(stmt("exit 2").pipeline) == 2
    assert stmt("exit").pipeline is None
    assert sx(stmt("throw 'boom'").pipeline) == "single:boom"
    assert stmt("throw").pipeline is None
    assert sx(stmt("return ,$list").pipeline) == (",", "$list")
    assert isinstance(stmt("function f { return }").body.end.body.statements[0], A.ReturnStatementAst)


def test_function_forms():
    f = stmt("function Get-Foo { 'x' }")
    assert isinstance(f, A.FunctionDefinitionAst) and f.name == "Get-Foo" and not f.is_filter
    assert f.parameters is None and f.body.end.unnamed
    f = stmt("function f($a, [int]$b = 2) { $a }")
    assert [p.name for p in f.parameters] == ["a", "b"]
    assert f.parameters[1].attributes[0].type_name == "int" and sx(f.parameters[1].default) == 2
    f = stmt("filter Double { $_ * 2 }")
    assert f.is_filter and f.body.process is not None and f.body.process.unnamed and f.body.end is None
    f = stmt("function global:Do-It\n{\n}")
    assert f.name == "global:Do-It"


def test_function_with_named_blocks():
    f = stmt("function f { begin { 1 } process { 2 } end { 3 } }")
    sb = f.body
    assert sx(sb.begin.body) == [1] and sx(sb.process.body) == [2] and sx(sb.end.body) == [3]
    assert not sb.end.unnamed
    f = stmt("function f {\n  param($x)\n  begin\n  {\n  }\n  process {\n  }\n}")
    assert f.body.param_block is not None and f.body.begin is not None and f.body.end is None


def test_advanced_function_param_block():
    text = """
function Set-Thing {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact='High')]
    param(
        # the identity
        [Parameter(Mandatory, Position=0, ValueFromPipeline, ValueFromPipelineByPropertyName,
                   ParameterSetName='x', HelpMessage='...')]
        [Alias('a')]
        [ValidateNotNullOrEmpty()]
        [string]$Identity,

        <# block comment #>
        [ValidateSet('a','b')][string]$Mode = 'a',
        [ValidateRange(1,10)]
        [int]$Count = 1,
        [switch]$Force,
        [System.Collections.Generic.List[string]]$Names
    )
    process { }
}
"""
    f = stmt(text)
    pb = f.body.param_block
    cb = pb.attributes[0]
    assert cb.type_name == "CmdletBinding" and cb.named["SupportsShouldProcess"] is None
    assert sx(cb.named["ConfirmImpact"]) == "single:High"
    names = [p.name for p in pb.parameters]
    assert names == ["Identity", "Mode", "Count", "Force", "Names"]
    ident = pb.parameters[0]
    attr = ident.attributes[0]
    assert attr.type_name == "Parameter"
    assert attr.named["Mandatory"] is None and sx(attr.named["Position"]) == 0
    assert "ValueFromPipeline" in attr.named and "ValueFromPipelineByPropertyName" in attr.named
    assert sx(attr.named["ParameterSetName"]) == "single:x"
    assert [a.type_name for a in ident.attributes] == ["Parameter", "Alias", "ValidateNotNullOrEmpty", "string"]
    assert isinstance(ident.attributes[-1], A.TypeConstraintAst)
    assert sx(ident.attributes[1].positional) == ["single:a"]
    assert sx(pb.parameters[1].attributes[0].positional) == ["single:a", "single:b"]
    assert sx(pb.parameters[1].default) == "single:a"
    assert sx(pb.parameters[2].attributes[0].positional) == [1, 10]
    assert pb.parameters[3].attributes[0].type_name == "switch"
    assert pb.parameters[4].attributes[0].type_name == "System.Collections.Generic.List[string]"


def test_attribute_with_explicit_true_and_scriptblock():
    f = stmt("function f { param([Parameter(Mandatory=$true)][ValidateScript({ $_ -gt 0 })]$x) }")
    p = f.body.param_block.parameters[0]
    assert sx(p.attributes[0].named["Mandatory"]) == "$true"
    assert sx(p.attributes[1].positional[0])[0] == "{}"


def test_script_level_param_block_with_comments_and_cmdletbinding():
    text = "#requires -Version 3\n<#\n.SYNOPSIS\n x\n#>\n[CmdletBinding()]\nparam(\n  [string]$Name = 'x'\n)\n\nWrite-Output $Name\n"
    sb = parse(text)
    assert sb.param_block.attributes[0].type_name == "CmdletBinding"
    assert sb.param_block.parameters[0].name == "Name"
    assert sb.requires == ["#requires -Version 3"]
    assert len(sb.end.body.statements) == 1


def test_script_level_named_blocks():
    sb = parse("param($x)\nbegin { 1 }\nprocess { 2 }\nend { 3 }")
    assert sb.begin is not None and sb.process is not None and not sb.end.unnamed


def test_try_catch_finally():
    s = stmt("try { 1 } catch [System.IO.IOException], [System.Net.WebException] { 2 } catch { 3 } finally { 4 }")
    assert isinstance(s, A.TryStatementAst)
    assert s.catches[0].types == ["System.IO.IOException", "System.Net.WebException"]
    assert s.catches[1].types == [] and sx(s.finally_body) == [4]
    s = stmt("try\n{\n}\nfinally\n{\n}")
    assert s.catches == [] and s.finally_body is not None


def test_trap():
    sb = parse("trap [System.Exception] { continue }\n1")
    assert sb.end.body.traps[0].type_name == "System.Exception"
    assert len(sb.end.body.statements) == 1
    sb = parse("trap { 'x' }")
    assert sb.end.body.traps[0].type_name is None


def test_data_and_using():
    s = stmt("data { 'x' }")
    assert isinstance(s, A.DataStatementAst)
    s = stmt("data msgs { 'x' }")
    assert s.variable == "msgs"
    sb = parse("using namespace System.Text\nusing module Foo\n$x = 1")
    assert sb.using == ["using namespace System.Text", "using module Foo"]


def test_requires_anywhere_is_recorded():
    sb = parse("#Requires -Modules Foo\n1\n#requires -RunAsAdministrator")
    assert sb.requires == ["#Requires -Modules Foo", "#requires -RunAsAdministrator"]


def test_nested_script_blocks_and_statements():
    text = """
Get-Mailbox | ForEach-Object {
    $m = $_
    if ($m.Quota -gt 1GB) {
        foreach ($f in $m.Folders) {
            switch ($f.Name) { 'Inbox' { 'in' } default { 'other' } }
        }
    }
}
"""
    s = stmt(text)
    assert sx(s)[0] == "|"


def test_keywords_are_case_insensitive():
    assert isinstance(stmt("WHILE ($x) { }"), A.WhileStatementAst)
    assert isinstance(stmt("Function f { }"), A.FunctionDefinitionAst)
    assert isinstance(stmt("tRy { } CATCH { }"), A.TryStatementAst)


def test_keyword_prefixed_command_names_are_commands():
    assert one("ForEach-Object { $_ }")[0] == "cmd"
    assert one("if-thing")[0] == "cmd"
    assert one("Return-Value")[0] == "cmd"


def test_empty_statements_and_blocks():
    assert body(";;\n;") == []
    assert sx(stmt("if ($a) { } else { }").else_body) == []
    assert sx(stmt("{}").elements[0].expression) == ("{}", [])
