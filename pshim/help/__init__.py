"""Help for pshim: cmdlet help as data, about_ topics, and the renderer.

Cmdlet help lives in `pshim/help/cmdlets_*.py`, one dict per file (a module may bring its own in
`pshim/modules/<module>/help_text.py`, same format):

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
from module manifests: HELP_TOPICS = {"about_x": text} for fixed topics, and
HELP_TOPIC_PROVIDERS = (provider,) for topics that live outside the code (files
that can appear while the shell runs); each provider(session) returns
{"about_x": text} and is asked every time topics are looked up.
"""
from __future__ import annotations

import importlib
import pkgutil

_CMDLET_HELP = None


def _help_modules():
    """pshim/help/cmdlets_*.py, then each built-in module's own `help_text.py` (a module brings its help)."""
    for _, modname, _ in sorted(pkgutil.iter_modules(__path__)):
        if modname.startswith("cmdlets_"):
            yield importlib.import_module(f"{__name__}.{modname}")
    from ..commands.discovery import BUILTIN_MODULES
    from importlib.util import find_spec
    for package in BUILTIN_MODULES:
        if find_spec(f"{package}.help_text") is not None:
            yield importlib.import_module(f"{package}.help_text")


def cmdlet_help_table() -> dict:
    """name (lower-case) -> help dict, from every help module (_help_modules)."""
    global _CMDLET_HELP
    if _CMDLET_HELP is None:
        table = {}
        for mod in _help_modules():
            for name, data in getattr(mod, "HELP", {}).items():
                d = dict(data)
                d["name"] = name
                table[name.lower()] = d
        _CMDLET_HELP = table
    return _CMDLET_HELP


def command_help(name: str) -> dict | None:
    return cmdlet_help_table().get(name.lower())


def about_topics(session=None) -> dict:
    """about_ topic name -> text: pshim's own plus the loaded modules' HELP_TOPICS and providers."""
    from .about import ABOUT
    topics = dict(ABOUT)
    if session is not None:
        topics.update(session.commands.help_topics)
        for provider in session.commands.help_topic_providers:
            topics.update(provider(session))
    return topics


def all_examples():
    """(command name, example index, example dict) for every written example."""
    for d in cmdlet_help_table().values():
        for i, ex in enumerate(d.get("examples") or [], 1):
            yield d["name"], i, ex
