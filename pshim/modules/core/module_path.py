"""Where modules are found: `$env:PSModulePath`, the module folders in it, and what each module
exports without loading it (for Get-Module -ListAvailable and for autoloading).

A module is a folder under one of the PSModulePath entries holding `<Name>.psd1` or `<Name>.psm1`,
or version folders (`<Name>\\1.2.0\\<Name>.psd1`). File names match case-insensitively, as on
Windows. `C:\\...` entries resolve through pshim's C: drive.

Nothing is scanned at start-up. The command index (command name -> module) is built the first time a
command is not found, kept per session, and rebuilt when PSModulePath or a module folder changes
(folder modification times) or on `Get-Module -ListAvailable -Refresh`. What a module exports comes
from its manifest's *ToExport lists when they name commands without wildcards, otherwise from reading
its root module statically (function definitions, Set-Alias/New-Alias, Export-ModuleMember with
constant arguments), without running it.
"""
from __future__ import annotations

import os
import re

from ...language import ast as A
from ...runtime.operators import wildcard_match, has_wildcard
from ...runtime.version import Version

MODULE_EXTENSIONS = (".psd1", ".psm1")
_DRIVE = re.compile(r"^[A-Za-z][A-Za-z0-9]*:[\\/]")


def module_path_entries(ctx) -> list[str]:
    """The PSModulePath entries as written (`;`-separated; POSIX `:` lists are split too)."""
    raw = os.environ.get("PSModulePath")
    if raw is None:
        from .manifest_modules import default_module_path
        raw = default_module_path()
    out = []
    for chunk in raw.split(";"):
        chunk = chunk.strip()
        if not chunk:
            continue
        if ":" in chunk and not _DRIVE.match(chunk):
            out.extend(p for p in chunk.split(":") if p)
        else:
            out.append(chunk)
    return out


def module_folders(ctx) -> list[str]:
    """The PSModulePath entries as existing OS folders, in order, without repeats."""
    out = []
    for entry in module_path_entries(ctx):
        try:
            path = ctx.session.drives.resolve(entry, ctx.session.location)
        except Exception:   # an entry naming a drive pshim lacks is skipped, as 5.1 skips missing folders
            continue
        if os.path.isdir(path) and path not in out:
            out.append(path)
    return out


def find_ci(folder: str, filename: str) -> str | None:
    """`folder/filename` matched case-insensitively, or None."""
    exact = os.path.join(folder, filename)
    if os.path.exists(exact):
        return exact
    low = filename.lower()
    try:
        for entry in os.listdir(folder):
            if entry.lower() == low:
                return os.path.join(folder, entry)
    except OSError:
        pass
    return None


def module_file_in(folder: str, name: str | None = None) -> str | None:
    """The module file of a module folder: `<name>.psd1`, else `<name>.psm1` (name: the folder's)."""
    name = name or os.path.basename(folder.rstrip("/\\"))
    for ext in MODULE_EXTENSIONS:
        f = find_ci(folder, name + ext)
        if f is not None and os.path.isfile(f):
            return f
    return None


def _version_of_folder(name: str) -> Version | None:
    try:
        return Version.parse(name)
    except ValueError:
        return None


class AvailableModule:
    """A module found on PSModulePath (not loaded)."""

    def __init__(self, name: str, path: str, version: Version | None):
        self.name = name
        self.path = path                  # the module file (.psd1 or .psm1)
        self.base = os.path.dirname(path)
        self.version = version            # from a version folder; the manifest may say otherwise
        self._exports = None
        self._stamp = None

    def exports(self, ctx):
        """(functions, cmdlets, aliases): the names it exports, read without running it."""
        try:
            stamp = os.stat(self.path).st_mtime_ns
        except OSError:
            return [], [], []
        if self._exports is None or self._stamp != stamp:
            self._exports = _static_exports(ctx, self.path)
            self._stamp = stamp
        return self._exports


def candidates(ctx, name: str) -> list[AvailableModule]:
    """The modules called `name` on PSModulePath, in path order; version folders highest first."""
    out = []
    for base in module_folders(ctx):
        folder = find_ci(base, name)
        if folder is None or not os.path.isdir(folder):
            continue
        out.extend(_modules_in_folder(folder))
    return out


def _modules_in_folder(folder: str) -> list[AvailableModule]:
    name = os.path.basename(folder.rstrip("/\\"))
    found = []
    f = module_file_in(folder, name)
    if f is not None:
        found.append(AvailableModule(os.path.splitext(os.path.basename(f))[0], f, None))
    versions = []
    try:
        entries = os.listdir(folder)
    except OSError:
        entries = []
    for entry in entries:
        v = _version_of_folder(entry)
        sub = os.path.join(folder, entry)
        if v is not None and os.path.isdir(sub):
            mf = find_ci(sub, name + ".psd1")
            if mf is not None:
                versions.append((v, mf))
    versions.sort(key=lambda t: t[0]._tuple(), reverse=True)
    for v, mf in versions:
        found.append(AvailableModule(os.path.splitext(os.path.basename(mf))[0], mf, v))
    return found


def available_modules(ctx) -> list[AvailableModule]:
    """Every module on PSModulePath, in path order then name order."""
    out = []
    for base in module_folders(ctx):
        try:
            entries = sorted(os.listdir(base), key=str.lower)
        except OSError:
            continue
        for entry in entries:
            folder = os.path.join(base, entry)
            if os.path.isdir(folder):
                out.extend(_modules_in_folder(folder))
    return out


# ---------------------------------------------------------------------------
# what a module exports, read statically

def _constant_strings(node) -> list[str] | None:
    """The strings a constant argument holds ('a', "b", a,b, @('a','b')); None if not constant."""
    if isinstance(node, A.StringConstantExpressionAst):
        return [node.value]
    if isinstance(node, A.ExpandableStringExpressionAst):
        if all(isinstance(p, str) for p in node.parts):
            return ["".join(node.parts)]
        return None
    if isinstance(node, A.ArrayLiteralAst):
        out = []
        for e in node.elements:
            vals = _constant_strings(e)
            if vals is None:
                return None
            out += vals
        return out
    if isinstance(node, A.ArrayExpressionAst):
        out = []
        for st in node.body.statements:
            if isinstance(st, A.PipelineAst) and len(st.elements) == 1 and \
                    isinstance(st.elements[0], A.CommandExpressionAst):
                vals = _constant_strings(st.elements[0].expression)
                if vals is None:
                    return None
                out += vals
            else:
                return None
        return out
    return None


def _command_args(cmd: A.CommandAst):
    """(named {lower name: [strings] or None}, positional [[strings] or None]) of a command call."""
    named, positional = {}, []
    els = cmd.elements[1:]
    i = 0
    while i < len(els):
        el = els[i]
        if isinstance(el, A.CommandParameterAst):
            arg = el.argument
            if arg is None and i + 1 < len(els) and not isinstance(els[i + 1], A.CommandParameterAst):
                arg = els[i + 1]
                i += 1
            named[el.name.lower()] = _constant_strings(arg) if arg is not None else None
        else:
            positional.append(_constant_strings(el))
        i += 1
    return named, positional


def _param(named, *prefixes):
    for k, v in named.items():
        if any(p.startswith(k) for p in prefixes) and len(k) >= 2:
            return v
    return None


def _static_exports(ctx, path: str):
    """(functions, cmdlets, aliases) a module file exports, without running it."""
    if path.lower().endswith(".psd1"):
        return _manifest_exports(ctx, path)
    return _script_exports(path)


def _script_exports(path: str):
    from ...commands.function import script_file_block
    try:
        sb = script_file_block(None, path)
    except Exception:   # a module that does not parse exports nothing that can be known in advance
        return [], [], []
    functions, aliases = [], []
    exported_f, exported_a, used = [], [], False
    body = sb.ast.end.body.statements if sb.ast.end is not None else []
    for st in body:
        if isinstance(st, A.FunctionDefinitionAst):
            name = st.name.split(":", 1)[-1]
            functions.append(name)
            continue
        if not isinstance(st, A.PipelineAst) or not st.elements or not isinstance(st.elements[0], A.CommandAst):
            continue
        cmd = st.elements[0]
        first = cmd.elements[0] if cmd.elements else None
        cname = first.value.lower() if isinstance(first, A.StringConstantExpressionAst) else ""
        named, positional = _command_args(cmd)
        if cname in ("set-alias", "new-alias", "sal", "nal"):
            n = _param(named, "name") or (positional[0] if positional else None)
            if n:
                aliases.extend(n)
        elif cname == "export-modulemember":
            used = True
            f = _param(named, "function") or (positional[0] if positional else None)
            exported_f.extend(f or [])
            exported_a.extend(_param(named, "alias") or [])
    if used:
        functions = [f for f in functions if any(wildcard_match(p, f) for p in exported_f)] + \
            [p for p in exported_f if not has_wildcard(p) and p.lower() not in {f.lower() for f in functions}]
        aliases = [a for a in aliases if any(wildcard_match(p, a) for p in exported_a)]
    else:
        aliases = []
    return functions, [], aliases


def _manifest_exports(ctx, path: str):
    from .module_manifest import read_manifest_data
    try:
        data = read_manifest_data(ctx, path)
    except Exception:   # an unreadable manifest exports nothing that can be known in advance
        return [], [], []
    lists = {}
    for key in ("FunctionsToExport", "CmdletsToExport", "AliasesToExport"):
        v = data.get(key)
        lists[key] = None if v is None else [str(x) for x in (v if isinstance(v, list) else [v])]
    explicit = {k: v for k, v in lists.items() if v is not None and not any(has_wildcard(x) for x in v)}
    functions, cmdlets, aliases = [], [], []
    if len(explicit) < 3:
        root = data.get("RootModule") or data.get("ModuleToProcess")
        nested = data.get("NestedModules") or []
        nested = nested if isinstance(nested, list) else [nested]
        folder = os.path.dirname(path)
        for entry in ([root] if root else []) + [n for n in nested if isinstance(n, str)]:
            f = _relative_module_file(folder, str(entry))
            if f is not None and f.lower().endswith(".psm1"):
                fs, _, als = _script_exports(f)
                functions += fs
                aliases += als

    def pick(key, found):
        pats = lists[key]
        if key in explicit:
            return list(explicit[key])
        if pats is None:
            return found
        return [n for n in found if any(wildcard_match(p, n) for p in pats)]
    return pick("FunctionsToExport", functions), pick("CmdletsToExport", cmdlets), pick("AliasesToExport", aliases)


def _relative_module_file(folder: str, entry: str) -> str | None:
    """A RootModule/NestedModules entry relative to the manifest's folder (with or without extension)."""
    rel = entry.replace("\\", "/")
    cand = os.path.join(folder, rel)
    if os.path.isfile(cand):
        return cand
    parent, leaf = os.path.split(cand)
    if os.path.isdir(parent):
        f = find_ci(parent, leaf)
        if f is not None and os.path.isfile(f):
            return f
        for ext in (".psd1", ".psm1", ".ps1"):
            f = find_ci(parent, leaf + ext)
            if f is not None and os.path.isfile(f):
                return f
    if os.path.isdir(cand):
        return module_file_in(cand)
    return None


# ---------------------------------------------------------------------------
# the command index for autoloading

class CommandIndex:
    """Per session: command name -> the module on PSModulePath that exports it."""

    def __init__(self):
        self.stamp = None
        self.by_command: dict[str, AvailableModule] = {}

    def _signature(self, ctx):
        folders = module_folders(ctx)
        stamp = [os.environ.get("PSModulePath")]
        for base in folders:
            try:
                stamp.append((base, os.stat(base).st_mtime_ns))
                with os.scandir(base) as it:
                    for e in it:
                        if e.is_dir():
                            stamp.append((e.path, e.stat().st_mtime_ns))
            except OSError:
                continue
        return tuple(stamp)

    def refresh(self):
        self.stamp = None

    def lookup(self, ctx, name: str) -> AvailableModule | None:
        sig = self._signature(ctx)
        if sig != self.stamp:
            self._build(ctx)
            self.stamp = sig
        return self.by_command.get(name.lower())

    def _build(self, ctx):
        by = {}
        seen = set()
        for m in available_modules(ctx):
            if m.name.lower() in seen:
                continue                      # the first one on the path wins, its highest version
            seen.add(m.name.lower())
            functions, cmdlets, aliases = m.exports(ctx)
            for n in functions + cmdlets + aliases:
                by.setdefault(n.lower(), m)
        self.by_command = by


def command_index(session) -> CommandIndex:
    return session.state("core.module_index", CommandIndex)
