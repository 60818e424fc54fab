"""The parser keeps no process-wide state: threads parse at once, each getting its own
right tree or error (issue 11)."""
import gc
import subprocess
import sys
import threading

import pytest

from pshim.errors import ParseError
from pshim.language import ast as A
from pshim.language import parse, parser

# different shapes: strings (string ends), a "$( )" whose quotes the string collapses (the
# parse re-reads a copy of the text), functions, hash literals, and errors found by the
# syntax pass or by the checks after it
SCRIPTS = [
    'function F($a, [int]$b = 2) { "a=$a b=$($b + 1)" }\nF 1 | ForEach-Object { $_.Length }',
    '$h = @{ A = 1; "B" = \'x\' }\nforeach ($k in $h.Keys) { if ($k -eq "A") { $h[$k] } else { "$k" } }',
    '"$(if ($x -ne `"`") { " in $x" })."\nswitch -regex ($y) { "^a" { 1 } default { 2 } }',
    'try { 1 / 0 } catch [System.DivideByZeroException] { Write-Warning $_ } finally { "done" }',
    'param($a, $a)\n$a',                                   # DuplicateFormalParameter (a check)
    'if ($x) { 1 ',                                        # MissingEndCurlyBrace (syntax)
    '@{ a = 1; a = 2 }',                                   # DuplicateKeyInHashLiteral (a check)
    'Get-Item -Path @("a", "b") 2>&1 > $null\n$x = [int[]](1, 2) -join ","',
]


def shape(text):
    """Every node's type and extent, or the error ids and offsets."""
    try:
        sb = parse(text)
    except ParseError as e:
        return ("error", tuple((i.error_id, i.extent.start, i.extent.end) for i in e.errors))
    return tuple((type(n).__name__, n.extent.start, n.extent.end, n.extent.text) for n in A.walk(sb))


def test_threads_parse_different_scripts_at_once():
    rounds = 25
    expected = {}
    for k, text in enumerate(SCRIPTS):
        for r in range(rounds):
            # a distinct text each time (the parse cache must not answer); the comment is at the end,
            # so offsets of the script stay those of the first parse
            t = f"{text}\n# thread {k} round {r}"
            expected[t] = shape(t)
    assert sum(1 for v in expected.values() if v[0] == "error") == 3 * rounds
    parser.clear_cache()
    failures = []
    start = threading.Barrier(len(SCRIPTS))
    old_interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)         # switch threads often, in the middle of parses

    def work(k):
        try:
            start.wait(timeout=30)
            for r in range(rounds):
                t = f"{SCRIPTS[k]}\n# thread {k} round {r}"
                got = shape(t)
                if got != expected[t]:
                    failures.append((k, r, got[:3], expected[t][:3]))
        except Exception as e:      # noqa: BLE001 - reported below
            failures.append((k, repr(e)))

    threads = [threading.Thread(target=work, args=(k,)) for k in range(len(SCRIPTS))]
    try:
        parser.clear_cache()
        for th in threads:
            th.start()
        for th in threads:
            th.join(timeout=120)
    finally:
        sys.setswitchinterval(old_interval)
    assert not any(th.is_alive() for th in threads)
    assert failures == []


def test_parse_leaves_gc_and_recursion_limit_alone(monkeypatch):
    def refuse(*a):
        raise AssertionError("the parser changed process-wide state")
    monkeypatch.setattr(gc, "disable", refuse)
    monkeypatch.setattr(sys, "setrecursionlimit", refuse)
    parser.clear_cache()
    sb = parse('function G { param($q) "$q" }\nG (1 + 2) | Out-Null  # gc/recursion test')
    assert isinstance(sb, A.ScriptBlockAst)
    assert gc.isenabled()


def test_building_the_grammar_leaves_pyparsing_defaults_alone():
    code = ("import pyparsing as pp; before = pp.ParserElement.DEFAULT_WHITE_CHARS\n"
            "from pshim.language import parse; parse('$a = 1')\n"
            "print(before == pp.ParserElement.DEFAULT_WHITE_CHARS)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "True", out.stderr


def test_deep_nesting_is_a_parse_error_not_a_crash():
    with pytest.raises(ParseError) as e:
        parse("(" * 3000 + "1" + ")" * 3000)
    assert e.value.error_id == "ScriptTooComplicated"
