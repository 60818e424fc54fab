"""Random text and random recombinations of valid snippets: parse either
succeeds or raises ParseError -- never any other exception."""
from hypothesis import HealthCheck, given, settings, strategies as st

from pshim.errors import ParseError
from pshim.language import ast as A
from pshim.language import parse

SNIPPETS = [
    "Get-Item -Path x", "$x = 1", "1 + 2 * 3", "if ($a) { 1 } else { 2 }", "foreach ($i in 1..3) { $i }",
    "'str'", '"a $b $(1+1)"', "@{ a = 1; b = 2 }", "@(1, 2)", "$a.b.c()", "[int]'5'", "[math]::Round(2.5)",
    "switch ($x) { 1 { 'one' } default { 'd' } }", "try { } catch [System.Exception] { } finally { }",
    "function f($a) { $a }", "Get-A | Where-Object { $_.x -gt 1 } | Select-Object a,b", "$h['k']", "2>&1",
    "> out.txt", "-not $x", "$i++", "# comment", "<# block #>", "`", "|", ";", "\n", "{", "}", "(", ")",
    "@'\nhere\n'@", '@"\nhere $x\n"@', "param($x)", "[CmdletBinding()]", "-eq", ",", "..", "::", "$", "@",
    "'", '"', "<", "&", ". .\\x.ps1", "& $sb", "break", "return 1", "throw 'x'", ":l while ($true) { break l }",
    "do { } until ($x)", "for ($i=0;$i -lt 3;$i++) { }", "trap { continue }", "$env:PATH", "${a b}", "0x1F",
    "1KB", "1.5e3", "-5", "$a, $b = 1, 2", "$x += 1", "[string[]]$a", "[ordered]@{}", "data { }",
]

ALPHABET = st.sampled_from(list("abcxyz019$@'\"`{}()[]<>|&;,.:=+-*/%!#?_ \t\n\r\u2013\u201c\u2018"))


def check(text):
    try:
        result = parse(text)
    except ParseError:
        return
    assert isinstance(result, A.ScriptBlockAst)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_random_text(text):
    check(text)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(SNIPPETS), min_size=1, max_size=6),
       st.lists(st.sampled_from([" ", "", "\n", "; ", " | "]), min_size=6, max_size=6))
def test_recombined_snippets(parts, seps):
    text = "".join(p + seps[i] for i, p in enumerate(parts))
    check(text)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(SNIPPETS), st.integers(min_value=0, max_value=60))
def test_truncated_snippets(snippet, cut):
    check(snippet[:cut])
