r"""Provider-qualified variables: `${C:\path\file.txt}` reads a file, `$env:X`
is handled by the compiler, `$variable:x` / `$function:f` by scope lookup, `$alias:x` here."""
from __future__ import annotations

import os


def read_drive_variable(ctx, drive: str, name: str):
    if drive.lower() == "alias":
        # `$alias:gci`: the alias's definition, as the Alias provider's content
        a = ctx.scope.lookup_alias(name.lower()) or ctx.session.commands.aliases.get(name.lower())
        return a.definition if a is not None else None
    path = ctx.resolve_path(f"{drive}:\\{name}")
    if not os.path.isfile(path):
        return None
    from ..runtime.textdecode import read_file, lines as text_lines
    lines = text_lines(read_file(path))
    return lines[0] if len(lines) == 1 else lines
