"""Reading the parser corpus (tests/language/corpus): shared by the corpus test and bench/parse.py."""
from __future__ import annotations

import glob
import os

CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")


def _lines(name):
    with open(os.path.join(CORPUS, name), encoding="utf-8") as f:
        return f.read().split("\n")


def examples(name="examples.txt"):
    """The examples of a one-per-line corpus file.  An example continues on the next
    line while it is incomplete (a trailing backtick, `|`, an open here-string...)."""
    from pshim.errors import IncompleteInput, ParseError
    from pshim.language import parse
    out, buf = [], []
    lines = _lines(name)
    for i, line in enumerate(lines):
        if not buf and (not line.strip() or line.startswith("# ")):
            continue
        buf.append(line)
        text = "\n".join(buf)
        try:
            parse(text)
        except IncompleteInput:
            if i + 1 < len(lines):
                continue
        except ParseError:
            pass
        out.append(text)
        buf = []
    return out


def placeholders(name="placeholders.txt"):
    return [l for l in _lines(name) if l.strip() and not l.startswith("# ")]


def scripts():
    return sorted(glob.glob(os.path.join(CORPUS, "scripts", "*.ps1")))


def pass_rates():
    """(examples passed, examples, scripts passed, scripts, placeholders rejected, placeholders)."""
    from pshim.errors import IncompleteInput, ParseError
    from pshim.language import parse
    ex = examples()
    ok_ex = 0
    for t in ex:
        try:
            parse(t)
            ok_ex += 1
        except ParseError:
            pass
    sc = scripts()
    ok_sc = 0
    for p in sc:
        with open(p, encoding="utf-8-sig") as f:
            try:
                parse(f.read(), p)
                ok_sc += 1
            except ParseError:
                pass
    ph = placeholders()
    rejected = 0
    for t in ph:
        try:
            parse(t)
        except IncompleteInput:
            pass
        except ParseError:
            rejected += 1
    return ok_ex, len(ex), ok_sc, len(sc), rejected, len(ph)
