"""Comment-based help shown as 5.1 shows it.

5.1 turns a function's or script's help comment into MAML and shows it with the views it uses for MAML
help (MamlCommandHelpInfo: default, #DetailedView, #FullView, #ExamplesView, and the parameter view),
so comment help looks different from pshim's own cmdlet help (pshim/help/render.py) in many details,
all reproduced here:
- the frame indentation reaches empty lines too (a blank line inside a section is four spaces);
- sections keep the comment's own line breaks;
- the syntax lists parameters in declaration order, `[<CommonParameters>]` always at the end (even for a
  function that is not advanced), one line per parameter set in the order the sets first appear;
- positions count from 1; a parameter's default value is the constant it is given (or the text of its
  default expression); a switch's default is False; Accept wildcard characters? is true only with
  [SupportsWildcards()];
- an example's title is `-------------------------- EXAMPLE n --------------------------`, its prompt
  and code are shown together (`PS C:\\>Get-Thing`), followed by its remarks and four blank paragraphs;
- REMARKS says `To see the examples, type: "get-help <name> -examples".` and so on, with a line for
  online help when the help has .LINK entries.

The text is built line by line as the views lay it out; lines longer than the console wrap at word
boundaries keeping their frame's indentation.
"""
from __future__ import annotations

from ..commands.parameters import ALL_SETS, COMMON_NAMES
from ..language import ast as A

I1 = "    "
I2 = I1 * 2
_TITLE = "-------------------------- EXAMPLE {} --------------------------"
_COMMON = ("This cmdlet supports the common parameters: Verbose, Debug,",
           "ErrorAction, ErrorVariable, WarningAction, WarningVariable,",
           "OutBuffer, PipelineVariable, and OutVariable. For more information, see ",
           "about_CommonParameters (https:/go.microsoft.com/fwlink/?LinkID=113216). ")


class _Out:
    """Lines in frames: `add(text, indent)` writes each line of `text` at that indentation (an empty line
    gets the indentation alone, as 5.1's frames do), wrapping what is wider than the console."""

    def __init__(self, width: int):
        self.lines: list[str] = []
        self.width = max(width, 20)

    def add(self, text: str, indent: str = ""):
        for line in text.split("\n"):
            self.lines += _wrap(indent + line, len(indent), self.width)

    def blank(self, indent: str = "", count: int = 1):
        self.lines += [indent] * count

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def _wrap(line: str, indent: int, width: int) -> list[str]:
    limit = width - 1
    if len(line) <= limit:
        return [line]
    out = []
    pad = line[:indent]
    while len(line) > limit:
        cut = line.rfind(" ", indent + 1, limit + 1)
        if cut <= indent:
            out.append(line[:limit])
            line = pad + line[limit:]
        else:
            out.append(line[:cut + 1])
            line = pad + line[cut + 1:]
    out.append(line)
    return out


# ---------------------------------------------------------------------------
# what the views show of one parameter

def _type_name(p) -> str:
    """The .NET short name of a parameter's type (String, Int32, String[], SwitchParameter, Object)."""
    if p.is_switch:
        return "SwitchParameter"
    full = p.full_type_name or "System.Object"
    arr = full.endswith("[]")
    base = full[:-2] if arr else full
    short = base.rsplit(".", 1)[-1].rsplit("+", 1)[-1]
    if short.lower() in ("object", "psobject") and p.type.lower() == "object":
        short = "Object"
    return short + ("[]" if arr else "")


def _header(p) -> str:
    t = _type_name(p)
    return f"-{p.name} [<{t}>]" if p.is_switch else f"-{p.name} <{t}>"


def _set_data(p):
    """The parameter's data as 5.1's help shows it: the all-sets data, else the first set's."""
    return p.sets.get(ALL_SETS) or next(iter(p.sets.values()))


def _syntax_item(p, d) -> str:
    if p.is_switch:
        return f"-{p.name}" if d.mandatory else f"[-{p.name}]"
    value = f" <{_type_name(p)}>"
    positional = d.position is not None
    if not d.mandatory:
        return f"[[-{p.name}]{value}]" if positional else f"[-{p.name}{value}]"
    return f"[-{p.name}]{value}" if positional else f"-{p.name}{value}"


def _help_parameters(md) -> list:
    """The parameters help lists: the command's own, then -WhatIf/-Confirm; never the common ones."""
    return [p for p in md.parameters if p.name.lower() not in COMMON_NAMES]


def syntax_lines(name: str, md) -> list[str]:
    sets = list(md.parameter_sets) or [ALL_SETS]
    out = []
    for s in sets:
        items = []
        for p in _help_parameters(md):
            d = p.sets.get(s) or p.sets.get(ALL_SETS)
            if s == ALL_SETS and d is None:
                d = _set_data(p)
            if d is not None:
                items.append(_syntax_item(p, d))
        out.append(" ".join([name] + items + ["[<CommonParameters>]"]))
    return out


def _pipeline_text(d) -> str:
    if d.from_pipeline and d.from_pipeline_by_name:
        return "true (ByValue, ByPropertyName)"
    if d.from_pipeline:
        return "true (ByValue)"
    if d.from_pipeline_by_name:
        return "true (ByPropertyName)"
    return "false"


def _default_text(p, ast_param) -> str:
    node = getattr(ast_param, "default", None) if ast_param is not None else None
    if node is None:
        return "False" if p.is_switch and p.name.lower() not in ("whatif", "confirm") else ""
    if isinstance(node, A.StringConstantExpressionAst):
        return node.value
    if isinstance(node, A.ConstantExpressionAst):
        v = node.value
        if isinstance(v, bool):
            return "True" if v else "False"
        return str(v)
    if isinstance(node, A.VariableExpressionAst) and node.scope is None and \
            node.name.lower() in ("true", "false"):
        return node.name.capitalize()
    ext = getattr(node, "extent", None)
    return ext.text if ext is not None else ""


def _wildcards(ast_param) -> bool:
    for attr in getattr(ast_param, "attributes", None) or []:
        if isinstance(attr, A.AttributeAst) and attr.type_name.lower().rsplit(".", 1)[-1] in (
                "supportswildcards", "supportswildcardsattribute"):
            return True
    return False


def _attribute_lines(p, ast_param) -> list[str]:
    d = _set_data(p)
    return [f"Required?                    {'true' if d.mandatory else 'false'}",
            f"Position?                    {d.position + 1 if d.position is not None else 'named'}",
            f"Default value                {_default_text(p, ast_param)}",
            f"Accept pipeline input?       {_pipeline_text(d)}",
            f"Accept wildcard characters?  {'true' if _wildcards(ast_param) else 'false'}"]


# ---------------------------------------------------------------------------
# the views

def render(name: str, md, data: dict, mode: str, param_asts: dict, width: int = 120) -> str:
    """Get-Help's text for comment help; mode: default | detailed | full | examples."""
    out = _Out(width)
    out.blank()
    _details(out, name, data)
    if mode == "examples":
        out.lines.pop()                       # the examples follow the synopsis after one blank line
        _examples(out, data)
        return out.text()
    out.add("SYNTAX")
    for line in syntax_lines(name, md):
        out.add(line, I1)
        out.blank(I1)
    out.blank(I1)
    out.add("DESCRIPTION")
    if data.get("description"):
        out.add(data["description"], I1)
    out.blank(I1)
    out.blank()
    if mode in ("detailed", "full"):
        out.add("PARAMETERS")
        for p in _help_parameters(md):
            out.add(_header(p), I1)
            text = _parameter_text(data, p.name)
            if text:
                out.add(text, I2)
            out.blank(I2)
            if mode == "full":
                for line in _attribute_lines(p, param_asts.get(p.name.lower())):
                    out.add(line, I2)
                out.blank(I2)
        out.add("<CommonParameters>", I1)
        for line in _COMMON:
            out.add(line, I2)
        out.blank(I1)
    if mode == "full":
        _types(out, "INPUTS", data.get("inputs_list") or [])
        _types(out, "OUTPUTS", data.get("outputs_list") or data.get("output_types") or [])
        if data.get("notes"):
            out.add("NOTES")
            out.blank(I1, 2)
            out.add(data["notes"], I2)
            out.blank(I1)
        _examples(out, data)
        out.blank(I1)
        out.add("RELATED LINKS")
        _links(out, data)
        return out.text()
    if mode == "detailed":
        _examples(out, data)
    else:
        out.add("RELATED LINKS")
        _links(out, data)
        out.blank()
    out.add("REMARKS")
    low = f"get-help {name}"
    out.add(f'To see the examples, type: "{low} -examples".', I1)
    out.add(f'For more information, type: "{low} -detailed".', I1)
    out.add(f'For technical information, type: "{low} -full".', I1)
    if data.get("related"):
        out.add(f'For online help, type: "{low} -online"', I1)
    return out.text()


def render_parameter(md, data: dict, pattern: str, param_asts: dict, width: int = 120) -> str | None:
    """Get-Help -Parameter: each matching parameter's block (5.1's MamlCommandHelpInfo#parameter view)."""
    from ..runtime.wildcard import wildcard_regex
    rx = wildcard_regex(pattern)
    out = _Out(width)
    for p in _help_parameters(md):
        if not rx.match(p.name):
            continue
        out.blank()
        out.add(_header(p))
        text = _parameter_text(data, p.name)
        if text:
            out.add(text, I1)
        out.blank(I1)
        for line in _attribute_lines(p, param_asts.get(p.name.lower())):
            out.add(line, I1)
        out.blank(I1)
    if not out.lines:
        return None
    out.blank()
    return out.text()


def _details(out: _Out, name: str, data: dict):
    out.add("NAME")
    out.add(name, I1)
    out.blank(I1)
    out.add("SYNOPSIS")
    if data.get("synopsis"):
        out.add(data["synopsis"], I1)
    out.blank(I1, 2)


def _parameter_text(data: dict, name: str) -> str:
    for k, v in (data.get("parameters") or {}).items():
        if k.lower() == name.lower():
            return v
    return ""


def _types(out: _Out, title: str, items: list):
    out.add(title)
    for item in items:
        out.add(item, I1)
        out.blank(I1)
    out.blank(I1)


def _examples(out: _Out, data: dict):
    for i, ex in enumerate(data.get("examples") or [], 1):
        out.add(_TITLE.format(i), I1)
        out.blank(I1)
        out.add((ex.get("prompt") or "PS C:\\>") + ex.get("code", ""), I1)
        out.blank(I1)
        if ex.get("remarks"):
            out.add(ex["remarks"], I1)
        else:
            out.blank(I1)
        out.blank(I1, 4)


def _links(out: _Out, data: dict):
    for link in data.get("related") or []:
        out.add(link if _is_uri(link) else link + " ", I1)


def _is_uri(text: str) -> bool:
    """Whether a .LINK is an absolute URI (5.1 shows it as the link's URI, else as its text)."""
    from urllib.parse import urlsplit
    if any(c.isspace() for c in text):
        return False
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return bool(parts.scheme) and len(parts.scheme) > 1 and bool(parts.netloc or parts.path)


def parameter_asts(script_block) -> dict:
    """lower parameter name -> its ParameterAst (default values and attributes the metadata does not keep)."""
    pb = getattr(getattr(script_block, "ast", None), "param_block", None)
    return {str(pa.name).lower(): pa for pa in (getattr(pb, "parameters", None) or [])}


def output_types(script_block) -> list[str]:
    """[OutputType()] names on the param block: what OUTPUTS shows when the help has no .OUTPUTS."""
    pb = getattr(getattr(script_block, "ast", None), "param_block", None)
    names = []
    for attr in getattr(pb, "attributes", None) or []:
        if isinstance(attr, A.AttributeAst) and attr.type_name.lower() in ("outputtype", "outputtypeattribute"):
            for arg in attr.positional:
                if isinstance(arg, A.TypeExpressionAst):
                    names.append(_full_type(arg.type_name))
                elif isinstance(arg, A.StringConstantExpressionAst):
                    names.append(arg.value)
    return names


def _full_type(name: str) -> str:
    from ..runtime.types import resolve_type
    try:
        return resolve_type(name).full_name
    except Exception:   # a type pshim does not know: shown as written
        return name
