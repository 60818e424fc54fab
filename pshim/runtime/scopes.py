"""Dynamic scopes: variables, functions and aliases, looked up case-insensitively
from the current scope outwards, as PowerShell does."""
from __future__ import annotations

from ..errors import SessionStateUnauthorizedAccessException


class PSVariable:
    __slots__ = ("name", "value", "options", "description", "type_constraint", "attributes")

    def __init__(self, name, value=None, options="None", description="", type_constraint=None):
        self.name = name
        self.value = value
        self.options = options            # "None", "ReadOnly", "Constant", "AllScope", "Private"
        self.description = description
        self.type_constraint = type_constraint   # PSType or None
        self.attributes = None

    # PowerShell-visible members (Get-Variable output)
    ps_type_names = ("System.Management.Automation.PSVariable", "System.Object")
    ps_properties = ("Name", "Value", "Description", "Options")

    @property
    def Name(self):
        return self.name

    @property
    def Value(self):
        return self.value

    @property
    def Description(self):
        return self.description

    @property
    def Options(self):
        return self.options

    def ps_to_string(self):
        return self.name


class Scope:
    __slots__ = ("vars", "parent", "functions", "aliases", "is_script", "drives")

    def __init__(self, parent: "Scope | None" = None, is_script: bool = False):
        self.vars = {}
        self.parent = parent
        self.functions = None   # created on first function definition
        self.aliases = None
        self.is_script = is_script

    def lookup(self, lname: str) -> PSVariable | None:
        s = self
        while s is not None:
            v = s.vars.get(lname)
            if v is not None:
                return v
            s = s.parent
        return None

    def set_local(self, name: str, value, lname: str | None = None):
        lname = lname or name.lower()
        v = self.vars.get(lname)
        if v is None:
            self.vars[lname] = PSVariable(name, value)
            return
        if v.options in ("ReadOnly", "Constant"):
            raise SessionStateUnauthorizedAccessException(
                f"Cannot overwrite variable {v.name} because it is read-only or constant.",
                error_id="VariableNotWritable", category="WriteError", target=v.name)
        if v.type_constraint is not None:
            value = v.type_constraint.convert(value)
        v.value = value

    def lookup_function(self, lname: str):
        s = self
        while s is not None:
            if s.functions is not None:
                f = s.functions.get(lname)
                if f is not None:
                    return f
            s = s.parent
        return None

    def define_function(self, info):
        if self.functions is None:
            self.functions = {}
        self.functions[info.name.lower()] = info

    def lookup_alias(self, lname: str):
        s = self
        while s is not None:
            if s.aliases is not None:
                a = s.aliases.get(lname)
                if a is not None:
                    return a
            s = s.parent
        return None

    def chain(self):
        """This scope and its parents, outermost first."""
        out = []
        s = self
        while s is not None:
            out.append(s)
            s = s.parent
        out.reverse()
        return out

    def all_functions(self):
        out = {}
        for sc in self.chain():
            if sc.functions:
                out.update(sc.functions)
        return out

    def all_variables(self):
        out = {}
        for sc in self.chain():
            out.update(sc.vars)
        for k in [k for k in out if k.startswith("__pshim")]:
            del out[k]     # engine bookkeeping (the exception a catch block handles) stays hidden
        return out

    def script_scope(self):
        s = self
        while s is not None:
            if s.is_script or s.parent is None:
                return s
            s = s.parent
        return self

    def global_scope(self):
        s = self
        while s.parent is not None:
            s = s.parent
        return s
