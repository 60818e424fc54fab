"""Get-Member (facts §9.7)."""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...errors import PSException, InvalidOperationException
from ...runtime import conversion as cv
from ...runtime.members import properties
from ...runtime.operators import wildcard_match
from ...runtime.psobject import PSObject, DotNetObject, unwrap
from ...runtime.typenames import type_name, type_names_of, ps_short_name
from ..core.enum_types import EnumParameter

MEMBER_TYPES = ("AliasProperty", "CodeProperty", "Property", "NoteProperty", "ScriptProperty", "Properties",
                "PropertySet", "Method", "CodeMethod", "ScriptMethod", "Methods", "ParameterizedProperty",
                "MemberSet", "Event", "Dynamic", "All")
_PROPERTY_KINDS = {"aliasproperty", "codeproperty", "property", "noteproperty", "scriptproperty"}
_METHOD_KINDS = {"method", "codemethod", "scriptmethod"}


class MemberDefinition(DotNetObject):
    ps_type_names = ("Microsoft.PowerShell.Commands.MemberDefinition", "System.Object")
    ps_properties = ("TypeName", "Name", "MemberType", "Definition")

    def __init__(self, type_name_, name, member_type, definition):
        self.TypeName = type_name_
        self.Name = name
        self.MemberType = member_type
        self.Definition = definition

    def ps_to_string(self):
        return self.Definition


def _short(value) -> str:
    if value is None:
        return "System.Object"
    if isinstance(value, PSObject):
        if value.base is None:
            return value.type_names[0] if value.type_names else "System.Management.Automation.PSCustomObject"
        value = unwrap(value)
    return ps_short_name(type_name(value))


def _settable(obj, name) -> bool:
    settable = getattr(obj, "ps_settable", None)
    if settable is not None:
        return name in settable
    attr = getattr(type(obj), name, None)
    if isinstance(attr, property):
        return attr.fset is not None
    return isinstance(obj, DotNetObject)


def member_definitions(obj, force=False) -> list[tuple[str, str, str]]:
    """(name, member type, definition) of every member of obj."""
    out = []
    seen = set()
    base = obj
    if isinstance(obj, PSObject):
        for m in obj.members.values():
            mt = m.member_type
            if mt == "NoteProperty":
                v = m.value
                if v is None:
                    d = f"object {m.name}=null"
                else:
                    d = f"{_short(v)} {m.name}={cv.dotnet_string(v)}"
            elif mt == "ScriptProperty":
                d = f"System.Object {m.name} {{get={getattr(m, 'value', '') or ''};}}"
            elif mt == "AliasProperty":
                d = f"{m.name} = {m.value}"
            elif mt in ("ScriptMethod", "CodeMethod"):
                continue
            else:
                try:
                    v = m.get(obj)
                except Exception:   # a failing getter still lists the member
                    v = None
                d = f"{_short(v)} {m.name} {{get;}}"
            seen.add(m.name.lower())
            out.append((m.name, mt, d))
        base = obj.base
    if base is not None:
        if isinstance(base, str):
            out.append(("Chars", "ParameterizedProperty", "char Chars(int index) {get;}"))
        for n, v in properties(base):
            if n.lower() in seen:
                continue
            seen.add(n.lower())
            acc = "{get;set;}" if _settable(base, n) and not isinstance(base, (str, int, float, bool)) else "{get;}"
            out.append((n, "Property", f"{_short(v)} {n} {acc}"))
    try:
        from ...runtime.methods import method_definitions
        defs = method_definitions(obj)
    except (ImportError, PSException):
        defs = []
    for name, d in defs:
        if isinstance(obj, PSObject) and name.lower() in obj.members:
            mt = obj.members[name.lower()].member_type
        else:
            mt = "Method"
        if name.lower() in ("where", "foreach"):
            continue
        out.append((name, mt, d))
    return out


_EXTENDED_KINDS = {"noteproperty", "scriptproperty", "aliasproperty", "codeproperty", "scriptmethod", "codemethod",
                   "propertyset", "memberset"}


class GetMemberCommand(Cmdlet):
    name = "Get-Member"
    dotnet_type = "Microsoft.PowerShell.Commands.GetMemberCommand"
    synopsis = "Gets the properties and methods of objects."

    InputObject = Parameter("psobject", value_from_pipeline=True)
    Name = Parameter("string[]", position=0)
    MemberType = EnumParameter("System.Management.Automation.PSMemberTypes", MEMBER_TYPES, array=True,
                               aliases=("Type",))
    View = Parameter("string", validate_set=("Extended", "Adapted", "Base", "All"))
    Static = Parameter("switch")
    Force = Parameter("switch")

    def begin(self):
        self._seen = set()
        self._any = False

    def process(self):
        if "InputObject" not in self.bound and not self.processor.expects_input:
            return
        obj = self.InputObject
        if obj is None:
            return
        self._any = True
        tnames = type_names_of(obj)
        tname = tnames[0] if tnames else "System.Object"
        if tname in self._seen:
            return
        self._seen.add(tname)
        if self.Static:
            return
        members = member_definitions(obj, bool(self.Force))
        names = [cv.to_string(n) for n in (self.Name or [])]
        kinds = None
        if self.MemberType:
            kinds = set()
            for k in self.MemberType:
                kl = k.lower()
                if kl == "all":
                    kinds = None
                    break
                if kl == "properties":
                    kinds |= _PROPERTY_KINDS
                elif kl == "methods":
                    kinds |= _METHOD_KINDS
                else:
                    kinds.add(kl)
        view = cv.to_string(self.View).lower() if self.View is not None else "all"
        rows = []
        for n, mt, d in members:
            if names and not any(wildcard_match(p, n) for p in names):
                continue
            if kinds is not None and mt.lower() not in kinds:
                continue
            # -View: Extended is what PowerShell adds (notes, script/alias/code members, sets); Adapted and
            # Base are the object's own members (here the adapter shows the object's own members as they are)
            if view == "extended" and mt.lower() not in _EXTENDED_KINDS:
                continue
            if view in ("adapted", "base") and mt.lower() in _EXTENDED_KINDS:
                continue
            rows.append((mt.lower(), n.lower(), n, mt, d))
        rows.sort(key=lambda r: (r[0], r[1]))
        emit = self.processor.emit
        for _, _, n, mt, d in rows:
            emit(MemberDefinition(tname, n, mt, d))

    def end(self):
        if not self._any:
            self.write_error(self.error("You must specify an object for the Get-Member cmdlet.",
                                        "NoObjectInGetMember", "CloseError", None, InvalidOperationException))
