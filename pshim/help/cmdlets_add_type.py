"""Help for Add-Type (written for pshim)."""

HELP = {}

HELP["Add-Type"] = {
    "synopsis": "Adds a Microsoft .NET Framework type (a class) to a Windows PowerShell session.",
    "description": """pshim has no .NET runtime: it emulates a set of .NET types itself. Add-Type -AssemblyName
succeeds for the assemblies whose types pshim emulates (mscorlib, System, System.Xml, System.Numerics and
System.Management.Automation), so scripts that load them first run unchanged; a full name
('System.Xml, Version=4.0.0.0, ...') is accepted. For any other assembly (System.Web,
System.Windows.Forms, ...) it writes Windows PowerShell's error "Cannot add type. The assembly '<name>'
could not be found." and then stops the statement with "Cannot add type. One or more required assemblies
are missing.". With -PassThru it returns the emulated types of the assemblies.

Source code cannot be compiled in pshim: -TypeDefinition, -MemberDefinition (with -Name, -Namespace,
-UsingNamespace) and -Path or -LiteralPath to a .cs, .vb or .js file stop with an error record that says
so (COMPILER_NOT_AVAILABLE); -Verbose describes what would have been compiled. A .dll or .exe cannot be
loaded either.""",
    "parameters": {
        "AssemblyName": "Names of assemblies to load (simple or full names).",
        "TypeDefinition": "Source code of a type. Not compiled in pshim: an error says so.",
        "Name": "The name of the type -MemberDefinition would make.",
        "MemberDefinition": "Members (methods, P/Invoke signatures) of a new type. Not compiled in pshim.",
        "Namespace": "The namespace of the type -MemberDefinition would make.",
        "UsingNamespace": "Namespaces the member definition would use.",
        "Path": "Source files (.cs, .vb, .js) or assemblies (.dll) to add: neither is possible in pshim.",
        "LiteralPath": "As -Path, without wildcards.",
        "Language": "The language of the source: CSharp (default), CSharpVersion3, CSharpVersion2, "
                    "VisualBasic, JScript. It appears in the error message.",
        "ReferencedAssemblies": "Assemblies the source would reference (listed with -Verbose).",
        "PassThru": "Returns the types that were added.",
    },
    "examples": [
        {"title": "Load an assembly pshim emulates",
         "code": "Add-Type -AssemblyName System.Xml\n([xml]'<a><b>1</b></a>').a.b",
         "output": "1"},
        {"title": "Source code is refused with an error record",
         "code": "try { Add-Type -TypeDefinition 'public class Greeter {}' } catch { $_.FullyQualifiedErrorId }",
         "output": "COMPILER_NOT_AVAILABLE,Microsoft.PowerShell.Commands.AddTypeCommand"},
    ],
    "outputs": "None, or System.Type with -PassThru",
    "related": ["New-Object"],
}
