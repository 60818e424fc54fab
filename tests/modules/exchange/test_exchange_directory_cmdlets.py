"""The directory cmdlets on the lab: servers, Receive connectors, identities, New/Set/Remove, ShouldProcess."""
import hashlib
import os

import pytest

from pshim.host.completion import complete


def test_fresh_home_prints_tables(dir_ems):
    r = dir_ems("Get-ExchangeServer", capture_output=False)
    lines = r.host_text.splitlines()
    head = next(i for i, l in enumerate(lines) if l.startswith("Name"))
    assert lines[head].split() == ["Name", "Site", "ServerRole", "Edition", "AdminDisplayVersion"]
    assert lines[head + 2].split()[:3] == ["Mailbox01", "contoso.com/Confi...", "Mailbox"]
    assert lines[head + 2].rstrip().endswith("Version 15.2 (Build 1118.7)")
    assert lines[head + 4].split()[2] == "Edge"
    r = dir_ems("Get-ReceiveConnector -Server Mailbox01", capture_output=False)
    lines = [l.rstrip() for l in r.host_text.splitlines() if l.strip()]
    assert lines[0].split() == ["Identity", "Bindings", "Enabled"]
    assert lines[0].index("Bindings") == 40 and lines[0].index("Enabled") == 80
    assert lines[2].split("  ")[0] == "Mailbox01\\Default Mailbox01"
    assert "{[::]:2525, 0.0.0.0:2525}" in lines[2] and lines[2].endswith("True")
    assert len(lines) == 2 + 5


def test_transport_services_are_the_mailbox_servers(dir_ems):
    r = dir_ems("Get-TransportService | ForEach-Object Name")
    assert r.output == ["Mailbox01", "Mailbox02"]
    r = dir_ems("Get-FrontendTransportService | ForEach-Object Name")
    assert r.output == ["Mailbox01", "Mailbox02"]
    r = dir_ems("Get-TransportServer Mailbox02 3>&1 | ForEach-Object { \"$_\" }")
    assert r.output[0].startswith(" The Get-TransportServer cmdlet will be removed in a future version of Exchange.")
    assert r.output[1] == "Mailbox02"


def test_type_names_members_and_csv(dir_ems):
    r = dir_ems("(Get-ReceiveConnector 'Mailbox01\\Default Mailbox01').PSObject.TypeNames")
    assert r.output[0] == "Microsoft.Exchange.Data.Directory.SystemConfiguration.ReceiveConnector"
    assert "Microsoft.Exchange.Data.Directory.ADObject" in r.output
    r = dir_ems("Get-ExchangeServer Mailbox01 | ConvertTo-Csv | Select-Object -First 1")
    assert r.output == ["#TYPE Microsoft.Exchange.Data.Directory.Management.ExchangeServer"]
    r = dir_ems("Get-TransportService Mailbox01 | Get-Member -MemberType Property | Select-Object -First 1 -ExpandProperty TypeName")
    assert r.output == ["Microsoft.Exchange.Data.Directory.Management.TransportServer"]


def test_server_properties(ems):
    r = ems("$s = Get-ExchangeServer Mailbox02; $s.Fqdn; $s.Domain; \"$($s.AdminDisplayVersion)\"; $s.IsHubTransportServer;"
            " $s.IsEdgeServer; \"$($s.Edition)\"; \"$($s.IPAddresses)\"")
    assert r.output == ["Mailbox02.contoso.com", "contoso.com", "Version 15.2 (Build 1118.7)", True, False, "Enterprise",
                        "127.0.10.2"]
    assert ems("(Get-ExchangeServer Edge01).IsEdgeServer").output == [True]
    assert ems("Get-ExchangeServer -Domain contoso.com | Measure-Object | ForEach-Object Count").output == [3]
    assert ems("Get-ExchangeServer -Domain fabrikam.com | Measure-Object | ForEach-Object Count").output == [0]
    r = ems("(Get-ExchangeServer Mailbox01 -Status).CurrentDomainControllers")
    assert r.output == ["DC01.contoso.com", "DC02.contoso.com"]


def test_identities_name_server_name_guid_dn_wildcard(dir_ems):
    guid = dir_ems("(Get-ReceiveConnector 'Mailbox02\\Client Proxy Mailbox02').Guid").output[0]
    dn = dir_ems("(Get-ReceiveConnector 'Mailbox02\\Client Proxy Mailbox02').DistinguishedName").output[0]
    for ident in ("'Client Proxy Mailbox02'", "'mailbox02\\client proxy mailbox02'", guid, f"'{dn}'", "'Mailbox02\\Client P*'"):
        r = dir_ems(f"Get-ReceiveConnector {ident} | ForEach-Object {{ \"$($_.Identity)\" }}")
        assert r.output == ["Mailbox02\\Client Proxy Mailbox02"], ident
    r = dir_ems("Get-ReceiveConnector 'Default Frontend*' | ForEach-Object Name")
    assert r.output == ["Default Frontend Mailbox01", "Default Frontend Mailbox02"]
    r = dir_ems("Get-ExchangeServer Mailbox01 | Get-ReceiveConnector | Measure-Object | ForEach-Object Count")
    assert r.output == [5]
    r = dir_ems("Get-ExchangeServer 'mailbox01.contoso.com' | ForEach-Object Name")
    assert r.output == ["Mailbox01"]


def test_not_found_and_invalid_identity_errors(dir_ems):
    r = dir_ems("Get-ReceiveConnector nosuch")
    assert r.errors[0].message() == ("The operation couldn't be performed because object 'nosuch' couldn't be found "
                                     f"on '{dir_ems.source}'.")
    assert r.errors[0].exception.ps_type == "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException"
    r = dir_ems("Get-ReceiveConnector 'a\\b\\c'")
    assert r.errors[0].message() == "'a\\b\\c' is not a valid value for the identity."
    r = dir_ems("Get-ReceiveConnector -Server NOPE")
    assert r.errors[0].message() == ('Exchange server "NOPE" was not found. Please make sure you typed the name '
                                     'correctly.')
    r = dir_ems("Get-ReceiveConnector '*)(objectClass=*'")
    assert r.output == [] and "couldn't be found" in r.errors[0].message()


def test_unknown_domain_controller_and_edge_refusal(ems):
    r = ems("Get-ExchangeServer -DomainController dc99.contoso.com")
    assert r.errors[0].message() == ("An Active Directory error 0x51 occurred when trying to check the suitability of "
                                     "server 'dc99.contoso.com'. Error: 'Active directory response: The LDAP server "
                                     "is unavailable.'")
    assert ems("Get-ExchangeServer -DomainController DC02.contoso.com | Measure-Object | % Count").output == [3]
    r = ems("Set-ReceiveConnector 'Edge01\\Default internal receive connector Edge01' -Banner '220 x' "
            "-DomainController DC01.contoso.com")
    assert "The DomainController parameter isn't supported on Edge Transport servers" in r.errors[0].message()


def test_new_receive_connector_usages(dir_ems):
    r = dir_ems("New-ReceiveConnector -Name 'Internet In' -Internet -Bindings 127.0.10.1:2600 -Server Mailbox01 | "
            "ForEach-Object { \"$($_.PermissionGroups)|$($_.RemoteIPRanges)|$($_.AuthMechanism)|$($_.TransportRole)\" }")
    assert r.output == ["AnonymousUsers|0.0.0.0-255.255.255.255|Tls|HubTransport"], r.error_text
    r = dir_ems("New-ReceiveConnector 'Clients' -Client -RemoteIPRanges 127.0.0.0/8 -Server Mailbox02 "
            "-TransportRole FrontendTransport | "
            "ForEach-Object { \"$($_.Bindings)|$($_.PermissionGroups)\" }")
    assert r.output == ["0.0.0.0:587|ExchangeUsers"], r.error_text
    r = dir_ems("New-ReceiveConnector 'Relay' -Usage Custom -TransportRole FrontendTransport -Bindings 0.0.0.0:25 "
            "-RemoteIPRanges 127.0.0.5,127.0.0.6 -Server Mailbox01 -Banner '220 relay' -MaxMessageSize 10MB | "
            "ForEach-Object { \"$($_.Identity)|$($_.RemoteIPRanges)|$($_.MaxMessageSize)|$($_.Banner)\" }")
    assert r.output == ["Mailbox01\\Relay|127.0.0.5 127.0.0.6|10 MB (10,485,760 bytes)|220 relay"], r.error_text


def test_new_receive_connector_errors(dir_ems):
    r = dir_ems("New-ReceiveConnector 'a\\b' -Custom -Bindings 0.0.0.0:2600 -RemoteIPRanges 1.2.3.4 -Server Mailbox01")
    assert r.errors[0].message() == ('"a\\b" isn\'t a valid value for the "Name" parameter. The value must not '
                                     "contain any of the following: { '\\' }.")
    r = dir_ems("New-ReceiveConnector x -Custom -Bindings 0.0.0.0:25 -RemoteIPRanges 127.0.0.9 -Server Mailbox01")
    assert "Receive connectors assigned to different Transport roles on a single server must listen on unique" in \
        r.errors[0].message()
    r = dir_ems("New-ReceiveConnector x -Custom -TransportRole FrontendTransport -Bindings 0.0.0.0:25 "
            "-RemoteIPRanges 0.0.0.0-255.255.255.255 -Server Mailbox01")
    assert r.errors[0].message().startswith("The values that you specified for the Bindings and RemoteIPRanges "
                                            'parameters conflict with the settings on Receive connector '
                                            '"Mailbox01\\Default Frontend Mailbox01". A Receive connector must have a unique')
    r = dir_ems("New-ReceiveConnector x -Custom -Bindings 1.2.3.4 -RemoteIPRanges 127.0.0.9 -Server Mailbox01")
    assert r.errors[0].message() == ("The separator between the IP address and the port number is missing in "
                                     "'1.2.3.4'. The format for an IPBinding is <IP address>:<port number>.")
    r = dir_ems("New-ReceiveConnector x -Custom -Bindings 0.0.0.0:99999 -RemoteIPRanges 127.0.0.9 -Server Mailbox01")
    assert r.errors[0].message().startswith("The port number '99999' is outside the acceptable range.")
    dir_ems("New-ReceiveConnector dup -Custom -Bindings 0.0.0.0:2601 -RemoteIPRanges 127.0.0.9 -Server Mailbox01")
    r = dir_ems("New-ReceiveConnector dup -Custom -Bindings 0.0.0.0:2602 -RemoteIPRanges 127.0.0.9 -Server Mailbox01")
    assert "already exists" in r.errors[0].message()
    r = dir_ems("New-ReceiveConnector x -Internal -Bindings 0.0.0.0:2603 -RemoteIPRanges 127.0.0.9 -Server Mailbox01")
    assert r.errors and "Parameter set cannot be resolved" in r.errors[0].message()


def test_set_receive_connector(dir_ems):
    r = dir_ems("Set-ReceiveConnector 'Mailbox01\\Client Frontend Mailbox01' -Banner '220 hello' -Bindings @{Remove='[::]:587'} "
            "-RequireTLS $true -MaxInboundConnection Unlimited; "
            "$c = Get-ReceiveConnector 'Mailbox01\\Client Frontend Mailbox01'; "
            "$c.Banner; \"$($c.Bindings)\"; $c.RequireTLS; $c.MaxInboundConnection")
    assert r.output == ["220 hello", "0.0.0.0:587", True, "Unlimited"], r.error_text
    r = dir_ems("Set-ReceiveConnector 'Mailbox01\\Client Frontend Mailbox01' -Banner '220 hello' 3>&1 | % { \"$_\" }")
    assert r.output == ["The command completed successfully but no settings of 'Mailbox01\\Client Frontend Mailbox01' have "
                        "been modified."]
    r = dir_ems("Get-ReceiveConnector 'Mailbox01\\Client Frontend Mailbox01' | Set-ReceiveConnector -Name 'Clients 587'; "
            "Get-ReceiveConnector 'Mailbox01\\Clients 587' | % { \"$($_.Identity)\" }")
    assert r.output == ["Mailbox01\\Clients 587"], r.error_text
    r = dir_ems("Set-ReceiveConnector 'Mailbox01\\Clients 587' -MaxMessageSize lots")
    assert "isn't a valid byte quantified size" in r.errors[0].message()
    r = dir_ems("Set-ReceiveConnector 'Mailbox01\\Clients 587' -AuthMechanism 'Tls, Bogus'")
    assert "Bogus" in r.errors[0].message()
    dir_ems("New-ReceiveConnector Twin -Custom -Bindings 0.0.0.0:2610 -RemoteIPRanges 127.0.0.9 -Server Mailbox01; "
        "New-ReceiveConnector Twin -Custom -Bindings 0.0.0.0:2610 -RemoteIPRanges 127.0.0.9 -Server Mailbox02")
    r = dir_ems("Set-ReceiveConnector Twin -Enabled $false")
    assert r.errors[0].message() == "The operation couldn't be performed because 'Twin' matches multiple entries."


def test_remove_prompts_and_confirm_false(dir_ems):
    r = dir_ems("Remove-ReceiveConnector 'Mailbox02\\Client Proxy Mailbox02'", answers=["N"])
    assert "Removing Receive connector \"Mailbox02\\Client Proxy Mailbox02\"." in r.host_text
    assert dir_ems("@(Get-ReceiveConnector -Server Mailbox02).Count").output == [5]
    r = dir_ems("Get-ReceiveConnector 'Mailbox02\\Client Proxy Mailbox02' | Remove-ReceiveConnector", answers=["Y"])
    assert dir_ems("@(Get-ReceiveConnector -Server Mailbox02).Count").output == [4]
    dir_ems.session.host.interactive = False
    r = dir_ems("Remove-ReceiveConnector 'Mailbox02\\Default Mailbox02'")
    assert r.errors and "NonInteractive mode" in r.errors[0].message()
    assert dir_ems("@(Get-ReceiveConnector -Server Mailbox02).Count").output == [4]
    dir_ems("Remove-ReceiveConnector 'Mailbox02\\Default Mailbox02' -Confirm:$false")
    assert dir_ems("@(Get-ReceiveConnector -Server Mailbox02).Count").output == [3]


def _digest(path):
    h = hashlib.sha256()
    for p in (path, path + "-wal"):
        if os.path.exists(p):
            with open(p, "rb") as f:
                h.update(f.read())
    return h.hexdigest()


def test_whatif_and_no_leave_the_database_byte_identical(ems, lab):
    ems("Get-ReceiveConnector | Out-Null")
    before = _digest(lab)
    r = ems("New-ReceiveConnector W -Custom -Bindings 0.0.0.0:2620 -RemoteIPRanges 127.0.0.9 -Server Mailbox01 -WhatIf; "
            "Set-ReceiveConnector 'Mailbox01\\Default Mailbox01' -Banner '220 x' -WhatIf; "
            "Remove-ReceiveConnector 'Mailbox01\\Default Mailbox01' -WhatIf")
    assert r.host_text.count("What if: ") == 3, r.error_text
    assert 'What if: Creating Receive connector "W" with bindings "0.0.0.0:2620", remote IP ranges "127.0.0.9".' \
        in r.host_text
    assert 'What if: Removing Receive connector "Mailbox01\\Default Mailbox01".' in r.host_text
    ems("Set-ReceiveConnector 'Mailbox01\\Default Mailbox01' -Banner '220 x' -Confirm", answers=["N"])
    ems("Remove-ReceiveConnector 'Mailbox01\\Default Mailbox01'", answers=["L"])
    assert _digest(lab) == before


def test_completion_of_servers_and_connectors(dir_ems):
    s = dir_ems.session
    text = "Test-Path -Path x; Get-ReceiveConnector -Server MB"
    _, cands = complete(s, "Get-ReceiveConnector -Server Mai")
    assert cands == ["Mailbox01", "Mailbox02"]
    _, cands = complete(s, "Set-ReceiveConnector 'Mailbox02\\Cl")
    assert "'Mailbox02\\Client Proxy Mailbox02'" in cands and "'Mailbox02\\Client Frontend Mailbox02'" in cands
    assert text


def test_damaged_and_foreign_lab_files_are_reported_and_kept(ems, lab):
    with open(lab, "wb") as f:
        f.write(b"this is not a database at all" * 100)
    for p in (lab + "-wal", lab + "-shm"):
        if os.path.exists(p):
            os.unlink(p)
    r = ems("Get-ExchangeServer")
    assert r.errors and f"'{lab}'" in r.errors[0].message()
    assert "Traceback" not in r.error_text
    with open(lab, "rb") as f:
        assert f.read(29) == b"this is not a database at all"
    import sqlite3
    os.unlink(lab)
    db = sqlite3.connect(lab)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    ems.session.module_state.clear()
    r = ems("Get-ReceiveConnector")
    assert r.errors[0].message().startswith(f"The file '{lab}' is not a pshim lab directory.")
    db = sqlite3.connect(lab)
    assert db.execute("SELECT name FROM sqlite_master").fetchall() == [("t",)]


def test_what_an_admin_script_types_first(ems):
    r = ems("Add-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn; "
            ". \"$($env:ExchangeInstallPath)bin\\RemoteExchange.ps1\"; Connect-ExchangeServer -Auto; "
            "$FormatEnumerationLimit; Set-ADServerSettings -ViewEntireForest $true; "
            "Set-ADServerSettings -PreferredServer DC02.contoso.com; "
            "(Get-ExchangeServer Mailbox01).OriginatingServer; (Get-ADServerSettings).ViewEntireForest")
    assert not r.errors, r.error_text
    assert r.output == [16, "DC02.contoso.com", True]
    assert "Connected to Mailbox01.contoso.com." in r.host_text
    r = ems("Set-ADServerSettings -PreferredServer dc9.contoso.com")
    assert "suitability of server 'dc9.contoso.com'" in r.errors[0].message()
    assert ems("(Get-ADServerSettings).UserPreferredConfigurationDomainController").output == ["DC02.contoso.com"]
    r = ems("Connect-ExchangeServer NOPE.contoso.com")
    assert r.errors[0].message().startswith('Exchange server "NOPE.contoso.com" was not found.')


def test_sizes_compare_with_sizes_and_numbers(ems):
    # a size orders as IComparable does: against bytes (10MB) or another size; Unlimited is above every size
    r = ems("$rc = Get-ReceiveConnector 'Mailbox01\\Default Mailbox01'; $rc.MaxMessageSize -gt 10MB; "
            "$rc.MaxMessageSize -lt 10MB; $rc.MaxMessageSize -ge $rc.MaxMessageSize.Value.ToBytes(); "
            "@(Get-ReceiveConnector | Where-Object { $_.MaxMessageSize -gt 30MB }).Count -gt 0")
    assert not r.errors, r.error_text
    assert r.output == [True, False, True, True]
    from pshim.modules.exchange.values import ByteQuantifiedSize
    assert ByteQuantifiedSize(None) > ByteQuantifiedSize(2 ** 40) and ByteQuantifiedSize(1) < 2
