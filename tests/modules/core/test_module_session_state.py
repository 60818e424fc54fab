"""A module's session state reached from outside, as 5.1 allows (issue 12): `& $module { ... }` and
`. $module { ... }` run a script block in the module's session state; `$module.SessionState` and, inside
the module, `$ExecutionContext.SessionState.Module`; `OnRemove` runs when the module is removed."""
import os

from pshim.testing import run, new_session


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    return path


def ok(script, session=None, **kw):
    r = run(script, session=session, **kw)
    assert not r.errors, [e.message() for e in r.errors]
    return r


PSM1 = """
$script:Secret = 42
function Get-Public { "public $script:Secret" }
function Get-Private { "private" }
$ExecutionContext.SessionState.Module.OnRemove = { param($m) Write-Host "removing $($m.Name) ($script:Secret)"; 'gone' }
Export-ModuleMember -Function Get-Public
"""


def test_call_operator_runs_a_block_in_the_module_session_state(tmp_path):
    m = write(tmp_path / "Vault.psm1", PSM1)
    s = new_session()
    r = ok(f"$m = Import-Module '{m}' -PassThru\n"
           "& $m { $script:Secret }\n"
           "& $m { Get-Private }\n"
           "& $m { param($a, $b) \"$a+$b=$($a + $b + $Secret)\" } 1 2\n"
           "\"outside: [$Secret]\"", s)
    assert r.output == [42, "private", "1+2=45", "outside: []"]
    # `&` gives the block a scope of its own: what it assigns stays there
    assert ok("& $m { $Secret = 1 }; & $m { $Secret }", s).output == [42]


def test_dot_operator_runs_the_block_at_the_top_of_the_module(tmp_path):
    m = write(tmp_path / "Vault.psm1", PSM1)
    s = new_session()
    r = ok(f"$m = Import-Module '{m}' -PassThru\n"
           ". $m { $Secret = 7; $script:Added = 'yes' }\n"
           "Get-Public; & $m { $Added }; \"[$Added]\"", s)
    assert r.output == ["public 7", "yes", "[]"]


def test_session_state_of_a_module_and_execution_context_inside_it(tmp_path):
    m = write(tmp_path / "Vault.psm1", PSM1 + "function Get-Me { $ExecutionContext.SessionState.Module.Name }\n"
                                              "Export-ModuleMember -Function Get-Me\n")
    s = new_session()
    r = ok(f"$m = Import-Module '{m}' -PassThru\n"
           "$m.SessionState.Module.Name\n"
           "$m.SessionState.PSVariable.GetValue('Secret')\n"
           "[void]$m.SessionState.PSVariable.Set('Secret', 5); Get-Public\n"
           "Get-Me\n"
           "(Get-Module Vault).ExportedVariables.Count", s)
    assert r.output == ["Vault", 42, "public 5", "Vault", 0]


def test_on_remove_runs_when_the_module_is_removed(tmp_path):
    m = write(tmp_path / "Vault.psm1", PSM1)
    s = new_session()
    r = run(f"Import-Module '{m}'; Remove-Module Vault; Get-Module Vault; 'after'", session=s, capture_output=False)
    assert not r.errors, r.error_text
    assert r.host_text.split("\n")[:3] == ["removing Vault (42)", "gone", "after"]
    # set from outside, on a module imported again with -Force (which removes it first)
    s = new_session()
    r = run(f"$m = Import-Module '{m}' -PassThru; $m.OnRemove = {{ Write-Host 'outside handler' }}\n"
            f"Import-Module '{m}' -Force; Remove-Module Vault", session=s, capture_output=False)
    assert not r.errors, r.error_text
    assert r.host_text.split("\n")[:3] == ["outside handler", "removing Vault (42)", "gone"]


def test_dynamic_module_blocks_and_a_module_without_a_block(tmp_path):
    s = new_session()
    r = ok("$d = New-Module -Name Dyn { $script:x = 5; function f { $script:x } }\n"
           "& $d { $x * 2 }", s)
    assert r.output == [10]
    r = run("& $d", session=s)
    assert [e.FullyQualifiedErrorId for e in r.errors] == ["CommandNotFoundException"]


def test_on_remove_of_a_nested_module_runs_when_its_parent_is_removed(tmp_path):
    write(tmp_path / "Outer" / "Inner.psm1",
          "function Get-Inner { 'inner' }\n"
          "$ExecutionContext.SessionState.Module.OnRemove = { Write-Host 'inner removed' }\n")
    write(tmp_path / "Outer" / "Outer.psm1", "function Get-Outer { Get-Inner }\n"
          "$ExecutionContext.SessionState.Module.OnRemove = { Write-Host 'outer removed' }\n")
    write(tmp_path / "Outer" / "Outer.psd1", "@{ ModuleVersion = '1.0'; RootModule = 'Outer.psm1'\n"
          "   NestedModules = 'Inner.psm1' }\n")
    s = new_session()
    r = run(f"Import-Module '{tmp_path / 'Outer' / 'Outer.psd1'}'; Get-Outer; Remove-Module Outer; "
            "@(Get-Module Outer, Inner).Count", session=s, capture_output=False)
    assert not r.errors, r.error_text
    assert r.host_text.split("\n")[:4] == ["inner", "outer removed", "inner removed", "0"]
