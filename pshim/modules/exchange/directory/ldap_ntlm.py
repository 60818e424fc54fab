"""The NT hash for ldap3's NTLM bind on machines whose OpenSSL has no MD4.

ldap3 computes the NTLMv2 response from MD4(UTF-16LE(password)) with hashlib, and OpenSSL 3 ships MD4
only in its legacy provider, so `hashlib.new('md4')` often fails. ldap3 also accepts the password as
`<LM hash>:<NT hash>` (32 hex digits each); pshim always hands it that form, computing the NT hash with
hashlib when it can and otherwise with the small MD4 below (RFC 1320).
"""
from __future__ import annotations

import hashlib
import struct

_EMPTY_LM = "aad3b435b51404eeaad3b435b51404ee"   # the LM hash of an empty password: LM is not used


def _rotl(x: int, n: int) -> int:
    x &= 0xFFFFFFFF
    return ((x << n) | (x >> (32 - n))) & 0xFFFFFFFF


def md4(data: bytes) -> bytes:
    """MD4 digest (RFC 1320)."""
    length_bits = (8 * len(data)) & 0xFFFFFFFFFFFFFFFF
    data = data + b"\x80" + b"\x00" * ((55 - len(data)) % 64) + struct.pack("<Q", length_bits)
    a, b, c, d = 0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476
    for off in range(0, len(data), 64):
        x = struct.unpack("<16I", data[off:off + 64])
        aa, bb, cc, dd = a, b, c, d
        # round 1: F(x,y,z) = xy | ~x z
        for i in (0, 4, 8, 12):
            a = _rotl(a + ((b & c) | (~b & d)) + x[i], 3)
            d = _rotl(d + ((a & b) | (~a & c)) + x[i + 1], 7)
            c = _rotl(c + ((d & a) | (~d & b)) + x[i + 2], 11)
            b = _rotl(b + ((c & d) | (~c & a)) + x[i + 3], 19)
        # round 2: G(x,y,z) = xy | xz | yz, constant 0x5A827999
        for i in (0, 1, 2, 3):
            a = _rotl(a + ((b & c) | (b & d) | (c & d)) + x[i] + 0x5A827999, 3)
            d = _rotl(d + ((a & b) | (a & c) | (b & c)) + x[i + 4] + 0x5A827999, 5)
            c = _rotl(c + ((d & a) | (d & b) | (a & b)) + x[i + 8] + 0x5A827999, 9)
            b = _rotl(b + ((c & d) | (c & a) | (d & a)) + x[i + 12] + 0x5A827999, 13)
        # round 3: H(x,y,z) = x ^ y ^ z, constant 0x6ED9EBA1
        for i in (0, 2, 1, 3):
            a = _rotl(a + (b ^ c ^ d) + x[i] + 0x6ED9EBA1, 3)
            d = _rotl(d + (a ^ b ^ c) + x[i + 8] + 0x6ED9EBA1, 9)
            c = _rotl(c + (d ^ a ^ b) + x[i + 4] + 0x6ED9EBA1, 11)
            b = _rotl(b + (c ^ d ^ a) + x[i + 12] + 0x6ED9EBA1, 15)
        a, b, c, d = (a + aa) & 0xFFFFFFFF, (b + bb) & 0xFFFFFFFF, (c + cc) & 0xFFFFFFFF, (d + dd) & 0xFFFFFFFF
    return struct.pack("<4I", a, b, c, d)


def nt_hash(password: str) -> bytes:
    data = password.encode("utf-16-le")
    try:
        return hashlib.new("md4", data).digest()
    except ValueError:
        return md4(data)


def ntlm_password(password: str) -> str:
    """The `LM:NT` hash form of a password that ldap3's NTLM bind accepts in place of the password."""
    return f"{_EMPTY_LM}:{nt_hash(password or '').hex()}"
