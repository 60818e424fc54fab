"""Help for pshim: cmdlet help as data, about_ topics, and the renderer.

Cmdlet help lives in `pshim/help/cmdlets_*.py`, one dict per file:

    HELP = {
        "Get-Thing": {
            "synopsis": "One sentence.",
            "description": "Paragraphs (blank line between them).",
            "parameters": {"Name": "What -Name does."},
            "examples": [{"title": "...", "code": "Get-Thing -Name a",
                          "output": "expected text, as the console shows it",
                          "remarks": "..."}],
            "inputs": "...", "outputs": "...", "notes": "...",
            "related": ["Get-Other", "about_pshim"],
        },
    }

Every example is a test: tests/host/test_help_examples.py runs its code in a
fresh session and compares what the console shows with `output` (trailing
spaces ignored). Syntax and parameter attributes are never written here; they
come from the command's declaration. about_ topics come from `about.py` and
from module manifests (HELP_TOPICS = {"about_x": text}).
"""
from __future__ import annotations

import importlib
import pkgutil

_CMDLET_HELP = None


def cmdlet_help_table() -> dict:
    """name (lower-case) -> help dict, from every pshim/help/cmdlets_*.py."""
    global _CMDLET_HELP
    if _CMDLET_HELP is None:
        table = {}
        for _, modname, _ in sorted(pkgutil.iter_modules(__path__)):
            if modname.startswith("cmdlets_"):
                mod = importlib.import_module(f"{__name__}.{modname}")
                for name, data in getattr(mod, "HELP", {}).items():
                    d = dict(data)
                    d["name"] = name
                    table[name.lower()] = d
        _CMDLET_HELP = table
    return _CMDLET_HELP


def command_help(name: str) -> dict | None:
    return cmdlet_help_table().get(name.lower())


def about_topics(session=None) -> dict:
    """about_ topic name -> text: pshim's own plus the loaded modules' HELP_TOPICS."""
    from .about import ABOUT
    topics = dict(ABOUT)
    if session is not None:
        topics.update(session.commands.help_topics)
    return topics


def all_examples():
    """(command name, example index, example dict) for every written example."""
    for d in cmdlet_help_table().values():
        for i, ex in enumerate(d.get("examples") or [], 1):
            yield d["name"], i, ex
