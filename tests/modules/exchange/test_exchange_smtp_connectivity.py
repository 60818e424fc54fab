"""Test-SmtpConnectivity on the lab, end to end: real listeners (the lab's, with injected faults, or a socket the
test owns), real probes, the specification's examples as written."""
import os
import random
import socket
import threading

import pytest

TIMEOUT = "$PshimSmtpTimeout = 1; "


class CountingServer:
    """A TCP server the test owns: counts accepted connections and greets like a healthy SMTP server. It
    listens where Test-SmtpConnectivity dials a connector bound to `port`: that port plus the lab's offset."""

    def __init__(self, address, offset):
        # The dialled port is chosen here (not by the kernel, whose ephemeral range may lie below offset + 1025
        # on some machines), from the range where binding = dialled - offset is an unprivileged port.
        rng = random.Random()
        low = offset + 1025
        for attempt in range(200):
            dialled = rng.randint(low, 65535)
            self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                self.sock.bind((address, dialled))
                break
            except OSError:
                self.sock.close()
                if attempt == 199:
                    raise
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = dialled - offset          # the connector's binding
        self.accepted = 0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while not self.done.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.accepted += 1
            with conn:
                conn.sendall(b"220 counting server ready\r\n")
                conn.settimeout(1)
                try:
                    conn.recv(64)
                    conn.sendall(b"221 bye\r\n")
                except OSError:
                    pass

    def close(self):
        self.done.set()
        self.thread.join(2)
        self.sock.close()


@pytest.fixture
def counting(ems, lab):
    from pshim.modules.exchange.directory.lab import LabDirectory
    from pshim.modules.exchange.lab.specs import resolve_port_offset
    d = LabDirectory(lab)
    offset = resolve_port_offset(d.org_settings().get("PortOffset", "Auto"))
    d.close()
    servers = []

    def make(address):
        s = CountingServer(address, offset)
        servers.append(s)
        return s
    yield make
    for s in servers:
        s.close()


def _statuses(r):
    return [(o.ReceiveConnector, o.Binding, o.EndPoint, str(o.StatusCode)) for o in r.output]


def test_the_main_line_writes_one_csv_row_per_endpoint(ems, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    r = ems(f"Set-Location '{work}'; " + TIMEOUT +
            "Get-TransportService | Test-SmtpConnectivity | ConvertTo-Csv > smtp.csv")
    assert not r.errors, r.error_text
    data = (work / "smtp.csv").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8").splitlines()
    assert lines[0] == "#TYPE Microsoft.Exchange.Monitoring.SmtpConnectivityStatus"
    assert lines[1] == '"Server","ReceiveConnector","Binding","EndPoint","StatusCode","Details","Identity","IsValid"'
    rows = lines[2:]
    assert len(rows) == 10 + 5          # Mailbox01: 5 connectors x (IPv4 + ::1); Mailbox02: IPv4 only
    statuses = {row.split('","')[4] for row in rows}
    assert {"Success", "Transient error", "Unable to connect"} <= statuses
    assert rows[0].startswith('"Mailbox01","Default Mailbox01","[::]:2525","[::1]:2525","Success","220 '
                              'Mailbox01.contoso.com Microsoft ESMTP MAIL Service ready at ')


def test_the_specification_examples_run_as_written(ems):
    r = ems(TIMEOUT + "Test-SmtpConnectivity Mailbox01")
    assert len(r.output) == 10 and not r.errors
    assert [o.Server for o in r.output] == ["Mailbox01"] * 10
    r = ems(TIMEOUT + "Get-TransportService | Test-SmtpConnectivity")
    assert [o.Server for o in r.output] == ["Mailbox01"] * 10 + ["Mailbox02"] * 5
    r = ems("New-Item -ItemType Directory -Path 'C:\\My Documents' -Force | Out-Null; " + TIMEOUT +
            'Test-SmtpConnectivity Mailbox01 | ConvertTo-Csv > "C:\\My Documents\\SMTP Test.csv"; '
            "(Get-Content 'C:\\My Documents\\SMTP Test.csv').Count")
    assert r.output == [12], r.error_text


def test_results_in_stable_order_with_the_spec_properties(ems):
    r = ems(TIMEOUT + "Test-SmtpConnectivity Mailbox02")
    got = _statuses(r)
    assert got == [
        ("Default Mailbox02", "0.0.0.0:2525", "127.0.10.2:2525", "Success"),
        ("Client Proxy Mailbox02", "0.0.0.0:465", "127.0.10.2:465", "Transient error"),
        ("Default Frontend Mailbox02", "0.0.0.0:25", "127.0.10.2:25", "Success"),
        ("Outbound Proxy Frontend Mailbox02", "0.0.0.0:717", "127.0.10.2:717", "Unable to connect"),
        ("Client Frontend Mailbox02", "0.0.0.0:587", "127.0.10.2:587", "Success"),
    ]
    o = r.output[1]
    assert o.Details.startswith("421 4.3.2")
    assert o.Identity == "Mailbox02\\Client Proxy Mailbox02\\0.0.0.0:465\\127.0.10.2:465"
    assert r.output[3].Details == ("No connection could be made because the target machine actively refused it "
                                   "127.0.10.2:717")
    assert ems("(Test-SmtpConnectivity Mailbox02 | Select-Object -First 1).PSObject.TypeNames[0]").output == \
        ["Microsoft.Exchange.Monitoring.SmtpConnectivityStatus"]


def test_every_status_from_hostile_lab_listeners(ems):
    faults = {"Default Mailbox01": "silent", "Client Proxy Mailbox01": "huge", "Default Frontend Mailbox01": "garbage",
              "Outbound Proxy Frontend Mailbox01": "reset", "Client Frontend Mailbox01": "permanent"}
    script = "".join(f"Set-PshimLabFault 'Mailbox01\\{c}' {f}; " for c, f in faults.items())
    script += "Set-PshimLabFault Mailbox02 slow -Delay 3; "
    r = ems(script + TIMEOUT + "Test-SmtpConnectivity Mailbox01; Test-SmtpConnectivity Mailbox02")
    assert not r.errors, r.error_text
    by = {}
    for o in r.output:
        by.setdefault(o.ReceiveConnector, set()).add(str(o.StatusCode))
    assert by["Default Mailbox01"] == {"Transient error"}           # silent: no banner within the timeout
    assert by["Client Proxy Mailbox01"] == {"External error"}       # 4 MB with no newline is not SMTP
    assert by["Default Frontend Mailbox01"] == {"External error"}   # binary garbage
    assert by["Outbound Proxy Frontend Mailbox01"] == {"Transient error"}   # reset before a banner
    assert by["Client Frontend Mailbox01"] == {"Permanent error"}   # 554
    assert all(by[f"{c} Mailbox02"] == {"Transient error"} for c in ("Default", "Default Frontend"))   # too slow
    silent = next(o for o in r.output if o.ReceiveConnector == "Default Mailbox01")
    assert "1 second" in silent.Details
    r = ems("Set-PshimLabFault Mailbox02 slow -Delay 0.2; " + TIMEOUT + "Test-SmtpConnectivity Mailbox02 | "
            "Where-Object ReceiveConnector -eq 'Default Mailbox02' | ForEach-Object { \"$($_.StatusCode)\" }")
    assert r.output == ["Success"]
    assert [(f.Target, f.Fault) for f in ems("Get-PshimLabFault").output if f.Target == "Mailbox02"] == \
        [("Mailbox02", "slow")]


def test_monitoring_context(ems):
    r = ems(TIMEOUT + "Test-SmtpConnectivity Mailbox02 -MonitoringContext $true")
    data = r.output[-1]
    assert data.PSObject if False else True
    assert type(data).__name__ == "MonitoringData" and len(r.output) == 6
    ev = data.Events[0]
    assert (ev.EventSource, ev.EventIdentifier, ev.EventType) == ("MSExchange Monitoring SmtpConnectivity", 1001,
                                                                  "Error")
    assert ev.EventMessage.startswith("SMTP connectivity test failed for Mailbox02\r\nThe following endpoints aren't "
                                      "functioning:\r\n\r\nMailbox02\\Client Proxy Mailbox02\\0.0.0.0:465\\"
                                      "127.0.10.2:465\r\n421 4.3.2")
    assert "All endpoints were tested." in ev.EventMessage
    assert len(data.PerformanceCounters) == 5
    assert all(c.Value > 0 or c.Value == -1 for c in data.PerformanceCounters)
    r = ems(TIMEOUT + "Test-SmtpConnectivity Edge01 -MonitoringContext $true | Select-Object -Last 1 | "
            "ForEach-Object { $_.Events[0].EventIdentifier; $_.Events[0].EventType }")
    assert r.output == [1000, "Information"]
    r = ems(TIMEOUT + "Test-SmtpConnectivity Edge01 -MonitoringContext $false")
    assert [type(o).__name__ for o in r.output] == ["SmtpConnectivityStatus"]
    r = ems("Test-SmtpConnectivity Edge01 -MonitoringContext")
    assert r.errors[0].message() == "Cannot bind argument to parameter 'MonitoringContext' because it is null."


def test_checks_before_any_connection(ems, tmp_path):
    r = ems("Test-SmtpConnectivity NOPE -WhatIf")
    assert r.errors[0].message() == 'Exchange server "NOPE" was not found. Please make sure you typed the name correctly.'
    assert "What if" not in r.host_text
    ems("Get-ReceiveConnector -Server Edge01 | Set-ReceiveConnector -Enabled $false")
    r = ems("Test-SmtpConnectivity Edge01")
    assert r.errors[0].message() == "Server 'Edge01.contoso.com' has no Receive connectors."
    r = ems("Test-SmtpConnectivity Edge01 -MonitoringContext $true")
    assert r.output[0].Events[0].EventIdentifier == 1001
    r = ems("Test-SmtpConnectivity Edge01 -DomainController DC01.contoso.com")
    assert "isn't supported on Edge Transport servers" in r.errors[0].message()
    lab = tmp_path / "cas-lab"
    lab.mkdir()
    (lab / "organization.psd1").write_text(
        "@{ Organization = 'Fabrikam'; Domain = 'fabrikam.com'; LocalServer = 'CAS01'\n"
        "   Servers = @( @{ Name = 'CAS01'; Role = 'ClientAccess'; IPv4 = @('127.0.11.1') }\n"
        "                @{ Name = 'MBX9'; Role = 'Mailbox'; IPv4 = @('127.0.11.2') } ) }\n", encoding="utf-8")
    r = ems(f"Reset-PshimLab -Path '{lab}' | Out-Null; Test-SmtpConnectivity")
    assert r.errors[0].message() == "Server 'CAS01.fabrikam.com' isn't a Transport server."
    r = ems(TIMEOUT + "Test-SmtpConnectivity cas01")
    assert r.errors[0].message() == "Server 'cas01' isn't a Transport server."
    r = ems(TIMEOUT + "Get-ExchangeServer | Test-SmtpConnectivity | ForEach-Object Server | Select-Object -Unique")
    assert r.output == ["MBX9"] and len(r.errors) == 1
    r = ems("$PshimSmtpTimeout = 'soon'; Test-SmtpConnectivity MBX9")
    assert "$PshimSmtpTimeout must be a positive number of seconds" in r.errors[0].message()


def test_whatif_and_confirm_open_no_connection_unless_yes(ems, counting):
    server = counting("127.0.66.1")
    ems(f"Set-Location C:\\; New-ReceiveConnector Probe -Custom -TransportRole FrontendTransport "
        f"-Bindings 127.0.66.1:{server.port} -RemoteIPRanges 127.0.0.1 -Server Edge01 | Out-Null")
    r = ems(TIMEOUT + "Test-SmtpConnectivity Edge01 -WhatIf")
    assert r.output == [] and ("What if: This command will attempt to connect to each of the addresses that are "
                               "configured to listen for incoming SMTP connections.") in r.host_text
    r = ems(TIMEOUT + "Test-SmtpConnectivity Edge01 -Confirm", answers=["N"])
    assert r.output == [] and server.accepted == 0
    r = ems(TIMEOUT + "'Edge01', 'Edge01' | Test-SmtpConnectivity -Confirm", answers=["Y", "L"])
    assert server.accepted == 1
    probe = [o for o in r.output if o.ReceiveConnector == "Probe"]
    assert [str(o.StatusCode) for o in probe] == ["Success"] and probe[0].Details == "220 counting server ready"


def test_select_first_stops_the_remaining_servers(ems, counting):
    server = counting("127.0.66.2")
    ems(f"New-ReceiveConnector Watch -Custom -TransportRole FrontendTransport -Bindings 127.0.66.2:{server.port} "
        "-RemoteIPRanges 127.0.0.1 -Server Mailbox02 | Out-Null")
    r = ems(TIMEOUT + "Get-TransportService | Test-SmtpConnectivity | Select-Object -First 1")
    assert len(r.output) == 1 and r.output[0].Server == "Mailbox01"
    assert server.accepted == 0
    r = ems(TIMEOUT + "[pscustomobject]@{ Identity = 'Mailbox02' } | Test-SmtpConnectivity | "
            "Where-Object ReceiveConnector -eq Watch | ForEach-Object { \"$($_.StatusCode)\" }")
    assert r.output == ["Success"] and server.accepted == 1


def test_lab_service_follows_the_directory(ems):
    import time
    r = ems("Start-PshimLab")
    try:
        lab = r.output[0]
        assert lab.ListenersRunning and lab.Endpoints == 15, r.error_text
        ems("Set-ReceiveConnector 'Mailbox01\\Default Mailbox01' -Banner '220 changed banner'; "
            "Set-ReceiveConnector 'Mailbox01\\Client Proxy Mailbox01' -Enabled $false")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            r = ems(TIMEOUT + "Test-SmtpConnectivity Mailbox01 | Where-Object ReceiveConnector -eq 'Default Mailbox01' "
                    "| Select-Object -First 1 | ForEach-Object Details")
            if r.output == ["220 changed banner"]:
                break
            time.sleep(0.2)
        assert r.output == ["220 changed banner"]
        r = ems("Get-PshimLab")
        assert r.output[0].Endpoints == 13
        ems("Set-ReceiveConnector 'Mailbox01\\Client Proxy Mailbox01' -Enabled $true")
    finally:
        ems("Stop-PshimLab")
    assert ems("(Get-PshimLab).ListenersRunning").output == [False]
    assert not os.path.exists(os.path.join(os.environ["PSHIM_HOME"], "lab", "listeners.json"))


def test_ctrl_c_stops_the_probes_at_once(ems):
    """Ctrl+C while every endpoint is silent (30 s timeout): pshim stops long before any probe would time out."""
    import signal
    import subprocess
    import sys
    import time
    ems("Set-PshimLabFault Mailbox01 silent")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    env = dict(os.environ, PYTHONPATH=root)
    p = subprocess.Popen([sys.executable, "-m", "pshim", "-NoProfile", "-Command",
                          "$PshimSmtpTimeout = 30; Test-SmtpConnectivity Mailbox01; 'after'"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    time.sleep(2)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=15)       # far less than one probe's 30 s
    assert "after" not in out and "Traceback" not in err
    assert p.returncode != 0


def test_progress_per_server_reaches_the_host_only(ems):
    r = ems(TIMEOUT + "Test-SmtpConnectivity Mailbox02 | Measure-Object | ForEach-Object Count")
    assert r.output == [5]
    records = [rec for _, rec in ems.session.host.progress]
    assert records[0].Activity == "Test-SmtpConnectivity"
    assert records[0].StatusDescription == "Testing 5 endpoints of Mailbox02"
    assert [rec.PercentComplete for rec in records[1:6]] == [20, 40, 60, 80, 100]
    assert records[-1].RecordType == "Completed"
    r = ems("$ProgressPreference = 'SilentlyContinue'; " + TIMEOUT + "Test-SmtpConnectivity Mailbox02 | Out-Null")
    assert len(ems.session.host.progress) == len(records)
