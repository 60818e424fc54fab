"""[pscredential] / New-Object PSCredential, registered by the utility module."""
from pshim.testing import run


def test_new_object_pscredential_and_accelerator():
    r = run("$p = ConvertTo-SecureString 'pw' -AsPlainText -Force; "
            "$c = New-Object System.Management.Automation.PSCredential ('u', $p); "
            "$c.UserName; $c.GetNetworkCredential().Password; "
            "$d = [pscredential]::new('v', $p); $d.UserName; $d -is [pscredential]; $p -is [securestring]")
    assert r.errors == []
    assert r.output == ["u", "pw", "v", True, True]
