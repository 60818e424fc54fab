"""A published Pester 5 suite, not written for pshim, run unchanged through pshim's Pester
(tests/third_party/naming_convention_converter, see its README.txt): 11 test files, 33 tests."""
import os

import pytest

from pshim.testing import run

SUITE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "naming_convention_converter")


def _run_suite():
    r = run(f"Set-Location '{SUITE}'; Invoke-Pester ./tests -Output Detailed -PassThru")
    runs = [o for o in r.output if getattr(o, "ps_type_names", ("",))[0] == "Pester.Run"]
    assert runs, r.error_text + r.host_text
    return r, runs[0]


def test_the_suite_is_discovered_and_its_signature_tests_pass():
    r, res = _run_suite()
    assert len(res.Containers) == 11
    assert res.TotalCount == 33
    signature = [t for t in res.Tests if t.ExpandedName == "Check function signatur"]
    assert len(signature) == 11
    assert all(t.Result == "Passed" for t in signature), [
        (t.ExpandedPath, [e.Exception.Message for e in t.ErrorRecord]) for t in signature]
    # -ForEach data expands the <expected> and <value> templates of the test names
    names = {t.ExpandedName for t in res.Tests}
    assert "Returns hello_world (Hello world!)" in names
    assert "Describing Tests for ConvertTo-SnakeCase." in r.host_text


def test_every_test_of_the_suite_passes():
    r, res = _run_suite()
    failed = {t.ExpandedPath: [e.Exception.Message for e in t.ErrorRecord] for t in res.Failed}
    assert failed == {}
    assert (res.PassedCount, res.FailedCount, res.SkippedCount, res.NotRunCount) == (33, 0, 0, 0)
    assert res.Result == "Passed"
