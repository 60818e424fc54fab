"""Run pshim's benchmarks: `python bench/run.py [name...]`.

Every module bench/<name>.py (other than this runner) with a `main()` is a
benchmark; with no names given, all of them run in alphabetical order. Each
main() prints its own figures. Benchmarks are never part of the test suite.
"""
from __future__ import annotations

import importlib.util
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def discover():
    names = []
    for fn in sorted(os.listdir(HERE)):
        if fn.endswith(".py") and fn not in ("run.py", "__init__.py") and not fn.startswith("_"):
            names.append(fn[:-3])
    return names


def load(name):
    path = os.path.join(HERE, name + ".py")
    spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    root = os.path.dirname(HERE)
    if root not in sys.path:
        sys.path.insert(0, root)
    available = discover()
    names = argv or available
    status = 0
    for name in names:
        if name not in available:
            print(f"unknown benchmark {name!r}; available: {', '.join(available)}", file=sys.stderr)
            status = 2
            continue
        mod = load(name)
        if not hasattr(mod, "main"):
            continue
        print(f"== {name}")
        t0 = time.perf_counter()
        mod.main()
        print(f"-- {name} done in {time.perf_counter() - t0:.2f} s")
    return status


if __name__ == "__main__":
    sys.exit(main())
