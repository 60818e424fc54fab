"""pshim: a Windows PowerShell 5.1-compatible shell.

The package wires its layers here, before any of them runs: the command layer registers its
implementation of the runtime's interface (runtime/engine.py), so the runtime never imports the layer
above it (tests/test_import_direction.py checks the direction of every import)."""
from .commands import engine as _commands_engine  # noqa: F401  (registers the command layer)
