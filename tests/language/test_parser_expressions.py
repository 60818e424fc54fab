"""Expression mode: operators, precedence, literals, strings, members, types."""
from decimal import Decimal

import pytest

from pshim.language import ast as A
from lang_helpers import one, stmt, body


def test_arithmetic_precedence():
    assert one("1 + 2 * 3") == ("+", 1, ("*", 2, 3))
    assert one("(1 + 2) * 3") == ("*", ("()", ("+", 1, 2)), 3)
    assert one("1 - 2 - 3") == ("-", ("-", 1, 2), 3)
    assert one("10 % 3 / 2") == ("/", ("%", 10, 3), 2)


def test_unary_binds_tighter_than_binary():
    assert one("-not $a -eq $b") == ("eq", ("not", "$a"), "$b")
    assert one("!$a -and $b") == ("and", ("!", "$a"), "$b")
    assert one("-bnot 5 -band 3") == ("band", ("bnot", 5), 3)


def test_comma_binds_tighter_than_binary_operators():
    assert one("1,2 + 3") == ("+", (",", 1, 2), 3)
    assert one("1, 2, 3") == (",", 1, 2, 3)
    assert one("'{0}{1}' -f $a, $b") == ("f", "single:{0}{1}", (",", "$a", "$b"))


def test_logical_operators_same_level_left_assoc():
    assert one("$a -or $b -and $c") == ("and", ("or", "$a", "$b"), "$c")
    assert one("$a -and $b -or $c") == ("or", ("and", "$a", "$b"), "$c")
    assert one("$a -xor $b -or $c") == ("or", ("xor", "$a", "$b"), "$c")


def test_bitwise_between_logical_and_comparison():
    assert one("$a -band 1 -eq 1") == ("band", "$a", ("eq", 1, 1))
    assert one("$a -eq 1 -and $b -bor 2") == ("and", ("eq", "$a", 1), ("bor", "$b", 2))


def test_format_and_range_precedence():
    assert one("'{0}' -f 1 + 2") == ("+", ("f", "single:{0}", 1), 2)
    assert one("1..3 + 4") == ("+", ("..", 1, 3), 4)
    assert one("2 * 1..3") == ("*", 2, ("..", 1, 3))
    assert one("$x -split ',' -join ';'") == ("join", ("split", "$x", "single:,"), "single:;")


@pytest.mark.parametrize("op", ["eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match", "notmatch",
                                "contains", "notcontains", "in", "notin", "replace", "split"])
def test_comparison_operators_and_case_variants(op):
    for prefix in ("", "i", "c"):
        assert one(f"$a -{prefix}{op} $b") == (prefix + op, "$a", "$b")
    assert one(f"$a -{op.upper()} $b") == (op, "$a", "$b")


@pytest.mark.parametrize("op", ["is", "isnot", "as", "join", "and", "or", "xor", "band", "bor", "bxor", "shl", "shr",
                                "f"])
def test_other_dash_operators(op):
    assert one(f"$a -{op} $b") == (op, "$a", "$b")


def test_type_operators_take_type_literals():
    assert one("$a -is [int]") == ("is", "$a", "[int]")
    assert one("$a -as [datetime] -and $b") == ("and", ("as", "$a", "[datetime]"), "$b")


def test_unicode_dashes():
    assert one("$a \u2013eq 1") == ("eq", "$a", 1)
    assert one("$a \u2014gt 1 \u2015and $b") == ("and", ("gt", "$a", 1), "$b")
    assert one("5 \u2013 3") == ("-", 5, 3)


def test_unary_operators():
    assert one("-$x") == ("-", "$x")
    assert one("+$x") == ("+", "$x")
    assert one("-split 'a b'") == ("split", "single:a b")
    assert one("-join $a") == ("join", "$a")
    assert one(",1") == (",", 1)
    assert one(",1,2") == (",", (",", 1), 2)
    assert one("-5") == -5


def test_increment_decrement():
    assert one("$i++") == ("post++", "$i")
    assert one("$i--") == ("post--", "$i")
    assert one("++$i") == ("++", "$i")
    assert one("--$i") == ("--", "$i")
    assert one("$a[0]++") == ("post++", ("[]", "$a", 0))


@pytest.mark.parametrize("op", ["=", "+=", "-=", "*=", "/=", "%="])
def test_assignment_operators(op):
    assert one(f"$x {op} 5") == (op, "$x", 5)


def test_assignment_targets():
    assert one("$a, $b = 1, 2") == ("=", (",", "$a", "$b"), (",", 1, 2))
    assert one("$h['k'] = 1") == ("=", ("[]", "$h", "single:k"), 1)
    assert one("$o.p = 3") == ("=", (".", "$o", "bare:p"), 3)
    assert one("[int]$x = 5") == ("=", ("cast", "int", "$x"), 5)
    assert one("$a = $b = 1") == ("=", "$a", ("=", "$b", 1))
    assert one("$x = Get-Item a | Select-Object b") == (
        "=", "$x", ("|", ("cmd", "bare:Get-Item", "bare:a"), ("cmd", "bare:Select-Object", "bare:b")))
    assert one("$x = if ($y) { 1 } else { 2 }")[0] == "="
    assert isinstance(stmt("$x = if ($y) { 1 } else { 2 }").right, A.IfStatementAst)


def test_assignment_to_non_lvalue_is_rejected():
    from pshim.errors import ParseError
    with pytest.raises(ParseError) as ei:
        one("1 = 2")
    assert ei.value.error_id == "InvalidLeftHandSide"


def test_numbers():
    assert one("1.5") == 1.5
    assert one(".5") == 0.5
    assert one("1e3") == 1000.0
    assert one("0x1F") == 31
    assert one("0xFFFFFFFF") == -1
    assert one("1kb") == 1024 and one("1KB") == 1024 and one("2MB") == 2 * 1024 ** 2
    assert one("1GB") == 1024 ** 3 and one("1TB") == 1024 ** 4 and one("1PB") == 1024 ** 5
    n = stmt("10L").elements[0].expression
    assert n.value == 10 and n.type_hint == "long"
    n = stmt("1.5d").elements[0].expression
    assert n.value == Decimal("1.5") and n.type_hint == "decimal"
    assert stmt("3000000000").elements[0].expression.type_hint == "long"
    assert stmt("42").elements[0].expression.type_hint is None


def test_constants_are_just_variables():
    assert one("$true") == "$true"
    assert one("$null") == "$null"


def test_variables_and_scopes():
    assert one("$global:x") == "$global:x"
    assert one("$Script:x") == "$script:x"
    assert one("$env:PATH") == "$env:PATH"
    assert one("$using:x") == "$using:x"
    assert one("${a b}") == "$a b"
    assert one("${env:ProgramFiles(x86)}") == "$env:ProgramFiles(x86)"
    assert one("$_") == "$_"
    assert one("$?") == "$?"
    assert one("$$") == "$$"
    assert one("$^") == "$^"
    v = stmt("$private:x").elements[0].expression
    assert (v.scope, v.name) == ("private", "x")


def test_single_quoted_strings():
    assert one("'it''s'") == "single:it's"
    assert one("\u2018curly\u2019") == "single:curly"
    assert one("''") == "single:"


def test_double_quoted_strings_and_escapes():
    assert one('"a`tb`n`$x`"q""z"') == 'double:a\tb\n$x"q"z'
    assert one('"`0`a`b`f`r`v``"') == "double:\0\a\b\f\r\v`"
    assert one('\u201ccurly\u201d') == "double:curly"


def test_expandable_strings():
    assert one('"a $b c"') == ("expand:double", "a ", "$b", " c")
    assert one('"$obj.Prop"') == ("expand:double", "$obj", ".Prop")
    assert one('"$a[0]"') == ("expand:double", "$a", "[0]")
    assert one('"$env:USERNAME x"') == ("expand:double", "$env:USERNAME", " x")
    assert one('"${a}b"') == ("expand:double", "$a", "b")
    assert one('"$($x.Name) and $(1+1)"') == ("expand:double", ("$()", (".", "$x", "bare:Name")), " and ",
                                              ("$()", ("+", 1, 1)))
    assert one('"cost: $ 5"') == "double:cost: $ 5"
    assert one('"nested $("inner $x")"') == ("expand:double", "nested ", ("$()", ("expand:double", "inner ", "$x")))


def test_expandable_string_keeps_raw_value():
    e = stmt('"a $b"').elements[0].expression
    assert isinstance(e, A.ExpandableStringExpressionAst) and e.value == "a $b"


def test_here_strings():
    assert one("@'\nline1\n 'quoted' \"x\"\nline3\n'@") == "single_here:line1\n 'quoted' \"x\"\nline3"
    assert one('@"\nHi $name\n"@') == ("expand:double_here", "Hi ", "$name")
    assert one('@"\n"@') == "double_here:"
    assert one('@"\r\nwin\r\n"@') == "double_here:win"
    assert one('@"\n"quotes" need no escape ""\n"@') == 'double_here:"quotes" need no escape ""'
    assert one("$x = @'\nA\n'@\n") == ("=", "$x", "single_here:A")


def test_array_hashtable_subexpression():
    assert one("@()") == ("@()",)
    assert one("@(1; 2\n3)") == ("@()", 1, 2, 3)
    assert one("$(1; 2)") == ("$()", 1, 2)
    assert one("@{}") == ("@{}",)
    assert one("@{ a = 1; 'b c' = 2\n 3 = 'x'\n ($k) = 4 }") == (
        "@{}", ("bare:a", 1), ("single:b c", 2), (3, "single:x"), (("()", "$k"), 4))
    assert one("@{a = if ($x) {1} else {2}}")[0] == "@{}"
    assert one("@{a = Get-X | Select-Object b}") == (
        "@{}", ("bare:a", ("|", ("cmd", "bare:Get-X"), ("cmd", "bare:Select-Object", "bare:b"))))
    assert one("@{\n  Name = 'n'\n  Expression = { $_.X }\n}") == (
        "@{}", ("bare:Name", "single:n"), ("bare:Expression", ("{}", [(".", "$_", "bare:X")])))


def test_types_and_casts():
    assert one("[int]") == "[int]"
    assert one("[int]'42'") == ("cast", "int", "single:42")
    assert one("[string[]]$a") == ("cast", "string[]", "$a")
    assert one("[System.Collections.Generic.List[string]]::new()") == (
        "::()", "[System.Collections.Generic.List[string]]", "bare:new")
    assert one("[pscustomobject]@{a=1}") == ("cast", "pscustomobject", ("@{}", ("bare:a", 1)))
    assert one("[ordered]@{}") == ("cast", "ordered", ("@{}",))
    assert one("[int][string]1") == ("cast", "int", ("cast", "string", 1))
    assert one("[System.Collections.Generic.Dictionary[string, int]]") == "[System.Collections.Generic.Dictionary[string,int]]"


def test_static_members():
    assert one("[math]::Round(2.5)") == ("::()", "[math]", "bare:Round", 2.5)
    assert one("[string]::IsNullOrEmpty($x)") == ("::()", "[string]", "bare:IsNullOrEmpty", "$x")
    assert one("[datetime]::Now") == ("::", "[datetime]", "bare:Now")
    assert one("[math]::Max(1, 2).ToString()") == (".()", ("::()", "[math]", "bare:Max", 1, 2), "bare:ToString")
    assert one("$t::Now") == ("::", "$t", "bare:Now")


def test_member_access_and_calls():
    assert one("$a.Count") == (".", "$a", "bare:Count")
    assert one("$s.ToUpper()") == (".()", "$s", "bare:ToUpper")
    assert one("$x.Split(',')") == (".()", "$x", "bare:Split", "single:,")
    assert one("$o.$name") == (".", "$o", "$name")
    assert one('$o."quoted name"') == (".", "$o", "double:quoted name")
    assert one("$o.'q'") == (".", "$o", "single:q")
    assert one("$o.($n)") == (".", "$o", ("()", "$n"))
    assert one("$a.b.c()") == (".()", (".", "$a", "bare:b"), "bare:c")
    assert one("$x.M(1, 'a', $y.Z)") == (".()", "$x", "bare:M", 1, "single:a", (".", "$y", "bare:Z"))
    assert one("$x.M(\n 1,\n 2\n)") == (".()", "$x", "bare:M", 1, 2)
    assert one("(Get-Date).Year") == (".", ("()", ("cmd", "bare:Get-Date")), "bare:Year")


def test_indexing():
    assert one("$a[0]") == ("[]", "$a", 0)
    assert one("$a[-1]") == ("[]", "$a", -1)
    assert one("$a[1..2]") == ("[]", "$a", ("..", 1, 2))
    assert one("$h['k']") == ("[]", "$h", "single:k")
    assert one("$a[0,2]") == ("[]", "$a", (",", 0, 2))
    assert one("$a[0][1].x") == (".", ("[]", ("[]", "$a", 0), 1), "bare:x")


def test_no_whitespace_before_postfix():
    # in argument mode a space separates arguments
    assert one("Write-Output $a [0]") == ("cmd", "bare:Write-Output", "$a", "bare:[0]")
    assert one("Write-Output $a .b") == ("cmd", "bare:Write-Output", "$a", "bare:.b")


def test_script_blocks():
    sb = stmt("{ param($x) $x + 1 }").elements[0].expression
    assert isinstance(sb, A.ScriptBlockExpressionAst)
    assert sb.script_block.param_block.parameters[0].name == "x"
    assert [type(s).__name__ for s in sb.script_block.end.body.statements] == ["PipelineAst"]
    assert sb.script_block.end.unnamed


def test_paren_can_hold_assignment():
    assert one("($x = 5)") == ("()", ("=", "$x", 5))


def test_newline_after_operator_continues_expression():
    assert one("$a -and\n  $b") == ("and", "$a", "$b")
    assert one("1 +\n2") == ("+", 1, 2)
    assert one("$x =\n  5") == ("=", "$x", 5)


def test_expression_extents():
    e = stmt("  $a + $b.c  ").elements[0].expression
    assert e.extent.text == "$a + $b.c"
    assert e.right.extent.text == "$b.c"
