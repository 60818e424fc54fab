"""Parser throughput: cold (cache cleared) and warm (cached) parse of a script
of at least 20,000 lines.

The script is made of samples/*.ps1 when they hold enough text, otherwise of
bench/parse_corpus.ps1 (an Exchange-admin-style script); each copy is wrapped
in its own function so that param blocks stay legal.
"""
from __future__ import annotations

import gc
import glob
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MIN_LINES = 20000


def source_texts():
    samples = sorted(glob.glob(os.path.join(ROOT, "samples", "*.ps1")))
    texts = []
    for p in samples:
        with open(p, encoding="utf-8-sig") as f:
            texts.append(f.read())
    if sum(t.count("\n") for t in texts) < 2000:
        with open(os.path.join(HERE, "parse_corpus.ps1"), encoding="utf-8") as f:
            texts = [f.read()]
    return texts


def build_script(min_lines=MIN_LINES):
    texts = source_texts()
    parts = []
    lines = 0
    k = 0
    while lines < min_lines:
        for t in texts:
            k += 1
            body = f"function Invoke-Copy{k} {{\n{t}\n}}\n"
            parts.append(body)
            lines += body.count("\n")
    return "".join(parts)


def main():
    if ROOT not in sys.path:
        sys.path.insert(0, ROOT)
    # start-up cost, measured in a fresh interpreter
    code = "import time; t=time.perf_counter(); import pshim.language, sys; print(time.perf_counter()-t, 'pyparsing' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True).stdout.split()
    if out:
        print(f"import pshim.language: {float(out[0]) * 1000:.1f} ms (pyparsing imported: {out[1]})")
    from pshim.language import parser, grammar

    t0 = time.perf_counter()
    grammar.build()
    print(f"grammar build (incl. pyparsing import): {(time.perf_counter() - t0) * 1000:.0f} ms")

    text = build_script()
    nlines = text.count("\n") + 1
    parser.clear_cache()
    gc.collect()
    t0 = time.perf_counter()
    parser.parse(text)
    # the parse runs with the cyclic GC off; the young-generation pass that follows it is
    # part of its cost (it traverses every new AST node), so it is timed here too
    gc.collect(0)
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    parser.parse(text)
    warm = time.perf_counter() - t0
    print(f"script: {nlines} lines, {len(text)} chars")
    print(f"cold parse: {cold:.2f} s  = {nlines / cold:,.0f} lines/s")
    print(f"warm parse: {warm * 1e6:.0f} us = {nlines / max(warm, 1e-9):,.0f} lines/s")

    # one interactive command line (the REPL case)
    line = "Get-ReceiveConnector -Server EX01 | Where-Object { $_.Enabled } | Select-Object Name,Bindings"
    parser.clear_cache()
    t0 = time.perf_counter()
    for i in range(200):
        parser.parse(line + f" # {i}")
    print(f"one command line: {(time.perf_counter() - t0) / 200 * 1e6:.0f} us per cold parse")
    corpus_pass_rate()
    compare_refinery(text, nlines, cold)


def corpus_pass_rate():
    """Pass rates on tests/language/corpus (Exchange-style examples and admin scripts)."""
    sys.path.insert(0, os.path.join(ROOT, "tests", "language"))
    import corpus_util
    ok_ex, n_ex, ok_sc, n_sc, rej, n_ph = corpus_util.pass_rates()
    print(f"corpus: examples {ok_ex}/{n_ex} parse ({ok_ex / max(n_ex, 1):.1%}), "
          f"scripts {ok_sc}/{n_sc} ({ok_sc / max(n_sc, 1):.1%}), "
          f"<placeholder> lines rejected {rej}/{n_ph}")


def _load_refinery():
    """binary-refinery's pure-Python PowerShell parser, for a side-by-side figure.

    Uses an installed `refinery` if there is one; otherwise downloads the sdist
    from PyPI into a cache folder (nothing of it is kept in this repository) and
    imports only its ps1 parser package, without the toolkit's native extras."""
    import importlib
    import tarfile
    import types
    try:
        return importlib.import_module("refinery.lib.scripts.ps1.parser")
    except Exception:   # not installed, or installed without its native extras
        sys.modules.pop("refinery", None)
    cache = os.path.join(os.path.expanduser("~"), ".cache", "pshim-bench")
    os.makedirs(cache, exist_ok=True)
    src = [d for d in glob.glob(os.path.join(cache, "binary_refinery-*")) if os.path.isdir(d)]
    if not src:
        r = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q",
                            "-d", cache, "binary-refinery"], capture_output=True, text=True, timeout=300)
        tars = glob.glob(os.path.join(cache, "binary_refinery-*.tar.gz"))
        if not tars:
            raise RuntimeError("could not download binary-refinery: " + (r.stderr.strip()[-200:] or "no sdist"))
        with tarfile.open(tars[0]) as tf:
            tf.extractall(cache)
        src = [d for d in glob.glob(os.path.join(cache, "binary_refinery-*")) if os.path.isdir(d)]
    pkg = types.ModuleType("refinery")
    pkg.__path__ = [os.path.join(src[0], "refinery")]
    sys.modules["refinery"] = pkg
    return importlib.import_module("refinery.lib.scripts.ps1.parser")


def compare_refinery(text, nlines, our_cold):
    try:
        mod = _load_refinery()
    except Exception as e:   # the comparison is optional; say why it is missing
        print(f"binary-refinery ps1 parser: not measured ({e})")
        return
    gc.collect()
    t0 = time.perf_counter()
    mod.Ps1Parser(text).parse()
    gc.collect(0)
    dt = time.perf_counter() - t0
    print(f"binary-refinery ps1 parser, same script: {dt:.2f} s = {nlines / dt:,.0f} lines/s "
          f"(pshim cold parse runs at {dt / our_cold:.2f}x its speed)")


if __name__ == "__main__":
    main()
