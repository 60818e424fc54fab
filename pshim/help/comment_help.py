"""Comment-based help, as 5.1 finds and reads it, turned into pshim's help data (the dict format of
pshim/help/__init__.py), so functions and scripts are shown by the same renderer as cmdlets.

Where 5.1 looks:
- a function: a help comment right before the `function` keyword (at most one blank line between), the
  first thing in its body, or the last thing in its body;
- a script: the first comment block of the file (only blank lines and other comments, such as #Requires,
  before it) unless a function definition follows it with fewer than two blank lines between (then it is
  that function's help), or the last comment block of the file;
- a parameter: also a comment right above its declaration inside param().
A comment is help only when it holds at least one help keyword (.SYNOPSIS, .DESCRIPTION, .PARAMETER, ...),
either as a `<# ... #>` block or as consecutive `#` lines.
"""
from __future__ import annotations

import re

KEYWORDS = ("SYNOPSIS", "DESCRIPTION", "PARAMETER", "EXAMPLE", "INPUTS", "OUTPUTS", "NOTES", "LINK", "COMPONENT",
            "ROLE", "FUNCTIONALITY", "FORWARDHELPTARGETNAME", "FORWARDHELPCATEGORY", "REMOTEHELPRUNSPACE",
            "EXTERNALHELP")
# 5.1's reading of a help comment: any line `.<word> [argument]` is a directive; a directive 5.1 does not
# know, or a section keyword written with an argument on its line, makes the whole comment not help
_DIRECTIVE = re.compile(r"^\s*\.(\w+)(\s+(\S.*))?\s*$")
_WITH_ARGUMENT = ("PARAMETER", "FORWARDHELPTARGETNAME", "FORWARDHELPCATEGORY", "REMOTEHELPRUNSPACE", "EXTERNALHELP")
_SECTIONS = ("SYNOPSIS", "DESCRIPTION", "NOTES", "LINK", "EXAMPLE", "INPUTS", "OUTPUTS", "COMPONENT", "ROLE",
             "FUNCTIONALITY")
_KEYWORD_LINE = _DIRECTIVE


def parse_help_comment(comment: str) -> dict | None:
    """Help data from the text of one comment (`<# ... #>` or `#` lines); None when it is not help.

    Section texts keep their lines as written (5.1 shows them so), less the indentation of the section's
    first line; examples are split as 5.1 splits them: the prompt (up to the first `>` of the first line,
    else `PS C:\\>`), the code (the rest of that line) and the remarks (the lines after it)."""
    lines = _comment_lines(comment)
    if lines is None:
        return None
    data = {"parameters": {}, "examples": [], "related": [], "inputs_list": [], "outputs_list": []}
    found = False
    i = 0
    while i < len(lines):
        m = _DIRECTIVE.match(lines[i])
        if m is None:
            if lines[i].strip():
                return None      # text outside a section: not a help comment
            i += 1
            continue
        found = True
        key = m.group(1).upper()
        arg = m.group(3)
        if arg is not None:
            if key not in _WITH_ARGUMENT:
                return None
            arg = arg.strip()
            if key == "PARAMETER":
                text, i = _section(lines, i)
                data["parameters"].setdefault(arg, text)
                continue
            if key == "FORWARDHELPTARGETNAME":
                data["forward_target"] = arg
            elif key == "FORWARDHELPCATEGORY":
                data["forward_category"] = arg
            elif key == "EXTERNALHELP":
                data["external_help"] = arg
            elif key == "REMOTEHELPRUNSPACE":
                data["remote_runspace"] = arg
            i += 1
            continue
        if key not in _SECTIONS:
            return None
        text, i = _section(lines, i)
        if key == "LINK":
            data["related"].append(text.strip())
        elif key == "EXAMPLE":
            data["examples"].append(_example(text))
        elif key == "INPUTS":
            data["inputs_list"].append(text)
        elif key == "OUTPUTS":
            data["outputs_list"].append(text)
        elif key in ("COMPONENT", "ROLE", "FUNCTIONALITY"):
            data[key.lower()] = text.strip()
        else:
            data[key.lower()] = text
    if not found:
        return None
    if data["inputs_list"]:
        data["inputs"] = "\n".join(data["inputs_list"])
    if data["outputs_list"]:
        data["outputs"] = "\n".join(data["outputs_list"])
    return data


def _section(lines: list[str], i: int) -> tuple[str, int]:
    """The text of the section whose keyword is on line i, and the index of the next directive line:
    blank lines before it skipped, each line losing as much leading white space as its first line has."""
    out = []
    indent = None
    i += 1
    while i < len(lines):
        line = lines[i]
        if indent is None and not line.strip():
            i += 1
            continue
        if _DIRECTIVE.match(line):
            break
        if indent is None:
            indent = len(line) - len(line.lstrip(" \t\xa0"))
        cut = 0
        while cut < len(line) and cut < indent and line[cut] in " \t\xa0":
            cut += 1
        out.append(line[cut:].rstrip())
        i += 1
    while out and not out[-1].strip():
        out.pop()
    return "\n".join(out), i


def _example(text: str) -> dict:
    first, nl, rest = text.partition("\n")
    gt = first.find(">")
    if gt >= 0:
        prompt, code = first[:gt + 1].strip(), first[gt + 1:].strip()
    else:
        prompt, code = "PS C:\\>", first.strip()
    remarks = rest.strip("\n") if nl else ""
    lines = remarks.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    remarks = "\n".join(lines)
    return {"prompt": prompt, "code": code, "remarks": remarks, "title": ""}


def _comment_lines(comment: str) -> list[str] | None:
    text = comment.strip()
    if text.startswith("<#") and text.endswith("#>"):
        return text[2:-2].replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = text.replace("\r\n", "\n").split("\n")
    if all(ln.lstrip().startswith("#") for ln in lines if ln.strip()):
        return [ln.lstrip().lstrip("#") for ln in lines]
    return None


def _dedent(lines: list[str]) -> str:
    while lines and not lines[0].strip():
        lines = lines[1:]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    indents = [len(ln) - len(ln.lstrip()) for ln in lines if ln.strip()]
    cut = min(indents) if indents else 0
    return "\n".join(ln[cut:].rstrip() for ln in lines)


# ---------------------------------------------------------------------------
# finding the comments


def _comment_before(text: str, pos: int, max_blank: int = 1) -> str | None:
    """The comment that ends right before `pos` (with at most `max_blank` blank lines between)."""
    head = text[:pos]
    lines = head.split("\n")
    if lines and lines[-1].strip() == "":
        lines.pop()            # the (empty) start of the line where pos is
    blanks = 0
    while lines and not lines[-1].strip():
        lines.pop()
        blanks += 1
    if blanks > max_blank or not lines:
        return None
    if lines[-1].rstrip().endswith("#>"):
        joined = "\n".join(lines)
        start = joined.rfind("<#")
        return joined[start:] if start >= 0 else None
    block = []
    while lines and lines[-1].lstrip().startswith("#") and not lines[-1].lstrip().startswith("#>"):
        block.insert(0, lines.pop())
    return "\n".join(block) if block else None


def _comment_after(text: str, pos: int) -> str | None:
    """The comment that starts right after `pos` (whitespace only between)."""
    rest = text[pos:]
    stripped = rest.lstrip()
    if stripped.startswith("<#"):
        end = stripped.find("#>")
        return stripped[:end + 2] if end >= 0 else None
    if stripped.startswith("#"):
        block = []
        for ln in stripped.split("\n"):
            if ln.lstrip().startswith("#"):
                block.append(ln)
            else:
                break
        return "\n".join(block)
    return None


def _first_help(*comments) -> dict | None:
    for c in comments:
        if c:
            data = parse_help_comment(c)
            if data is not None:
                return data
    return None


_FUNCTION_KEYWORD = re.compile(r"(?i)\b(?:function|filter|workflow)\s+[^\s{(]+\s*(?:\([^)]*\))?\s*$")


def function_help(script_block) -> dict | None:
    """Comment-based help of a function, from its script block's source."""
    ext = getattr(getattr(script_block, "ast", None), "extent", None)
    if ext is None or ext.source is None:
        return None
    text = ext.source.text
    body = text[ext.start:ext.end]
    inner_start = ext.start + (body.index("{") + 1 if body.lstrip().startswith("{") else 0)
    inner_end = ext.end - 1 if body.rstrip().endswith("}") else ext.end
    before = None
    m = _FUNCTION_KEYWORD.search(text[:ext.start])
    if m is not None:
        before = _comment_before(text, _line_start(text, m.start()))
    data = _first_help(before, *_comment_blocks_after(text, inner_start, inner_end),
                       _comment_at_end(text, inner_start, inner_end))
    return _with_parameter_comments(data, script_block)


def _comment_blocks_after(text: str, pos: int, end: int) -> list[str]:
    """The comment blocks at `pos` before any code (5.1 tries each in turn: a note, a blank line, then the
    help); a block is comments on consecutive lines."""
    blocks = []
    while True:
        first = _comment_after(text[:end], pos)
        if not first:
            return blocks
        at = text.index(first, pos)
        blocks.append(first)
        pos = at + len(first)


def script_help(text: str, script_block=None) -> dict | None:
    """Comment-based help of a script file's text."""
    first = _first_comment(text)
    data = None
    if first is not None:
        comment, end = first
        follows = text[end:]
        blank_lines = len(re.match(r"\s*", follows).group(0).split("\n")) - 2
        if not (re.match(r"\s*(?i:function|filter)\b", follows) and blank_lines < 2):
            data = parse_help_comment(comment)
    if data is None:
        data = _first_help(_comment_at_end(text, 0, len(text)))
    return _with_parameter_comments(data, script_block)


def _first_comment(text: str):
    """The first help-looking comment of a file (skipping other comments such as #Requires): (text, end)."""
    pos = 0
    while True:
        m = re.compile(r"\s*").match(text, pos)
        pos = m.end()
        if text.startswith("<#", pos):
            end = text.find("#>", pos)
            if end < 0:
                return None
            comment = text[pos:end + 2]
            if parse_help_comment(comment) is not None:
                return comment, end + 2
            pos = end + 2
            continue
        if text.startswith("#", pos):
            block_end = pos
            lines = []
            while text.startswith("#", block_end):
                nl = text.find("\n", block_end)
                nl = len(text) if nl < 0 else nl
                lines.append(text[block_end:nl])
                block_end = nl + 1
                ws = re.compile(r"[ \t]*").match(text, block_end)
                if not text.startswith("#", ws.end()):
                    break
                block_end = ws.end()
            comment = "\n".join(lines)
            if parse_help_comment(comment) is not None:
                return comment, min(block_end, len(text))
            pos = min(block_end, len(text))
            if pos >= len(text):
                return None
            continue
        return None


def _comment_at_end(text: str, start: int, end: int) -> str | None:
    region = text[start:end].rstrip()
    if region.endswith("#>"):
        open_at = region.rfind("<#")
        return region[open_at:] if open_at >= 0 else None
    lines = region.split("\n")
    block = []
    while lines and lines[-1].lstrip().startswith("#"):
        block.insert(0, lines.pop())
    return "\n".join(block) if block else None


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _with_parameter_comments(data: dict | None, script_block) -> dict | None:
    """Parameter descriptions from the comments of each declaration in param(), as 5.1 collects them:
    the comment block just above it (one blank line allowed), comments inside it (between its attributes
    and its name), and, when no comma follows it, the comments right after it. Used only with a help
    comment (without one 5.1 has no comment help at all); .PARAMETER wins over them."""
    if data is None:
        return None
    pb = getattr(getattr(script_block, "ast", None), "param_block", None) if script_block is not None else None
    ext = getattr(pb, "extent", None)
    if ext is None or ext.source is None:
        return data
    text = ext.source.text
    found = {}
    for p in getattr(pb, "parameters", None) or []:
        pext = getattr(p, "extent", None)
        name = getattr(p, "name", None)
        if pext is None or not name:
            continue
        comments = []
        line_start = _line_start(text, pext.start)
        if not text[line_start:pext.start].strip():
            before = _comment_before(text, line_start, max_blank=1)
            if before:
                comments.append(before)
        comments += _comments_in(text[pext.start:pext.end])
        rest = text[pext.end:ext.end]
        if not rest.lstrip().startswith(","):
            after = _comment_after(text, pext.end)
            if after:
                comments.append(after)
        lines = []
        for c in comments:
            lines += _comment_lines(c) or []
        if lines:
            desc, _ = _section(lines, -1)
            if desc:
                found[str(name).lstrip("$")] = desc
    if not found:
        return data
    data = dict(data)
    params = dict(found)
    for k, v in (data.get("parameters") or {}).items():
        for known in [x for x in params if x.lower() == k.lower()]:
            del params[known]
        params[k] = v
    data["parameters"] = params
    return data


def _comments_in(code: str) -> list[str]:
    """The comments in a piece of code (strings skipped), each as written."""
    out = []
    i, n = 0, len(code)
    quote = None
    while i < n:
        c = code[i]
        if quote is not None:
            if c == "`" and quote == '"':
                i += 2
                continue
            if c == quote:
                if i + 1 < n and code[i + 1] == quote:
                    i += 2
                    continue
                quote = None
            i += 1
            continue
        if c in "'\"":
            quote = c
        elif code.startswith("<#", i):
            end = code.find("#>", i + 2)
            end = n if end < 0 else end + 2
            out.append(code[i:end])
            i = end
            continue
        elif c == "#":
            end = code.find("\n", i)
            end = n if end < 0 else end
            out.append(code[i:end])
            i = end
            continue
        i += 1
    return out
