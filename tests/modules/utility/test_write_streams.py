"""Write-Host colours and Write-Information tags (issue 13: every declared parameter does what 5.1 does)."""
import io

from pshim.host.console import ConsoleHost
from pshim.runtime.session import Session
from pshim.testing import run


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_write_host_colours_on_a_terminal():
    out = _Terminal()
    run("Write-Host hi -ForegroundColor Red -NoNewline; Write-Host x -BackgroundColor DarkBlue; Write-Host plain",
        session=Session(ConsoleHost(stdout=out)))
    assert out.getvalue() == "\x1b[91mhi\x1b[0m\x1b[44mx\x1b[0m\nplain\n"


def test_write_host_colours_not_in_redirected_output():
    out = io.StringIO()
    run("Write-Host hi -ForegroundColor Yellow -BackgroundColor Black", session=Session(ConsoleHost(stdout=out)))
    assert out.getvalue() == "hi\n"


def test_write_host_colour_must_be_a_console_colour():
    r = run("Write-Host hi -ForegroundColor Purple")
    assert 'Cannot convert value "Purple" to type "System.ConsoleColor"' in r.error_text


def test_write_information_tags():
    r = run("Write-Information hello -Tags a,b -InformationAction Continue 6>&1 | "
            "ForEach-Object { $_.Tags -join '+'; $_.MessageData; $_.GetType().Name }")
    assert r.output == ["a+b", "hello", "InformationRecord"]
    r = run("Write-Information hello -Tags t1 -InformationVariable iv -InformationAction SilentlyContinue; "
            "$iv[0].Tags; $iv[0].MessageData")
    assert r.output == ["t1", "hello"]
