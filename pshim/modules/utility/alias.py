"""Microsoft.PowerShell.Utility: Get-Alias, Set-Alias, New-Alias (aliases kept per scope)."""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...errors import ItemNotFoundException, SessionStateUnauthorizedAccessException
from ...runtime import conversion as cv
from ...runtime.operators import has_wildcard, wildcard_match


class GetAliasCommand(Cmdlet):
    name = "Get-Alias"
    dotnet_type = "Microsoft.PowerShell.Commands.GetAliasCommand"
    default_parameter_set = "Default"
    synopsis = "Gets the aliases for the current session."

    Name = Parameter("string[]", position=0, parameter_set="Default", value_from_pipeline=True,
                     value_from_pipeline_by_property_name=True)
    Exclude = Parameter("string[]")
    Scope = Parameter("string")
    Definition = Parameter("string[]", parameter_set="Definition")

    def _all(self):
        out = {}
        chain = []
        if self.Scope is not None:
            # -Scope: only the aliases made in that scope (the built-in ones belong to the global scope)
            s = self.ctx._scope_for(cv.to_string(self.Scope).lower())
            if s.parent is None:
                out.update(self.ctx.session.commands.aliases)
            if s.aliases:
                out.update(s.aliases)
            return sorted(out.values(), key=lambda a: a.name.lower())
        for k, a in self.ctx.session.commands.aliases.items():
            out[k] = a
        s = self.ctx.scope
        while s is not None:
            chain.append(s)
            s = s.parent
        for sc in reversed(chain):
            if sc.aliases:
                out.update(sc.aliases)
        return sorted(out.values(), key=lambda a: a.name.lower())

    def process(self):
        aliases = self._all()
        excl = [cv.to_string(x) for x in (self.Exclude or [])]
        if self.parameter_set_name == "Definition":
            for pat in self.Definition:
                pat = cv.to_string(pat)
                hits = [a for a in aliases if wildcard_match(pat, a.definition)
                        and not any(wildcard_match(e, a.name) for e in excl)]
                if not hits and not has_wildcard(pat):
                    self.write_error(self.error(
                        f"This command cannot find a matching alias because an alias with the definition '{pat}' "
                        "does not exist.", "ItemNotFoundException", "ObjectNotFound", pat, ItemNotFoundException))
                for a in hits:
                    self.processor.emit(a)
            return
        for pat in (self.Name or ["*"]):
            pat = cv.to_string(pat)
            hits = [a for a in aliases if wildcard_match(pat, a.name) and not any(wildcard_match(e, a.name)
                                                                                   for e in excl)]
            if not hits and not has_wildcard(pat):
                self.write_error(self.error(
                    f"This command cannot find a matching alias because an alias with the name '{pat}' does not "
                    "exist.", "ItemNotFoundException", "ObjectNotFound", pat, ItemNotFoundException))
            for a in hits:
                self.processor.emit(a)


class SetAliasCommand(Cmdlet):
    name = "Set-Alias"
    dotnet_type = "Microsoft.PowerShell.Commands.SetAliasCommand"
    supports_should_process = True
    synopsis = "Creates or changes an alias for a cmdlet or other command in the current PowerShell session."

    Name = Parameter("string", position=0, mandatory=True, value_from_pipeline_by_property_name=True)
    Value = Parameter("string", position=1, mandatory=True, value_from_pipeline_by_property_name=True)
    Description = Parameter("string")
    Option = Parameter("string")
    PassThru = Parameter("switch")
    Scope = Parameter("string")
    Force = Parameter("switch")

    def process(self):
        from ...commands.discovery import AliasEntry
        name = cv.to_string(self.Name)
        value = cv.to_string(self.Value)
        if not self.should_process(f"Name: {name} Value: {value}", "Set Alias"):
            return
        sc = self.ctx._scope_for(cv.to_string(self.Scope).lower()) if self.Scope else self.ctx.scope
        if sc.aliases is None:
            sc.aliases = {}
        old = sc.aliases.get(name.lower())
        opts = {o.strip().lower() for o in cv.to_string(old.options).split(",")} if old is not None else set()
        if "constant" in opts or ("readonly" in opts and not self.Force):
            # a read-only alias changes only with -Force; a constant one never
            self.write_error(self.error(
                f"Alias was not written because alias {old.name} is read-only or constant and cannot be written to.",
                "AliasNotWritable", "WriteError", name, SessionStateUnauthorizedAccessException))
            return
        a = AliasEntry(name, value, self.Option or "None", self.Description or "")
        sc.aliases[name.lower()] = a
        if self.PassThru:
            self.processor.emit(a)


class NewAliasCommand(SetAliasCommand):
    name = "New-Alias"
    dotnet_type = "Microsoft.PowerShell.Commands.NewAliasCommand"
    synopsis = "Creates a new alias."

    def process(self):
        name = cv.to_string(self.Name)
        sc = self.ctx.scope
        if not self.Force and ((sc.aliases and name.lower() in sc.aliases)):
            self.write_error(self.error(
                f"The alias is not allowed, because an alias with the name '{name}' already exists.",
                "AliasAlreadyExists", "ResourceExists", name))
            return
        super().process()
