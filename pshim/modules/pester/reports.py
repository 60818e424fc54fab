"""Test result reports: NUnit 2.5 XML (Pester's NUnitXml, the default of -CI) and JUnit 4 XML, written
with lxml. The layout follows what Pester 5 writes: for NUnit, a suite per file, per Describe and per
Context with a test-case per test (`Describe.Context.It` names); for JUnit, a testsuite per file with a
testcase per test."""
from __future__ import annotations

import datetime as _dt
import getpass
import os
import platform

from lxml import etree

from ...runtime import conversion as cv
from .output import error_lines
from .tree import Block, Test

XSI = "http://www.w3.org/2001/XMLSchema-instance"


def _secs(s: float) -> str:
    return f"{s:.4f}"


def _nunit_result(node_result: str) -> tuple[str, str]:
    return {"Passed": ("Success", "True"), "Failed": ("Failure", "False"),
            "Skipped": ("Ignored", "True"), "NotRun": ("Ignored", "True")}.get(node_result, ("Inconclusive", "True"))


def _failure_texts(errors):
    lines = []
    for e in errors:
        lines += error_lines(e)
    msg = [ln for ln in lines if not ln.startswith("at ")]
    trace = [ln for ln in lines if ln.startswith("at ")]
    return "\n".join(msg), "\n".join(trace)


def _nunit_case(parent, t: Test):
    result, success = _nunit_result(t.result)
    executed = "True" if t.result in ("Passed", "Failed") else "False"
    case = etree.SubElement(parent, "test-case", description=t.expanded_name, name=t.ExpandedPath,
                            time=_secs(t.duration), asserts="0", success=success, result=result,
                            executed=executed)
    if t.result == "Failed":
        failure = etree.SubElement(case, "failure")
        msg, trace = _failure_texts(t.errors)
        etree.SubElement(failure, "message").text = msg
        etree.SubElement(failure, "stack-trace").text = trace
    elif t.result in ("Skipped", "NotRun"):
        reason = etree.SubElement(case, "reason")
        etree.SubElement(reason, "message").text = t.skip_reason or ""


def _suite_result(tests):
    if any(t.result == "Failed" for t in tests):
        return "Failure", "False"
    if tests and all(t.result in ("Skipped", "NotRun") for t in tests):
        return "Ignored", "True"
    return "Success", "True"


def _nunit_block(parent, b: Block):
    tests = list(b.all_tests())
    result, success = _suite_result(tests)
    name = ".".join(b.expanded_path)
    suite = etree.SubElement(parent, "test-suite", type="TestFixture", name=name,
                             executed="True" if b.executed else "False", result=result, success=success,
                             time=_secs(b.duration), asserts="0", description=b.expanded_name)
    results = etree.SubElement(suite, "results")
    for item in b.items:
        if isinstance(item, Test):
            _nunit_case(results, item)
        else:
            _nunit_block(results, item)


def nunit_xml(run) -> bytes:
    now = run.executed_at or _dt.datetime.now()
    tests = run.tests()
    root = etree.Element("test-results", nsmap={"xsi": XSI})
    root.set(f"{{{XSI}}}noNamespaceSchemaLocation", "nunit_schema_2.5.xsd")
    for k, v in (("name", "Pester"), ("total", len(tests)), ("errors", 0), ("failures", run.FailedCount),
                 ("not-run", run.NotRunCount), ("inconclusive", 0), ("ignored", 0), ("skipped", run.SkippedCount),
                 ("invalid", 0), ("date", now.strftime("%Y-%m-%d")), ("time", now.strftime("%H:%M:%S"))):
        root.set(k, str(v))
    etree.SubElement(root, "environment", {
        "nunit-version": "2.5.8.0", "os-version": platform.release(), "platform": platform.system(),
        "cwd": os.getcwd(), "machine-name": platform.node(), "user": _user(), "user-domain": platform.node(),
        "clr-version": "Unknown"})
    etree.SubElement(root, "culture-info", {"current-culture": "en-US", "current-uiculture": "en-US"})
    result, success = _suite_result(tests)
    top = etree.SubElement(root, "test-suite", type="TestFixture", name="Pester", executed="True", result=result,
                           success=success, time=_secs(run.duration), asserts="0", description="Pester")
    results = etree.SubElement(top, "results")
    for c in run.containers:
        ctests = c.all_tests()
        cres, csucc = _suite_result(ctests)
        if c.errors:
            cres, csucc = "Failure", "False"
        suite = etree.SubElement(results, "test-suite", type="TestFixture", name=c.path, executed="True",
                                 result=cres, success=csucc, time=_secs(c.duration), asserts="0",
                                 description=c.path)
        inner = etree.SubElement(suite, "results")
        for b in c.root.blocks():
            _nunit_block(inner, b)
        for t in c.root.tests():
            _nunit_case(inner, t)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", standalone=False, pretty_print=True)


def junit_xml(run) -> bytes:
    now = run.executed_at or _dt.datetime.now()
    tests = run.tests()
    root = etree.Element("testsuites", nsmap={"xsi": XSI})
    root.set(f"{{{XSI}}}noNamespaceSchemaLocation", "junit_schema_4.xsd")
    for k, v in (("name", "Pester"), ("tests", len(tests)), ("errors", 0), ("failures", run.FailedCount),
                 ("disabled", run.SkippedCount + run.NotRunCount), ("time", _secs(run.duration))):
        root.set(k, str(v))
    for i, c in enumerate(run.containers):
        ctests = c.all_tests()
        suite = etree.SubElement(root, "testsuite", {
            "name": c.path, "tests": str(len(ctests)), "errors": str(1 if c.errors else 0),
            "failures": str(sum(t.result == "Failed" for t in ctests)), "hostname": platform.node(), "id": str(i),
            "skipped": str(sum(t.result == "Skipped" for t in ctests)),
            "disabled": str(sum(t.result == "NotRun" for t in ctests)), "package": c.path,
            "time": _secs(c.duration), "timestamp": now.strftime("%Y-%m-%dT%H:%M:%S")})
        props = etree.SubElement(suite, "properties")
        for k, v in (("user", _user()), ("machine-name", platform.node()), ("cwd", os.getcwd())):
            etree.SubElement(props, "property", name=k, value=v)
        for t in ctests:
            case = etree.SubElement(suite, "testcase", name=t.ExpandedPath, status=t.result, classname=c.path,
                                    assertions="0", time=_secs(t.duration))
            if t.result == "Failed":
                msg, trace = _failure_texts(t.errors)
                f = etree.SubElement(case, "failure", message=msg.split("\n")[0])
                f.text = msg + ("\n" + trace if trace else "")
            elif t.result in ("Skipped", "NotRun"):
                etree.SubElement(case, "skipped")
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", standalone=False, pretty_print=True)


def _user():
    try:
        return getpass.getuser()
    except Exception:       # no user name in this environment (containers): Pester writes what it finds
        return ""


def write_report(ctx, run, path, fmt):
    f = cv.to_string(fmt).lower()
    data = junit_xml(run) if f in ("junitxml", "junit") else nunit_xml(run)
    target = ctx.resolve_path(cv.to_string(path))
    os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
    with open(target, "wb") as fh:
        fh.write(data)
