"""5.1's NormalView of an ErrorRecord (facts §7.1)."""
from __future__ import annotations

from ..errors import ErrorRecord, ParseError


def normal_view(rec: ErrorRecord, width: int = 120) -> str:
    exc = rec.exception
    if isinstance(exc, ParseError):
        lines = [exc.message]
    else:
        prefix = ""
        inv = rec.invocation
        if inv is not None:
            if inv.command_name and inv.command_kind == "ExternalScript":
                prefix = f"{inv.command_name} : "
            elif inv.invocation_name and inv.invocation_name not in ("&", "."):
                prefix = f"{inv.invocation_name} : "
            elif inv.command_name:
                prefix = f"{inv.command_name} : "
        msg = rec.message()
        lines = [prefix + msg]
        pos = inv.PositionMessage if inv is not None else ""
        if pos:
            lines.append(pos)
    chunk = max(10, width - 6)
    fields = [("CategoryInfo          ", str(rec.CategoryInfo)),
              ("FullyQualifiedErrorId ", rec.FullyQualifiedErrorId)]
    origin = getattr(rec, "origin_computer", None)     # an error that came from a job or another runspace
    if origin:
        fields.append(("PSComputerName        ", origin))
    for label, value in fields:
        text = f"+ {label}: {value}"
        pieces = [text[i:i + chunk] for i in range(0, len(text), chunk)] or [""]
        lines.append("".join("    " + p for p in pieces))
    out = "\n".join(lines)
    if not rec.details:
        out += "\n "
    return out
