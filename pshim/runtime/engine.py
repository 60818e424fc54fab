"""What the runtime asks of the layers above it: the command layer's interface.

The runtime compiles and evaluates expressions; running *commands* (pipelines, script blocks as
commands, the command table, the prompts of -ErrorAction/-Debug Inquire) belongs to the command layer
above it (pshim/commands/). The runtime never imports that layer. It names here what it needs
(`CommandLayer`); the command layer registers its implementation (`register_command_layer`, called by
pshim/commands/engine.py, which pshim/__init__.py imports so that the layers are wired before any code
runs). Runtime code reaches the implementation through the execution context (`ctx.session.engine`),
or through `command_layer()` where no context exists yet (compiling an AST happens once, before any
session runs it).

The registration is of an implementation, not of state: nothing here knows a session. Rejected:
deferred imports of pshim.commands inside runtime functions (they hid the cycle: the runtime could not
be read or tested without the layer above), and a module-global "current session" (wrong as soon as
two sessions exist: background jobs, nested sessions, tests).
"""
from __future__ import annotations


class CommandLayer:
    """The services the runtime needs from pshim/commands/. Each raises until the layer registers."""

    def compile_pipeline(self, node):
        """A PipelineAst as a statement closure `fn(ctx, out)` (commands/pipeline.py)."""
        raise NotImplementedError

    def invoke_scriptblock(self, ctx, sb, args=(), input_objects=None, dollar_under=None) -> list:
        """`& $sb @args` as a value: ScriptBlock.Invoke, delegates, callbacks from .NET-side code."""
        raise NotImplementedError

    def invoke_scriptblock_dotted(self, ctx, sb, dollar_under, args=None) -> list:
        """A script block run in the caller's scope with $_ set (.Where(), .ForEach(), List[T] callbacks)."""
        raise NotImplementedError

    def function_metadata(self, info):
        """The parameter metadata of a FunctionInfo (Get-Command's Parameters, the binder)."""
        raise NotImplementedError

    def read_drive_variable(self, ctx, drive: str, name: str):
        """`${C:\\path\\file.txt}`: the content of the item a drive-qualified variable names."""
        raise NotImplementedError

    def command_table(self, modules=None):
        """A new session's table of cmdlets and aliases, from the given module packages (or the built-in ones)."""
        raise NotImplementedError

    def inquire_error(self, ctx, record) -> None:
        """-ErrorAction Inquire: ask whether to go on after an error."""
        raise NotImplementedError

    def inquire_debug(self, ctx, processor) -> None:
        """-Debug (DebugPreference Inquire): ask after a debug message; may stop the command."""
        raise NotImplementedError


_LAYER = CommandLayer()


def register_command_layer(layer: CommandLayer) -> None:
    """The command layer installs its implementation (once, at its import)."""
    global _LAYER
    _LAYER = layer


def command_layer() -> CommandLayer:
    return _LAYER
