"""Add-Type: assemblies pshim emulates load, others give 5.1's two errors; source never compiles."""
from pshim.testing import run


def test_emulated_assemblies_load_quietly():
    r = run("Add-Type -AssemblyName System.Xml; Add-Type -AssemblyName 'System, Version=4.0.0.0, Culture=neutral'; "
            "Add-Type -AssemblyName System.Numerics -PassThru | ForEach-Object { [string]$_ }; 'done'")
    assert r.errors == []
    assert r.output == ["System.Numerics.BigInteger", "done"]


def test_unknown_assembly_gives_5_1_errors_and_stops_the_statement():
    r = run("Add-Type -AssemblyName System.Web, System.Xml; 'next statement runs'")
    assert [e.message() for e in r.errors] == ["Cannot add type. The assembly 'System.Web' could not be found.",
                                               "Cannot add type. One or more required assemblies are missing."]
    assert [e.FullyQualifiedErrorId for e in r.errors] == [
        "ASSEMBLY_NOT_FOUND,Microsoft.PowerShell.Commands.AddTypeCommand",
        "ASSEMBLY_LOAD_ERRORS,Microsoft.PowerShell.Commands.AddTypeCommand"]
    info = r.errors[0].CategoryInfo
    assert (str(info.Category), info.TargetName, info.Reason) == ("ObjectNotFound", "System.Web", "Exception")
    assert r.errors[1].CategoryInfo.Reason == "InvalidOperationException"
    assert r.output == ["next statement runs"]


def test_source_is_an_honest_error_with_what_was_asked_in_verbose():
    r = run("try { Add-Type -TypeDefinition 'public class A {}' -ReferencedAssemblies System.Web -Verbose } "
            "catch { 'caught: ' + $_.Exception.Message }")
    assert r.output == ["caught: Cannot add type. C# compilation is not available in pshim, so the type "
                        "definition was not compiled."]
    assert r.host_text.splitlines()[:2] == ["VERBOSE: Source to compile: 17 characters.",
                                            "VERBOSE: Referenced assemblies: System.Web."]
    r = run("Add-Type -Name Win32 -Namespace Native -MemberDefinition '[DllImport(\"user32.dll\")] public static "
            "extern bool X();' -UsingNamespace System.Text -Language VisualBasic -Verbose")
    assert r.errors[0].message() == ("Cannot add type. Visual Basic compilation is not available in pshim, so the "
                                     "type 'Native.Win32' was not compiled.")
    assert r.errors[0].FullyQualifiedErrorId == "COMPILER_NOT_AVAILABLE,Microsoft.PowerShell.Commands.AddTypeCommand"
    assert "System.Text" in r.host_text


def test_path_and_literal_path(tmp_path):
    (tmp_path / "a.cs").write_text("public class A {}")
    (tmp_path / "b.dll").write_bytes(b"MZ")
    (tmp_path / "c.txt").write_text("x")
    r = run(f"Set-Location '{tmp_path}'; Add-Type -Path a.cs")
    assert r.errors[0].message().startswith("Cannot add type. C# compilation is not available in pshim")
    r = run(f"Set-Location '{tmp_path}'; Add-Type -LiteralPath b.dll")
    assert r.errors[0].FullyQualifiedErrorId.startswith("AssemblyLoadNotAvailable")
    r = run(f"Set-Location '{tmp_path}'; Add-Type -Path c.txt")
    assert r.errors[0].message() == "Cannot add type. The '.txt' extension is not supported."
    r = run(f"Set-Location '{tmp_path}'; Add-Type -Path missing.cs")
    assert r.errors[0].FullyQualifiedErrorId == "PathNotFound,Microsoft.PowerShell.Commands.AddTypeCommand"
    assert r.errors[0].message().startswith("Cannot find path '") and "missing.cs' because it does not exist." \
        in r.errors[0].message()
