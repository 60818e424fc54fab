"""Every example in pshim/help/cmdlets_*.py is a test: its code runs in a fresh
session and the console text must equal the example's output."""
import pytest

from pshim.help import all_examples
from pshim.testing import run

EXAMPLES = list(all_examples())


def _norm(text):
    return "\n".join(ln.rstrip() for ln in text.strip("\n").split("\n"))


@pytest.mark.parametrize("name,index,example", EXAMPLES, ids=[f"{n}-{i}" for n, i, _ in EXAMPLES])
def test_help_example(name, index, example):
    r = run(example["code"], capture_output=False)
    if not example.get("errors"):
        assert r.error_text == "", r.error_text
    assert _norm(r.host_text) == _norm(example.get("output", ""))


def test_examples_exist():
    assert len(EXAMPLES) >= 10
