"""The parser corpus: Exchange-style command examples and admin scripts must all parse,
and syntax lines holding <placeholders> must be rejected (see corpus/ and corpus_util.py)."""
import os

import pytest

from pshim.errors import IncompleteInput, ParseError
from pshim.language import parse

import corpus_util as C

EXAMPLES = C.examples()
SCRIPTS = C.scripts()


def test_corpus_is_big_enough():
    assert len(EXAMPLES) >= 500
    assert len(SCRIPTS) >= 25


@pytest.mark.parametrize("text", EXAMPLES, ids=[f"ex{i}" for i in range(len(EXAMPLES))])
def test_example_parses(text):
    parse(text)


@pytest.mark.parametrize("path", SCRIPTS, ids=[os.path.basename(p) for p in SCRIPTS])
def test_script_parses(path):
    with open(path, encoding="utf-8-sig") as f:
        parse(f.read(), path)


@pytest.mark.parametrize("text", C.placeholders())
def test_placeholder_is_rejected(text):
    with pytest.raises(ParseError) as ei:
        parse(text)
    assert not isinstance(ei.value, IncompleteInput)
