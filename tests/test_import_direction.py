"""The layers of pshim are its import direction: a module imports its own layer or the layers below it,
never one above (also not inside a function, where a deferred import would hide the cycle).

From the bottom: errors (the foundation every layer raises) < language (parser, AST) < runtime (compiler,
values, scopes, the session) < commands (discovery, binder, pipeline) < formatting (view registry,
Out-Default's shapes) < host (console, REPL, completion) < help < modules (the cmdlets: they register
into the layers below them: manifests into the command table, views into formatting, types into the
runtime). The package root, `__main__` and `testing` wire and drive the layers and may import any.
A layer below asks the one above through an interface it defines (runtime/engine.py: the command layer
registers; `host.out_default_sink`: the host provides; a manifest's FILE_REDIRECTION: a module
registers the writer behind `> path`).
"""
import ast
import functools
import os

import pshim

ROOT = os.path.dirname(pshim.__file__)

LAYERS = ["errors", "language", "runtime", "commands", "formatting", "host", "help", "modules", "entry"]
_ENTRY = {"pshim", "pshim.__main__", "pshim.testing"}

# Imports that still go upward, each with the reason it is not yet turned around: (importer, imported).
ALLOWED_UPWARD = set()


def _layer(module: str) -> str | None:
    if module in _ENTRY:
        return "entry"
    parts = module.split(".")
    if parts[0] != "pshim" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in LAYERS else None


def _module_name(path: str) -> tuple[str, bool]:
    rel = os.path.relpath(path, os.path.dirname(ROOT))[:-3].replace(os.sep, ".")
    if rel.endswith(".__init__"):
        return rel[: -len(".__init__")], True
    return rel, False


def _type_checking_nodes(tree) -> set:
    """Imports under `if TYPE_CHECKING:` are for annotations only and never run."""
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If):
            t = node.test
            name = t.id if isinstance(t, ast.Name) else t.attr if isinstance(t, ast.Attribute) else None
            if name == "TYPE_CHECKING":
                for child in node.body:
                    skip.update(id(n) for n in ast.walk(child))
    return skip


def _imported(current: str, is_package: bool, node) -> list[str]:
    """The pshim modules an import statement loads (for `from x import y`, y when it is a module)."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    if node.level:
        base = current if is_package else current.rpartition(".")[0]
        parts = base.split(".")
        if node.level > 1:
            parts = parts[: len(parts) - (node.level - 1)]
        base = ".".join(parts)
        target = base + ("." + node.module if node.module else "")
    else:
        target = node.module
    if node.module is None or target == "pshim":
        # `from .. import errors`: the names are the modules
        return [target + "." + a.name for a in node.names]
    return [target]


@functools.lru_cache(maxsize=None)
def import_edges() -> tuple:
    """(importer, imported, line) for every import of a pshim module by a pshim module."""
    return tuple(_edges())


def _edges():
    for folder, _dirs, files in os.walk(ROOT):
        for f in sorted(files):
            if not f.endswith(".py"):
                continue
            path = os.path.join(folder, f)
            current, is_package = _module_name(path)
            with open(path, encoding="utf-8") as fh:
                tree = ast.parse(fh.read(), path)
            skip = _type_checking_nodes(tree)
            for node in ast.walk(tree):
                if isinstance(node, (ast.Import, ast.ImportFrom)) and id(node) not in skip:
                    for target in _imported(current, is_package, node):
                        if target.split(".")[0] == "pshim":
                            yield current, target, node.lineno


def _upward():
    out = []
    for importer, imported, line in import_edges():
        a, b = _layer(importer), _layer(imported)
        if a is None or b is None or a == b:
            continue
        if LAYERS.index(b) > LAYERS.index(a):
            out.append((importer, imported, line))
    return out


def test_every_module_belongs_to_a_layer():
    unplaced = sorted({m for m, _, _ in import_edges() if _layer(m) is None})
    assert unplaced == []


def test_no_upward_import():
    found = [(a, b, line) for a, b, line in _upward() if (a, b) not in ALLOWED_UPWARD]
    assert found == [], "upward imports (importer, imported, line):\n" + "\n".join(map(str, found))


def test_allow_list_holds_only_edges_that_exist():
    """An allowed edge that no longer exists is taken off the list."""
    present = {(a, b) for a, b, _ in _upward()}
    assert ALLOWED_UPWARD <= present


def test_the_checker_sees_deferred_and_relative_imports():
    """The checker finds an import inside a function and resolves `from ..x import y` and `from .. import x`."""
    code = ("def f():\n    from ..commands.pipeline import compile_pipeline\n"
            "from .. import errors as E\n")
    tree = ast.parse(code)
    found = [t for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
             for t in _imported("pshim.runtime.x", False, node)]
    assert sorted(found) == ["pshim.commands.pipeline", "pshim.errors"]
    assert _layer("pshim.commands.pipeline") == "commands" and LAYERS.index("commands") > LAYERS.index("runtime")
