"""Get-, Set-, New-, Remove- and Clear-Variable."""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...errors import ItemNotFoundException, SessionStateUnauthorizedAccessException, RuntimeException
from ...runtime import conversion as cv
from ...runtime.operators import has_wildcard, wildcard_match
from ...runtime.scopes import PSVariable
from ..core.enum_types import EnumParameter

OPTIONS = ("None", "ReadOnly", "Constant", "Private", "AllScope", "Unspecified")

SessionStateException = type("SessionStateException", (RuntimeException,),
                             {"ps_type": "System.Management.Automation.SessionStateException"})


def _option_text(opts) -> str:
    if not opts:
        return "None"
    items = [o for o in opts if o != "None"]
    if not items:
        return "None"
    return ", ".join(items)


class _VariableCmdlet(Cmdlet):
    Scope = Parameter("string")

    def _scope(self):
        s = self.Scope
        if s is None:
            return None
        sl = cv.to_string(s).lower()
        if sl not in ("local", "global", "script", "private") and not sl.isdigit():
            raise self.terminating_error(self.error(
                f"The scope number '{s}' exceeds the number of active scopes.\r\nParameter name: Scope\r\n"
                f"Actual value was {s}.", "ArgumentOutOfRange", "InvalidArgument"))
        return self.ctx._scope_for(sl)

    def _visible(self) -> dict:
        """lower name -> PSVariable visible from here (or in the -Scope scope only)."""
        sc = self._scope()
        if sc is not None:
            return dict(sc.vars)
        return self.ctx.scope.all_variables()

    def _not_writable(self, name):
        self.write_error(self.error(f"Cannot overwrite variable {name} because it is read-only or constant.",
                                    "VariableNotWritable", "WriteError", name,
                                    SessionStateUnauthorizedAccessException))

    def _not_found(self, name):
        self.write_error(self.error(f"Cannot find a variable with the name '{name}'.", "VariableNotFound",
                                    "ObjectNotFound", name, ItemNotFoundException))

    def _matches(self, names, include=None, exclude=None):
        """[(pattern, [PSVariable])] for the name patterns."""
        visible = self._visible()
        out = []
        for n in names:
            n = cv.to_string(n)
            if has_wildcard(n):
                hits = [v for k, v in sorted(visible.items()) if wildcard_match(n, v.name)]
            else:
                v = visible.get(n.lower())
                hits = [v] if v is not None else []
            if include:
                hits = [v for v in hits if any(wildcard_match(p, v.name) for p in include)]
            if exclude:
                hits = [v for v in hits if not any(wildcard_match(p, v.name) for p in exclude)]
            out.append((n, hits))
        return out


class GetVariableCommand(_VariableCmdlet):
    name = "Get-Variable"
    dotnet_type = "Microsoft.PowerShell.Commands.GetVariableCommand"
    synopsis = "Gets the variables in the current console."

    Name = Parameter("string[]", position=0, value_from_pipeline=True, value_from_pipeline_by_property_name=True)
    ValueOnly = Parameter("switch")
    Include = Parameter("string[]")
    Exclude = Parameter("string[]")

    def process(self):
        names = self.Name or ["*"]
        seen = set()
        for pattern, hits in self._matches(names, self.Include, self.Exclude):
            if not hits and not has_wildcard(pattern):
                self._not_found(pattern)
                continue
            hits = sorted(hits, key=lambda v: v.name.lower())
            for v in hits:
                if id(v) in seen:
                    continue
                seen.add(id(v))
                self.processor.emit(v.value if self.ValueOnly else v)


class SetVariableCommand(_VariableCmdlet):
    name = "Set-Variable"
    dotnet_type = "Microsoft.PowerShell.Commands.SetVariableCommand"
    supports_should_process = True
    synopsis = "Sets the value of a variable. Creates the variable if one with the requested name does not exist."

    Name = Parameter("string[]", position=0, mandatory=True, value_from_pipeline_by_property_name=True)
    Value = Parameter("object", position=1, value_from_pipeline=True, value_from_pipeline_by_property_name=True)
    Include = Parameter("string[]")
    Exclude = Parameter("string[]")
    Description = Parameter("string")
    Option = EnumParameter("System.Management.Automation.ScopedItemOptions", OPTIONS, array=True)
    Force = Parameter("switch")
    PassThru = Parameter("switch")

    def begin(self):
        self._values = []
        self._cmd_value = "Value" in self.bound

    def process(self):
        if self.processor.expects_input and not self._cmd_value:
            if "Value" in self.bound:
                self._values.append(self.Value)
            return
        self._assign(self.Value, "Value" in self.bound)

    def end(self):
        if self.processor.expects_input and not self._cmd_value and self._values:
            vals = self._values
            self._assign(vals[0] if len(vals) == 1 else list(vals), True)

    def _targets(self):
        """(name, existing variable or None) for each variable to set: a name with a wildcard sets the
        matching variables there are; -Include and -Exclude filter names and matches alike."""
        include, exclude = self.Include, self.Exclude
        for pattern, hits in self._matches(self.Name, include, exclude):
            if has_wildcard(pattern):
                for v in hits:
                    yield v.name, v
            elif (not include or any(wildcard_match(p, pattern) for p in include)) and \
                    not (exclude and any(wildcard_match(p, pattern) for p in exclude)):
                yield pattern, None

    def _assign(self, value, has_value):
        sc = self._scope() or self.ctx.scope
        for n, found in self._targets():
            if not self.should_process(f"Name: {n} Value: {cv.to_string(value)}", "Set variable"):
                continue
            v = found if found is not None else sc.vars.get(n.lower())
            if v is None:
                v = PSVariable(n, value if has_value else None)
                sc.vars[n.lower()] = v
            else:
                if v.options == "Constant" or (v.options == "ReadOnly" and not self.Force):
                    self._not_writable(v.name)
                    continue
                if has_value:
                    if v.type_constraint is not None:
                        value = v.type_constraint.convert(value)
                    v.value = value
            if self.Description is not None:
                v.description = self.Description
            if self.Option is not None:
                v.options = _option_text(self.Option)
            if self.PassThru:
                self.processor.emit(v)


class NewVariableCommand(_VariableCmdlet):
    name = "New-Variable"
    dotnet_type = "Microsoft.PowerShell.Commands.NewVariableCommand"
    supports_should_process = True
    synopsis = "Creates a new variable."

    Name = Parameter("string", position=0, mandatory=True, value_from_pipeline_by_property_name=True)
    Value = Parameter("object", position=1, value_from_pipeline=True, value_from_pipeline_by_property_name=True)
    Description = Parameter("string")
    Option = EnumParameter("System.Management.Automation.ScopedItemOptions", OPTIONS, array=True)
    Force = Parameter("switch")
    PassThru = Parameter("switch")

    def process(self):
        sc = self._scope() or self.ctx.scope
        n = cv.to_string(self.Name)
        if not self.should_process(f"Name: {n} Value: {cv.to_string(self.Value)}", "New variable"):
            return
        existing = sc.vars.get(n.lower())
        if existing is not None:
            if not self.Force or existing.options in ("ReadOnly", "Constant"):
                if existing.options in ("ReadOnly", "Constant") and self.Force:
                    self._not_writable(existing.name)
                    return
                self.write_error(self.error(f"A variable with name '{n}' already exists.", "VariableAlreadyExists",
                                            "ResourceExists", n, SessionStateException))
                return
        v = PSVariable(n, self.Value)
        if self.Description is not None:
            v.description = self.Description
        if self.Option is not None:
            v.options = _option_text(self.Option)
        sc.vars[n.lower()] = v
        if self.PassThru:
            self.processor.emit(v)


class RemoveVariableCommand(_VariableCmdlet):
    name = "Remove-Variable"
    dotnet_type = "Microsoft.PowerShell.Commands.RemoveVariableCommand"
    supports_should_process = True
    synopsis = "Deletes a variable and its value."

    Name = Parameter("string[]", position=0, mandatory=True, value_from_pipeline_by_property_name=True)
    Include = Parameter("string[]")
    Exclude = Parameter("string[]")
    Force = Parameter("switch")

    def process(self):
        sc = self._scope()
        for pattern, hits in self._matches(self.Name, self.Include, self.Exclude):
            if not hits and not has_wildcard(pattern):
                self._not_found(pattern)
                continue
            for v in hits:
                if v.options == "Constant" or (v.options == "ReadOnly" and not self.Force):
                    self.write_error(self.error(
                        f"Cannot remove variable {v.name} because it is constant or read-only. If the variable is "
                        "read-only, try the operation again specifying the Force option.", "VariableNotRemovable",
                        "WriteError", v.name, SessionStateUnauthorizedAccessException))
                    continue
                if not self.should_process(f"Name: {v.name}", "Remove variable"):
                    continue
                s = sc or self.ctx.scope
                while s is not None:
                    if s.vars.get(v.name.lower()) is v:
                        del s.vars[v.name.lower()]
                        break
                    s = None if sc is not None else s.parent


class ClearVariableCommand(_VariableCmdlet):
    name = "Clear-Variable"
    dotnet_type = "Microsoft.PowerShell.Commands.ClearVariableCommand"
    supports_should_process = True
    synopsis = "Deletes the value of a variable."

    Name = Parameter("string[]", position=0, mandatory=True, value_from_pipeline_by_property_name=True)
    Include = Parameter("string[]")
    Exclude = Parameter("string[]")
    Force = Parameter("switch")
    PassThru = Parameter("switch")

    def process(self):
        for pattern, hits in self._matches(self.Name, self.Include, self.Exclude):
            if not hits and not has_wildcard(pattern):
                self._not_found(pattern)
                continue
            for v in hits:
                if v.options == "Constant" or (v.options == "ReadOnly" and not self.Force):
                    self._not_writable(v.name)
                    continue
                if not self.should_process(f"Name: {v.name}", "Clear variable"):
                    continue
                v.value = None
                if self.PassThru:
                    self.processor.emit(v)
