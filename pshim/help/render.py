"""Rendering help text: syntax from a command's declared parameter sets, and the
NAME / SYNOPSIS / SYNTAX / DESCRIPTION / PARAMETERS / EXAMPLES / REMARKS
layout of Get-Help in its default, -Detailed, -Full, -Examples and -Parameter
forms. Hand-written text (pshim/help/cmdlets_*.py) is optional: everything
structural comes from CommandMetadata, so every registered command has help.
"""
from __future__ import annotations

import textwrap

from ..commands.parameters import ALL_SETS, COMMON_NAMES

INDENT = "    "
WIDTH = 80


def type_label(p) -> str:
    t = p.type or "object"
    arr = t.endswith("[]")
    base = t[:-2] if arr else t
    short = base.rsplit(".", 1)[-1]
    if short.lower() in ("switch", "switchparameter"):
        return ""
    return short + ("[]" if arr else "")


def _visible(p) -> bool:
    return not p.dont_show and p.name.lower() not in COMMON_NAMES and p.name.lower() not in ("whatif", "confirm")


def params_in_set(md, set_name):
    """(param, ParameterSetData) for the command's own parameters in one set, syntax order:
    positional by position, then mandatory named, then the rest as declared."""
    rows = []
    for p in md.own_parameters:
        if not _visible(p):
            continue
        if set_name == ALL_SETS:
            d = p.sets.get(ALL_SETS) or next(iter(p.sets.values()))
        else:
            d = p.sets.get(set_name) or p.sets.get(ALL_SETS)
        if d is None:
            continue
        rows.append((p, d))
    positional = sorted((r for r in rows if r[1].position is not None), key=lambda r: r[1].position)
    mandatory = [r for r in rows if r[1].position is None and r[1].mandatory]
    rest = [r for r in rows if r[1].position is None and not r[1].mandatory]
    return positional + mandatory + rest


def syntax_item(p, d) -> str:
    t = type_label(p)
    vals = ""
    if p.validate_set:
        vals = " {" + " | ".join(p.validate_set) + "}"
    if not t:                                  # a switch
        return f"-{p.name}" if d.mandatory else f"[-{p.name}]"
    name = f"[-{p.name}]" if d.position is not None else f"-{p.name}"
    item = f"{name} <{t}>{vals}"
    return item if d.mandatory else f"[{item}]"


def syntax_lines(md, name=None) -> list[str]:
    """One syntax line per parameter set (the default set first, as declared otherwise)."""
    name = name or md.name
    sets = list(md.parameter_sets)
    if md.default_set in sets:
        sets.remove(md.default_set)
        sets.insert(0, md.default_set)
    out = []
    for s in sets:
        parts = [name] + [syntax_item(p, d) for p, d in params_in_set(md, s)]
        if md.supports_should_process:
            parts += ["[-WhatIf]", "[-Confirm]"]
        if md.is_advanced:
            parts.append("[<CommonParameters>]")
        out.append(" ".join(parts))
    return out


def _wrap(text: str, indent: str, width: int = WIDTH) -> list[str]:
    lines = []
    for para in (text or "").strip("\n").split("\n\n"):
        para = para.strip("\n")
        if not para:
            continue
        if any(ln.startswith("  ") for ln in para.split("\n")):
            # preformatted (a list or code): keep the lines
            lines += [indent + ln if ln else "" for ln in para.split("\n")]
        else:
            lines += textwrap.wrap(" ".join(para.split()), width=width, initial_indent=indent,
                                   subsequent_indent=indent) or [indent]
        lines.append("")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _pipeline_text(p) -> str:
    kinds = []
    for d in p.sets.values():
        if d.from_pipeline_by_name and "ByPropertyName" not in kinds:
            kinds.append("ByPropertyName")
        if d.from_pipeline and "ByValue" not in kinds:
            kinds.append("ByValue")
    return f"true ({', '.join(kinds)})" if kinds else "false"


def parameter_block(p, text: str, full: bool) -> list[str]:
    t = type_label(p)
    head = f"{INDENT}-{p.name}" + (f" <{t}>" if t else "")
    out = [head]
    body = text or p.help or ""
    if p.validate_set and not body:
        body = "One of: " + ", ".join(p.validate_set) + "."
    if body:
        out += _wrap(body, INDENT * 2)
    if full:
        positions = sorted({d.position for d in p.sets.values() if d.position is not None})
        pos = ", ".join(str(x) for x in positions) if positions else "named"
        required = "true" if any(d.mandatory for d in p.sets.values()) else "false"
        if len(p.sets) > 1 and required == "true" and not all(d.mandatory for d in p.sets.values()):
            required = "true (in some parameter sets)"
        default = p.default if p.default is not None and not p.is_switch else ""
        if p.is_switch:
            default = "False"
        out += [
            "",
            f"{INDENT * 2}Required?                    {required}",
            f"{INDENT * 2}Position?                    {pos}",
            f"{INDENT * 2}Default value                {default}",
            f"{INDENT * 2}Accept pipeline input?       {_pipeline_text(p)}",
            f"{INDENT * 2}Accept wildcard characters?  {'true' if getattr(p, 'wildcards', False) else 'false'}",
        ]
        if p.aliases:
            out.append(f"{INDENT * 2}Aliases                      {', '.join(p.aliases)}")
    out.append("")
    return out


COMMON_TEXT = ("This command supports the common parameters: Verbose, Debug, ErrorAction, ErrorVariable, "
               "WarningAction, WarningVariable, InformationAction, InformationVariable, OutVariable, "
               "OutBuffer and PipelineVariable. See about_CommonParameters.")


def example_block(i: int, ex: dict) -> list[str]:
    title = ex.get("title", "")
    head = f"Example {i}" + (f": {title}" if title else "")
    out = [f"{INDENT}{'-' * 10} {head} {'-' * 10}", ""]
    code_lines = ex["code"].strip("\n").split("\n")
    out.append(f"{INDENT}PS C:\\> {code_lines[0]}")
    out += [f"{INDENT}{ln}" for ln in code_lines[1:]]
    output = ex.get("output")
    if output and output.strip():
        out.append("")
        out += [(INDENT + ln).rstrip() for ln in output.strip("\n").split("\n")]
    if ex.get("remarks"):
        out.append("")
        out += _wrap(ex["remarks"], INDENT)
    out.append("")
    return out


def render_command(name: str, md, data: dict | None, mode: str = "default", module: str = "",
                   kind: str = "Cmdlet") -> str:
    """mode: default | detailed | full | examples."""
    data = data or {}
    synopsis = data.get("synopsis") or ""
    out = ["", "NAME", INDENT + name, "", "SYNOPSIS"]
    out += _wrap(synopsis, INDENT) if synopsis else [INDENT + f"{name} ({kind.lower()}{' in ' + module if module else ''})."]
    out.append("")
    if mode == "examples":
        out.append("")
        out += _examples(data)
        return "\n".join(out).rstrip("\n") + "\n"
    out += ["", "SYNTAX"]
    if md is not None:
        for ln in syntax_lines(md, name):
            out += textwrap.wrap(ln, width=WIDTH + 30, initial_indent=INDENT, subsequent_indent=INDENT * 2,
                                 break_on_hyphens=False)
            out.append("")
    else:
        out += [INDENT + name, ""]
    out.append("")
    out.append("DESCRIPTION")
    desc = data.get("description") or synopsis or f"{name} has no written description yet; its syntax and " \
        "parameters above come from its declaration."
    out += _wrap(desc, INDENT)
    out += ["", ""]
    if mode in ("detailed", "full"):
        out += ["", "PARAMETERS"]
        ptexts = {k.lower(): v for k, v in (data.get("parameters") or {}).items()}
        if md is not None:
            for p in md.own_parameters:
                if not _visible(p):
                    continue
                out += parameter_block(p, ptexts.get(p.name.lower(), ""), mode == "full")
            if md.supports_should_process:
                out += parameter_block_for_sp("WhatIf", mode == "full")
                out += parameter_block_for_sp("Confirm", mode == "full")
            if md.is_advanced:
                out.append(f"{INDENT}<CommonParameters>")
                out += _wrap(COMMON_TEXT, INDENT * 2)
                out.append("")
        if mode == "full":
            out += ["", "INPUTS"]
            out += _wrap(data.get("inputs") or _inputs(md), INDENT)
            out += ["", "", "OUTPUTS"]
            out += _wrap(data.get("outputs") or "System.Object", INDENT)
            out.append("")
            if data.get("notes"):
                out += ["", "NOTES"]
                out += _wrap(data["notes"], INDENT)
                out.append("")
        out.append("")
        out += _examples(data)
    related = data.get("related") or []
    if mode in ("default", "full") and related:
        out += ["RELATED LINKS"]
        out += [INDENT + r for r in related]
        out += ["", ""]
    if mode == "default":
        out += ["REMARKS"]
        n = len(data.get("examples") or [])
        if n:
            out.append(f'{INDENT}Examples: "Get-Help {name} -Examples".')
        out.append(f'{INDENT}Parameter descriptions: "Get-Help {name} -Detailed".')
        out.append(f'{INDENT}Everything, with parameter details: "Get-Help {name} -Full".')
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _inputs(md) -> str:
    if md is None:
        return "None"
    types = []
    for p in md.pipeline_params:
        t = p.full_type_name if hasattr(p, "full_type_name") else p.type
        if t not in types:
            types.append(t)
    return "\n".join(types) if types else "None"


def parameter_block_for_sp(name, full):
    from ..commands.parameters import SHOULD_PROCESS_PARAMETERS
    p = next(x for x in SHOULD_PROCESS_PARAMETERS if x.name == name)
    text = ("Shows what would happen if the command ran, without running it." if name == "WhatIf"
            else "Asks for confirmation before the command changes anything.")
    return parameter_block(p, text, full)


def _examples(data) -> list[str]:
    out = []
    exs = data.get("examples") or []
    if not exs:
        return out
    for i, ex in enumerate(exs, 1):
        out += example_block(i, ex)
    return out


def render_parameters(name, md, data, pattern: str) -> str | None:
    from ..runtime.wildcard import wildcard_regex
    ptexts = {k.lower(): v for k, v in ((data or {}).get("parameters") or {}).items()}
    out = []
    rx = wildcard_regex(pattern)
    for p in md.parameters:
        if p.dont_show:
            continue
        if rx.match(p.name):
            out += parameter_block(p, ptexts.get(p.name.lower(), ""), True)
    if not out:
        return None
    return "\n" + "\n".join(out).rstrip("\n") + "\n"


def render_topic(name: str, text: str) -> str:
    body = text.strip("\n")
    return body + "\n"
