"""Prompts for missing mandatory parameters (5.1's wording). The binder's part of the conversation: it
asks the host for lines (`host.prompt_line`) and never imports the host."""
from __future__ import annotations

from .binder import binding_error


def prompt_for_mandatory(ctx, processor, missing) -> dict:
    host = ctx.host
    md = processor.metadata
    if not host.interactive:
        raise binding_error(md, "Cannot process command because of one or more missing mandatory parameters:" +
                            "".join(" " + p.name for p in missing) + ".", "MissingMandatoryParameter",
                            processor.extent)
    host.write_line(f"cmdlet {processor.name} at command pipeline position {getattr(processor.ctx, 'pipeline_position', 1)}")
    host.write_line("Supply values for the following parameters:")
    values = {}
    for p in missing:
        if p.type.endswith("[]"):
            items = []
            i = 0
            while True:
                line = host.prompt_line(f"{p.name}[{i}]: ")
                if line == "":
                    break
                items.append(line)
                i += 1
            values[p] = items
        else:
            values[p] = host.prompt_line(f"{p.name}: ")
    return values
