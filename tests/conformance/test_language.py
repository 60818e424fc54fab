"""End-to-end language conformance: each case is a script and the output Windows PowerShell 5.1 gives.

Outputs are compared as the text each object shows when converted to a string (5.1 ToString rules),
so the tests do not depend on pshim's Python representation of .NET values.
"""
import pytest

from pshim.testing import run


def texts(script):
    r = run("$(\n" + script + "\n) | ForEach-Object { [string]$_ }")
    assert not r.errors, [e.message() for e in r.errors]
    return r.output


CASES = [
    # arrays and operators
    ("$a = 1,2,3; $a[-1]", ["3"]),
    ("$a = 1,2,3; $a[0,2]", ["1", "3"]),
    ("(@(1) + 2).Count", ["2"]),
    ("$null -eq @()", ["False"]),
    ("(@() -eq $null).Count", ["0"]),
    ("@(1,2,3) -gt 1", ["2", "3"]),
    ("(1,2,3) -contains 2; 2 -in 1,2,3; 4 -notin 1,2", ["True", "True", "True"]),
    ("'ab' * 3", ["ababab"]),
    ("(,'x' * 3).Count", ["3"]),
    ("'5' + 5; 5 + '5'", ["55", "10"]),
    ("'a,b,c,d' -split ',', 2", ["a", "b,c,d"]),
    ("-split '  a  b '", ["a", "b"]),
    ("'a1b22' -replace '\\d+', '#'", ["a#b#"]),
    ("'Server=EX01' -replace '^(\\w+)=(\\w+)$', '$2:$1'", ["EX01:Server"]),
    ("-join ('x', 'y'); ('x', 'y') -join '+'", ["xy", "x+y"]),
    ("'abc' -like 'A*'; 'abc' -clike 'A*'", ["True", "False"]),
    ("if ('EX01-queue' -match '^(?<srv>\\w+)-') { $Matches.srv; $Matches[0] }", ["EX01", "EX01-"]),
    ("$a = 1..3; \"$a\"; $OFS = '-'; \"$a\"", ["1 2 3", "1-2-3"]),
    ("$null + 1; [string]$null -eq ''", ["1", "True"]),
    # numbers and conversions
    ("[int]'0x1F'", ["31"]),
    ("[int]2.5; [int]3.5; [math]::Round(2.5)", ["2", "4", "2"]),
    ("10 / 4; 10 % 3; 7 / 2", ["2.5", "1", "3.5"]),
    ("1kb; (1d).GetType().Name; (2147483648).GetType().Name", ["1024", "Decimal", "Int64"]),
    ("0.1 + 0.2", ["0.3"]),
    ("(1).Count; @($null).Count; @().Count", ["1", "1", "0"]),
    ("$null.Count", ["0"]),
    ("[int[]]$n = '1', '2'; $n[1].GetType().Name", ["Int32"]),
    # composite formatting
    ("'{0:N2}' -f 1234.5", ["1,234.50"]),
    ("'{0:N2}' -f 0.125", ["0.13"]),
    ("'{0,5}|{1,-5}|' -f 1, 'ab'", ["    1|ab   |"]),
    ("'{0:D4} {1:X} {2:x2}' -f 42, 255, 10", ["0042 FF 0a"]),
    ("'{0:P1}' -f 0.256", ["25.6 %"]),
    ("'{0:C}' -f 5", ["$5.00"]),
    ("(1234.5).ToString('N2'); (2.5).ToString('0.0')", ["1,234.50", "2.5"]),
    ("'{0:yyyy-MM-dd HH:mm}' -f [datetime]'2024-03-01 13:05'", ["2024-03-01 13:05"]),
    ("([datetime]'2024-02-29').AddYears(1).ToString('yyyy-MM-dd'); ([datetime]'2024-03-01').DayOfWeek",
     ["2025-02-28", "Friday"]),
    ("([timespan]'01:30:00').TotalMinutes", ["90"]),
    # strings
    ("'Hello'.Substring(1, 3); 'a-b-c'.Split('-')[1]; 'abc'.PadLeft(5, '*'); '  x '.Trim() + '|'",
     ["ell", "b", "**abc", "x|"]),
    ("$n = 2\n@\"\n  total: $($n * 2)\n\"@", ["  total: 4"]),
    ("@'\n$not expanded\n'@", ["$not expanded"]),
    # hashtables
    ("$h = @{ b = 2; a = 1 }; $h.GetEnumerator() | Sort-Object Name | ForEach-Object { \"$($_.Name)=$($_.Value)\" }",
     ["a=1", "b=2"]),
    ("$o = [ordered]@{ b = 1; a = 2 }; $o.Keys -join ','", ["b,a"]),
    ("$h = @{}; $h.Missing -eq $null; $h['x'] = 1; $h.x", ["True", "1"]),
    # control flow
    ("switch ('x') { 'X' { 'upper' } 'x' { 'lower' } }", ["upper", "lower"]),
    ("switch (1, 2, 3) { 2 { 'two'; break } default { \"d$_\" } }", ["d1", "two"]),
    ("switch -wildcard ('EX01.contoso.com') { '*.contoso.com' { 'internal' } 'EX*' { 'exchange' } }",
     ["internal", "exchange"]),
    ("for ($i = 0; $i -lt 3; $i++) { if ($i -eq 1) { continue }; $i }", ["0", "2"]),
    ("$n = 0; do { $n++ } until ($n -ge 3); $n", ["3"]),
    (":outer foreach ($i in 1..3) { foreach ($j in 1..3) { if ($j -eq 2) { continue outer }; \"$i$j\" } }",
     ["11", "21", "31"]),
    ("foreach ($i in 1..2) { 1..5 | ForEach-Object { if ($_ -eq 3) { break }; \"$i-$_\" } }; 'after'",
     ["1-1", "1-2", "after"]),
    # functions, scopes, script blocks
    ("function Get-Me { $MyInvocation.InvocationName }; Get-Me", ["Get-Me"]),
    ("function Get-Me { $MyInvocation.MyCommand.Name }; Get-Me", ["Get-Me"]),
    ("function f { param($a, $b) $PSBoundParameters.Keys -join ',' }; f -b 2", ["b"]),
    ("function f { param($a, $b) $PSBoundParameters.ContainsKey('a'); $PSBoundParameters.ContainsKey('b') }; f -b 2",
     ["False", "True"]),
    ("$x = 1; function f { $x = 2 }; f; $x; . f; $x", ["1", "2"]),
    ("$x = 1; function g { $script:x = 3 }; g; $x", ["3"]),
    ("function f { $input | ForEach-Object { $_ * 2 } }; 1, 2, 3 | f", ["2", "4", "6"]),
    ("function f { \"n=$($args.Count) first=$($args[0])\" }; f a b c", ["n=3 first=a"]),
    ("& { param($p) \"p=$p\" } 5; $sb = { $args[0] + $args[1] }; & $sb 2 3", ["p=5", "5"]),
    ("function f { 'one'; return 'two'; 'three' }; f", ["one", "two"]),
    ("function f2 { @(1) }; (f2).GetType().Name; function f3 { ,@(1) }; (f3).GetType().Name",
     ["Int32", "Object[]"]),
    ("function f { [CmdletBinding()] param([ValidateSet('Low', 'High')] [string]$Level = 'Low') $Level }; f -Level high",
     ["high"]),
    # pipeline cmdlets
    ("1..3 | ForEach-Object -Begin { 'start' } -Process { $_ } -End { 'end' }", ["start", "1", "2", "3", "end"]),
    ("[pscustomobject]@{ n = 1, 2 }, [pscustomobject]@{ n = 3 } | Select-Object -ExpandProperty n", ["1", "2", "3"]),
    ("3, 1, 2, 3, 1 | Sort-Object -Unique", ["1", "2", "3"]),
    ("'b10', 'a2', 'c1' | Sort-Object { [int]$_.Substring(1) } -Descending", ["b10", "a2", "c1"]),
    ("1..4 | Measure-Object -Average -Maximum | ForEach-Object { $_.Average; $_.Maximum; $_.Count }",
     ["2.5", "4", "4"]),
    ("'a', 'b', 'a' | Group-Object | ForEach-Object { \"$($_.Name):$($_.Count)\" }", ["a:2", "b:1"]),
    ("[pscustomobject]@{ S = 'Ready' }, [pscustomobject]@{ S = 'Retry' } | Where-Object S -eq 'retry' | ForEach-Object S",
     ["Retry"]),
    ("1..10 | Select-Object -First 2 -Skip 3; 1..10 | Select-Object -Last 1", ["4", "5", "10"]),
    ("[pscustomobject]@{ Name = 'x'; Size = 5 } | Get-Member -MemberType NoteProperty | ForEach-Object Definition",
     ["string Name=x", "int Size=5"]),
    ("([pscustomobject]@{ a = 1 } | Select-Object a, b).PSObject.Properties.Name -join ','", ["a,b"]),
    ("[pscustomobject]@{ a = 1; b = 'x' } | ConvertTo-Json -Compress", ['{"a":1,"b":"x"}']),
    ("('{\"a\": [1, 2], \"b\": {\"c\": true}}' | ConvertFrom-Json).b.c", ["True"]),
    ("$l = New-Object System.Collections.ArrayList; [void]$l.Add('a'); $l.Add('b'); $l.Count", ["1", "2"]),
]


def _id(case):
    script = case.values[0] if hasattr(case, "values") else case[0]
    return script[:60]


@pytest.mark.parametrize("script,expected", CASES, ids=[_id(c) for c in CASES])
def test_language_case(script, expected):
    assert texts(script) == expected
