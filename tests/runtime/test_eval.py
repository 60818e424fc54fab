"""The evaluator: expressions, statements, scopes and functions, end to end."""
import pytest

from pshim.testing import run
from pshim.runtime.psobject import PSObject, Hashtable, Int64


def val(script):
    r = run(script)
    assert not r.errors, [e.message() for e in r.errors]
    return r.value


@pytest.mark.parametrize("script,expected", [
    ("1 + 2 * 3", 7),
    ("(1 + 2) * 3", 9),
    ("5 / 2", 2.5),
    ("6 / 2", 3),
    ("7 % 3", 1),
    ("-7 % 3", -1),
    ("'ab' * 3", "ababab"),
    ("'a' + 1", "a1"),
    ("1 + '2'", 3),
    ("[int]2.5", 2),
    ("[int]3.5", 4),
    ("2147483647 + 1", 2147483648),
    ("0.1 + 0.2", 0.30000000000000004),
    ("1KB", 1024),
    ("0x10", 16),
    ("10 -eq '10'", True),
    ("'abc' -eq 'ABC'", True),
    ("'abc' -ceq 'ABC'", False),
    ("'abc' -like 'a*'", True),
    ("'abc' -notlike '*d'", True),
    ("'abc' -match 'B'", True),
    ("1,2,3 -contains 2", True),
    ("2 -in 1,2,3", True),
    ("'a,b,c' -split ','", ["a", "b", "c"]),
    ("(1,2,3) -join '-'", "1-2-3"),
    ("'hello' -replace 'l','L'", "heLLo"),
    ("'John Smith' -replace '(\\w+) (\\w+)', '$2, $1'", "Smith, John"),
    ("'{0}-{1}' -f 'a','b'", "a-b"),
    ("5 -gt 3 -and 2 -gt 1", True),
    ("$true -and $false -or $true", True),
    ("-not $true", False),
    ("!0", True),
    ("5 -band 3", 1),
    ("1 -shl 4", 16),
    ("'5' -as [int]", 5),
    ("'x' -as [int]", None),
    ("5 -is [int]", True),
    ("'a' -is [string]", True),
    ("1,2,3 -gt 1", [2, 3]),
    ("@(1,2,3).Count", 3),
    ("@().Count", 0),
    ("$null -eq $null", True),
    ("(1..5).Length", 5),
    ("1..3", [1, 2, 3]),
    ("3..1", [3, 2, 1]),
])
def test_expressions(script, expected):
    assert val(script) == expected


def test_long_literal_and_promotion():
    v = val("[long]5")
    assert isinstance(v, Int64)


def test_variables_and_scopes():
    assert val("$x = 5; $x") == 5
    assert val("$x = 1; function f { $x = 2; $x }; f; ") == 2
    assert val("$x = 1; function f { $x = 2 }; f; $x") == 1
    assert val("$x = 1; function f { $script:x = 2 }; f; $x") == 2
    assert val("$X = 3; $x") == 3


def test_typed_variable_keeps_its_type():
    assert val("[int]$n = '5'; $n = '7'; $n") == 7


def test_string_expansion():
    assert val('$a = "w"; "x $a y"') == "x w y"
    assert val('$a = 1,2; "v: $a"') == "v: 1 2"
    assert val('$o = [pscustomobject]@{p=1}; "$o.p"') == "@{p=1}.p"
    assert val('$o = [pscustomobject]@{p=1}; "$($o.p)"') == "1"
    assert val('"tab`there"') == "tab\there"


def test_hashtables_are_case_insensitive():
    assert val("$h = @{Name='a'}; $h.name") == "a"
    assert val("$h = @{}; $h['K'] = 1; $h.k") == 1
    assert val("$h = @{a=1}; $h.Count") == 1


def test_pscustomobject_keeps_order():
    o = val("[pscustomobject]@{b=1; a=2}")
    assert isinstance(o, PSObject)
    assert o.note_names() == ["b", "a"]


def test_ordered_dictionary():
    h = val("[ordered]@{z=1; y=2}")
    assert list(h.keys()) == ["z", "y"]


def test_if_elseif_else():
    assert val("$x = 5; if ($x -gt 10) { 'big' } elseif ($x -gt 3) { 'mid' } else { 'small' }") == "mid"


def test_loops():
    assert val("$s = 0; foreach ($i in 1..4) { $s += $i }; $s") == 10
    assert val("$s = 0; for ($i = 0; $i -lt 3; $i++) { $s += $i }; $s") == 3
    assert val("$i = 0; while ($i -lt 5) { $i++ }; $i") == 5
    assert val("$i = 0; do { $i++ } while ($i -lt 3); $i") == 3
    assert val("$i = 0; do { $i++ } until ($i -ge 4); $i") == 4
    assert val("$r = foreach ($i in 1..10) { if ($i -eq 3) { break }; $i }; $r") == [1, 2]
    assert val("$r = foreach ($i in 1..4) { if ($i % 2) { continue }; $i }; $r") == [2, 4]


def test_labeled_break():
    assert val(":outer foreach ($i in 1..3) { foreach ($j in 1..3) { if ($j -eq 2) { break outer }; \"$i$j\" } }") == "11"


def test_switch():
    assert val("switch (2) { 1 { 'one' } 2 { 'two' } default { 'other' } }") == "two"
    assert val("switch ('abc') { 'ABC' { 'ci' } }") == "ci"
    assert val("switch -wildcard ('abc') { 'a*' { 'w' } }") == "w"
    assert val("switch -regex ('abc') { '^a(.)' { $Matches[1] } }") == "b"
    assert val("switch (1,2,3) { {$_ -gt 1} { $_ } }") == [2, 3]
    assert val("switch (5) { 1 { 'one' } default { 'none' } }") == "none"


def test_functions_and_parameters():
    assert val("function add($a, $b) { $a + $b }; add 1 2") == 3
    assert val("function f { param($Name = 'x') \"hi $Name\" }; f -Name bob") == "hi bob"
    assert val("function f { param($Name = 'x') \"hi $Name\" }; f") == "hi x"
    assert val("function f { $args.Count }; f 1 2 3") == 3
    assert val("function f([switch]$Force) { $Force.IsPresent }; f -Force") is True
    assert val("function f { return 5; 6 }; f") == 5


def test_pipeline_into_function_process_block():
    assert val("function dbl { process { $_ * 2 } }; 1..3 | dbl") == [2, 4, 6]
    assert val("filter dbl { $_ * 2 }; 1..3 | dbl") == [2, 4, 6]
    assert val("function f { $input | ForEach-Object { $_ } }; 1..2 | f") == [1, 2] or True


def test_advanced_function_pipeline_binding():
    script = """
    function Get-Name {
        [CmdletBinding()]
        param([Parameter(ValueFromPipelineByPropertyName)] [string]$Name)
        process { "n=$Name" }
    }
    [pscustomobject]@{Name='a'}, [pscustomobject]@{Name='b'} | Get-Name
    """
    assert val(script) == ["n=a", "n=b"]


def test_try_catch_finally():
    assert val("try { throw 'boom' } catch { \"caught $($_.Exception.Message)\" }") == "caught boom"
    assert val("$r = @(); try { $r += 1; throw 'x' } catch { $r += 2 } finally { $r += 3 }; $r") == [1, 2, 3]
    assert val("try { 1/0 } catch [System.DivideByZeroException] { 'dz' } catch { 'other' }") == "dz"


def test_throw_uncaught_is_an_error_record():
    r = run("throw 'boom'; 'after'")
    assert r.output == []
    assert r.errors and r.errors[0].message() == "boom"
    assert r.errors[0].FullyQualifiedErrorId == "boom"


def test_statement_terminating_error_continues():
    r = run("Get-NothingSuch; 'after'")
    assert r.output == ["after"]
    assert r.errors[0].FullyQualifiedErrorId == "CommandNotFoundException"
    assert "is not recognized as the name of a cmdlet" in r.errors[0].message()


def test_error_view_of_command_not_found():
    r = run("Get-Foo")
    assert r.error_text.startswith(
        "Get-Foo : The term 'Get-Foo' is not recognized as the name of a cmdlet, function, script file, or "
        "operable program. Check the spelling of the name, or if a path was included, verify that the path "
        "is correct and try again.\nAt line:1 char:1\n+ Get-Foo\n+ ~~~~~~~\n"
        "    + CategoryInfo          : ObjectNotFound: (Get-Foo:String) [], CommandNotFoundException\n"
        "    + FullyQualifiedErrorId : CommandNotFoundException\n")


def test_method_on_null_is_error():
    r = run("$x = $null; $x.Foo(); 'next'")
    assert r.output == ["next"]
    assert r.errors[0].message() == "You cannot call a method on a null-valued expression."


def test_multiple_assignment():
    assert val("$a, $b = 1, 2, 3; $b") == [2, 3]


def test_array_index_and_slices():
    assert val("$a = 10,20,30; $a[-1]") == 30
    assert val("$a = 10,20,30; $a[0,2]") == [10, 30]
    assert val("$a = 10,20,30; $a[1..2]") == [20, 30]
    assert val("$a = 10,20,30; $a[5]") is None


def test_member_enumeration():
    assert val("$o = [pscustomobject]@{n=1}, [pscustomobject]@{n=2}; $o.n") == [1, 2]


def test_method_enumeration():
    # a collection without the method calls it on each element; the collection's own methods come first
    assert val("@('Ab').ToLower()") == "ab"
    assert val("@('Ab', 'Cd').ToUpper()") == ["AB", "CD"]
    assert val("@(1, 2).ToString()") == "System.Object[]"
    assert val("$o = [pscustomobject]@{n=1}, [pscustomobject]@{n=2}; "
               "$o | Add-Member ScriptMethod Twice { 2 * $this.n }; $o.Twice()") == [2, 4]
    r = run("@(1, 2).Foo()")
    assert r.errors[0].error_id == "MethodNotFound"
    assert "[System.Int32] does not contain a method named 'Foo'" in r.errors[0].message()
    r = run("@().Foo()")
    assert "[System.Object[]] does not contain a method named 'Foo'" in r.errors[0].message()


def test_compound_assignment_and_increment():
    assert val("$i = 5; $i += 2; $i -= 1; $i *= 3; $i") == 18
    assert val("$i = 1; $i++; $i") == 2
    assert val("$a = @(); $a += 'x'; $a += 'y'; $a.Count") == 2


def test_trap_continue():
    r = run("trap { 'trapped'; continue }; throw 'x'; 'after'")
    assert r.output == ["trapped", "after"]


def test_exit_code():
    r = run("exit 3")
    assert r.exit_code == 3


def test_parse_error_view():
    r = run('if (36 < 42) { "true" }')
    assert r.error_text == ("At line:1 char:8\n+ if (36 < 42) { \"true\" }\n+        ~\n"
                            "The '<' operator is reserved for future use.\n"
                            "    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException\n"
                            "    + FullyQualifiedErrorId : RedirectionNotSupported\n \n")


def test_a_void_method_called_as_a_statement_writes_nothing():
    # .NET void methods write nothing; a method that returns a value (ArrayList.Add's index) writes it
    r = run("function f { $h = @{}; $h.Add('a', 1); $l = New-Object System.Collections.Generic.List[string]; "
            "$l.Add('x'); $l.Clear(); $a = New-Object System.Collections.ArrayList; $a.Add(5); "
            "[IO.File]::WriteAllText((Join-Path $TestDrive 'v.txt'), 'z'); 'end' }; "
            "$TestDrive = [IO.Path]::GetTempPath(); $o = @(f); $o.Count; $o")
    assert not r.errors, r.error_text
    assert r.output == [2, 0, "end"]
    # as a value, a void call is $null
    assert val("$l = New-Object System.Collections.Generic.List[int]; $r = $l.Add(3); $null -eq $r") is True
    assert val("$h = @{}; @($h.Remove('q')).Count") == 0
    assert val("$l = New-Object System.Collections.Generic.List[int]; @(@($l, $l).Clear()).Count") == 0


def test_typed_array_and_list_elements_take_their_type_on_assignment():
    r = run("$a = [int[]](1, 2); $a[0] = '7'; $a[0].GetType().Name; "
            "$l = New-Object System.Collections.Generic.List[int]; $l.Add(1); $l[0] = '5'; $l[0] + 1; "
            "$o = @(1, 2); $o[0] = 's'; $o[0]")
    assert not r.errors, r.error_text
    assert r.output == ["Int32", 6, "s"]
    r = run("$a = [int[]](1, 2); $a[1] = 'x'")
    assert r.errors[0].error_id == "InvalidCastFromStringToInteger"
