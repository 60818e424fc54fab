"""The NT hash pshim hands ldap3's NTLM bind (MD4 of RFC 1320, for hosts whose OpenSSL lacks it)."""
import hashlib
import hmac

import pytest

from pshim.modules.exchange.directory.ldap_ntlm import md4, nt_hash, ntlm_password


@pytest.mark.parametrize("data, digest", [            # RFC 1320's test suite
    (b"", "31d6cfe0d16ae931b73c59d7e0c089c0"),
    (b"a", "bde52cb31de33e46245e05fbdbd6fb24"),
    (b"abc", "a448017aaf21d8525fc10ae87aa6729d"),
    (b"message digest", "d9130a8164549fe818874806e1c7014b"),
    (b"abcdefghijklmnopqrstuvwxyz", "d79e1c308aa5bbcdeea8ed63df412da9"),
    (b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "043f8582f241db351ce627e153e7f0e4"),
    (b"1234567890" * 8, "e33b4ddc9c38f2199c3e7b164fcc0536"),
])
def test_md4(data, digest):
    assert md4(data).hex() == digest


def test_nt_hash_and_the_form_ldap3_takes():
    assert nt_hash("password").hex() == "8846f7eaee8fb117ad06bdd830b7586c"     # the well-known NT hash
    lm, nt = ntlm_password("password").split(":")
    assert len(lm) == 32 and nt == "8846f7eaee8fb117ad06bdd830b7586c"


def test_ldap3_ntlm_client_uses_the_hash_form():
    """ldap3's NTLMv2 key from our `LM:NT` form equals the one computed from the password itself."""
    from ldap3.utils.ntlm import NtlmClient
    client = NtlmClient("CONTOSO", "svc-pshim", ntlm_password("Pa55word!"))
    expected = hmac.new(nt_hash("Pa55word!"), ("SVC-PSHIM" + "CONTOSO").encode("utf-16-le"),
                        digestmod=hashlib.md5).digest()
    assert client.ntowf_v2() == expected
