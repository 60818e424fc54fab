"""The parse() entry point: laziness, caching, exception types."""
import subprocess
import sys

import pytest

from pshim.errors import ParseError
from pshim.language import ast as A
from pshim.language import parse, parser


def test_import_does_not_load_pyparsing():
    code = "import sys, pshim.language; print('pyparsing' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_result_is_cached_by_text_and_path():
    parser.clear_cache()
    a = parse("Get-Item x")
    assert parse("Get-Item x") is a
    assert parse("Get-Item x", path="a.ps1") is not a
    assert isinstance(a, A.ScriptBlockAst)


def test_extents_carry_the_source_and_path():
    sb = parse("Get-Item x\n$y = 1", path="/tmp/s.ps1")
    st = sb.end.body.statements[1]
    assert st.extent.text == "$y = 1"
    assert (st.extent.line, st.extent.column) == (2, 1)
    assert st.extent.path == "/tmp/s.ps1"


def test_recursion_depth_is_reported_as_parse_error():
    text = "(" * 3000 + "1" + ")" * 3000
    try:
        parse(text)
    except ParseError:
        pass


def test_walk_visits_everything():
    sb = parse("foreach ($x in 1..3) { Write-Output \"$x\" }")
    kinds = {type(n).__name__ for n in A.walk(sb)}
    assert {"ForEachStatementAst", "CommandAst", "ExpandableStringExpressionAst", "VariableExpressionAst"} <= kinds


def test_non_string_input_is_converted():
    assert isinstance(parse(42), A.ScriptBlockAst)
