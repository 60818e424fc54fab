"""$PSCmdlet.MyInvocation in an advanced function or script is the invocation's InvocationInfo (issue 11)."""
from pshim.testing import run

FN = ('function Get-Foo { [CmdletBinding()] param($Name, [switch]$X)\n'
      '  $PSCmdlet.MyInvocation.MyCommand.Name\n'
      '  ($PSCmdlet.MyInvocation.BoundParameters.Keys | Sort-Object) -join ","\n'
      '  $PSCmdlet.MyInvocation.InvocationName\n'
      '  $PSCmdlet.MyInvocation -eq $MyInvocation\n'
      '  $PSCmdlet.MyInvocation.GetType().FullName }\n')


def test_pscmdlet_myinvocation_in_an_advanced_function():
    r = run(FN + 'Set-Alias gf Get-Foo\ngf -Name a -X')
    assert r.errors == [], r.error_text
    assert [str(x) for x in r.output] == ["Get-Foo", "Name,X", "gf", "True",
                                          "System.Management.Automation.InvocationInfo"]


def test_pscmdlet_myinvocation_under_strict_mode():
    r = run('Set-StrictMode -Version Latest\n' + FN + 'Get-Foo b')
    assert r.errors == [], r.error_text
    assert [str(x) for x in r.output][:3] == ["Get-Foo", "Name", "Get-Foo"]


def test_pscmdlet_myinvocation_in_an_advanced_script(tmp_path):
    p = tmp_path / "Do-It.ps1"
    p.write_text('[CmdletBinding()] param($Target)\n'
                 '$PSCmdlet.MyInvocation.MyCommand.Name\n'
                 '$PSCmdlet.MyInvocation.BoundParameters["Target"]\n', encoding="utf-8")
    r = run(f"& '{p}' -Target srv1")
    assert r.errors == [], r.error_text
    assert [str(x) for x in r.output] == ["Do-It.ps1", "srv1"]
