"""Tab completion, PSReadLine-like, in plain Python (no prompt-toolkit here).

    complete(session, text, cursor) -> (replace_start, [candidates])

`text[replace_start:cursor]` is the word being completed; each candidate is
the full text that replaces it. What is completed depends on where the word is:

- command position (first word of a pipeline element): cmdlet, function and
  alias names (`Select-Ob` -> `Select-Object`; wildcards allowed), then paths
- `-Name` in argument position: the parameters of the command being typed,
  common parameters included (`-ExpandP` -> `-ExpandProperty`)
- the value after `-Param`: ValidateSet / enum values, a parameter's own
  completer, and the hooks modules register in their manifests (COMPLETERS:
  callable(ctx, command_name, parameter_name, word) -> [str]); the same hooks
  are asked for positional arguments (parameter_name is then the positional
  parameter, or None)
- `$name`: variables; `$x.Na`: properties (and methods) of $x's value;
  `$env:PA`: environment variables
- anything else: file-system paths relative to the current location

Only the text before the cursor is looked at; nothing is executed except
reading variables and their properties.
"""
from __future__ import annotations

import os
import re

from ..runtime.wildcard import has_wildcard, wildcard_filter

_BREAK = set("|;{}()\n,=")
_SPECIAL = set(" \t'\"`$(){}[];,|&<>@#")


class _Tok:
    __slots__ = ("kind", "text", "start", "end", "quoted")

    def __init__(self, kind, text, start, end, quoted=False):
        self.kind = kind          # "word" or "op"
        self.text = text
        self.start = start
        self.end = end
        self.quoted = quoted

    def __repr__(self):
        return f"_Tok({self.kind}, {self.text!r}, {self.start})"


def _tokenize(text: str):
    """A forgiving scan for completion: words (with their quotes), and the
    operators that end a command (| ; { } ( ) newline , =)."""
    toks = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in " \t\r":
            i += 1
            continue
        if c == "#" and (i == 0 or text[i - 1] in " \t\n;|{("):
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if c == "`" and i + 1 < n and text[i + 1] == "\n":
            i += 2
            continue
        if c in _BREAK:
            toks.append(_Tok("op", c, i, i + 1))
            i += 1
            continue
        start = i
        quoted = False
        while i < n:
            c = text[i]
            if c in "'\"":
                quoted = True
                q = c
                i += 1
                while i < n and text[i] != q:
                    if q == '"' and text[i] == "`":
                        i += 1
                    i += 1
                i += 1
                continue
            if c == "`":
                i += 2
                continue
            if c in " \t\r" or c in _BREAK:
                # `$x.Method(` or `$(` keep the paren as an operator
                break
            i += 1
        i = min(i, n)
        toks.append(_Tok("word", text[start:i], start, i, quoted))
    return toks


def _unquote(s: str) -> str:
    if len(s) >= 1 and s[0] in "'\"":
        s = s[1:]
        if s and s[-1] in "'\"":
            s = s[:-1]
    return s


def _quote(s: str) -> str:
    if s and not any(c in _SPECIAL for c in s):
        return s
    return "'" + s.replace("'", "''") + "'"


def _match(word: str, names, prefix_only=True):
    """Names matching the typed word (a prefix, or a wildcard pattern), case-insensitive."""
    lw = word.lower()
    if has_wildcard(word):
        return wildcard_filter(word if word.endswith("*") else word + "*", names)
    return [n for n in names if n.lower().startswith(lw)]


def _dedupe_sorted(items):
    seen = set()
    out = []
    for x in sorted(items, key=lambda s: s.lower()):
        if x.lower() not in seen:
            seen.add(x.lower())
            out.append(x)
    return out


# ---------------------------------------------------------------------------

def complete(session, text: str, cursor: int | None = None):
    """(replace_start, candidates) for the word before `cursor`."""
    if cursor is None:
        cursor = len(text)
    text = text[:cursor]
    ctx = session.global_ctx
    toks = _tokenize(text)
    at_space = not text or text[-1] in " \t\n" or (toks and toks[-1].kind == "op")
    if at_space:
        word, start = "", cursor
        prior = toks
    else:
        last = toks[-1]
        word, start = last.text, last.start
        prior = toks[:-1]
    # the pipeline element being typed: tokens after the last | ; { ( newline
    seg = []
    for t in reversed(prior):
        if t.kind == "op" and t.text in "|;{}()\n=":
            break
        seg.insert(0, t)
    try:
        return _complete(session, ctx, text, word, start, seg, prior)
    except Exception:   # completion must never break the prompt
        return start, []


def _complete(session, ctx, text, word, start, seg, prior):
    # variables and member access
    if word.startswith("$") or word.startswith("@"):
        return _complete_variable(session, ctx, word, start)
    words = [t for t in seg if t.kind == "word"]
    command_position = not words
    if not command_position and words[0].text.startswith(("$", "(", "[", "'", '"')) or \
            (not command_position and words[0].text[:1].isdigit()):
        return start, []           # an expression, not a command
    if command_position:
        if word == "":
            return start, []
        cands = _complete_command(session, ctx, word)
        if not cands or any(c in word for c in "\\/") or word.startswith("."):
            cands = cands + _complete_path(ctx, word)
        return start, cands
    cmd_name = _unquote(words[0].text)
    md = _metadata(ctx, cmd_name)
    args = words[1:]
    if word.startswith("-") and len(word) >= 1 and not word[1:2].isdigit() and ":" not in word:
        if md is None:
            return start, []
        names = []
        for p in md.parameters:
            if p.dont_show:
                continue
            names.append(p.name)
        typed = word[1:]
        matched = [n for n in names if n.lower().startswith(typed.lower())]
        # own parameters in declaration order, then common parameters (as PowerShell lists them)
        return start, ["-" + n for n in matched]
    # the value of a named parameter?
    param = None
    if args and args[-1].text.startswith("-") and not args[-1].quoted and ":" not in args[-1].text \
            and md is not None:
        p = md.by_name.get(args[-1].text[1:].lower())
        if p is None:
            p = _unique_prefix(md, args[-1].text[1:])
        if p is not None and not p.is_switch:
            param = p
    if param is None and md is not None:
        param = _positional_param(md, args)
    cands = []
    if param is not None:
        cands = _complete_value(session, ctx, cmd_name, md, param, word)
        if cands:
            return start, cands
    else:
        cands = _hook_values(session, ctx, cmd_name, None, word)
        if cands:
            return start, cands
    return start, _complete_path(ctx, word)


def _unique_prefix(md, typed):
    lt = typed.lower()
    hits = {id(p): p for p in md.parameters if p.name.lower().startswith(lt)}
    return next(iter(hits.values())) if len(hits) == 1 else None


def _positional_param(md, args):
    """The parameter the next positional argument would bind to (first parameter set that has one)."""
    n = 0
    i = 0
    named = set()
    while i < len(args):
        a = args[i]
        if a.text.startswith("-") and not a.quoted and not a.text[1:2].isdigit():
            p = md.by_name.get(a.text[1:].split(":")[0].lower()) or _unique_prefix(md, a.text[1:].split(":")[0])
            if p is not None:
                named.add(p.name)
                if not p.is_switch and ":" not in a.text:
                    i += 1
            i += 1
            continue
        n += 1
        i += 1
    for set_name in md.parameter_sets:
        pos = [p for p in md.positional_in(set_name) if p.name not in named]
        if n < len(pos):
            return pos[n]
    return None


def _metadata(ctx, name):
    from ..commands.discovery import resolve_command
    info = resolve_command(ctx, name)
    if info is None:
        return None
    kind = getattr(info, "kind", None)
    if kind == "cmdlet":
        return info.load().metadata()
    sb = getattr(info, "script_block", None)
    if sb is not None:
        from ..commands.function import metadata_for
        return metadata_for(sb, info.name)
    if kind == "script":
        from ..commands.function import script_file_block, metadata_for
        return metadata_for(script_file_block(ctx, info.path), info.Name, True)
    return None


def command_names(session, ctx):
    """Every command name visible from ctx (cmdlets, functions, aliases)."""
    from ..commands.discovery import all_commands
    names = []
    for name, entry in all_commands(ctx):
        names.append(name)
    return names


def _complete_command(session, ctx, word):
    if word.startswith("-") or word.startswith(("'", '"')):
        return []
    lw = word.lower()
    if "\\" in word and not word.startswith((".", "/", "~")):
        mod, _, short = word.rpartition("\\")
        out = []
        for e in session.commands.cmdlets.values():
            if e.module.lower() == mod.lower() and e.name.lower().startswith(short.lower()):
                out.append(f"{e.module}\\{e.name}")
        return sorted(out)
    names = command_names(session, ctx)
    hits = _match(word, names)
    # aliases after exact-prefix commands so `Get-Chi` offers the cmdlet, `gc` the alias
    return _dedupe_sorted(hits) if lw else []


def _complete_value(session, ctx, cmd_name, md, param, word):
    typed = _unquote(word)
    vals = []
    if param.validate_set:
        vals = list(param.validate_set)
    else:
        vals = _enum_values(param)
    if param.completer is not None:
        try:
            vals += list(param.completer(ctx, typed) or [])
        except Exception:   # a module completer failing offers nothing
            pass
    vals += _hook_values(session, ctx, cmd_name, param.name, typed, raw=True)
    if not vals:
        return []
    return [_quote(v) for v in _dedupe_keep(_match(typed, vals))]


def _dedupe_keep(items):
    seen = set()
    out = []
    for x in items:
        if x.lower() not in seen:
            seen.add(x.lower())
            out.append(x)
    return out


def _hook_values(session, ctx, cmd_name, param_name, word, raw=False):
    out = []
    canonical = cmd_name
    try:
        from ..commands.discovery import resolve_command
        info = resolve_command(ctx, cmd_name)
        canonical = getattr(info, "name", None) or cmd_name
    except Exception:   # unknown command: hooks still see the typed name
        pass
    typed = _unquote(word)
    for hook in session.commands.completers:
        try:
            got = hook(ctx, canonical, param_name, typed)
        except Exception:   # a failing hook offers nothing
            got = None
        if got:
            out += [str(g) for g in got]
    if raw:
        return out
    return [_quote(v) for v in _dedupe_keep(_match(typed, out))]


def _enum_values(param):
    t = param.type.lower().rstrip("[]")
    if t in ("bool", "boolean", "system.boolean"):
        return ["$true", "$false"]
    try:
        to = param.type_obj
    except Exception:   # an unknown type has no values to offer
        return []
    for attr in ("enum_names", "names", "members"):
        v = getattr(to, attr, None)
        if v:
            try:
                v = v() if callable(v) else v
                return [str(x) for x in v]
            except Exception:   # not an enum after all
                return []
    return []


# ---------------------------------------------------------------------------
# variables and members

_VAR_RE = re.compile(r"^([$@])(\{?)([A-Za-z_0-9:?^]*)$")


def _complete_variable(session, ctx, word, start):
    m = _VAR_RE.match(word)
    if m:
        sigil, brace, name = m.groups()
        if name.lower().startswith("env:"):
            typed = name[4:]
            vals = _match(typed, list(os.environ))
            return start, [f"{sigil}env:{v}" for v in sorted(vals, key=str.lower)]
        scope_prefix = ""
        for sp in ("global:", "script:", "local:", "private:"):
            if name.lower().startswith(sp):
                scope_prefix, name = name[:len(sp)], name[len(sp):]
        vars_ = ctx.scope.all_variables()
        names = [getattr(v, "name", k) for k, v in vars_.items()]
        hits = _dedupe_sorted(_match(name, names))
        return start, [f"{sigil}{scope_prefix}{h}" for h in hits]
    # member access: $x.Prop.Sub<partial>
    if word.startswith("$") and "." in word:
        base, _, partial = word.rpartition(".")
        if base.endswith("."):
            return start, []
        obj = _safe_value(ctx, base)
        if obj is _NOVALUE:
            return start, []
        names = _member_names(obj)
        hits = _dedupe_keep([n for n in names if n.lower().startswith(partial.lower())])
        return start, [f"{base}.{h}" for h in hits]
    return start, []


_NOVALUE = object()
_CHAIN_RE = re.compile(r"^\$([A-Za-z_][A-Za-z_0-9]*|_)((?:\.[A-Za-z_][A-Za-z_0-9]*)*)$")


def _safe_value(ctx, expr):
    """The value of `$name.Prop.Prop` without running any code but property reads."""
    m = _CHAIN_RE.match(expr)
    if not m:
        return _NOVALUE
    v = ctx.get_variable_object(m.group(1)) if hasattr(ctx, "get_variable_object") else None
    if v is None:
        return _NOVALUE
    obj = v.value
    from ..runtime.members import get_property
    for part in [p for p in m.group(2).split(".") if p]:
        if isinstance(obj, (list, tuple)) and obj and not hasattr(obj, "ps_properties"):
            probe = obj[0]
            try:
                obj = get_property(probe, part)
                continue
            except Exception:   # fall back to the collection's own property
                pass
        try:
            obj = get_property(obj, part)
        except Exception:   # no such property: nothing to complete
            return _NOVALUE
    return obj


def _member_names(obj):
    from ..runtime.members import property_names
    names = []
    target = obj
    if isinstance(obj, (list, tuple)) and obj and not hasattr(obj, "ps_properties"):
        # member enumeration: the items' properties first, then the collection's
        try:
            names += property_names(obj[0])
        except Exception:   # unknown item type
            pass
    try:
        names += property_names(target)
    except Exception:   # unknown type: no properties
        pass
    from ..runtime.psobject import Hashtable
    if isinstance(obj, (Hashtable, dict)):
        names = [str(k) for k in obj.keys()] + names
    try:
        from ..runtime.methods import method_names
        names += [m + "(" for m in method_names(obj)]
    except Exception:   # methods are a bonus
        pass
    return names


# ---------------------------------------------------------------------------
# paths

def _complete_path(ctx, word):
    typed = _unquote(word)
    sep_i = max(typed.rfind("/"), typed.rfind("\\"))
    if sep_i >= 0:
        dir_part, leaf = typed[:sep_i + 1], typed[sep_i + 1:]
    else:
        dir_part, leaf = "", typed
    try:
        base = ctx.resolve_path(dir_part) if dir_part else ctx.resolve_path(".")
    except Exception:   # an unresolvable drive or path: nothing to offer
        return []
    if dir_part == "~/" or dir_part == "~\\":
        base = os.path.expanduser("~")
    try:
        entries = os.listdir(base)
    except OSError:
        return []
    if not leaf.startswith("."):
        entries = [e for e in entries if not e.startswith(".")]
    hits = _match(leaf, entries)
    dirs = sorted((h for h in hits if os.path.isdir(os.path.join(base, h))), key=str.lower)
    files = sorted((h for h in hits if not os.path.isdir(os.path.join(base, h))), key=str.lower)
    return [_quote(dir_part + h) for h in dirs + files]
