"""Transcripts take a copy of the host's text through the host's transcript hook: the host object is
never patched, a writer that holds the host's write method from before Start-Transcript is transcribed
too, nested transcripts each get the text, and Stop-Transcript takes only the newest off."""
from pshim.testing import new_session, run


def _body(session, path):
    return run(f"Get-Content {path}", session=session).output


def test_transcripts_use_the_host_hook_and_nest():
    s = new_session()
    early_write = s.host.write          # held before any transcript starts (as an Out-Default sink may)
    run("Start-Transcript -Path C:\\t\\outer.txt; Write-Host 'one'", session=s)
    assert "write" not in vars(s.host) and "write_error_text" not in vars(s.host)
    early_write("held writer\n")
    run("Start-Transcript -Path C:\\t\\inner.txt; Write-Host 'two'; Stop-Transcript; Write-Host 'three'; "
        "Stop-Transcript; Write-Host 'four'", session=s)
    assert s.host.transcripts == []
    outer = _body(s, "C:\\t\\outer.txt")
    inner = _body(s, "C:\\t\\inner.txt")
    assert [x for x in ("one", "held writer", "two", "three", "four") if x in outer] == \
        ["one", "held writer", "two", "three"]
    assert [x for x in ("one", "held writer", "two", "three", "four") if x in inner] == ["two"]
