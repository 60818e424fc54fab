"""Add-Type: the assemblies pshim emulates load; C# and other source does not compile.

pshim has no .NET runtime, so Add-Type cannot compile source or load a .dll. What it can do honestly:

- `-AssemblyName`: an assembly "loads" when pshim emulates types of it, decided from the type registry
  (pshim.runtime.types, which modules extend): each assembly below names the types it holds, and it counts
  as present when one of them resolves in this session. Any other name is 5.1's ASSEMBLY_NOT_FOUND error
  for it, then the terminating ASSEMBLY_LOAD_ERRORS error. With -PassThru the emulated types of the
  assemblies are written ([System.Type] objects, as 5.1 writes the assemblies' types).
- `-TypeDefinition`, `-MemberDefinition` and `-Path` with source: a terminating error record saying that
  compilation is not available in pshim (the source, its language, its namespace and references are
  described in the verbose stream). `-Path` to a .dll: an error saying assemblies cannot be loaded.
"""
from __future__ import annotations

import os

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter, ParameterSetData as PSD
from ...errors import InvalidOperationException, ItemNotFoundException, NotSupportedException, PSException
from ...runtime.drives import display_path
from ...runtime.types import try_resolve_type
from ..core.enum_types import EnumParameter

LANGUAGES = ("CSharp", "CSharpVersion3", "CSharpVersion2", "VisualBasic", "JScript")
_LANGUAGE_TEXT = {"csharp": "C#", "csharpversion3": "C#", "csharpversion2": "C#", "visualbasic": "Visual Basic",
                  "jscript": "JScript"}
_LANGUAGE_OF_EXTENSION = {".cs": "CSharp", ".vb": "VisualBasic", ".js": "JScript"}
_ASSEMBLY_EXTENSIONS = (".dll", ".exe")
_SOURCE_SETS = ("FromSource", "FromMember", "FromPath", "FromLiteralPath")

# assembly -> the types of it that pshim may emulate (each counts when it resolves in the type registry)
ASSEMBLY_TYPES = {
    "mscorlib": ("System.Object", "System.String", "System.Int32", "System.Int64", "System.Double",
                 "System.Boolean", "System.DateTime", "System.TimeSpan", "System.Guid", "System.Math",
                 "System.Convert", "System.Environment", "System.Console", "System.Array",
                 "System.Collections.Hashtable", "System.Collections.ArrayList", "System.IO.Path", "System.IO.File",
                 "System.IO.Directory", "System.Text.Encoding", "System.Text.StringBuilder",
                 "System.Security.SecureString", "System.Version"),
    "System": ("System.Uri", "System.Net.IPAddress", "System.Net.Dns", "System.Text.RegularExpressions.Regex"),
    "System.Xml": ("System.Xml.XmlDocument",),
    "System.Numerics": ("System.Numerics.BigInteger",),
    "System.Management.Automation": ("System.Management.Automation.PSObject",
                                     "System.Management.Automation.PSCustomObject",
                                     "System.Management.Automation.ScriptBlock",
                                     "System.Management.Automation.PSCredential",
                                     "System.Management.Automation.SwitchParameter"),
}


def assembly_types(name: str):
    """The emulated types of an assembly given by simple or full name ('System.Xml, Version=...'), or None
    when pshim emulates none of it."""
    simple = name.split(",", 1)[0].strip()
    if simple.lower().endswith(".dll"):
        simple = simple[:-4]
    for assembly, type_names in ASSEMBLY_TYPES.items():
        if assembly.lower() == simple.lower():
            found = [t for t in (try_resolve_type(n) for n in type_names) if t is not None]
            return found or None
    return None


class AddTypeCommand(Cmdlet):
    name = "Add-Type"
    dotnet_type = "Microsoft.PowerShell.Commands.AddTypeCommand"
    default_parameter_set = "FromSource"
    synopsis = "Adds a Microsoft .NET Framework type (a class) to a Windows PowerShell session."
    output_type = "System.Type"

    TypeDefinition = Parameter("string", position=0, mandatory=True, parameter_set="FromSource")
    Name = Parameter("string", position=0, mandatory=True, parameter_set="FromMember")
    MemberDefinition = Parameter("string[]", position=1, mandatory=True, parameter_set="FromMember")
    Namespace = Parameter("string", aliases=("NS",), parameter_set="FromMember", allow_null=True)
    UsingNamespace = Parameter("string[]", aliases=("Using",), parameter_set="FromMember")
    Path = Parameter("string[]", position=0, mandatory=True, parameter_set="FromPath")
    LiteralPath = Parameter("string[]", mandatory=True, aliases=("PSPath",), parameter_set="FromLiteralPath")
    AssemblyName = Parameter("string[]", mandatory=True, aliases=("AN",), parameter_set="FromAssemblyName")
    Language = EnumParameter("Microsoft.PowerShell.Commands.Language", LANGUAGES,
                             sets=[PSD("FromSource"), PSD("FromMember")])
    ReferencedAssemblies = Parameter("string[]", aliases=("RA",), sets=[PSD(s) for s in _SOURCE_SETS])
    PassThru = Parameter("switch")

    def end(self):
        ps = self.parameter_set_name
        if ps == "FromAssemblyName":
            self._load_assemblies(self.AssemblyName or [])
            return
        if ps in ("FromPath", "FromLiteralPath"):
            self._from_files()
            return
        if ps == "FromMember":
            namespace = "Microsoft.PowerShell.Commands.AddType.AutoGeneratedTypes" if self.Namespace is None \
                else self.Namespace
            full = f"{namespace}.{self.Name}" if namespace else self.Name
            usings = ", ".join(["System", "System.Runtime.InteropServices"] + list(self.UsingNamespace or []))
            self.write_verbose(f"Type to generate: {full}, with {len(self.MemberDefinition or [])} member "
                               f"definition(s), using {usings}.")
            self._not_compiled(self.Language or "CSharp", full)
        self.write_verbose(f"Source to compile: {len(self.TypeDefinition or '')} characters.")
        self._not_compiled(self.Language or "CSharp", None)

    def _load_assemblies(self, names):
        missing = False
        loaded = []
        for n in names:
            types = assembly_types(n)
            if types is None:
                missing = True
                self.write_error(self.error(f"Cannot add type. The assembly '{n}' could not be found.",
                                            "ASSEMBLY_NOT_FOUND", "ObjectNotFound", n, PSException))
            else:
                loaded.extend(t for t in types if t not in loaded)
        if missing:
            self.throw_terminating_error(self.error(
                "Cannot add type. One or more required assemblies are missing.", "ASSEMBLY_LOAD_ERRORS",
                "InvalidData", None, InvalidOperationException))
        if self.PassThru:
            for t in loaded:
                self.write_object(t)

    def _from_files(self):
        literal = self.parameter_set_name == "FromLiteralPath"
        paths = []
        for p in (self.LiteralPath if literal else self.Path) or []:
            resolved = self.ctx.resolve_path(p)
            if not os.path.exists(resolved):
                self.throw_terminating_error(self.error(
                    f"Cannot find path '{display_path(resolved)}' because it does not exist.", "PathNotFound", "ObjectNotFound",
                    p, ItemNotFoundException))
            paths.append((p, resolved))
        for p, resolved in paths:
            ext = os.path.splitext(resolved)[1].lower()
            if ext in _ASSEMBLY_EXTENSIONS:
                self.throw_terminating_error(self.error(
                    f"Cannot add type. The assembly '{p}' cannot be loaded: pshim has no .NET runtime to load "
                    "assemblies into.", "AssemblyLoadNotAvailable", "NotImplemented", p, NotSupportedException))
            if ext not in _LANGUAGE_OF_EXTENSION:
                self.throw_terminating_error(self.error(
                    f"Cannot add type. The '{ext}' extension is not supported.", "EXTENSION_NOT_SUPPORTED",
                    "InvalidArgument", ext, InvalidOperationException))
        language = _LANGUAGE_OF_EXTENSION[os.path.splitext(paths[0][1])[1].lower()]
        self.write_verbose("Source files to compile: " + ", ".join(r for _, r in paths) + ".")
        self._not_compiled(language, None)

    def _not_compiled(self, language, type_name):
        refs = list(self.ReferencedAssemblies or [])
        if refs:
            self.write_verbose("Referenced assemblies: " + ", ".join(refs) + ".")
        what = f"the type '{type_name}'" if type_name else "the type definition"
        self.throw_terminating_error(self.error(
            f"Cannot add type. {_LANGUAGE_TEXT.get(language.lower(), language)} compilation is not available in "
            f"pshim, so {what} was not compiled.", "COMPILER_NOT_AVAILABLE", "NotImplemented", None,
            NotSupportedException))
