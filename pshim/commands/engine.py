"""The command layer's side of the runtime's interface (runtime/engine.py): what the runtime asks of
pshim/commands/, registered when this module is imported (pshim/__init__.py does so).

Each method loads its part of the layer when first asked, so a session that runs `$null` still starts
without the pipeline, the binder or the function processor."""
from __future__ import annotations

from ..runtime.engine import CommandLayer, register_command_layer


class _Commands(CommandLayer):
    def compile_pipeline(self, node):
        from .pipeline import compile_pipeline
        return compile_pipeline(node)

    def invoke_scriptblock(self, ctx, sb, args=(), input_objects=None, dollar_under=None) -> list:
        from .function import invoke_scriptblock
        return invoke_scriptblock(ctx, sb, args, input_objects, dollar_under)

    def invoke_scriptblock_dotted(self, ctx, sb, dollar_under, args=None) -> list:
        from .function import invoke_scriptblock_dotted
        return invoke_scriptblock_dotted(ctx, sb, dollar_under, args)

    def function_metadata(self, info):
        from .function import function_metadata
        return function_metadata(info)

    def read_drive_variable(self, ctx, drive, name):
        from .providers import read_drive_variable
        return read_drive_variable(ctx, drive, name)

    def command_table(self, modules=None):
        from .discovery import CommandTable, BUILTIN_MODULES
        return CommandTable(modules or BUILTIN_MODULES)

    def inquire_error(self, ctx, record):
        from .should_process import inquire_error
        inquire_error(ctx, record)

    def inquire_debug(self, ctx, processor):
        from .should_process import inquire_debug
        inquire_debug(ctx, processor)


register_command_layer(_Commands())
