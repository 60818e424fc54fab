"""ConvertFrom-/ConvertTo-SecureString with -Key / -SecureKey: Windows PowerShell 5.1's AES format."""
import base64

import pytest

from pshim.testing import run
from securestring_vectors import (MARKER, PUBLISHED_KEY, PUBLISHED_PLAINTEXT, PUBLISHED_STRING, decrypt, encrypt,
                                  padding_fails)

KEY_ERROR = ("The specified key is not valid. Valid key length settings are either 128 bits, 192 bits, or "
             "256 bits.")
TO_CMD = "Microsoft.PowerShell.Commands.ConvertToSecureStringCommand"
FROM_CMD = "Microsoft.PowerShell.Commands.ConvertFromSecureStringCommand"


def _key_literal(key) -> str:
    return "([byte[]](" + ",".join(str(b) for b in key) + "))"


def _reveal(string: str, key_expr: str):
    """The characters ConvertTo-SecureString gives back, through a PSCredential (as scripts do)."""
    return run(f"$s = ConvertTo-SecureString '{string}' -Key {key_expr}; "
               "if ($s) { [pscredential]::new('u', $s).GetNetworkCredential().Password }")


@pytest.mark.parametrize("size", [16, 24, 32])
def test_round_trip_with_each_key_length(size):
    text = "P\u00e4ss w\u00f6rd \u20ac \U0001F511 '\""
    key = _key_literal(range(1, size + 1))
    literal = text.replace("'", "''")
    r = run(f"$e = ConvertTo-SecureString '{literal}' -AsPlainText -Force | ConvertFrom-SecureString -Key {key}; "
            f"$e; [pscredential]::new('u', (ConvertTo-SecureString $e -Key {key})).GetNetworkCredential().Password")
    assert r.errors == []
    encrypted, back = r.output
    assert back == text
    assert encrypted.startswith(MARKER)
    # the string is 5.1's format: decrypted here without pshim
    assert decrypt(encrypted, bytes(range(1, size + 1))) == text


def test_each_conversion_has_its_own_iv():
    r = run("$s = ConvertTo-SecureString 'same' -AsPlainText -Force; $k = [byte[]](1..16); "
            "ConvertFrom-SecureString $s -Key $k; ConvertFrom-SecureString $s -Key $k")
    a, b = r.output
    assert a != b
    assert decrypt(a, bytes(range(1, 17))) == decrypt(b, bytes(range(1, 17))) == "same"


def test_string_made_elsewhere_decrypts():
    key = bytes([7, 200, 33, 4, 91, 250, 0, 18, 77, 61, 5, 144, 9, 12, 255, 1, 8, 99, 100, 101, 13, 14, 15, 16])
    made = encrypt("Summer2024!", key, bytes(range(100, 116)))
    r = _reveal(made, _key_literal(key))
    assert r.errors == []
    assert r.output == ["Summer2024!"]


def test_published_sample_decrypts():
    r = _reveal(PUBLISHED_STRING, _key_literal(PUBLISHED_KEY))
    assert r.errors == []
    assert r.output == [PUBLISHED_PLAINTEXT]


def test_marker_is_case_insensitive_and_base64_may_wrap():
    key = bytes(range(16))
    made = encrypt("abc", key, bytes(16))
    body = made[len(MARKER):]
    wrapped = MARKER.upper() + body[:40] + "\n" + body[40:]
    r = run(f"$t = \"{wrapped[:len(MARKER) + 40]}`n{wrapped[len(MARKER) + 41:]}\"; "
            f"[pscredential]::new('u', (ConvertTo-SecureString $t -Key {_key_literal(key)}))"
            ".GetNetworkCredential().Password")
    assert r.errors == []
    assert r.output == ["abc"]


def test_wrong_key_is_51s_error_and_gives_nothing():
    right, wrong = bytes(range(1, 17)), bytes(range(2, 18))
    made = encrypt("Secret-123", right, bytes(range(16)))
    assert padding_fails(made, wrong)          # the fixed vector is one where the padding check catches it
    r = run(f"try {{ $s = ConvertTo-SecureString '{made}' -Key {_key_literal(wrong)}; $null -eq $s; 'went on' }} "
            "catch { 'caught' }")
    assert r.output == [True, "went on"]       # non-terminating, as in 5.1
    e = r.errors[0]
    assert e.message() == "Padding is invalid and cannot be removed."
    assert e.FullyQualifiedErrorId == f"ImportSecureString_InvalidArgument_CryptographicError,{TO_CMD}"
    assert str(e.CategoryInfo) == "InvalidArgument: (:) [ConvertTo-SecureString], CryptographicException"
    assert "Secret-123" not in r.error_text


def test_wrong_key_never_returns_a_value():
    """Many wrong keys against one string: each is an error (padding, or a byte count that cannot be
    UTF-16), never characters."""
    right = bytes(range(1, 33))
    made = encrypt("Another secret", right, bytes(range(50, 66)))
    keys = "; ".join(f"ConvertTo-SecureString '{made}' -Key ([byte[]]({i},2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,"
                     "17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32))" for i in range(2, 42))
    r = run(keys)
    assert r.output == []
    assert len(r.errors) == 40
    assert {e.FullyQualifiedErrorId.split(",")[0] for e in r.errors} <= {
        "ImportSecureString_InvalidArgument_CryptographicError", "ImportSecureString_InvalidArgument"}


def test_secure_key_is_its_utf16_bytes():
    """-SecureKey 'abcdefgh' is the 16-byte key of those characters' UTF-16LE bytes."""
    key = "abcdefgh".encode("utf-16-le")
    r = run("$k = ConvertTo-SecureString 'abcdefgh' -AsPlainText -Force; "
            "$e = ConvertTo-SecureString 'pw' -AsPlainText -Force | ConvertFrom-SecureString -SecureKey $k; $e; "
            "[pscredential]::new('u', (ConvertTo-SecureString $e $k)).GetNetworkCredential().Password")
    assert r.errors == []
    assert decrypt(r.output[0], key) == "pw"
    assert r.output[1] == "pw"
    made = encrypt("from elsewhere", key, bytes(range(16)))
    r = run(f"$k = ConvertTo-SecureString 'abcdefgh' -AsPlainText -Force; "
            f"[pscredential]::new('u', (ConvertTo-SecureString '{made}' -SecureKey $k))"
            ".GetNetworkCredential().Password")
    assert r.output == ["from elsewhere"]


@pytest.mark.parametrize("size", [0, 5, 15, 17, 31, 33, 64])
def test_bad_key_length_is_terminating_for_convertfrom(size):
    r = run(f"$s = ConvertTo-SecureString 'Hidden-42' -AsPlainText -Force; "
            f"try {{ ConvertFrom-SecureString $s -Key ([byte[]]@({','.join(['1'] * size)})); 'same statement' }} "
            "catch { 'caught'; $_ }")
    assert r.output[0] == "caught"
    e = r.output[1]
    assert e.message() == KEY_ERROR
    assert e.FullyQualifiedErrorId == f"Argument,{FROM_CMD}"
    assert str(e.CategoryInfo) == "InvalidArgument: (:) [ConvertFrom-SecureString], PSArgumentException"


def test_bad_key_length_is_nonterminating_for_convertto():
    made = encrypt("x", bytes(16), bytes(16))
    r = run(f"try {{ ConvertTo-SecureString '{made}' -Key ([byte[]](1..20)); 'went on' }} catch {{ 'caught' }}")
    assert r.output == ["went on"]
    e = r.errors[0]
    assert e.message() == KEY_ERROR
    assert e.FullyQualifiedErrorId == f"ImportSecureString_InvalidArgument,{TO_CMD}"


def test_secure_key_of_wrong_length():
    r = run("$k = ConvertTo-SecureString 'abc' -AsPlainText -Force; "
            "ConvertTo-SecureString 'pw' -AsPlainText -Force | ConvertFrom-SecureString -SecureKey $k")
    assert r.errors[0].message() == KEY_ERROR


def test_text_that_is_not_hex_is_a_format_error():
    r = run("try { ConvertTo-SecureString 'not hex at all' -Key ([byte[]](1..16)); 'same statement' } "
            "catch { 'caught'; $_ }")
    assert r.output[0] == "caught"
    e = r.output[1]
    assert e.message() == "Input string was not in a correct format."
    assert e.FullyQualifiedErrorId == f"System.FormatException,{TO_CMD}"


def test_damaged_ciphertext_length():
    package = "2|" + base64.b64encode(bytes(16)).decode() + "|" + "00" * 20
    damaged = MARKER + base64.b64encode(package.encode("utf-16-le")).decode()
    r = run(f"ConvertTo-SecureString '{damaged}' -Key {_key_literal(range(16))}")
    assert r.output == []
    assert r.errors[0].message() == "Length of the data to decrypt is invalid."


def test_string_without_iv_is_refused():
    """The form before PowerShell 2.0 (bare hex, IV never stored): 5.1 returns a garbled first block,
    pshim an error."""
    r = run(f"ConvertTo-SecureString ('00' * 32) -Key {_key_literal(range(16))}")
    assert r.output == []
    assert r.errors[0].FullyQualifiedErrorId == f"ImportSecureString_InvalidArgument_CryptographicError,{TO_CMD}"
