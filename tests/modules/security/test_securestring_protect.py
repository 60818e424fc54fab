"""ConvertFrom-/ConvertTo-SecureString without a key: pshim's per-user stand-in for DPAPI."""
import os
import re
import stat

from pshim.testing import run
from securestring_vectors import DPAPI_FROM_WINDOWS

TO_CMD = "Microsoft.PowerShell.Commands.ConvertToSecureStringCommand"
WRONG_USER = "Key not valid for use in specified state."


def _protect(text):
    r = run(f"ConvertTo-SecureString '{text}' -AsPlainText -Force | ConvertFrom-SecureString")
    assert r.errors == []
    return r.output[0]


def _unprotect(blob):
    return run(f"$s = ConvertTo-SecureString '{blob}'; "
               "if ($s) { [pscredential]::new('u', $s).GetNetworkCredential().Password }")


def _secrets(home):
    return os.path.join(home, "secrets")


def test_round_trip_in_one_home(tmp_path, monkeypatch):
    monkeypatch.setenv("PSHIM_HOME", str(tmp_path / "home"))
    blob = _protect("Winter-2025!")
    assert re.fullmatch(r"[0-9a-f]+", blob)
    assert "Winter-2025!".encode("utf-16-le").hex() not in blob     # the old fake format
    assert not blob.startswith("01000000d08c9ddf")                  # no pretending to be DPAPI
    assert blob != _protect("Winter-2025!")                         # a fresh nonce each time
    r = _unprotect(blob)
    assert r.errors == []
    assert r.output == ["Winter-2025!"]


def test_another_home_cannot_read_it(tmp_path, monkeypatch):
    monkeypatch.setenv("PSHIM_HOME", str(tmp_path / "alice"))
    blob = _protect("Alice-only")
    monkeypatch.setenv("PSHIM_HOME", str(tmp_path / "bob"))
    _protect("bob makes his own secret")
    r = run(f"try {{ $s = ConvertTo-SecureString '{blob}'; $null -eq $s; 'went on' }} catch {{ 'caught' }}")
    assert r.output == [True, "went on"]
    e = r.errors[0]
    assert e.message() == WRONG_USER
    assert e.FullyQualifiedErrorId == f"ImportSecureString_InvalidArgument_CryptographicError,{TO_CMD}"
    assert str(e.CategoryInfo) == "InvalidArgument: (:) [ConvertTo-SecureString], CryptographicException"
    # a home that has no secret yet does not read it either, and reading makes no secret
    monkeypatch.setenv("PSHIM_HOME", str(tmp_path / "carol"))
    assert _unprotect(blob).errors[0].message() == WRONG_USER
    assert not os.path.exists(_secrets(str(tmp_path / "carol")))


def test_damaged_blob_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("PSHIM_HOME", str(tmp_path / "home"))
    blob = _protect("tamper me")
    flipped = blob[:-2] + format(int(blob[-2:], 16) ^ 1, "02x")
    r = _unprotect(flipped)
    assert r.output == []
    assert r.errors[0].message() == WRONG_USER


def test_dpapi_string_from_windows(tmp_path, monkeypatch):
    monkeypatch.setenv("PSHIM_HOME", str(tmp_path / "home"))
    r = _unprotect(DPAPI_FROM_WINDOWS)
    assert r.output == []
    assert r.errors[0].message() == WRONG_USER
    assert _unprotect("00112233445566778899").errors[0].message() == "The data is invalid."


def test_secret_file_is_owner_only_and_made_on_first_use(tmp_path, monkeypatch):
    home = str(tmp_path / "home")
    monkeypatch.setenv("PSHIM_HOME", home)
    old = os.umask(0)                 # the modes must not depend on the umask
    try:
        run("$x = 1")
        assert not os.path.exists(_secrets(home))
        blob = _protect("first")
    finally:
        os.umask(old)
    folder = _secrets(home)
    key = os.path.join(folder, "protect.key")
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
    assert os.path.getsize(key) == 32
    assert os.listdir(folder) == ["protect.key"]
    with open(key, "rb") as fh:
        secret = fh.read()
    _protect("second")                                  # reused, not replaced
    with open(key, "rb") as fh:
        assert fh.read() == secret
    assert _unprotect(blob).output == ["first"]


def test_odd_length_and_non_hex(tmp_path, monkeypatch):
    monkeypatch.setenv("PSHIM_HOME", str(tmp_path / "home"))
    r = run("ConvertTo-SecureString 'abc'; 'went on'")
    assert r.output == ["went on"]
    assert r.errors[0].FullyQualifiedErrorId == f"ImportSecureString_InvalidArgument,{TO_CMD}"
    r = run("try { ConvertTo-SecureString 'zzzz'; 'same statement' } catch { $_.FullyQualifiedErrorId }")
    assert r.output == [f"System.FormatException,{TO_CMD}"]


def test_empty_secure_string_is_refused():
    r = run("try { ConvertFrom-SecureString (New-Object SecureString) } catch { $_.Exception.Message; "
            "$_.FullyQualifiedErrorId }")
    assert r.output == ['Cannot process argument because the value of argument "SecureString" is not valid. '
                        'Change the value of the "SecureString" argument and run the operation again.',
                        "Argument,Microsoft.PowerShell.Commands.ConvertFromSecureStringCommand"]
