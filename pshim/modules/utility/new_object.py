"""Microsoft.PowerShell.Utility: New-Object (.NET types pshim knows, -Property; COM is refused)."""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...errors import PSException, PSArgumentException as PSArgumentExc
from ...runtime import conversion as cv
from ...runtime.psobject import PSObject, Hashtable, ArrayList


class NewObjectCommand(Cmdlet):
    name = "New-Object"
    dotnet_type = "Microsoft.PowerShell.Commands.NewObjectCommand"
    default_parameter_set = "Net"
    synopsis = "Creates an instance of a Microsoft .NET Framework or COM object."

    TypeName = Parameter("string", position=0, mandatory=True, parameter_set="Net")
    ComObject = Parameter("string", position=0, mandatory=True, parameter_set="Com")
    ArgumentList = Parameter("object[]", position=1, parameter_set="Net", aliases=("Args",))
    Property = Parameter("System.Collections.IDictionary")

    def process(self):
        if self.parameter_set_name == "Com":
            raise self.terminating_error(self.error(
                f"Retrieving the COM class factory for component with CLSID {{{self.ComObject}}} failed due to the "
                "following error: 80040154 Class not registered.", "NoCOMClassIdentified,", "ResourceUnavailable"))
        tname = cv.to_string(self.TypeName).strip()
        tl = tname.lower()
        args = list(self.ArgumentList or [])
        if tl in ("psobject", "system.management.automation.psobject", "pscustomobject",
                  "system.management.automation.pscustomobject", "object", "system.object"):
            obj = PSObject() if not args else PSObject(args[0])
        elif tl in ("system.collections.arraylist", "collections.arraylist"):
            obj = ArrayList(args[0] if args and isinstance(args[0], (list, tuple)) else [])
        elif tl in ("hashtable", "system.collections.hashtable", "collections.hashtable"):
            obj = Hashtable()
        else:
            from ...runtime.types import try_resolve_type
            t = try_resolve_type(tname)
            if t is None:
                raise self.terminating_error(self.error(
                    f'Cannot find type [{tname}]: verify that the assembly containing this type is loaded.',
                    "TypeNotFound", "InvalidType", tname, PSArgumentExc))
            try:
                obj = self._construct(t, args)
            except PSException as e:
                raise self.terminating_error(self.error(e.message, e.error_id or "ConstructorInvokedThrowException",
                                                        "InvalidOperation", None, type(e)))
        if self.Property:
            from ...runtime.access import set_member
            target = obj
            for k, v in self.Property.items():
                name = cv.to_string(k)
                if isinstance(target, PSObject) and target.base is None:
                    target.add_note(name, v)
                elif isinstance(target, Hashtable):
                    target[name] = v
                else:
                    try:
                        set_member(target, name, v)
                    except PSException:
                        if not isinstance(target, PSObject):
                            target = PSObject(target)
                            obj = target
                        target.add_note(name, v)
        self.processor.emit(obj)

    def _construct(self, t, args):
        if isinstance(t.__class__, type) and t.__class__.__name__ == "GenericListType":
            items = args[0] if args and isinstance(args[0], (list, tuple)) else []
            return t.convert(items)
        ctor = getattr(t, "new", None)
        if ctor is not None:
            return ctor(*args)
        from ...runtime import statics
        from ...runtime.compile_expr import _static_callbacks
        try:
            return statics.invoke_static(t.full_name, "new", list(args), **_static_callbacks(self.ctx))
        except PSException:
            if not args:
                return t.convert(None) if t.full_name != "System.String" else ""
            if len(args) == 1:
                return t.convert(args[0])
            if getattr(t, "_convert", None) is not None:
                return t.convert(list(args))
            raise
