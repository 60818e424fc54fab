"""Pester's overhead (issue 15): It blocks per second on a data-driven 1,000-test file, next to the same
checks run as a plain script (a foreach loop doing the same `Should -Be`), so the framework's cost per test
is known. The file is written to a temporary folder; output is None so the console is not measured."""
from __future__ import annotations

import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from pshim.testing import new_session  # noqa: E402

N = 1000

TESTS = """
BeforeDiscovery { $cases = foreach ($i in 1..%d) { @{ a = $i; b = $i * 2 } } }
Describe "sums" {
    It "<a> doubled is <b>" -ForEach $cases {
        $a * 2 | Should -Be $b
    }
}
"""

PLAIN = """
$cases = foreach ($i in 1..%d) { @{ a = $i; b = $i * 2 } }
foreach ($c in $cases) { $c.a * 2 | Should -Be $c.b }
"""


def _time(session, text):
    out = []
    t = time.perf_counter()
    session.run(text, out=out.append)
    dt = time.perf_counter() - t
    if session.host.error_text:
        raise SystemExit(session.host.error_text)
    return dt, out


def main():
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "Sums.Tests.ps1")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(TESTS % N)
        s = new_session()
        _time(s, PLAIN % 10)                                     # warm the grammar and the module
        plain, _ = _time(s, PLAIN % N)
        _time(s, f"Invoke-Pester '{path}' -Output None")
        pester, out = _time(s, f"$r = Invoke-Pester '{path}' -Output None -PassThru; $r.PassedCount")
        assert out == [N], out
    print(f"plain script, {N} checks:     {plain * 1000:8.1f} ms  ({N / plain:8.0f} checks/s)")
    print(f"Invoke-Pester, {N} It blocks: {pester * 1000:8.1f} ms  ({N / pester:8.0f} It blocks/s, discovery "
          "and run)")
    print(f"per test: plain {plain / N * 1e6:.0f} us, Pester {pester / N * 1e6:.0f} us (the plain loop reads each "
          "case's values through hashtable members; Pester defines them as variables)")


if __name__ == "__main__":
    main()
