"""A Session's attributes are declared in runtime/session.py (issue 13): modules keep per-session state
through session.state(key, factory), never by adding attributes to the session object."""
import ast
import pathlib

import pytest

import pshim
from pshim.runtime.session import Session
from pshim.testing import new_session, run

_ROOT = pathlib.Path(pshim.__file__).parent
_DECLARED = set(Session.__slots__) | {n for n in dir(Session) if not n.startswith("__")}


def test_a_session_refuses_an_undeclared_attribute():
    s = new_session()
    assert not hasattr(s, "__dict__")
    with pytest.raises(AttributeError):
        s.my_module_cache = {}          # what a cmdlet must not do
    assert s.state("test.cache", dict) is s.state("test.cache", dict)


def _session_expr(node) -> bool:
    """`session`, `ctx.session`, `self.session`, `self.ctx.session`..."""
    if isinstance(node, ast.Name):
        return node.id == "session"
    return isinstance(node, ast.Attribute) and node.attr == "session"


def test_no_code_sets_or_probes_an_undeclared_session_attribute():
    found = []
    for path in sorted(_ROOT.rglob("*.py")):
        if path == _ROOT / "runtime" / "session.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = None
            if (isinstance(node, ast.Attribute) and isinstance(node.ctx, (ast.Store, ast.Del))
                    and isinstance(node.value, ast.Attribute) and node.value.attr == "session"):
                name = node.attr                  # ctx.session.foo = ...  (a local `session` may be requests')
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                  and node.func.id in ("setattr", "getattr", "hasattr", "delattr") and len(node.args) >= 2
                  and _session_expr(node.args[0]) and isinstance(node.args[1], ast.Constant)):
                name = node.args[1].value         # getattr(session, "_cache", None) implies an undeclared one
            if name is not None and name not in _DECLARED:
                found.append(f"{path.relative_to(_ROOT)}:{node.lineno}: {name}")
    assert found == []


def test_named_location_stacks_are_per_session_state(tmp_path):
    a, b = new_session(), new_session()
    run(f"Push-Location -StackName work '{tmp_path}'", session=a)
    assert [str(x) for x in run("(Get-Location -StackName work).Count", session=a).output] == ["1"]
    assert run("(Get-Location -StackName work).Count", session=b).output in ([0], [])   # not shared
    assert "management.location_stacks" in a.module_state
