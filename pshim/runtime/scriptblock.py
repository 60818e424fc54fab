"""Script blocks and functions as values.

A ScriptBlock holds its AST and compiles it on first use to Python closures
(compile_stmt.compile_script_block); running it goes through the command
machinery (commands/function.py) so functions, filters and `& {}` bind
parameters, stream pipeline input and honour common parameters exactly like
cmdlets.
"""
from __future__ import annotations

from .engine import command_layer
from .psobject import DotNetObject

# a script block not yet bound to a session state ([scriptblock]::Create, a script file's body): it runs
# in the session state of whoever invokes it
UNBOUND = object()


class ScriptBlock(DotNetObject):
    ps_type_names = ("System.Management.Automation.ScriptBlock", "System.Object")
    ps_properties = ("Attributes", "File", "IsFilter", "IsConfiguration", "Module", "StartPosition",
                     "DebuggerHidden", "Id", "Ast")

    __slots__ = ("ast", "_compiled", "is_filter", "text", "file", "module")

    def __init__(self, ast, is_filter: bool = False, module=UNBOUND):
        self.ast = ast
        self._compiled = None
        self.is_filter = is_filter
        self.module = module        # the module whose session state a literal was written in (None: global)
        ext = ast.extent
        self.text = ext.text if ext is not None else ""
        self.file = ext.path if ext is not None else None

    @property
    def compiled(self):
        if self._compiled is None:
            from .compile_stmt import compile_script_block
            self._compiled = compile_script_block(self.ast, self.is_filter)
        return self._compiled

    # PowerShell-visible members
    @property
    def Attributes(self):
        return []

    @property
    def File(self):
        return self.file

    @property
    def IsFilter(self):
        return self.is_filter

    IsConfiguration = False
    DebuggerHidden = False

    @property
    def Module(self):
        m = self.module
        return None if m is UNBOUND else m

    @property
    def StartPosition(self):
        return None

    @property
    def Id(self):
        return id(self)

    @property
    def Ast(self):
        return self.ast

    def ps_to_string(self):
        t = self.text
        if t.startswith("{") and t.endswith("}"):
            return t[1:-1]
        return t


class FunctionInfo(DotNetObject):
    ps_type_names = ("System.Management.Automation.FunctionInfo", "System.Management.Automation.CommandInfo",
                     "System.Object")
    ps_properties = ("CommandType", "Name", "Version", "Source")
    ps_default_display = ("CommandType", "Name", "Version", "Source")

    def __init__(self, name: str, script_block: ScriptBlock, is_filter: bool = False, module_info=None):
        self.name = name
        self.script_block = script_block
        self.is_filter = is_filter
        self._metadata = None
        self.module_info = module_info     # the module whose session state the function runs in (None: global)
        self.exported_by = None            # the module that re-exports it from a nested module (shown as its module)

    @property
    def Name(self):
        return self.name

    @property
    def CommandType(self):
        return "Filter" if self.is_filter else "Function"

    @property
    def Module(self):
        return self.exported_by or self.module_info

    @property
    def module(self):
        """The module's name ("" for a function of the session), as CmdletEntry.module is."""
        m = self.exported_by or self.module_info
        return m.Name if m is not None else ""

    ModuleName = module
    Source = module

    @property
    def Version(self):
        m = self.exported_by or self.module_info
        return m.Version if m is not None else ""

    @property
    def ScriptBlock(self):
        return self.script_block

    @property
    def Definition(self):
        return self.script_block.ps_to_string()

    @property
    def metadata(self):
        if self._metadata is None:
            self._metadata = command_layer().function_metadata(self)
        return self._metadata

    def ps_to_string(self):
        return self.name
