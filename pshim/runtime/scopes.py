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
    """One scope. `strict` is the strict mode Set-StrictMode set here: None (not set here: the parent's
    applies), 0 (Set-StrictMode -Off) or the major version (1, 2, 3; Latest is 5, the engine's version);
    `strict_version()` reads the one in force."""
    __slots__ = ("vars", "parent", "functions", "aliases", "is_script", "drives", "strict")

    def __init__(self, parent: "Scope | None" = None, is_script: bool = False):
        self.vars = {}
        self.parent = parent
        self.functions = None   # created on first function definition
        self.aliases = None
        self.drives = None      # drives made in this scope (New-PSDrive); the global scope's are the
        #                         session's DriveTable
        self.is_script = is_script
        self.strict = None

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


def strict_version(scope: Scope | None) -> int:
    """The strict mode in force in `scope` (0: off): the one set in the nearest scope outwards that set
    one, as 5.1 keeps it. A module's code does not see the global scope's: the walk stops at the module's
    top scope (5.1 likewise), so a module written without strict mode keeps working under a caller's."""
    s = scope
    while s is not None:
        v = s.strict
        if v is not None:
            return v
        if type(s) is ModuleScope:
            return 0
        s = s.parent
    return 0


# ---------------------------------------------------------------------------
# Session states: the global one and one per module.
#
# A module's code runs in its own session state: a ModuleScope (its `$script:` scope, holding its
# functions and script variables) whose parent is the global scope, so the module sees global
# variables but not its callers' locals, and its private functions stay inside. Which session state a
# scope belongs to is found by walking up to the nearest ModuleScope (none: the global one). When
# code of one session state calls into another (a module's function called from a script, or a script
# block of the script passed to and invoked by the module), the callee's first scope is an
# EntryScope: its parent is where the callee's session state currently stands, and `outer` is the
# caller's scope, which is where the caller's session state stands meanwhile. Walking `outer` links
# back is how a script block passed into a module still sees the locals of the script that wrote it,
# as in 5.1. (Alternative rejected: one module flag on every Scope; it would cost every scope of
# every session, modules or not, and still need the `outer` link.)

class ModuleScope(Scope):
    """The top scope of a module's session state (its `$script:` scope)."""
    __slots__ = ("module",)

    def __init__(self, parent: Scope, module):
        super().__init__(parent, is_script=True)
        self.module = module


class EntryScope(Scope):
    """The first scope of code entered from another session state; `outer` is the caller's scope."""
    __slots__ = ("outer",)

    def __init__(self, parent: Scope, outer: Scope, is_script: bool = False):
        super().__init__(parent, is_script)
        self.outer = outer


def session_module(scope: Scope | None):
    """The module whose session state `scope` belongs to, or None for the global session state."""
    s = scope
    while s is not None:
        if type(s) is ModuleScope:
            return s.module
        s = s.parent
    return None


def _current_scope_of(scope: Scope, module, caller_module):
    """Where `module`'s session state (None: the global one) stands, seen from `scope`, a scope of
    `caller_module`'s session state: the scope its code was last left from, or its top scope."""
    s, cur = scope, caller_module
    for _ in range(256):      # bounded: each step goes one session-state crossing further out
        if cur is module:
            return s
        e = s
        while e is not None and not isinstance(e, (EntryScope, ModuleScope)):
            e = e.parent
        if not isinstance(e, EntryScope):
            break
        s = e.outer
        cur = session_module(s)
    if module is not None:
        return module.scope
    return scope.global_scope()


def call_scope(scope: Scope, bound_module, is_script: bool = False) -> Scope:
    """The new scope for code bound to `bound_module`'s session state (None: the global one) called from
    `scope`: a plain child when the caller is in the same session state, else an EntryScope."""
    caller_module = session_module(scope)
    if caller_module is bound_module:
        return Scope(scope, is_script)
    return EntryScope(_current_scope_of(scope, bound_module, caller_module), scope, is_script)
