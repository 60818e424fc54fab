"""PowerShell 5 classes and enums written in scripts: `class P : Base { ... }`, `enum Color { Red; Green = 5 }`.

The parser keeps a type definition's body as text (TypeDefinitionAst.members_text); this module reads the
members from it and makes the type:

- members: properties (`[type] $Name = default`, `hidden`, `static`), constructors (`P([string]$n) : base($n)
  { }`), methods (`[rettype] Name([type]$a) { }`, `static`, `hidden`). Each method or constructor body is
  parsed as a script block of its own (its parameters as a param block);
- a class is a ScriptClass; its instances are ScriptObject values (a DotNetObject whose type names are the
  class, its script bases and System.Object). Properties are attributes of the instance, converted to their
  type on every assignment (`ps_properties` lists the visible ones, hidden ones are `ps_extra_properties`);
- the type is registered with the type registry (casts, `-is`, parameter types: ScriptClassType) and with the
  static-member registry (`[P]::new()`, `[P]::Twice(2)`, `[P]::Count`, New-Object), and instance method calls
  reach `ScriptObject.ps_dispatch_method` through methods.invoke_method's generic hook;
- a method body's output is only what `return` gives: the method's own `return` statements (not those of
  script blocks inside it) are compiled as _MethodReturnAst, which carries the value out to the caller; other
  output is dropped, as 5.1 drops it;
- methods run in a child scope of the scope the class was defined in, with `$this` set.

Alternatives rejected: a PSObject with NoteProperties (what this replaced) cannot convert on assignment and
answers -is [pscustomobject]; running bodies as functions through the binder would let non-return output
through.

Known gaps: the registry is process-wide (as the earlier enum/class support was); `[Flags()]` before `enum`
is read only where the parser hands it over; a class is defined when its statement runs, not when the script
is parsed.
"""
from __future__ import annotations

import copy
import re

from ..errors import (PSException, RuntimeException, FlowControl, ParseError, ParseErrorItem,
                      SetValueInvocationException)
from ..language import ast as A
from . import conversion as cv
from .psobject import DotNetObject, Hashtable, OrderedDictionary, unwrap
from .types import PSType, register_type, try_resolve_type
from .method_support import NO_OUTPUT, overload_error, not_found, conversion_error

# ---------------------------------------------------------------------------
# Reading the members from the body text

_WORD = re.compile(r"[A-Za-z_][\w]*")
_VAR = re.compile(r"\$(?:\{([^}]*)\}|([A-Za-z_][\w]*))")


def _skip_string(text, i):
    """i at a quote (or `@'`/`@"`): the index after the string."""
    if text.startswith(("@'", '@"'), i):
        q = text[i + 1]
        end = text.find("\n" + q + "@", i + 2)
        return len(text) if end < 0 else end + 3
    q = text[i]
    j = i + 1
    while j < len(text):
        c = text[j]
        if c == "`" and q == '"':
            j += 2
            continue
        if c == q:
            if j + 1 < len(text) and text[j + 1] == q:
                j += 2
                continue
            return j + 1
        j += 1
    return len(text)


def _skip_comment(text, i):
    if text.startswith("<#", i):
        end = text.find("#>", i + 2)
        return len(text) if end < 0 else end + 2
    end = text.find("\n", i)
    return len(text) if end < 0 else end


_OPEN = {"(": ")", "{": "}", "[": "]"}


def _balanced(text, i):
    """i at an opening bracket: the index after its match."""
    depth = 0
    j = i
    while j < len(text):
        c = text[j]
        if c in "'\"" or (c == "@" and text.startswith(("@'", '@"'), j)):
            j = _skip_string(text, j)
            continue
        if c == "#" or text.startswith("<#", j):
            j = _skip_comment(text, j)
            continue
        if c == "`":
            j += 2
            continue
        if c in _OPEN:
            depth += 1
        elif c in ")}]":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return len(text)


def _expression_end(text, i):
    """The end of a property's default value: `;`, a newline or the end, outside brackets."""
    j = i
    while j < len(text):
        c = text[j]
        if c in "'\"" or (c == "@" and text.startswith(("@'", '@"'), j)):
            j = _skip_string(text, j)
            continue
        if c == "#" or text.startswith("<#", j):
            return j
        if c in _OPEN:
            j = _balanced(text, j)
            continue
        if c in ";\n":
            return j
        j += 1
    return j


def _skip_blank(text, i):
    while i < len(text):
        c = text[i]
        if c in " \t\r\n;":
            i += 1
        elif c == "#" or text.startswith("<#", i):
            i = _skip_comment(text, i)
        elif c == "`" and i + 1 < len(text) and text[i + 1] in "\r\n":
            i += 2
        else:
            break
    return i


class _Member:
    def __init__(self, kind, name, **kw):
        self.kind = kind            # "property" | "method" | "ctor"
        self.name = name
        self.type_name = kw.get("type_name")
        self.static = kw.get("static", False)
        self.hidden = kw.get("hidden", False)
        self.default_text = kw.get("default_text")
        self.params_text = kw.get("params_text", "")
        self.body_text = kw.get("body_text", "")
        self.base_args_text = kw.get("base_args_text")
        self.body_offset = kw.get("body_offset", 0)       # where the body starts in the members text
        self.attributes = kw.get("attributes", [])        # `ValidateRange(1, 10)` texts written before it
        self.validators = []                              # [fn(value)] made from them (_validators)


def _syntax_error(message, error_id="InvalidClassMember"):
    return ParseError([ParseErrorItem(message, error_id, None)])


def parse_class_members(class_name, text):
    members = []
    i = 0
    n = len(text)
    while True:
        i = _skip_blank(text, i)
        if i >= n:
            return members
        type_name = None
        static = hidden = False
        attributes = []
        while True:
            if text[i] == "[":
                j = _balanced(text, i)
                inner = text[i + 1:j - 1].strip()
                if "(" not in inner:                    # an attribute has arguments: [ValidateNotNull()]
                    type_name = inner
                else:
                    attributes.append(inner)
                i = _skip_blank(text, j)
                continue
            m = _WORD.match(text, i)
            if m and m.group(0).lower() in ("static", "hidden") and not text.startswith("(", _skip_blank(text, m.end())):
                if m.group(0).lower() == "static":
                    static = True
                else:
                    hidden = True
                i = _skip_blank(text, m.end())
                continue
            break
        if text[i] == "$":
            m = _VAR.match(text, i)
            if m is None:
                raise _syntax_error("Missing property name.")
            name = m.group(1) or m.group(2)
            default, i = _initializer(text, m.end())
            members.append(_Member("property", name, type_name=type_name, static=static, hidden=hidden,
                                   default_text=default, attributes=attributes))
            continue
        m = _WORD.match(text, i)
        if m is None:
            raise _syntax_error(f"Unexpected token '{text[i:i + 20].split()[0]}' in class definition.")
        name = m.group(0)
        i = _skip_blank(text, m.end())
        if i >= n or text[i] != "(":
            raise _syntax_error(f"Missing '(' in the definition of member '{name}'.")
        j = _balanced(text, i)
        params = text[i + 1:j - 1]
        i = _skip_blank(text, j)
        base_args = None
        if i < n and text[i] == ":":
            i = _skip_blank(text, i + 1)
            bm = _WORD.match(text, i)
            if bm is None or bm.group(0).lower() != "base":
                raise _syntax_error("The 'base' keyword is expected after ':' in a constructor.")
            i = _skip_blank(text, bm.end())
            j = _balanced(text, i)
            base_args = text[i + 1:j - 1]
            i = _skip_blank(text, j)
        if i >= n or text[i] != "{":
            raise _syntax_error(f"Missing function body in the definition of '{name}'.")
        j = _balanced(text, i)
        body = text[i + 1:j - 1]
        body_offset = i + 1
        i = j
        is_ctor = name.lower() == class_name.lower() and type_name is None
        members.append(_Member("ctor" if is_ctor else "method", name, type_name=type_name, static=static,
                               hidden=hidden, params_text=params, body_text=body, base_args_text=base_args,
                               body_offset=body_offset))


def _initializer(text, i):
    """`= expression` after a property or enum member name at `i`: (its text or None, where reading goes on)."""
    k = i
    while k < len(text) and text[k] in " \t":
        k += 1
    if k < len(text) and text[k] == "=":
        end = _expression_end(text, k + 1)
        return text[k + 1:end].strip(), end
    return None, i


def parse_enum_members(text):
    """[(name, value expression text or None)]."""
    out = []
    i = 0
    n = len(text)
    while True:
        i = _skip_blank(text, i)
        if i >= n:
            return out
        m = _WORD.match(text, i)
        if m is None:
            raise _syntax_error("Missing enum member name.", "MissingEnumMemberName")
        value, i = _initializer(text, m.end())
        out.append((m.group(0), value))


# ---------------------------------------------------------------------------
# Method bodies: only `return` gives output

@A.node
class _MethodReturnAst(A.ReturnStatementAst):
    """A method's own `return` (set on a copy of the method's tree by _mark_returns)."""


class _MethodReturn(FlowControl):
    def __init__(self, value):
        self.value = value


def _compile_method_return(node):
    from .compile_stmt import compile_value
    val = compile_value(node.pipeline) if node.pipeline is not None else None

    def fn(ctx, out):
        raise _MethodReturn(val(ctx) if val is not None else None)
    return fn


def _register_return():
    from . import compile_stmt
    compile_stmt._DISPATCH[_MethodReturnAst] = _compile_method_return


_SKIP = (A.ScriptBlockExpressionAst, A.FunctionDefinitionAst, A.TypeDefinitionAst)


def _mark_returns(node):
    if isinstance(node, A.ReturnStatementAst):
        node.__class__ = _MethodReturnAst
    if isinstance(node, _SKIP):
        return
    if isinstance(node, A.Ast):
        for f in node._fields:
            _mark_returns(getattr(node, f, None))
    elif isinstance(node, (list, tuple)):
        for x in node:
            _mark_returns(x)
    elif isinstance(node, dict):
        for k, v in node.items():
            _mark_returns(k)
            _mark_returns(v)


def _discard(_item):
    return None


class _Code:
    """A compiled method or constructor: parameters [(name, type name)], a body runner."""

    def __init__(self, owner_name, member: _Member, place=None):
        from ..language import parse
        from .compile_stmt import compile_script_block
        self.name = member.name
        self.static = member.static
        self.hidden = member.hidden
        self.return_type = member.type_name if member.kind == "method" else None
        head = parse(f"param({member.params_text})")
        tree = copy.deepcopy(parse(_in_place(member.body_text, member.body_offset, place)))
        if place is not None:           # positions (and the lines errors show) are those of the script
            source = getattr(tree.extent, "source", None)
            if source is not None:
                source.text = place[0]
                source.path = place[2]
                source._line_starts = None
        self.params = []
        if head.param_block is not None:
            for p in head.param_block.parameters:
                tname = None
                for a in p.attributes:
                    if isinstance(a, A.TypeConstraintAst):
                        tname = a.type_name
                self.params.append((p.name, tname))
        _mark_returns(tree)
        self.body = compile_script_block(tree).end or (lambda ctx, out: None)
        self.base_args = None
        if member.base_args_text is not None:
            from .compile_stmt import compile_value
            btree = parse(f"@({member.base_args_text})" if member.base_args_text.strip() else "@()")
            self.base_args = compile_value(btree.end.body.statements[0])

    def is_void(self):
        return self.return_type is None or self.return_type.lower() in ("void", "system.void")

    def definition(self, cls_name=None):
        ret = _short(self.return_type) if self.return_type else "void"
        args = ", ".join(f"{_short(t or 'System.Object')} {n}" for n, t in self.params)
        return f"{ret} {self.name}({args})"

    def bind(self, cls, args, method_name):
        values = []
        for (pname, ptype), a in zip(self.params, args):
            if ptype is not None:
                t = cls.resolve(ptype)
                try:
                    a = t.convert(a)
                except PSException as e:
                    raise conversion_error(method_name, pname, a, t.full_name, e.message) from None
            values.append((pname, a))
        return values

    def run(self, cls, this, args, method_name):
        from .scopes import Scope
        ctx = cls.def_ctx.child(Scope(cls.def_ctx.scope))
        ctx.streams = ctx.streams.copy(error=_discard)      # 5.1: non-terminating errors stay in the method
        ctx.in_try += 1                 # and an exception ends the method: it reaches the caller
        if this is not None:
            ctx.scope.set_local("this", this, "this")
        for pname, v in self.bind(cls, args, method_name):
            ctx.scope.set_local(pname, v)
        try:
            self.body(ctx, _discard)
        except _MethodReturn as r:
            value = r.value
        else:
            value = None
        if self.is_void():
            return None
        if self.return_type is not None:
            t = cls.resolve(self.return_type)
            if value is not None or t.full_name != "System.String":
                value = t.convert(value)
        return value


def _in_place(body, offset, place):
    """The body as a text to parse: at its own offset of the script (what precedes it blanked, line breaks
    kept), so that the tree's positions are the script's."""
    if place is None:
        return body
    text, base = place[0], place[1]
    start = base + offset
    if text[start:start + len(body)] != body:
        return body
    return re.sub(r"[^\n]", " ", text[:start]) + body


def _short(tname):
    short = {"system.void": "void", "system.string": "string", "system.int32": "int", "system.object": "System.Object",
             "system.boolean": "bool", "system.double": "double", "system.int64": "long"}
    t = try_resolve_type(tname) if tname else None
    full = t.full_name if t is not None else tname
    return short.get(full.lower(), full)


# ---------------------------------------------------------------------------
# Classes

class ScriptClass:
    def __init__(self, name, base, def_ctx):
        self.name = name
        self.base = base                    # ScriptClass | None
        self.def_ctx = def_ctx
        self.props = []                     # [_Member] own instance properties, declaration order
        self.defaults = {}                  # lower name -> compiled default fn
        self.static_props = {}              # lower name -> [proper name, type name, value]
        self.methods = {}                   # lower name -> [_Code] own instance methods
        self.static_methods = {}            # lower name -> [_Code]
        self.ctors = []                     # [_Code]
        self.dotnet_bases = ()              # full names of a .NET base class / known interfaces
        self.py_class = ScriptObject        # the instances' Python class (an exception class for exceptions)
        self.exception_base = None          # the .NET exception class this class derives from, if any

    def resolve(self, tname):
        t = try_resolve_type(tname)
        if t is None:
            raise RuntimeException(f"Unable to find type [{tname}].", error_id="TypeNotFound",
                                   category="InvalidOperation", target=tname)
        return t

    def chain(self):
        c = self
        while c is not None:
            yield c
            c = c.base

    def type_names(self):
        names = []
        for c in self.chain():
            names.append(c.name)
            names.extend(c.dotnet_bases)
        return tuple(names) + ("System.Object",)

    def all_props(self):
        """[(member, owner)] instance properties, most derived first."""
        seen = set()
        out = []
        for c in self.chain():
            for p in c.props:
                if p.name.lower() not in seen:
                    seen.add(p.name.lower())
                    out.append((p, c))
        return out

    def find_property(self, name):
        lname = name.lower()
        for p, owner in self.all_props():
            if p.name.lower() == lname:
                return p, owner
        return None, None

    def overloads(self, lname, static=False):
        out = []
        for c in self.chain():
            table = c.static_methods if static else c.methods
            for code in table.get(lname, ()):
                if not any(len(o.params) == len(code.params) for o in out):
                    out.append(code)
            if static:
                break
        return out

    def pick(self, overloads, args, name):
        cands = [o for o in overloads if len(o.params) == len(args)]
        if not cands:
            raise overload_error(name, len(args))
        if len(cands) == 1:
            return cands[0]
        for o in cands:                     # the first whose parameters take the arguments as they are
            if all(t is None or self.resolve(t).is_instance(a) for (_n, t), a in zip(o.params, args)):
                return o
        for o in cands:
            try:
                o.bind(self, args, name)
                return o
            except PSException:
                continue
        return cands[0]

    # -- instances --------------------------------------------------------
    def construct(self, args):
        obj = self.py_class(self)
        self._init(obj, list(args), outermost=True)
        return obj

    def _init(self, obj, args, outermost=False):
        ctor = None
        if self.ctors:
            ctor = self.pick(self.ctors, args, "new")
        elif args:
            raise overload_error("new", len(args))
        base_args = []
        if ctor is not None and ctor.base_args is not None:
            base_args = self._base_args(ctor, obj, args)
        if self.base is not None:
            self.base._init(obj, base_args)
        elif self.exception_base is not None:   # System.Exception's constructors: (), (message)
            if len(base_args) > 2:
                raise overload_error("new", len(base_args))
            message = cv.to_string(base_args[0]) if base_args and base_args[0] is not None else \
                f"Exception of type '{self.name}' was thrown."
            inner = base_args[1] if len(base_args) > 1 and isinstance(base_args[1], BaseException) else None
            PSException.__init__(obj, message, inner=inner)
        for p in self.props:                # this class's defaults, after the base's constructor
            fn = self.defaults.get(p.name.lower())
            if fn is not None:
                obj._set(p.name, fn(self._value_ctx()))
        if ctor is not None:
            ctor.run(self, obj, args, "new")

    def _base_args(self, ctor, obj, args):
        from .scopes import Scope
        ctx = self.def_ctx.child(Scope(self.def_ctx.scope))
        ctx.scope.set_local("this", obj, "this")
        for pname, v in ctor.bind(self, args, "new"):
            ctx.scope.set_local(pname, v)
        v = unwrap(ctor.base_args(ctx))
        return list(v) if isinstance(v, (list, tuple)) else [v]

    def _value_ctx(self):
        from .scopes import Scope
        return self.def_ctx.child(Scope(self.def_ctx.scope))

    def from_hashtable(self, table):
        obj = self.construct([])
        for k, v in table.items():
            name = cv.to_string(k)
            p, _owner = self.find_property(name)
            if p is None:
                raise RuntimeException(
                    f'Cannot create object of type "{self.name}". The {name} property was not found for the '
                    f'{self.name} object. The available property is: '
                    + " , ".join(f"[{q.name} <{self.resolve(q.type_name).full_name if q.type_name else 'System.Object'}>]"
                               for q, _o in self.all_props()),
                    error_id="ObjectCreationError", category="InvalidArgument")
            obj._set(p.name, v)
        return obj

    def convert(self, value):
        v = unwrap(value)
        if v is None:
            return None
        if isinstance(v, ScriptObject) and self.name in v.ps_type_names:
            return v
        if isinstance(v, (Hashtable, OrderedDictionary)):
            return self.from_hashtable(v)
        ctors = [c for c in self.ctors if len(c.params) == 1]
        if ctors:
            try:
                return self.construct([v])
            except PSException as e:
                raise cv.cast_error(value, self.name, e.message) from None
        raise cv.cast_error(value, self.name)

    def is_instance(self, value):
        v = unwrap(value)
        return isinstance(v, ScriptObject) and self.name.lower() in (n.lower() for n in v.ps_type_names)

    # -- static side --------------------------------------------------------
    def static_get(self, lname):
        for c in self.chain():
            e = c.static_props.get(lname)
            if e is not None:
                return e
        return None

    def call_static(self, name, args):
        lname = name.lower()
        if lname == "new":
            return self.construct(args)
        overloads = self.overloads(lname, static=True)
        if not overloads:
            raise not_found(self.name, name)
        code = self.pick(overloads, args, overloads[0].name)
        return code.run(self, None, args, code.name)

    def call_instance(self, obj, name, args, statement):
        lname = name.lower()
        overloads = self.overloads(lname)
        if not overloads:
            return _NOT_HANDLED
        code = self.pick(overloads, args, overloads[0].name)
        r = code.run(self, obj, args, code.name)
        if code.is_void():
            return NO_OUTPUT if statement else None
        return r


_NOT_HANDLED = object()


class ScriptObject(DotNetObject):
    """An instance of a script class: property values are attributes, typed by the class."""

    def __init__(self, cls: ScriptClass):
        d = self.__dict__
        d["ps_class"] = cls
        d["ps_type_names"] = cls.type_names()
        props = cls.all_props()
        d["ps_properties"] = tuple(p.name for p, _o in props if not p.hidden)
        d["ps_extra_properties"] = tuple(p.name for p, _o in props if p.hidden)
        if isinstance(self, PSException):       # the exception's own properties (Message, ...) by name
            d["ps_extra_properties"] += tuple(n for n in PSException.ps_properties if n not in d["ps_properties"])
        for p, owner in props:
            d[p.name] = _initial(owner, p)

    def _set(self, name, value):
        p, owner = self.ps_class.find_property(name)
        if p is not None and p.type_name is not None:
            value = owner.resolve(p.type_name).convert(value)
        self.__dict__[p.name if p is not None else name] = value

    def __setattr__(self, name, value):
        p, _owner = self.ps_class.find_property(name)
        if p is None:                   # not a declared property: an attribute of the Python side (exceptions)
            object.__setattr__(self, name, value)
            return
        try:
            for check in p.validators:
                check(value)
            self._set(p.name, value)
        except PSException as e:
            raise SetValueInvocationException(f'Exception setting "{p.name}": "{e.message}"',
                                              error_id="ExceptionWhenSetting", category="NotSpecified") from None

    def ps_set_member(self, name, value):
        self.__setattr__(name, value)
        return True

    def ps_dispatch_method(self, name, args, statement=False):
        """methods.invoke_method's hook: (True, result) for the class's method, (False, None) otherwise (the
        Object methods follow)."""
        r = self.ps_class.call_instance(self, name, args, statement)
        return (False, None) if r is _NOT_HANDLED else (True, r)

    def ps_method_definitions(self):
        out = []
        seen = set()
        for c in self.ps_class.chain():
            for lname, codes in c.methods.items():
                if lname in seen or all(k.hidden for k in codes):
                    continue
                seen.add(lname)
                out.append((codes[0].name, ", ".join(k.definition() for k in self.ps_class.overloads(lname))))
        return out

    # comparisons: a class's CompareTo (IComparable) orders, its Equals decides -eq, as .NET's do
    def ps_compare(self, other):
        if not any(len(c.params) == 1 for c in self.ps_class.overloads("compareto")):
            return NotImplemented
        return cv.to_int(self.ps_class.call_instance(self, "CompareTo", [other], False))

    def __lt__(self, other):
        c = self.ps_compare(other)
        return NotImplemented if c is NotImplemented else c < 0

    def __gt__(self, other):
        c = self.ps_compare(other)
        return NotImplemented if c is NotImplemented else c > 0

    def __eq__(self, other):
        if other is self:
            return True
        if any(len(c.params) == 1 for c in self.ps_class.overloads("equals")):
            return cv.to_bool(self.ps_class.call_instance(self, "Equals", [other], False))
        return False

    def __hash__(self):
        if self.ps_class.overloads("gethashcode"):
            return cv.to_int(self.ps_class.call_instance(self, "GetHashCode", [], False))
        return id(self) >> 4

    def ps_to_string(self):
        if self.ps_class.overloads("tostring"):
            r = self.ps_class.call_instance(self, "ToString", [], False)
            return cv.to_string(r)
        if isinstance(self, PSException):
            return f"{self.ps_class.name}: {self.message}"
        return self.ps_type_names[0]


_VALIDATION_END = " and then try the command again."


class _Invalid(RuntimeException):
    """A validation attribute's refusal (System.Management.Automation.ValidationMetadataException)."""
    ps_type = "System.Management.Automation.ValidationMetadataException"


def _validators(ctx, attributes):
    """Checks for a property's validation attributes (ValidateNotNull, ValidateNotNullOrEmpty, ValidateSet,
    ValidateRange, ValidatePattern, ValidateLength), raising with the texts 5.1's attributes give."""
    from ..language import parse
    from .compile_stmt import compile_value
    out = []
    for text in attributes:
        m = re.match(r"\s*([\w.]+)\s*\((.*)\)\s*$", text, re.S)
        if m is None:
            continue
        kind = m.group(1).lower().rsplit(".", 1)[-1].removesuffix("attribute")
        args_text = m.group(2).strip()
        args = []
        if args_text:
            v = unwrap(compile_value(parse(f"@({args_text})").end.body.statements[0])(ctx))
            args = list(v) if isinstance(v, (list, tuple)) else [v]
        if kind == "validatenotnull":
            def check(v):
                if v is None:
                    raise _Invalid("The argument is null. Provide a valid value for the argument, and then try "
                                   "running the command again.")
        elif kind == "validatenotnullorempty":
            def check(v):
                if v is None or v == "" or (isinstance(v, (list, tuple)) and not v):
                    raise _Invalid("The argument is null or empty. Provide an argument that is not null or "
                                   "empty, and then try the command again.")
        elif kind == "validateset":
            def check(v, allowed=[cv.to_string(a) for a in args]):
                for it in (v if isinstance(v, (list, tuple)) else [v]):
                    s = cv.to_string(it)
                    if s.lower() not in (a.lower() for a in allowed):
                        raise _Invalid(f'The argument "{s}" does not belong to the set "{",".join(allowed)}" '
                                       "specified by the ValidateSet attribute. Supply an argument that is in the "
                                       "set" + _VALIDATION_END)
        elif kind == "validaterange" and len(args) == 2:
            def check(v, lo=args[0], hi=args[1]):
                for it in (v if isinstance(v, (list, tuple)) else [v]):
                    n = cv.to_number(it)
                    if n < cv.to_number(lo):
                        raise _Invalid(f"The {cv.to_string(it)} argument is less than the minimum allowed range "
                                       f"of {cv.to_string(lo)}. Supply an argument that is greater than or equal "
                                       f"to {cv.to_string(lo)}" + _VALIDATION_END)
                    if n > cv.to_number(hi):
                        raise _Invalid(f"The {cv.to_string(it)} argument is greater than the maximum allowed "
                                       f"range of {cv.to_string(hi)}. Supply an argument that is less than or "
                                       f"equal to {cv.to_string(hi)}" + _VALIDATION_END)
        elif kind == "validatepattern" and args:
            def check(v, pattern=cv.to_string(args[0])):
                from . import dotnet_regex
                rx = dotnet_regex.compile(pattern, dotnet_regex.IGNORE_CASE)
                for it in (v if isinstance(v, (list, tuple)) else [v]):
                    s = cv.to_string(it)
                    if rx.search(s) is None:
                        raise _Invalid(f'The argument "{s}" does not match the "{pattern}" pattern. Supply an '
                                       f'argument that matches "{pattern}" and try the command again.')
        elif kind == "validatelength" and len(args) == 2:
            def check(v, lo=cv.to_int(args[0]), hi=cv.to_int(args[1])):
                for it in (v if isinstance(v, (list, tuple)) else [v]):
                    s = cv.to_string(it)
                    if len(s) < lo:
                        raise _Invalid(f"The character length of the {len(s)} argument is too short. Specify an "
                                       f"argument with a length that is greater than or equal to \"{lo}\", and "
                                       "then try the command again.")
                    if len(s) > hi:
                        raise _Invalid(f"The character length of the {len(s)} argument is too long. Shorten the "
                                       f"character length of the argument so it is fewer than or equal to \"{hi}\" "
                                       "characters, and then try the command again.")
        else:
            continue
        out.append(check)
    return out


def _initial(owner, p):
    """A property's value before any default or constructor runs: its type's default."""
    if p.type_name is None:
        return None
    t = try_resolve_type(p.type_name)
    if t is None:
        return None
    full = t.full_name.lower()
    if full in ("system.int32", "system.int64", "system.int16", "system.byte", "system.double", "system.single",
                "system.decimal", "system.uint32", "system.uint64", "system.sbyte", "system.uint16"):
        return t.convert(0)
    if full == "system.boolean":
        return False
    if isinstance(t, ScriptEnumType):
        return t.convert(0)
    return None


NOT_HANDLED = _NOT_HANDLED


class ScriptClassType(PSType):
    def __init__(self, cls: ScriptClass):
        super().__init__(cls.name)
        self.cls = cls

    def is_instance(self, value):
        return self.cls.is_instance(value)

    def convert(self, value):
        return self.cls.convert(value)

    def new(self, *args):
        return self.cls.construct(list(args))


# ---------------------------------------------------------------------------
# Enums

class ScriptEnumType(PSType):
    def __init__(self, name, pairs, flags=False):
        super().__init__(name)
        self.pairs = pairs                  # [(name, int)] in declaration order
        self.flags = flags
        self._by_name = {n.lower(): (n, v) for n, v in pairs}

    def from_number(self, number):
        return self.value(int(number))

    def value(self, number):
        from .statics import EnumValue
        for n, v in self.pairs:
            if v == number:
                return EnumValue(self.full_name, n, number)
        if self.flags and number:
            names = []
            rest = number
            for n, v in sorted(self.pairs, key=lambda p: -p[1]):
                if v and rest & v == v:
                    names.append(n)
                    rest &= ~v
            if not rest:
                return EnumValue(self.full_name, ", ".join(reversed(names)), number)
        return EnumValue(self.full_name, str(number), number)

    def is_instance(self, value):
        v = unwrap(value)
        return getattr(v, "ps_type_names", (None,))[0] == self.full_name

    def _bad(self, value, text):
        from ..errors import PSInvalidCastException
        return PSInvalidCastException(
            f'Cannot convert value "{text}" to type "{self.full_name}". Error: "Unable to match the identifier '
            f'name {text} to a valid enumerator name. Specify one of the following enumerator names and try '
            f'again:\n{", ".join(n for n, _v in self.pairs)}"', error_id="InvalidCastFromStringToEnum",
            category="InvalidArgument", target=value)

    def convert(self, value):
        v = unwrap(value)
        if self.is_instance(v):
            return v
        if v is None:
            raise cv.cast_error(value, self.full_name,
                                "Null object cannot be converted to a value type.")
        iv = getattr(v, "value__", None)
        if isinstance(iv, int):
            return self.value(iv)
        if isinstance(v, bool):
            raise cv.cast_error(value, self.full_name)
        if isinstance(v, (int, float)):
            return self.value(int(v))
        if isinstance(v, (list, tuple)):
            if not self.flags:
                raise cv.cast_error(value, self.full_name)
            total = 0
            for x in v:
                total |= self.convert(x).value__
            return self.value(total)
        text = cv.to_string(v).strip()
        total = 0
        parts = [x.strip() for x in text.split(",")]
        if len(parts) > 1 and not self.flags:
            raise self._bad(value, text)
        for part in parts:
            if re.fullmatch(r"-?\d+", part):
                total |= int(part)
                continue
            e = self._by_name.get(part.lower())
            if e is None:
                raise self._bad(value, text)
            if len(parts) == 1:
                return self.value(e[1])
            total |= e[1]
        return self.value(total)


def define_enum(ctx, name, text, flags=False):
    from . import statics
    pairs = []
    nxt = 0
    for member, expr in parse_enum_members(text):
        if expr is not None:
            from ..language import parse
            from .compile_stmt import compile_value
            tree = parse(expr)
            v = compile_value(tree.end.body.statements[0])(ctx)
            try:
                nxt = cv.to_int(v)
            except PSException:
                raise _syntax_error(f"Enumerator value '{expr}' must be a constant value.",
                                    "EnumeratorValueMustBeConstant") from None
        pairs.append((member, nxt))
        nxt += 1
    t = ScriptEnumType(name, pairs, flags)
    register_type(t)
    st = statics.StaticType(name)
    statics._TYPES[name.lower()] = st
    for member, v in pairs:
        st.prop(member, (lambda num: lambda: t.value(num))(v))
    return t


# ---------------------------------------------------------------------------
# Defining a class

_HEADER = re.compile(r"(?is)\s*(?:class|enum)\s+[\w.]+\s*(?::\s*([\w.]+(?:\s*,\s*[\w.]+)*))?\s*\{")


def define_class(ctx, node):
    from . import statics
    header = _HEADER.match(node.extent.text if node.extent is not None else "")
    bases = [b.strip() for b in header.group(1).split(",")] if header and header.group(1) else []
    name = node.name
    base = None
    dotnet_bases = []           # a .NET base class or interfaces: kept as names (their members are not inherited)
    for i, bname in enumerate(bases):
        bt = try_resolve_type(bname)
        if i == 0 and isinstance(bt, ScriptClassType):
            base = bt.cls
        elif bt is not None:
            dotnet_bases.append(bt.full_name)
        elif not re.match(r"I[A-Z]", bname.rsplit(".", 1)[-1]):    # an interface pshim does not know: accepted
            raise RuntimeException(f"Unable to find type [{bname}].", error_id="TypeNotFound",
                                   category="InvalidOperation", target=bname)
    cls = ScriptClass(name, base, ctx)
    cls.dotnet_bases = tuple(n for n in dotnet_bases if n != "System.Object")
    if base is not None and base.py_class is not ScriptObject:
        cls.py_class = type(name, (base.py_class,), {"ps_type": name})
    elif base is None and dotnet_bases:
        from ..errors import exception_class
        exc = exception_class(dotnet_bases[0])
        if exc is not None:             # class MyError : System.Exception: instances are thrown and caught
            cls.exception_base = exc
            cls.py_class = type(name, (ScriptObject, exc), {"ps_type": name})
            cls.dotnet_bases = ()       # the exception's own chain names the types
    place = None
    ext = node.extent
    source = getattr(ext, "source", None)
    if source is not None and node.members_text:
        place = (source.text, ext.end - 1 - len(node.members_text), source.path)
    from ..language import parse
    from .compile_stmt import compile_value
    for m in parse_class_members(name, node.members_text or ""):
        if m.kind == "property":
            fn = None
            if m.default_text:
                fn = compile_value(parse(m.default_text).end.body.statements[0])
            if m.static:
                value = fn(ctx) if fn is not None else _initial(cls, m)
                if m.type_name is not None and value is not None:
                    value = cls.resolve(m.type_name).convert(value)
                cls.static_props[m.name.lower()] = [m.name, m.type_name, value]
            else:
                m.validators = _validators(ctx, m.attributes)
                cls.props.append(m)
                if fn is not None:
                    cls.defaults[m.name.lower()] = fn
        elif m.kind == "ctor":
            if not m.static:
                cls.ctors.append(_Code(name, m, place))
        else:
            code = _Code(name, m, place)
            table = cls.static_methods if m.static else cls.methods
            table.setdefault(m.name.lower(), []).append(code)
    t = ScriptClassType(cls)
    register_type(t)
    st = statics.StaticType(name)
    statics._TYPES[name.lower()] = st
    st.methods["new"] = ("new", lambda args, kw: cls.construct(args),
                         tuple(f"{name} new({', '.join(_short(pt or 'System.Object') + ' ' + pn for pn, pt in c.params)})"
                               for c in cls.ctors) or (f"{name} new()",))
    for c in cls.chain():
        for lname, codes in c.static_methods.items():
            if lname not in st.methods:
                st.methods[lname] = (codes[0].name, (lambda nm: lambda args, kw: cls.call_static(nm, args))(
                    codes[0].name), tuple(k.definition() for k in codes))
        for lname, entry in c.static_props.items():
            if lname not in st.props:
                st.prop(entry[0], (lambda e: lambda: e[2])(entry))
                st.setters[lname] = (lambda e, owner: lambda v: _set_static(owner, e, v))(entry, c)
    return t


def _set_static(owner, entry, value):
    if entry[1] is not None:
        try:
            value = owner.resolve(entry[1]).convert(value)
        except PSException as e:
            raise SetValueInvocationException(f'Exception setting "{entry[0]}": "{e.message}"',
                                              error_id="ExceptionWhenSetting", category="NotSpecified") from None
    entry[2] = value


def hoist_definitions(statements):
    """A block's statements with its class and enum definitions first (enums, then classes with a base
    defined in the same block after that base), as 5.1 has a script's types before its first statement."""
    defs = [s for s in statements if type(s) is A.TypeDefinitionAst]
    rest = [s for s in statements if type(s) is not A.TypeDefinitionAst]
    ordered = [d for d in defs if d.kind == "enum"]
    classes = [d for d in defs if d.kind != "enum"]
    names = {d.name.lower() for d in classes}
    placed = set()
    while classes:
        for d in classes:
            header = _HEADER.match(d.extent.text if d.extent is not None else "")
            bases = [b.strip().lower() for b in header.group(1).split(",")] if header and header.group(1) else []
            if not any(b in names and b not in placed and b != d.name.lower() for b in bases):
                break
        else:
            d = classes[0]              # a cycle: left to fail as it is written
        classes.remove(d)
        placed.add(d.name.lower())
        ordered.append(d)
    return ordered + rest


def type_definition(node):
    """compile_stmt's entry: fn(ctx, out) that defines the class or enum when the statement runs."""
    _register_return()

    def fn(ctx, out):
        if node.kind == "enum":
            flags = bool(re.search(r"(?i)\[\s*(System\.)?Flags(Attribute)?\s*(\(\s*\))?\s*\]",
                                   getattr(node, "attributes_text", "") or ""))
            define_enum(ctx, node.name, node.members_text or "", flags)
        else:
            define_class(ctx, node)
    return fn
