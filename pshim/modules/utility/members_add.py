"""Add-Member: instance members (NoteProperty, ScriptProperty, AliasProperty,
ScriptMethod) on pipeline objects.

Where the members live:
- a PSObject (custom or wrapping) gets them in its member table, in place;
- a Python-side .NET object (DotNetObject: an Exchange server, a FileInfo)
  is extended in place, so `$servers | Add-Member ...` followed by
  `$servers | Select-Object Name, Added` works as it does in PowerShell
  (where the pipeline objects are PSObjects that keep instance members);
- any other value (string, number, hashtable, ...) is wrapped in a new
  PSObject(base), which only -PassThru hands back.

Script bodies run in a child scope of the context Add-Member ran in, with
`$this` set to the object (and `$args` = the method arguments / assigned value).
"""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter, ParameterSetData
from ...errors import InvalidOperationException, PSException
from ...runtime import conversion as cv
from ...runtime.psobject import PSObject, PSMemberInfo, DotNetObject, Hashtable, unwrap
from ...runtime.scriptblock import ScriptBlock
from ..core.enum_types import EnumParameter

_TYPENAME = "TypeNameSet"
_MEMBER = "MemberSet"
_NOTE1 = "NotePropertySingleMemberSet"
_NOTEN = "NotePropertyMultiMemberSet"

MEMBER_TYPES = ("AliasProperty", "CodeProperty", "Property", "NoteProperty", "ScriptProperty", "Properties",
                "PropertySet", "Method", "CodeMethod", "ScriptMethod", "Methods", "ParameterizedProperty",
                "MemberSet", "Event", "Dynamic", "All")
_SUPPORTED = ("NoteProperty", "ScriptProperty", "AliasProperty", "ScriptMethod")


# ---------------------------------------------------------------------------
# running script members

def run_with_this(ctx, sb: ScriptBlock, this, args=()):
    """Run sb with $this = this in a child scope of ctx; the output as a value."""
    from ...commands.function import invoke_scriptblock
    from ...runtime.access import collect_output
    from ...runtime.scopes import Scope
    child = ctx.child(Scope(ctx.scope))
    child.scope.set_local("this", this, "this")
    return collect_output(invoke_scriptblock(child, sb, list(args)))


def _script_property(ctx, name, getter_sb, setter_sb):
    getter = None
    if getter_sb is not None:
        def getter(owner, _sb=getter_sb):
            return run_with_this(ctx, _sb, owner)
    setter = None
    if setter_sb is not None:
        def setter(owner, value, _sb=setter_sb):
            run_with_this(ctx, _sb, owner, [value])
    else:
        def setter(owner, value):
            from ...errors import SetValueInvocationException
            raise SetValueInvocationException(f'Set accessor for property "{name}" is unavailable.',
                                              error_id="SetWithoutSetterFromScriptProperty",
                                              category="NotSpecified")
    if getter is None:
        def getter(owner):
            from ...errors import GetValueInvocationException
            raise GetValueInvocationException(f'Get accessor for property "{name}" is unavailable.',
                                              error_id="GetWithoutGetterFromScriptProperty",
                                              category="NotSpecified")
    text = cv.to_string(getter_sb) if getter_sb is not None else ""
    return PSMemberInfo(name, text, "ScriptProperty", getter, setter)


def _alias_property(name, target, conv_type):
    from ...runtime.members import get_property
    from ...runtime.access import set_member

    def getter(owner):
        v = get_property(owner, target, None)
        if conv_type is not None:
            from ...runtime.types import convert_to
            v = convert_to(v, conv_type)
        return v

    def setter(owner, value):
        set_member(owner, target, value)
    return PSMemberInfo(name, target, "AliasProperty", getter, setter)


def _script_method(ctx, name, sb):
    def call(owner, args, _sb=sb):
        return run_with_this(ctx, _sb, owner, args)
    return PSMemberInfo(name, cv.to_string(sb), "ScriptMethod", call)


# ---------------------------------------------------------------------------
# extending a DotNetObject in place

_EXTENDED_CLASSES: dict = {}


def _extended_class(cls):
    """A subclass of cls whose instances resolve added members by name."""
    ext = _EXTENDED_CLASSES.get(cls)
    if ext is not None:
        return ext

    def __getattr__(self, attr):
        added = self.__dict__.get("_ps_added")
        if added is not None and not attr.startswith("_"):
            m = added.get(attr.lower())
            if m is not None:
                if m.member_type == "ScriptMethod":
                    return lambda *args: m.getter(self, list(args))
                return m.get(self)
        raise AttributeError(attr)

    def __setattr__(self, attr, value):
        added = self.__dict__.get("_ps_added")
        if added is not None and not attr.startswith("_"):
            m = added.get(attr.lower())
            if m is not None:
                if m.setter is not None:
                    m.setter(self, value)
                else:
                    m.value = value
                return
        object.__setattr__(self, attr, value)

    ext = type(cls.__name__, (cls,), {"__getattr__": __getattr__, "__setattr__": __setattr__,
                                      "__module__": cls.__module__, "_ps_extended": True})
    _EXTENDED_CLASSES[cls] = ext
    return ext


def _can_extend(obj) -> bool:
    return isinstance(obj, DotNetObject) and hasattr(obj, "__dict__")


def _extend(obj, info: PSMemberInfo):
    cls = type(obj)
    if not cls.__dict__.get("_ps_extended"):
        obj.__class__ = _extended_class(cls)
    added = obj.__dict__.setdefault("_ps_added", {})
    lname = info.name.lower()
    added[lname] = info
    obj.__dict__.pop(info.name, None)
    if info.member_type == "ScriptMethod":
        names = tuple(obj.ps_methods)
        if not any(n.lower() == lname for n in names):
            obj.__dict__["ps_methods"] = names + (info.name,)
    else:
        names = tuple(obj.ps_properties)
        if not any(n.lower() == lname for n in names):
            obj.__dict__["ps_properties"] = names + (info.name,)
        settable = getattr(obj, "ps_settable", None)
        if settable is not None and info.name not in settable:
            obj.__dict__["ps_settable"] = tuple(settable) + (info.name,)


def _existing_member(obj, name: str) -> bool:
    """Does obj already have a property or method called name?"""
    from ...runtime.members import has_property
    from ...runtime import methods
    lname = name.lower()
    if isinstance(obj, PSObject):
        if lname in obj.members:
            return True
        if obj.base is None:
            return lname in ("tostring", "gettype", "equals", "gethashcode")
    try:
        if has_property(obj, name):
            return True
        return methods.has_method(obj, name) and lname not in ("where", "foreach")
    except Exception:   # a member lookup that fails is not a member
        return False


def _remove_existing(obj, name: str):
    lname = name.lower()
    if isinstance(obj, PSObject):
        obj.members.pop(lname, None)
    elif _can_extend(obj):
        added = obj.__dict__.get("_ps_added")
        if added is not None:
            added.pop(lname, None)


# ---------------------------------------------------------------------------

class AddMemberCommand(Cmdlet):
    name = "Add-Member"
    dotnet_type = "Microsoft.PowerShell.Commands.AddMemberCommand"
    default_parameter_set = _TYPENAME
    synopsis = "Adds custom properties and methods to an instance of a PowerShell object."

    InputObject = Parameter("psobject", sets=[ParameterSetData(s, mandatory=True, from_pipeline=True)
                                              for s in (_TYPENAME, _MEMBER, _NOTE1, _NOTEN)])
    MemberType = EnumParameter("System.Management.Automation.PSMemberTypes", MEMBER_TYPES, aliases=("Type",),
                               sets=[ParameterSetData(_MEMBER, position=0, mandatory=True)])
    Name = Parameter("string", sets=[ParameterSetData(_MEMBER, position=1, mandatory=True)])
    Value = Parameter("object", sets=[ParameterSetData(_MEMBER, position=2)])
    SecondValue = Parameter("object", sets=[ParameterSetData(_MEMBER, position=3)])
    TypeName = Parameter("string", sets=[ParameterSetData(_TYPENAME, mandatory=True), ParameterSetData(_MEMBER),
                                         ParameterSetData(_NOTE1), ParameterSetData(_NOTEN)])
    Force = Parameter("switch", sets=[ParameterSetData(_MEMBER), ParameterSetData(_NOTE1),
                                      ParameterSetData(_NOTEN)])
    PassThru = Parameter("switch")
    NotePropertyName = Parameter("string", sets=[ParameterSetData(_NOTE1, position=0, mandatory=True)])
    NotePropertyValue = Parameter("object", allow_null=True,
                                  sets=[ParameterSetData(_NOTE1, position=1, mandatory=True)])
    NotePropertyMembers = Parameter("System.Collections.IDictionary",
                                    sets=[ParameterSetData(_NOTEN, position=0, mandatory=True)])

    # -- errors --------------------------------------------------------------
    def _fail(self, message, error_id, target=None, category="InvalidOperation",
              exc_class=InvalidOperationException):
        raise self.terminating_error(self.error(message, error_id, category, target, exc_class))

    # -- target ----------------------------------------------------------------
    def _target(self, obj):
        """(object to add members to, object to pass through)."""
        if isinstance(obj, PSObject) or _can_extend(obj):
            return obj
        return PSObject(obj)

    def _add(self, target, info: PSMemberInfo):
        if _existing_member(target, info.name):
            if not self.Force:
                self._fail(f'Cannot add a member with the name "{info.name}" because a member with that name '
                           "already exists. To overwrite the member anyway, add the Force parameter to your "
                           "command.", "MemberAlreadyExists", target)
            _remove_existing(target, info.name)
        if isinstance(target, PSObject):
            target.add_member(info)
        else:
            _extend(target, info)

    def _set_type_name(self, target):
        tn = self.TypeName
        if tn is None:
            return
        tn = cv.to_string(tn)
        if not tn.strip():
            self._fail("The TypeName parameter should not be null, empty, or contain only white spaces.",
                       "TypeNameShouldNotBeEmpty", None, "InvalidArgument")
        if isinstance(target, PSObject):
            target.type_names.insert(0, tn)
        else:
            target.__dict__["ps_type_names"] = (tn,) + tuple(n for n in target.ps_type_names if n != tn)

    # -- members -----------------------------------------------------------------
    def _member_from_params(self):
        mt = cv.to_string(self.MemberType)
        name = cv.to_string(self.Name)
        b = self.bound
        value, second = self.Value, self.SecondValue
        if "," in mt:
            self._fail(f'To add a member, only one member type can be specified. The member types specified are: '
                       f'"{mt}"', "WrongMemberCount", None, "InvalidOperation")
        if mt not in _SUPPORTED:
            self._fail(f'Cannot add a member with type "{mt}". Specify a different type for the MemberTypes '
                       "parameter.", "CannotAddMemberType", None, "InvalidOperation")
        if mt == "NoteProperty":
            if "SecondValue" in b:
                self._second_not_needed(mt)
            return PSMemberInfo(name, unwrap_value(value), "NoteProperty")
        if mt == "AliasProperty":
            if "Value" not in b:
                self._value_required(mt)
            target = cv.to_string(value) if value is not None else ""
            if not target:
                self._fail('The Value parameter should not be null for a member of type "AliasProperty". Specify '
                           "a non-null value for the Value parameter when adding members of this type.",
                           "Value1ShouldNotBeNull", None, "InvalidOperation")
            conv = None
            if second is not None:
                conv = second.full_name if hasattr(second, "full_name") else cv.to_string(second)
            return _alias_property(name, target, conv)
        if mt == "ScriptProperty":
            getter = self._script(value, "Value")
            setter = self._script(second, "SecondValue")
            if getter is None and setter is None:
                self._fail('Both Value and SecondValue parameters should not be null for a member of type '
                           '"ScriptProperty". Specify a non-null value for one of the two parameters.',
                           "Value1AndValue2AreNotBothNull", None, "InvalidOperation")
            return _script_property(self.ctx, name, getter, setter)
        # ScriptMethod
        if "Value" not in b:
            self._value_required(mt)
        if "SecondValue" in b:
            self._second_not_needed(mt)
        sb = self._script(value, "Value")
        if sb is None:
            self._fail('The Value parameter should not be null for a member of type "ScriptMethod". Specify a '
                       "non-null value for the Value parameter when adding members of this type.",
                       "Value1ShouldNotBeNull", None, "InvalidOperation")
        return _script_method(self.ctx, name, sb)

    def _script(self, value, param):
        value = unwrap(value)
        if value is None:
            return None
        if isinstance(value, ScriptBlock):
            return value
        from ...errors import ParameterBindingException
        raise self.terminating_error(self.error(
            f'Cannot convert the "{cv.to_string(value)}" value of type "{_type_name(value)}" to type '
            '"System.Management.Automation.ScriptBlock".', "ConvertToFinalInvalidCastException",
            "InvalidArgument", None, ParameterBindingException))

    def _value_required(self, mt):
        self._fail(f'The Value parameter is required for a member of type "{mt}". Specify the Value parameter '
                   "when adding members of this type.", "Value1Prompt", None, "InvalidOperation")

    def _second_not_needed(self, mt):
        self._fail(f'The SecondValue parameter is not necessary for a member of type "{mt}", and should not be '
                   "specified. Do not specify the SecondValue parameter when you add members of this type.",
                   "Value2ShouldNotBeSpecified", None, "InvalidOperation")

    def _note_name(self, raw) -> str:
        name = cv.to_string(raw) if raw is not None else ""
        if not name.strip():
            self._fail("The name for a NoteProperty member should not be null or an empty string.",
                       "NotePropertyNameShouldNotBeNull", None, "InvalidArgument")
        return name

    # -- processing ----------------------------------------------------------------
    def process(self):
        obj = self.InputObject
        if obj is None:
            from ...errors import ParameterBindingException
            raise self.terminating_error(self.error(
                "Cannot bind argument to parameter 'InputObject' because it is null.",
                "ParameterArgumentValidationErrorNullNotAllowed", "InvalidData", None, ParameterBindingException))
        target = self._target(obj)
        ps = self.parameter_set_name
        if ps == _MEMBER:
            self._add(target, self._member_from_params())
        elif ps == _NOTE1:
            name = self._note_name(self.NotePropertyName)
            self._add(target, PSMemberInfo(name, unwrap_value(self.NotePropertyValue), "NoteProperty"))
        elif ps == _NOTEN:
            members = unwrap(self.NotePropertyMembers)
            items = members.items() if hasattr(members, "items") else []
            for k, v in items:
                name = self._note_name(k)
                self._add(target, PSMemberInfo(name, unwrap_value(v), "NoteProperty"))
        self._set_type_name(target)
        if self.PassThru:
            self.write_object(target)


def unwrap_value(v):
    """Values are stored as given (a PSObject stays a PSObject)."""
    return v


def _type_name(v):
    from ...runtime.typenames import type_name
    return type_name(v)
