"""Script modules as 5.1 has them (issue 12): Import-Module of .psm1, .psd1 manifests and module folders,
by path or by name through $env:PSModulePath; each module's own session state; Export-ModuleMember;
Import-Module's parameters; Get-Module, Remove-Module, New-Module; autoloading; #requires and
`using module`; the built-in modules; 5.1's error records. Modules are written to tmp folders here."""
import os

import pytest

from pshim.testing import run, new_session


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    return path


def ok(script, session=None, **kw):
    r = run(script, session=session, **kw)
    assert not r.errors, [e.message() for e in r.errors]
    return r.output


def q(path):
    return "'" + str(path).replace("'", "''") + "'"


@pytest.fixture
def modpath(tmp_path, monkeypatch):
    """A module folder on $env:PSModulePath (and only it)."""
    folder = tmp_path / "Modules"
    folder.mkdir()
    monkeypatch.setenv("PSModulePath", str(folder))
    return folder


TOOLS = """
$script:Calls = 0
$Hidden = 'not exported'
function Get-Report { param($Name) $script:Calls++; Format-Line $Name; "calls=$script:Calls" }
function Format-Line { "line: $args" }
Set-Alias grp Get-Report
"""


# ---------------------------------------------------------------------------
# a .psm1: its own session state, default exports

def test_psm1_keeps_private_functions_and_script_variables_inside(tmp_path):
    m = write(tmp_path / "Tools.psm1", TOOLS + "Export-ModuleMember -Function Get-Report\n")
    s = new_session()
    assert ok(f"Import-Module {q(m)}; Get-Report bob; Get-Report ann", s) == \
        ["line: bob", "calls=1", "line: ann", "calls=2"]
    # nothing else leaks: the private function, $script: and top-level variables stay in the module
    assert ok("Get-Command Format-Line -ErrorAction SilentlyContinue; \"[$Calls][$Hidden]\"", s) == ["[][]"]
    r = run("Format-Line x", session=s)
    assert r.errors[0].FullyQualifiedErrorId == "CommandNotFoundException"


def test_psm1_without_export_module_member_exports_all_functions_only(tmp_path):
    m = write(tmp_path / "Tools.psm1", TOOLS)
    s = new_session()
    info = ok(f"Import-Module {q(m)} -PassThru", s)[0]
    assert sorted(info.ExportedFunctions.keys()) == ["Format-Line", "Get-Report"]
    assert list(info.ExportedAliases.keys()) == [] and list(info.ExportedVariables.keys()) == []
    assert ok("Format-Line a; \"[$Calls]\"; Get-Command grp -ErrorAction SilentlyContinue", s) == ["line: a", "[]"]
    assert (info.ModuleType, str(info.Version.ps_to_string()), info.Name) == ("Script", "0.0", "Tools")


def test_module_function_does_not_see_the_callers_locals_but_a_callers_script_block_does(tmp_path):
    m = write(tmp_path / "Run.psm1", "function Invoke-It { param([scriptblock]$Block) $inner = 'in'; & $Block }\n"
                                      "function Get-Seen { \"[$outer]\" }\n")
    assert ok(f"$outer = 'script local'; Import-Module {q(m)}; Get-Seen; "
              "function f { $outer = 'function local'; Invoke-It { \"$outer / [$inner]\" } }; f; "
              "Invoke-It { \"$outer / [$inner]\" }") == \
        ["[script local]", "function local / []", "script local / []"]


def test_export_module_member_variables_aliases_wildcards_and_repeated_calls(tmp_path):
    m = write(tmp_path / "Ex.psm1", TOOLS + "$Shared = 1\n"
              "Export-ModuleMember -Function Get-* -Variable Shared\nExport-ModuleMember -Alias gr?\n")
    s = new_session()
    info = ok(f"Import-Module {q(m)} -PassThru", s)[0]
    assert list(info.ExportedFunctions.keys()) == ["Get-Report"]
    assert list(info.ExportedVariables.keys()) == ["Shared"]
    assert list(info.ExportedAliases.keys()) == ["grp"]
    assert ok("grp x; $Shared", s) == ["line: x", "calls=1", 1]
    # an exported variable is the module's own: a change made outside is seen inside
    write(tmp_path / "Var.psm1", "$Level = 1\nfunction Get-Level { $script:Level }\n"
          "Export-ModuleMember -Function Get-Level -Variable Level\n")
    assert ok(f"Import-Module {q(tmp_path / 'Var.psm1')}; $Level = 5; Get-Level") == [5]


def test_export_module_member_outside_a_module():
    r = run("Export-ModuleMember -Function x")
    e = r.errors[0]
    assert e.message() == "The Export-ModuleMember cmdlet can only be called from inside a module."
    assert e.FullyQualifiedErrorId == \
        "Modules_CanOnlyExecuteExportModuleMemberInsideAModule,Microsoft.PowerShell.Commands.ExportModuleMemberCommand"


def test_module_automatic_variables(tmp_path):
    m = write(tmp_path / "Auto" / "Auto.psm1",
              "$AtLoad = Split-Path -Leaf $PSScriptRoot\n"
              "function Get-Where { $MyInvocation.MyCommand.Module.Name; Split-Path -Leaf $PSScriptRoot; "
              "Split-Path -Leaf $PSCommandPath; $script:AtLoad }\n")
    assert ok(f"Import-Module {q(m)}; Get-Where; (Get-Command Get-Where).Source") == \
        ["Auto", "Auto", "Auto.psm1", "Auto", "Auto"]


# ---------------------------------------------------------------------------
# manifests, nested modules, folders: the acceptance round trip

def make_contoso(folder):
    base = folder / "Contoso.Tools"
    write(base / "Contoso.Tools.psd1", """@{
    RootModule        = 'Contoso.Tools.psm1'
    ModuleVersion     = '1.2.0'
    GUID              = '6f0b8a3e-1d2c-4b5a-9e8f-0a1b2c3d4e5f'
    Author            = 'Contoso IT'
    Description       = 'Tools for the mail team'
    NestedModules     = @('Private\\Helpers.psm1')
    FunctionsToExport = @('Get-MailboxReport', 'Get-Helped')
    VariablesToExport = @()
    AliasesToExport   = @('gmr')
    PrivateData       = @{ PSData = @{ Tags = @('Exchange', 'Reports') } }
}
""")
    write(base / "Private" / "Helpers.psm1", 'function Get-Helped { "helped by nested" }\n'
                                             'function Format-Private { "private: $args" }\n')
    write(base / "Contoso.Tools.psm1", "$script:Calls = 0\n"
          'function Get-MailboxReport { param($Name) $script:Calls++; Format-Private $Name; "calls=$script:Calls" }\n'
          "function Invoke-Secret { 'secret' }\nSet-Alias gmr Get-MailboxReport\n")
    return base


def test_manifest_nested_module_and_private_function_round_trip(tmp_path):
    base = make_contoso(tmp_path)
    s = new_session()
    info = ok(f"Import-Module {q(base)} -PassThru", s)[0]
    assert (info.Name, info.ModuleType, info.Version.ps_to_string()) == ("Contoso.Tools", "Script", "1.2.0")
    assert (info.Author, info.Description, info.Guid) == \
        ("Contoso IT", "Tools for the mail team", "6f0b8a3e-1d2c-4b5a-9e8f-0a1b2c3d4e5f")
    assert info.Tags == ["Exchange", "Reports"]
    assert sorted(info.ExportedCommands.keys()) == ["Get-Helped", "Get-MailboxReport", "gmr"]
    assert [m.Name for m in info.NestedModules] == ["Helpers"]
    assert ok("Get-MailboxReport bob; gmr ann; Get-Helped", s) == \
        ["private: bob", "calls=1", "private: ann", "calls=2", "helped by nested"]
    # the nested module's private function and the root's unlisted one stay inside
    assert ok("Get-Command Format-Private, Invoke-Secret -ErrorAction SilentlyContinue", s) == []
    assert ok("Get-Module Contoso.Tools | % Name", s) == ["Contoso.Tools"]
    cmds = ok("Get-Command -Module Contoso.Tools | % { '{0} {1} {2} {3}' -f $_.CommandType, $_.Definition, "
              "$_.Version, $_.Source }", s)
    assert [c.split(" ", 1)[0] for c in cmds] == ["Alias", "Function", "Function"]
    assert cmds[0] == "Alias Get-MailboxReport 1.2.0 Contoso.Tools"
    assert all(c.endswith(" 1.2.0 Contoso.Tools") for c in cmds)
    assert ok("Get-Command -Module Contoso.Tools -CommandType Function | % Name", s) == \
        ["Get-Helped", "Get-MailboxReport"]
    text = run("Get-Module Contoso.Tools", session=s, capture_output=False).host_text
    assert "Script     1.2.0      Contoso.Tools                       {Get-Helped, Get-MailboxReport, gmr}" in text
    assert ok("Remove-Module Contoso.Tools; Get-Module Contoso.Tools; "
              "Get-Command Get-MailboxReport, gmr, Get-Helped -ErrorAction SilentlyContinue", s) == []
    # and back again
    assert ok(f"Import-Module {q(base / 'Contoso.Tools.psd1')}; Get-MailboxReport x", s) == ["private: x", "calls=1"]


def test_manifest_without_export_module_member_exports_aliases_and_variables(tmp_path):
    base = tmp_path / "Mf"
    write(base / "Mf.psd1", "@{ ModuleVersion = '2.0'; RootModule = 'Mf.psm1'; FunctionsToExport = '*'; "
                            "VariablesToExport = 'Keep*'; AliasesToExport = '*' }")
    write(base / "Mf.psm1", "$KeepMe = 'kept'; $DropMe = 'dropped'\nfunction Get-Mf { 'mf' }\nSet-Alias gmf Get-Mf\n")
    assert ok(f"Import-Module {q(base)}; gmf; \"[$KeepMe][$DropMe]\"") == ["mf", "[kept][]"]


def test_manifest_without_root_module_exports_its_nested_modules(tmp_path):
    base = tmp_path / "OnlyNested"
    write(base / "OnlyNested.psd1", "@{ ModuleVersion = '1.0'; NestedModules = 'A.psm1', 'B.psm1' }")
    write(base / "A.psm1", "function Get-A { 'a' }\n")
    write(base / "B.psm1", "function Get-B { 'b' }\n")
    info = ok(f"Import-Module {q(base)} -PassThru")[0]
    assert info.ModuleType == "Manifest"
    assert sorted(info.ExportedFunctions.keys()) == ["Get-A", "Get-B"]


def test_required_modules_are_imported_first(modpath, tmp_path):
    write(modpath / "Dep" / "Dep.psm1", "function Get-Dep { 'dep' }\n")
    base = tmp_path / "Top"
    write(base / "Top.psd1", "@{ ModuleVersion = '1.0'; RootModule = 'Top.psm1'; RequiredModules = @('Dep') }")
    write(base / "Top.psm1", "function Get-Top { \"top+$(Get-Dep)\" }\n")
    assert ok(f"Import-Module {q(base)}; Get-Top; Get-Module Dep, Top | % Name") == ["top+dep", "Dep", "Top"]


# ---------------------------------------------------------------------------
# finding modules: by name through PSModulePath, folders, the C: drive

def test_import_by_name_through_psmodulepath_and_the_c_drive(modpath, monkeypatch):
    write(modpath / "Named" / "Named.psm1", "function Get-Named { 'named' }\n")
    assert ok("Import-Module Named; Get-Named") == ["named"]
    s = new_session()
    home = os.environ["PSHIM_HOME"]
    write(os.path.join(home, "drives", "C", "PS", "Modules", "OnC", "OnC.psm1"), "function Get-OnC { 'c drive' }\n")
    monkeypatch.setenv("PSModulePath", "C:\\PS\\Modules;" + str(modpath))
    assert ok("Import-Module OnC; Get-OnC; (Get-Module OnC).Path", s) == ["c drive", "C:\\PS\\Modules\\OnC\\OnC.psm1"]


def test_default_psmodulepath_is_the_modules_folder_in_pshims_home(monkeypatch):
    monkeypatch.delenv("PSModulePath", raising=False)
    s = new_session()
    home = os.environ["PSHIM_HOME"]
    assert ok("$env:PSModulePath", s) == \
        [os.path.join(home, "Modules") + ";C:\\Program Files\\WindowsPowerShell\\Modules"]
    write(os.path.join(home, "Modules", "Home", "Home.psm1"), "function Get-Home { 'home' }\n")
    assert ok("Get-Home", s) == ["home"]


def test_version_folders_and_version_parameters(modpath):
    for v in ("1.0.0", "2.0.0"):
        write(modpath / "Ver" / v / "Ver.psd1", f"@{{ ModuleVersion = '{v}'; RootModule = 'Ver.psm1' }}")
        write(modpath / "Ver" / v / "Ver.psm1", f"function Get-Ver {{ '{v}' }}\n")
    assert ok("Import-Module Ver; Get-Ver") == ["2.0.0"]
    assert ok("Import-Module Ver -RequiredVersion 1.0.0; Get-Ver") == ["1.0.0"]
    assert ok("Import-Module Ver -MaximumVersion 1.5; Get-Ver") == ["1.0.0"]
    assert ok("Import-Module Ver -MinimumVersion 1.5; Get-Ver") == ["2.0.0"]
    assert ok("Import-Module Ver -MaximumVersion 1.*; Get-Ver") == ["1.0.0"]
    e = run("Import-Module Ver -MinimumVersion 3.0").errors[0]
    assert e.message() == ("The specified module 'Ver' with version '3.0' was not loaded because no valid module "
                           "file was found in any module directory.")
    assert e.FullyQualifiedErrorId == "Modules_ModuleWithVersionNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand"
    assert e.CategoryInfo.Category == "ResourceUnavailable"
    e = run("Import-Module Ver -MinimumVersion 1.1 -MaximumVersion 1.9").errors[0]
    assert e.message() == ("The specified module 'Ver' with MinimumVersion '1.1' and MaximumVersion '1.9' was not "
                           "loaded because no valid module file was found in any module directory.")
    e = run("Import-Module Ver -MaximumVersion 0.5").errors[0]
    assert e.message() == ("The specified module 'Ver' with MaximumVersion '0.5' was not loaded because no valid "
                           "module file was found in any module directory.")
    e = run("Import-Module Ver -MaximumVersion 1.*.*").errors[0]
    assert e.message() == ("The specified MaximumVersion '1.*.*' was incorrect. If you are using '*', MaximumVersion "
                           "only supports one '*' and should always be placed at the end of MaximumVersion.")


# ---------------------------------------------------------------------------
# Import-Module's parameters

def test_prefix_function_variable_alias_filters(tmp_path):
    m = write(tmp_path / "P.psm1", "$Va = 1; $Vb = 2\nfunction Get-Thing { 'thing' }\nfunction Set-Thing { 'set' }\n"
              "function Helper { 'h' }\nSet-Alias gt Get-Thing\nExport-ModuleMember -Function * -Variable * -Alias *\n")
    assert ok(f"Import-Module {q(m)} -Prefix Ctso; Get-CtsoThing; CtsoHelper; gt; "
              "Get-Command Get-Thing -ErrorAction SilentlyContinue") == ["thing", "h", "thing"]
    assert ok(f"Import-Module {q(m)} -Function Set-* -Variable Vb -Alias none; Set-Thing; \"[$Va][$Vb]\"; "
              "Get-Command Get-Thing, gt -ErrorAction SilentlyContinue") == ["set", "[][2]"]


def test_manifest_default_command_prefix(tmp_path):
    base = tmp_path / "Pre"
    write(base / "Pre.psd1", "@{ ModuleVersion = '1.0'; RootModule = 'Pre.psm1'; DefaultCommandPrefix = 'Lab' }")
    write(base / "Pre.psm1", "function Get-Box { 'box' }\n")
    assert ok(f"Import-Module {q(base)}; Get-LabBox; (Get-Module Pre).Prefix") == ["box", "Lab"]
    assert ok(f"Import-Module {q(base)} -Prefix Ex; Get-ExBox") == ["box"]


def test_force_reloads_and_passthru(tmp_path):
    m = write(tmp_path / "F.psm1", "function Get-F { 'one' }\n")
    s = new_session()
    assert ok(f"Import-Module {q(m)}; Get-F", s) == ["one"]
    write(tmp_path / "F.psm1", "function Get-F { 'two' }\n")
    assert ok(f"Import-Module {q(m)}; Get-F", s) == ["one"]          # already loaded: not run again
    assert ok(f"Import-Module {q(m)} -Force; Get-F", s) == ["two"]
    assert ok(f"Import-Module {q(m)}", s) == []                       # no -PassThru, no output
    assert [m.Name for m in ok(f"Import-Module {q(m)} -PassThru", s)] == ["F"]


def test_global_and_scope(tmp_path):
    m = write(tmp_path / "G.psm1", "function Get-G { 'g' }\n")
    # from a function the default is the global session state; -Scope Local keeps it in the function
    assert ok(f"function f {{ Import-Module {q(m)} }}; f; Get-G") == ["g"]
    r = run(f"function f {{ Import-Module {q(m)} -Scope Local; Get-G }}; f; Get-G")
    assert r.output == ["g"] and r.errors[0].FullyQualifiedErrorId == "CommandNotFoundException"
    inner = write(tmp_path / "Inner.psm1", "function Get-Inner { 'inner' }\n")
    outer = write(tmp_path / "Outer.psm1", f"Import-Module {q(inner)}\nfunction Get-Outer {{ Get-Inner }}\n"
                  "Export-ModuleMember -Function Get-Outer\n")
    s = new_session()
    # a module importing another keeps it to itself (a nested module) unless -Global
    assert ok(f"Import-Module {q(outer)}; Get-Outer; Get-Command Get-Inner -ErrorAction SilentlyContinue; "
              "(Get-Module Outer).NestedModules.Name; Get-Module Inner | % Name; Get-Module -All Inner | % Name", s) \
        == ["inner", "Inner", "Inner"]
    outer2 = write(tmp_path / "Outer2.psm1", f"Import-Module {q(inner)} -Global\n")
    assert ok(f"Import-Module {q(outer2)}; Get-Inner") == ["inner"]
    r = run(f"Import-Module {q(m)} -Global -Scope Local")
    assert r.errors[0].message() == ("The 'Global' and 'Scope' parameters cannot be specified together. Remove one of "
                                     "these parameters, and then try running the command again.")


def test_argument_list_binds_to_the_param_block(tmp_path):
    m = write(tmp_path / "A.psm1", "param($Greeting = 'hello', $Who)\nfunction Get-Greeting { \"$Greeting $Who\" }\n")
    assert ok(f"Import-Module {q(m)} -ArgumentList 'hi', 'bob'; Get-Greeting") == ["hi bob"]
    assert ok(f"Import-Module {q(m)}; Get-Greeting") == ["hello "]


def test_unapproved_verb_warning_and_disable_name_checking(tmp_path):
    m = write(tmp_path / "Verbs.psm1", "function Do-Stuff { 'done' }\nfunction Get-Fine { }\n")
    r = run(f"Import-Module {q(m)}; Do-Stuff", capture_output=False)
    assert "WARNING: The names of some imported commands from the module 'Verbs' include unapproved verbs that might " \
           "make them less discoverable. To find the commands with unapproved verbs, run the Import-Module command " \
           "again with the Verbose parameter. For a list of approved verbs, type Get-Verb." in r.host_text
    r = run(f"Import-Module {q(m)} -Verbose", capture_output=False)
    assert "VERBOSE: The 'Do-Stuff' command in the Verbs' module was imported, but because its name does not " \
           "include an approved verb, it might be difficult to find. For a list of approved verbs, type Get-Verb." \
           in r.host_text
    assert f"VERBOSE: Loading module from path '{m}'." in r.host_text
    assert "VERBOSE: Importing function 'Do-Stuff'." in r.host_text
    r = run(f"Import-Module {q(m)} -DisableNameChecking; Do-Stuff", capture_output=False)
    assert "WARNING" not in r.host_text and "done" in r.host_text


def test_as_custom_object_and_no_clobber(tmp_path):
    m = write(tmp_path / "Obj.psm1", "$Count = 3\nfunction Add-Ten([int]$a) { $a + 10 }\n"
              "Export-ModuleMember -Function Add-Ten -Variable Count\n")
    assert ok(f"$o = Import-Module {q(m)} -AsCustomObject; $o.'Add-Ten'(5); $o.Count; "
              "Get-Command Add-Ten -ErrorAction SilentlyContinue") == [15, 3]
    assert ok(f"function Add-Ten {{ 'mine' }}; Import-Module {q(m)} -NoClobber; Add-Ten 1") == ["mine"]


# ---------------------------------------------------------------------------
# Get-Module, Remove-Module, New-Module

def test_builtin_modules_in_get_module():
    s = new_session()
    names = ok("Get-Module | % Name", s)
    assert "Microsoft.PowerShell.Management" in names and "Microsoft.PowerShell.Utility" in names
    assert "Microsoft.Exchange.Management.PowerShell.E2010" in names
    assert "Microsoft.PowerShell.Core" not in names          # a snap-in in 5.1, not a module
    assert "Microsoft.PowerShell.Security" not in names      # until one of its cmdlets is used
    ok("$null = ConvertTo-SecureString 'x' -AsPlainText -Force", s)
    assert "Microsoft.PowerShell.Security" in ok("Get-Module | % Name", s)
    util = ok("Get-Module Microsoft.PowerShell.Utility", s)[0]
    assert (util.ModuleType, util.Version.ps_to_string()) == ("Manifest", "3.1.0.0")
    assert "Select-Object" in list(util.ExportedCommands.keys())
    assert ok("(Get-Module Microsoft.Exchange.Management.PowerShell.E2010).ExportedCommands.ContainsKey("
              "'Get-ReceiveConnector')", s) == [True]
    text = run("Get-Module Microsoft.PowerShell.Utility", capture_output=False).host_text.splitlines()
    assert text[1].rstrip() == "ModuleType Version    Name                                ExportedCommands"
    assert text[3].startswith("Manifest   3.1.0.0    Microsoft.PowerShell.Utility        {")
    assert text[3].rstrip().endswith("...}")
    assert ok("Import-Module Microsoft.PowerShell.Utility -PassThru | % Name") == ["Microsoft.PowerShell.Utility"]


def test_exchange_names_pshim_does_not_provide_are_not_found():
    for name in ("Exchange", "ExchangeOnlineManagement"):
        e = run(f"Import-Module {name}").errors[0]
        assert e.message() == (f"The specified module '{name}' was not loaded because no valid module file was "
                               "found in any module directory.")
        assert e.FullyQualifiedErrorId == "Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand"
        assert e.CategoryInfo.Category == "ResourceUnavailable" and e.TargetObject == name
        assert e.Exception.ps_type == "System.IO.FileNotFoundException"
    assert ok("Import-Module Microsoft.Exchange.Management.PowerShell.E2010 -PassThru | % Name") == \
        ["Microsoft.Exchange.Management.PowerShell.E2010"]
    # Microsoft.PowerShell.Core is the snap-in 5.1 loads, not a module
    r = run("Import-Module Microsoft.PowerShell.Core -PassThru", capture_output=False)
    assert r.errors == [] and r.host_text == ("WARNING: The 'Microsoft.PowerShell.Core' module was not imported "
                                              "because the 'Microsoft.PowerShell.Core' snap-in was already imported.\n")


def test_get_module_list_available_all_and_refresh(modpath, tmp_path):
    write(modpath / "Avail" / "Avail.psd1", "@{ ModuleVersion = '3.1'; RootModule = 'Avail.psm1'; "
                                            "Description = 'avail'; FunctionsToExport = 'Get-Avail' }")
    write(modpath / "Avail" / "Avail.psm1", "function Get-Avail { }\nfunction Private { }\n")
    write(modpath / "Plain" / "Plain.psm1", "function Get-Plain { }\nfunction Get-Other { }\n"
                                            "Export-ModuleMember -Function Get-Plain\n")
    s = new_session()
    found = ok("Get-Module -ListAvailable", s)
    by = {m.Name: m for m in found}
    assert by["Avail"].Version.ps_to_string() == "3.1" and by["Avail"].Description == "avail"
    assert list(by["Avail"].ExportedCommands.keys()) == ["Get-Avail"]
    assert list(by["Plain"].ExportedCommands.keys()) == ["Get-Plain"]
    assert "Microsoft.PowerShell.Utility" in by and "Microsoft.PowerShell.Core" not in by
    assert ok("Get-Module -ListAvailable A* | % Name", s) == ["Avail"]
    assert ok("Get-Module Avail", s) == []                   # available, not imported
    assert ok("Get-Module -ListAvailable -Refresh Plain | % Name", s) == ["Plain"]
    text = run("Get-Module -ListAvailable", session=s, capture_output=False).host_text.splitlines()
    assert text[:3] == ["", "", f"    Directory: {modpath}"]
    assert "    Directory: C:\\Windows\\system32\\WindowsPowerShell\\v1.0\\Modules" in text
    # a listed module piped to Import-Module is loaded from its file
    assert ok("Get-Module -ListAvailable Plain | Import-Module; Get-Plain; Get-Module Plain | % Name", s) == ["Plain"]


def test_remove_module_takes_functions_variables_aliases_away(tmp_path):
    m = write(tmp_path / "R.psm1", "$RVar = 1\nfunction Get-R { 'r' }\nSet-Alias gr Get-R\n"
              "Export-ModuleMember -Function Get-R -Variable RVar -Alias gr\n")
    s = new_session()
    ok(f"Import-Module {q(m)}", s)
    r = run("Remove-Module R -Verbose", session=s, capture_output=False)
    assert 'VERBOSE: Removing the imported "Get-R" function.' in r.host_text
    assert ok("Get-Command Get-R, gr -ErrorAction SilentlyContinue; \"[$RVar]\"; Get-Module R", s) == ["[]"]
    ok(f"Import-Module {q(m)}", s)
    assert ok("Get-Module R | Remove-Module; Get-Module R", s) == []
    e = run("Remove-Module NoSuch").errors[0]
    assert e.message() == ("No modules were removed. Verify that the specification of modules to remove is correct "
                           "and those modules exist in the runspace.")
    assert e.FullyQualifiedErrorId == "Modules_NoModulesRemoved,Microsoft.PowerShell.Commands.RemoveModuleCommand"
    ok(f"Import-Module {q(m)}; (Get-Module R).AccessMode = 'ReadOnly'", s)
    e = run("Remove-Module R", session=s).errors[0]
    assert e.message() == ("Unable to remove the module 'R' because it is read-only. Add the Force parameter to your "
                           "command to remove read-only modules.")
    assert ok("Get-Module R | % Name; Remove-Module R -Force; Get-Module R", s) == ["R"]
    ok(f"Import-Module {q(m)}", s)
    r = run("Remove-Module R -WhatIf", session=s, capture_output=False)
    assert r.host_text.splitlines()[-1] == \
        f"What if: Performing the operation \"Remove-Module\" on target \"R (Path: '{m}')\"."
    assert ok("Get-R", s) == ["r"]


def test_new_module():
    s = new_session()
    assert ok("$m = New-Module -Name Dyn -ScriptBlock { $x = 5; function Get-Dyn { \"dyn $x\" }; function Hide { } ; "
              "Export-ModuleMember -Function Get-Dyn }; $m.Name; Get-Dyn; "
              "Get-Command Hide -ErrorAction SilentlyContinue; Get-Module Dyn", s) == ["Dyn", "dyn 5"]
    assert ok("$m | Import-Module; Get-Module Dyn | % Name", s) == ["Dyn"]
    assert ok("New-Module { param($p) \"result $p\"; function Get-Z { 'z' } } -ReturnResult -ArgumentList 7; Get-Z") \
        == ["result 7", "z"]
    assert ok("New-Module -Function Get-A { function Get-A { 'a' }; function Get-B { 'b' } } | Out-Null; Get-A; "
              "Get-Command Get-B -ErrorAction SilentlyContinue") == ["a"]
    assert ok("(New-Module { function Get-Q { } }).Name -like '__DynamicModule_*'") == [True]
    assert ok("$o = New-Module -AsCustomObject { $v = 3; function Add([int]$a) { $a + 10 }; "
              "Export-ModuleMember -Function Add -Variable v }; $o.Add(5); $o.v") == [15, 3]


# ---------------------------------------------------------------------------
# autoloading

def test_autoloading_imports_the_module_that_exports_a_command(modpath):
    write(modpath / "AutoMod" / "AutoMod.psm1", "function Get-AutoThing { \"auto: $(Get-Inner)\" }\n"
          "function Get-Inner { 'inner' }\nExport-ModuleMember -Function Get-AutoThing\n")
    s = new_session()
    assert ok("Get-Module AutoMod", s) == []
    assert ok("Get-AutoThing; Get-Module AutoMod | % Name", s) == ["auto: inner", "AutoMod"]
    r = run("Get-Inner", session=s)                       # not exported: still not found
    assert r.errors[0].FullyQualifiedErrorId == "CommandNotFoundException"
    # a module added after the first look is found: the index follows the folders
    write(modpath / "Later" / "Later.psm1", "function Get-Later { 'later' }\n")
    assert ok("Get-Later", s) == ["later"]
    assert ok("AutoMod\\Get-AutoThing", new_session()) == ["auto: inner"]


def test_autoloading_preference(modpath):
    write(modpath / "AutoMod" / "AutoMod.psm1", "function Get-AutoThing { 'auto' }\n")
    r = run("$PSModuleAutoloadingPreference = 'None'; Get-AutoThing; AutoMod\\Get-AutoThing; "
            "Import-Module AutoMod; Get-AutoThing")
    assert [e.FullyQualifiedErrorId for e in r.errors] == ["CommandNotFoundException"] * 2
    assert r.output == ["auto"]
    r = run("$PSModuleAutoloadingPreference = 'ModuleQualified'; Get-AutoThing; AutoMod\\Get-AutoThing; Get-AutoThing")
    assert [e.FullyQualifiedErrorId for e in r.errors] == ["CommandNotFoundException"]
    assert r.output == ["auto", "auto"]


def test_autoloading_reads_manifest_export_lists(modpath):
    write(modpath / "Mani" / "Mani.psd1", "@{ ModuleVersion = '1.0'; RootModule = 'Mani.psm1'; "
                                          "FunctionsToExport = @('Get-FromManifest') }")
    write(modpath / "Mani" / "Mani.psm1", ". $PSScriptRoot\\Public.ps1\n")
    write(modpath / "Mani" / "Public.ps1", "function Get-FromManifest { 'manifest said so' }\n")
    assert ok("Get-FromManifest") == ["manifest said so"]


# ---------------------------------------------------------------------------
# #requires and using module

def test_requires_modules_version_and_edition(modpath, tmp_path):
    write(modpath / "Need" / "Need.psd1", "@{ ModuleVersion = '2.1'; RootModule = 'Need.psm1' }")
    write(modpath / "Need" / "Need.psm1", "function Get-Need { 'need' }\n")
    good = write(tmp_path / "good.ps1", "#Requires -Version 3.0\n#Requires -Modules @{ModuleName='Need'; "
                                        "ModuleVersion='2.0'}\nGet-Need\n")
    assert ok(f"& {q(good)}; Get-Module Need | % Name") == ["need", "Need"]
    missing = write(tmp_path / "missing.ps1", "#requires -Modules Need, NoSuchMod\n'ran'\n")
    r = run(f"& {q(missing)}")
    assert r.output == []
    e = r.errors[0]
    assert e.message() == ("The script 'missing.ps1' cannot be run because the following modules that are specified "
                           "by the \"#requires\" statements of the script are missing: NoSuchMod.")
    assert e.FullyQualifiedErrorId == "ScriptRequiresMissingModules"
    assert e.CategoryInfo.Category == "ResourceUnavailable"
    assert e.Exception.ps_type == "System.Management.Automation.ScriptRequiresException"
    v7 = write(tmp_path / "v7.ps1", "#requires -Version 7.0\n'ran'\n")
    r = run(f"& {q(v7)}; 'next'")
    assert r.output == ["next"]
    assert r.errors[0].message() == (
        "The script 'v7.ps1' cannot be run because it contained a \"#requires\" statement for Windows PowerShell 7.0. "
        "The version of Windows PowerShell that is required by the script does not match the currently running "
        "version of Windows PowerShell 5.1.19041.1.")
    assert r.errors[0].FullyQualifiedErrorId == "ScriptRequiresUnmatchedPSVersion"
    assert "v7.ps1 : The script 'v7.ps1' cannot be run" in r.error_text
    core = write(tmp_path / "core.ps1", "#requires -PSEdition Core\n'ran'\n")
    e = run(f"& {q(core)}").errors[0]
    assert e.FullyQualifiedErrorId == "ScriptRequiresUnmatchedPSEdition"
    desktop = write(tmp_path / "desktop.ps1", "#requires -PSEdition Desktop\n'ran'\n")
    assert ok(f"& {q(desktop)}") == ["ran"]


def test_requires_in_a_module_file(tmp_path):
    m = write(tmp_path / "ReqMod.psm1", "#requires -Version 9.0\nfunction Get-X { }\n")
    r = run(f"Import-Module {q(m)}; Get-Module ReqMod")
    assert r.output == [] and r.errors[0].FullyQualifiedErrorId.startswith("ScriptRequiresUnmatchedPSVersion")
    assert r.errors[0].message().startswith("The script 'ReqMod.psm1' cannot be run because it contained a")


def test_requires_run_as_administrator(tmp_path, monkeypatch):
    """pshim's "Administrator" is root: a root process runs the script, any other gets 5.1's refusal."""
    admin = write(tmp_path / "admin.ps1", "#Requires -RunAsAdministrator\n'ran'\n")
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    assert ok(f"& {q(admin)}") == ["ran"]
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    r = run(f"& {q(admin)}")
    assert r.output == []
    e = r.errors[0]
    assert e.message() == (
        "The script 'admin.ps1' cannot be run because it contains a \"#requires\" statement for running as "
        "Administrator. The current Windows PowerShell session is not running as Administrator. Start Windows "
        "PowerShell by using the Run as Administrator option, and then try running the script again.")
    assert e.FullyQualifiedErrorId == "ScriptRequiresElevation"
    assert e.CategoryInfo.Category == "PermissionDenied"


def test_using_module(modpath, tmp_path):
    write(modpath / "Used" / "Used.psm1", "function Get-Used { 'used' }\n")
    script = write(tmp_path / "use.ps1", "using module Used\nusing namespace System.IO\nGet-Used\n")
    assert ok(f"& {q(script)}") == ["used"]
    assert ok("using module Used\nGet-Used") == ["used"]
    bad = write(tmp_path / "bad.ps1", "using module NoSuchModX\n'x'\n")
    r = run(f"& {q(bad)}")
    assert r.output == []
    e = r.errors[0]
    assert e.message().endswith("Could not find the module 'NoSuchModX'.")
    assert e.FullyQualifiedErrorId == "ModuleNotFoundDuringParse"
    assert e.CategoryInfo.Category == "ParserError"


# ---------------------------------------------------------------------------
# 5.1's error records for manifests that are not valid

def test_manifest_not_valid_restricted_language(tmp_path):
    base = tmp_path / "Bad"
    write(base / "Bad.psd1", "@{ ModuleVersion = '1.0'; RootModule = (Get-Date) }")
    e = run(f"Import-Module {q(base)}").errors[0]
    path = str(base / "Bad.psd1")
    assert e.message() == (
        f"The module manifest '{path}' could not be processed because it is not a valid Windows PowerShell "
        "restricted language file. Remove the elements that are not permitted by the restricted language:\n"
        f"At {path}:1 char:41\n+ @{{ ModuleVersion = '1.0'; RootModule = (Get-Date) }}\n"
        "+                                         ~~~~~~~~\n"
        "The command 'Get-Date' is not allowed in restricted language mode or a Data section.")
    assert e.FullyQualifiedErrorId == "Modules_InvalidManifest,Microsoft.PowerShell.Commands.ImportModuleCommand"
    assert e.CategoryInfo.Category == "ResourceUnavailable"
    assert e.Exception.ps_type == "System.MissingMemberException"
    write(base / "Bad.psd1", "@{ ModuleVersion = '1.0'; Name = $env:USER }")
    assert run(f"Import-Module {q(base)}").errors[0].message().endswith(
        "A variable that cannot be referenced in restricted language mode or a Data section is being referenced. "
        "Variables that can be referenced include the following: $PSCulture, $PSUICulture, $true, $false, and  $null.")
    write(base / "Bad.psd1", "@{ ModuleVersion = '1.0'\n  RootModule = 'x.psm1'\n")
    assert run(f"Import-Module {q(base)}").errors[0].message().endswith("The hash literal was incomplete.")


def test_manifest_code_never_runs(tmp_path):
    base = tmp_path / "Evil"
    marker = tmp_path / "ran.txt"
    write(base / "Evil.psd1", f"@{{ ModuleVersion = $(Set-Content {q(marker)} 'x'; '1.0') }}")
    assert run(f"Import-Module {q(base)}").errors[0].FullyQualifiedErrorId.startswith("Modules_InvalidManifest")
    assert run(f"Import-PowerShellDataFile {q(base / 'Evil.psd1')}").errors
    assert not marker.exists()


def test_manifest_members_and_module_version(tmp_path):
    base = tmp_path / "Mem"
    path = str(base / "Mem.psd1")
    write(base / "Mem.psd1", "@{ ModuleVersion = '1.0'; Foo = 1; RootModul = 'x' }")
    e = run(f"Import-Module {q(base)}").errors[0]
    assert e.message() == (
        f"The '{path}' module cannot be imported because its manifest contains one or more members that are not valid. "
        "The valid manifest members are ('ModuleToProcess', 'NestedModules', 'GUID', 'Author', 'CompanyName', "
        "'Copyright', 'ModuleVersion', 'Description', 'PowerShellVersion', 'PowerShellHostName', "
        "'PowerShellHostVersion', 'CLRVersion', 'DotNetFrameworkVersion', 'ProcessorArchitecture', "
        "'RequiredModules', 'TypesToProcess', 'FormatsToProcess', 'ScriptsToProcess', 'PrivateData', "
        "'RequiredAssemblies', 'ModuleList', 'FileList', 'FunctionsToExport', 'VariablesToExport', "
        "'AliasesToExport', 'CmdletsToExport', 'DscResourcesToExport', 'CompatiblePSEditions', 'HelpInfoURI', "
        "'RootModule', 'DefaultCommandPrefix'). Remove the members that are not valid ('Foo', 'RootModul'), then "
        "try to import the module again.")
    assert e.FullyQualifiedErrorId == "Modules_InvalidManifestMember,Microsoft.PowerShell.Commands.ImportModuleCommand"
    assert e.CategoryInfo.Category == "InvalidData"
    write(base / "Mem.psd1", "@{ RootModule = 'Mem.psm1' }")
    e = run(f"Import-Module {q(base)}").errors[0]
    assert e.message() == ("The member 'ModuleVersion' is not present in the module manifest. This member must exist "
                           "and be assigned a version number of the form 'n.n.n.n'. Add the missing member to the "
                           f"file '{path}'.")


def test_manifest_lists_a_module_that_does_not_exist(tmp_path, modpath):
    base = tmp_path / "Gone"
    path = str(base / "Gone.psd1")
    write(base / "Gone.psd1", "@{ ModuleVersion = '1.0'; RootModule = 'missing.psm1' }")
    e = run(f"Import-Module {q(base)}").errors[0]
    assert e.message() == (f"The module to process 'missing.psm1', listed in field 'ModuleToProcess/RootModule' of "
                           f"module manifest '{path}' was not processed because no valid module was found in any "
                           "module directory.")
    assert e.FullyQualifiedErrorId == "Modules_ModuleFileNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand"
    assert e.TargetObject == "Gone" and e.CategoryInfo.Category == "ResourceUnavailable"
    write(base / "Gone.psd1", "@{ ModuleVersion = '1.0'; NestedModules = 'Workflow' }")
    e = run(f"Import-Module {q(base)}").errors[0]
    assert e.message().startswith("The module to process 'Workflow', listed in field 'NestedModules' of module "
                                  "manifest")
    write(base / "Gone.psd1", "@{ ModuleVersion = '1.0'; RequiredModules = @('ReqMissing') }")
    e = run(f"Import-Module {q(base)}; Get-Module Gone").errors[0]
    assert e.message() == ("The required module 'ReqMissing' is not loaded. Load the module or remove the module from "
                           f"'RequiredModules' in the file '{path}'.")
    assert e.FullyQualifiedErrorId == "Modules_InvalidManifest,Microsoft.PowerShell.Commands.ImportModuleCommand"
    # the error is not terminating: the next name is still imported
    write(tmp_path / "Fine.psm1", "function Get-Fine { 'fine' }\n")
    r = run(f"Import-Module NoSuch, {q(tmp_path / 'Fine.psm1')}; Get-Fine")
    assert r.output == ["fine"] and len(r.errors) == 1


def test_import_by_path_not_found():
    e = run("Import-Module .\\NoSuch.psm1").errors[0]
    assert e.message() == ("The specified module '.\\NoSuch.psm1' was not loaded because no valid module file was "
                           "found in any module directory.")
