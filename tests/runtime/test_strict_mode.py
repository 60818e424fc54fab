"""Set-StrictMode as Windows PowerShell 5.1 enforces it (runtime/strict.py): the rules of each version,
their error texts and ids, and the strict mode's scoping (a scope's setting holds in its child scopes
until one of them sets its own; a module does not see the global one)."""
from __future__ import annotations

import pytest

from pshim.testing import run

UNDEFINED = "The variable '${}' cannot be retrieved because it has not been set."
NO_PROPERTY = "The property '{}' cannot be found on this object. Verify that the property exists."
PAREN_CALL = ("The function or command was called as if it were a method. Parameters should be separated by "
              "spaces. For information about parameters, see the about_Parameters Help topic.")
OUT_OF_RANGE = "Index was outside the bounds of the array."


def errors(r):
    return [(e.FullyQualifiedErrorId, e.message()) for e in r.errors]


def one_error(r):
    assert len(r.errors) == 1, errors(r)
    return r.errors[0]


# ---------------------------------------------------------------------------
# off (the default): nothing of this is an error

def test_off_by_default_nothing_is_an_error():
    r = run("$u; \"[$u]\"; $x = 5; $x.foo; $x.Count; $null.Count; @{a=1}.b; @().foo; $a = @(1); $a[2]; "
            "$a['abc']; (5)[1]; function add($p, $q) { \"p=$p q=$q\" }; add(3,4); 'end'")
    assert not r.errors, errors(r)
    assert r.output == [None, "[]", None, 1, 0, None, None, None, None, None, "p=3 4 q=", "end"]


def test_off_turns_it_off_again():
    r = run("Set-StrictMode -Version Latest; Set-StrictMode -Off; $u; $x = 5; $x.nope; @(1)[3]; 'end'")
    assert not r.errors, errors(r)
    assert r.output == [None, None, None, "end"]


# ---------------------------------------------------------------------------
# 1.0: variables that are not set

def test_v1_uninitialized_variable_is_an_error():
    r = run("Set-StrictMode -Version 1; $x = 1 + $notSet; 'next statement runs'")
    e = one_error(r)
    assert e.FullyQualifiedErrorId == "VariableIsUndefined"
    assert e.message() == UNDEFINED.format("notSet")
    assert str(e.CategoryInfo) == "InvalidOperation: (notSet:String) [], RuntimeException"
    assert e.Exception.ps_type == "System.Management.Automation.RuntimeException"
    assert r.output == ["next statement runs"]


def test_v1_points_at_the_variable():
    r = run("Set-StrictMode -Version 1\n$y = 10 * $notSet", capture_output=False)
    assert "At line:2 char:11" in r.error_text
    assert "+ $y = 10 * $notSet\n+           ~~~~~~~" in r.error_text


def test_v1_allows_uninitialized_variables_in_strings():
    r = run("Set-StrictMode -Version 1; \"a[$u]\"; \"b[$($u)]\"; \"c[$(1 + 1)]\"")
    assert not r.errors, errors(r)
    assert r.output == ["a[]", "b[]", "c[2]"]


def test_v1_does_not_check_properties_indexes_or_call_syntax():
    r = run("Set-StrictMode -Version 1.0; $x = 5; $x.foo; @(1)[4]; (5)[1]; "
            "function add($p, $q) { \"$p|$q\" }; add(3,4)")
    assert not r.errors, errors(r)
    assert r.output == [None, None, None, "3 4|"]


def test_scope_qualified_variables_are_named_as_written():
    r = run("Set-StrictMode -Version 1; $script:nope; $global:nada")
    assert errors(r) == [("VariableIsUndefined", UNDEFINED.format("script:nope")),
                         ("VariableIsUndefined", UNDEFINED.format("global:nada"))]
    assert r.errors[0].TargetObject == "script:nope"


def test_compound_assignment_and_increment_read_the_variable():
    r = run("Set-StrictMode -Version 1; $n += 1; $m++; $k = 0; $k++; $k")
    assert errors(r) == [("VariableIsUndefined", UNDEFINED.format("n")),
                         ("VariableIsUndefined", UNDEFINED.format("m"))]
    assert r.output == [1]


def test_set_variables_and_automatic_ones_are_fine():
    r = run("Set-StrictMode -Version Latest; $v = $null; $v; $ErrorActionPreference; $erroractionpreference; "
            "$true; $Host.Name; $PSVersionTable.PSVersion.Major; $env:PSHIM_SURELY_NOT_SET; "
            "function f($a, $b) { $a; $b; $args.Count; $PSBoundParameters.Count; $MyInvocation.MyCommand.Name }; "
            "f 1; 1, 2 | ForEach-Object { $_ + $PSItem }; 1, 2 | Where-Object { $_ -gt 1 }; "
            "try { throw 'x' } catch { $_.Exception.Message; $PSItem.FullyQualifiedErrorId }; "
            "'abc' -match 'b' | Out-Null; $Matches[0]")
    assert not r.errors, errors(r)
    assert r.output == [None, "Continue", "Continue", True, "ConsoleHost", 5, None, 1, None, 0, 1, "f",
                        2, 4, 2, "x", "x", "b"]


def test_the_error_can_be_caught():
    r = run("Set-StrictMode -Version 1; try { $u } catch { $_.FullyQualifiedErrorId; $_.Exception.GetType().FullName }")
    assert not r.errors
    assert r.output == ["VariableIsUndefined", "System.Management.Automation.RuntimeException"]


# ---------------------------------------------------------------------------
# 2.0: also in strings, missing properties, f(1,2), non-indexable values

def test_v2_uninitialized_variable_in_a_string_is_an_error():
    r = run("Set-StrictMode -Version 2; \"a[$u]\"; 'end'")
    assert errors(r) == [("VariableIsUndefined", UNDEFINED.format("u"))]
    assert r.output == ["end"]


@pytest.mark.parametrize("expr, name", [
    ("$x = 'This is a string.'; $x.Month", "Month"),
    ("$o = [pscustomobject]@{a = 1}; $o.b", "b"),
    ("$h = @{a = 1}; $h.b", "b"),                       # an absent hashtable key is a missing property
    ("$x = 42; $x.Length", "Length"),                   # the intrinsic Length/Count of a scalar ...
    ("$x = 42; $x.Count", "Count"),
    ("$null.Count", "Count"),                           # ... and of $null are not there in strict mode
    ("$n = $null; $n.Name", "Name"),
    ("@(1, [pscustomobject]@{a = 2}).a", "a"),          # an element without the member
])
def test_v2_missing_property_is_an_error(expr, name):
    r = run("Set-StrictMode -Version 2; " + expr)
    e = one_error(r)
    assert (e.FullyQualifiedErrorId, e.message()) == ("PropertyNotFoundStrict", NO_PROPERTY.format(name))
    assert str(e.CategoryInfo) == "NotSpecified: (:) [], PropertyNotFoundException"
    assert e.Exception.ps_type == "System.Management.Automation.PropertyNotFoundException"


def test_v2_member_enumeration_over_nothing_is_an_error():
    r = run("Set-StrictMode -Version 2; $list = @(); $list.Path")
    e = one_error(r)
    assert (e.FullyQualifiedErrorId, e.message()) == ("PropertyNotFoundStrict", NO_PROPERTY.format("Path"))
    assert str(e.CategoryInfo) == "InvalidOperation: (:) [], RuntimeException"


def test_v2_existing_members_are_fine_even_when_null():
    r = run("Set-StrictMode -Version 2; $o = [pscustomobject]@{a = $null; b = 2}; $o.a; $o.b; "
            "@($o, $o).b; @{k = 1}.k; @{k = 1}.Count; @(1, 2).Count; 'abc'.Length; "
            "$o.psobject.Properties.Count; (Get-Date).Year -gt 2000")
    assert not r.errors, errors(r)
    assert r.output == [None, 2, 2, 2, 1, 1, 2, 3, 2, True]


def test_v2_points_at_the_member():
    r = run("Set-StrictMode -Version 2\n$o = [pscustomobject]@{a = 1}\n$v = 'x' + $o.nope", capture_output=False)
    assert "At line:3 char:12" in r.error_text
    assert "+ $v = 'x' + $o.nope\n+            ~~~~~~~" in r.error_text


def test_v2_compound_assignment_reads_the_property():
    r = run("Set-StrictMode -Version 2; $o = [pscustomobject]@{a = 1}; $o.Links += @(1)")
    assert errors(r) == [("PropertyNotFoundStrict", NO_PROPERTY.format("Links"))]


def test_v2_function_called_like_a_method():
    r = run("function add($a, $b) { \"a=$a b=$b\" }; Set-StrictMode -Version 2; add(3,4); add (3,4); add(3); "
            "add 3 4; Write-Output(1,2)")
    assert errors(r) == [("StrictModeFunctionCallWithParens", PAREN_CALL)] * 2
    assert str(r.errors[0].CategoryInfo) == "InvalidOperation: (:) [], RuntimeException"
    assert r.output == ["a=3 4 b=", "a=3 b=", "a=3 b=4"]


def test_v2_function_called_like_a_method_runs_no_argument():
    r = run("Set-StrictMode -Version 2; function f { 'ran' }; f($(Write-Output 'arg evaluated'), 2)")
    assert errors(r) == [("StrictModeFunctionCallWithParens", PAREN_CALL)]
    assert r.output == []


def test_v2_indexing_a_scalar():
    r = run("Set-StrictMode -Version 2; $x = 5; $x[0]; $x[-1]; $x[1]")
    e = one_error(r)
    assert (e.FullyQualifiedErrorId, e.message()) == ("CannotIndex",
                                                      "Unable to index into an object of type System.Int32.")
    assert str(e.CategoryInfo) == "InvalidOperation: (5:Int32) [], RuntimeException"
    assert r.output == [5, 5]


def test_v2_does_not_check_array_bounds():
    r = run("Set-StrictMode -Version 2; $a = @(1); $a[2]; $a['abc']; 'end'")
    assert not r.errors, errors(r)
    assert r.output == [None, None, "end"]


# ---------------------------------------------------------------------------
# 3.0 and Latest: array indexes out of range or that are no number

@pytest.mark.parametrize("version", ["3", "3.0", "Latest"])
def test_v3_index_out_of_range(version):
    r = run(f"Set-StrictMode -Version {version}; $a = @(1); $null -eq $a[2]; $a[0]; $a[-1]")
    e = one_error(r)
    assert (e.FullyQualifiedErrorId, e.message()) == ("System.IndexOutOfRangeException", OUT_OF_RANGE)
    assert str(e.CategoryInfo) == "OperationStopped: (:) [], IndexOutOfRangeException"
    assert r.output == [1, 1]


def test_v3_index_that_is_no_number():
    r = run("Set-StrictMode -Version 3; $a = @(1); $null -eq $a['abc']")
    e = one_error(r)
    assert e.FullyQualifiedErrorId == "InvalidCastFromStringToInteger"
    assert e.message() == 'Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."'
    assert str(e.CategoryInfo) == "InvalidArgument: (:) [], RuntimeException"


def test_v3_other_sequences_and_slices():
    r = run("Set-StrictMode -Version Latest; 'abc'[5]; $r = 1..3; $r[7]; [int[]]$t = 1, 2; $t[-3]; "
            "$a = 1, 2, 3; $a[1..5]; $a[0, 2]")
    assert errors(r) == [("System.IndexOutOfRangeException", OUT_OF_RANGE)] * 4
    assert r.output == [1, 3]


def test_v3_list_index_out_of_range():
    r = run("Set-StrictMode -Version Latest; $l = New-Object System.Collections.ArrayList; [void]$l.Add(1); "
            "$l[0]; $l[5]")
    e = one_error(r)
    assert e.FullyQualifiedErrorId == "System.ArgumentOutOfRangeException"
    assert e.message() == ("Index was out of range. Must be non-negative and less than the size of the "
                           "collection.\nParameter name: index")
    assert r.output == [1]


def test_v3_hashtable_index_of_an_absent_key_is_null():
    r = run("Set-StrictMode -Version Latest; $h = @{a = 1}; $null -eq $h['b']; $h['a']")
    assert not r.errors, errors(r)
    assert r.output == [True, 1]


# ---------------------------------------------------------------------------
# scoping

def test_a_function_inherits_the_callers_strict_mode():
    r = run("Set-StrictMode -Version 1; function f { $inFunction }; f")
    assert errors(r) == [("VariableIsUndefined", UNDEFINED.format("inFunction"))]


def test_a_child_scope_can_turn_it_off_for_itself():
    r = run("Set-StrictMode -Version 2; function g { Set-StrictMode -Off; $u1; 'g ran' }; g; "
            "& { Set-StrictMode -Off; $u2 }; $u3")
    assert errors(r) == [("VariableIsUndefined", UNDEFINED.format("u3"))]
    assert r.output == [None, "g ran", None]


def test_strict_mode_set_in_a_function_ends_with_it():
    r = run("function f { Set-StrictMode -Version 2; $u1 }; f; $u2; 'end'")
    assert errors(r) == [("VariableIsUndefined", UNDEFINED.format("u1"))]
    assert r.output == [None, "end"]


def test_a_child_scope_can_raise_the_level_for_itself():
    r = run("Set-StrictMode -Version 1; $x = 5; & { Set-StrictMode -Version 2; $x.nope }; $x.nope; 'end'")
    assert errors(r) == [("PropertyNotFoundStrict", NO_PROPERTY.format("nope"))]
    assert r.output == [None, "end"]


def test_script_scope(tmp_path):
    script = tmp_path / "strict.ps1"
    script.write_text("Set-StrictMode -Version 2\n$inScript\n'script ran'\n")
    r = run(f"& '{script}'; $afterCall; . '{script}'; $afterDotSource")
    assert errors(r) == [("VariableIsUndefined", UNDEFINED.format("inScript")),
                         ("VariableIsUndefined", UNDEFINED.format("inScript")),
                         ("VariableIsUndefined", UNDEFINED.format("afterDotSource"))]
    assert r.output == ["script ran", None, "script ran"]


def test_a_module_does_not_see_the_global_strict_mode():
    r = run("Set-StrictMode -Version 2; New-Module -Name StrictFree -ScriptBlock { "
            "function Get-Unset { $unsetInModule; 'module ran' } } | Out-Null; Get-Unset")
    assert not r.errors, errors(r)
    assert r.output == [None, "module ran"]


def test_a_module_keeps_its_own_strict_mode():
    r = run("New-Module -Name StrictOwn -ScriptBlock { Set-StrictMode -Version 2; "
            "function Get-Unset { $unsetInModule } } | Out-Null; Get-Unset; $unsetOutside; 'end'")
    assert errors(r) == [("VariableIsUndefined", UNDEFINED.format("unsetInModule"))]
    assert r.output == [None, "end"]


# ---------------------------------------------------------------------------
# members that exist are found in strict mode (what admin scripts read under Set-StrictMode)

def test_error_record_invocation_info_members():
    r = run("Set-StrictMode -Version Latest\ntry { 1/0 } catch { $_.InvocationInfo.ScriptLineNumber; "
            "$_.InvocationInfo.OffsetInLine; $_.InvocationInfo.Line.Trim(); $_.InvocationInfo.ScriptName }")
    assert not r.errors, errors(r)
    assert r.output == [2, 7, "try { 1/0 } catch { $_.InvocationInfo.ScriptLineNumber; $_.InvocationInfo."
                        "OffsetInLine; $_.InvocationInfo.Line.Trim(); $_.InvocationInfo.ScriptName }", ""]


def test_xml_text_and_missing_element():
    r = run("Set-StrictMode -Version Latest; [xml]$x = \"<root><a id='1'>t</a></root>\"; $x.root.a.id; "
            "$x.root.a.'#text'; $x.root.missing")
    assert errors(r) == [("PropertyNotFoundStrict", NO_PROPERTY.format("missing"))]
    assert r.output == ["1", "t"]
