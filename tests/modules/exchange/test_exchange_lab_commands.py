"""The lab commands: names without regard to case, hidden faults, the most specific binding answers."""


def test_lab_names_match_without_case_and_list_in_order(ems):
    r = ems("Get-PshimLab -ListAvailable | ForEach-Object Name")
    assert r.output == sorted(r.output, key=str.lower) and "contoso" in r.output
    r = ems("Reset-PshimLab -Name brokenconnector | Out-Null; (Get-PshimLab).Organization")
    assert r.output == ["Fabrikam"], r.error_text
    r = ems("Reset-PshimLab -Name NoSuchLab")
    assert r.errors[0].message().startswith("There is no lab named 'NoSuchLab'.")


def test_hidden_faults_need_force(ems):
    r = ems("Reset-PshimLab -Name BrokenConnector | Out-Null; (Get-PshimLab).Faults")
    assert r.output == ["2 hidden (Get-PshimLabFault -Force shows them)"]
    r = ems("Get-PshimLabFault")
    assert r.output == [] and "hides its faults" in r.errors[0].message()
    assert len(ems("Get-PshimLabFault -Force").output) == 2


def test_a_specific_binding_answers_before_a_wildcard_one(ems):
    ems("Set-PshimLabFault 'Mailbox01\\Default Frontend Mailbox01' permanent")
    r = ems("$PshimSmtpTimeout = 1; New-ReceiveConnector Relay -Custom -TransportRole FrontendTransport "
            "-Bindings 127.0.10.1:25 -RemoteIPRanges 127.0.0.9 -Server Mailbox01 -Banner '220 relay here' | Out-Null; "
            "Test-SmtpConnectivity Mailbox01 | Where-Object EndPoint -eq '127.0.10.1:25' | "
            "ForEach-Object { '{0}: {1}' -f $_.ReceiveConnector, $_.Details }")
    assert r.output == ["Default Frontend Mailbox01: 220 relay here", "Relay: 220 relay here"], r.error_text
