"""Get-/Start-/Stop-/Restart-Service over systemd. Where systemd is not the running service manager (this
container), every command says so in an error record; the parsers read systemctl's own output format."""
import os
import shutil
import subprocess

from pshim.modules.management import services
from pshim.testing import run

HAS_SYSTEMD = shutil.which("systemctl") is not None and os.path.isdir("/run/systemd/system")

LIST_UNITS = """\
cron.service                 loaded    active   running Regular background program processing daemon
● exim4.service              loaded    failed   failed  LSB: exim Mail Transport Agent
postfix.service              loaded    inactive dead    Postfix Mail Transport Agent
ssh.service                  loaded    activating start OpenBSD Secure Shell server
systemd-journald.socket      loaded    active   running Journal Socket
"""

UNIT_FILES = """\
cron.service                           enabled         enabled
exim4.service                          generated       -
postfix.service                        disabled        enabled
ssh.service                            masked          enabled
rsync.service                          disabled        enabled
"""


def test_parsers_read_systemctl_output():
    units = services.parse_list_units(LIST_UNITS)
    assert [(u["unit"], u["active"], u["description"]) for u in units] == [
        ("cron.service", "active", "Regular background program processing daemon"),
        ("exim4.service", "failed", "LSB: exim Mail Transport Agent"),
        ("postfix.service", "inactive", "Postfix Mail Transport Agent"),
        ("ssh.service", "activating", "OpenBSD Secure Shell server")]
    files = services.parse_unit_files(UNIT_FILES)
    assert files["cron.service"] == "enabled" and files["ssh.service"] == "masked" and "rsync.service" in files
    made = [services.ServiceController(u, files.get(u["unit"])) for u in units]
    assert [(s.Name, s.DisplayName, s.Status.name, s.StartType.name, s.CanStop) for s in made] == [
        ("cron", "Regular background program processing daemon", "Running", "Automatic", True),
        ("exim4", "LSB: exim Mail Transport Agent", "Stopped", "Manual", False),
        ("postfix", "Postfix Mail Transport Agent", "Stopped", "Disabled", False),
        ("ssh", "OpenBSD Secure Shell server", "StartPending", "Disabled", False)]
    assert made[0].Status.value__ == 4 and made[0].StartType.value__ == 2


def test_service_view_is_5_1_table():
    from pshim.formatting.views import find_view
    s = services.ServiceController(services.parse_list_units(LIST_UNITS)[0], "enabled")
    view = find_view(s)
    assert [(c.header, c.width) for c in view.columns] == [("Status", 8), ("Name", 18), ("DisplayName", 38)]


def test_without_systemd_every_command_says_so():
    if HAS_SYSTEMD:
        r = run("Get-Service | Measure-Object | ForEach-Object Count")
        out = subprocess.run(["systemctl", "list-units", "--type=service", "--all", "--plain", "--no-legend"],
                             capture_output=True, text=True).stdout
        assert r.output[0] >= len(services.parse_list_units(out))
        return
    for cmd in ("Get-Service", "Get-Service -Name cron", "Start-Service cron", "Stop-Service -Name cron -Force",
                "Restart-Service -DisplayName 'Cron daemon'"):
        r = run(cmd + "; 'next statement'")
        assert r.output == ["next statement"], cmd
        e = r.errors[0]
        assert e.message().startswith("Cannot open Service Control Manager on computer '.'. This operation might "
                                      "require other privileges. (pshim reads services from systemd"), cmd
        assert e.FullyQualifiedErrorId.startswith("System.InvalidOperationException,Microsoft.PowerShell.Commands.")
        assert e.CategoryInfo.Reason == "InvalidOperationException"


def test_modules_aliases_and_input_object_type():
    r = run("(Get-Command Get-Service).ModuleName; (Get-Alias gsv).Definition; (Get-Alias spsv).Definition; "
            "(Get-Command Stop-Service).Parameters['InputObject'].ParameterType.FullName")
    assert r.output[:3] == ["Microsoft.PowerShell.Management", "Get-Service", "Stop-Service"]
