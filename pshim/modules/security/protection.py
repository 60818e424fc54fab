"""Protecting a SecureString's characters as text: the two forms
ConvertFrom-SecureString writes and ConvertTo-SecureString reads.

With a key (-Key byte[] / -SecureKey): Windows PowerShell 5.1's own format, so
strings move both ways between 5.1 and pshim:

    "76492d1116743f0423413b16050a5345" + base64( UTF-16LE( "2|" + base64(IV) + "|" + hex(C) ) )

where C is AES-CBC with PKCS#7 padding (a 16-byte random IV; the key is 16,
24 or 32 bytes) of the UTF-16LE characters, and hex is lower-case. A
-SecureKey is used as the UTF-16LE bytes of its characters (so 8, 12 or 16
characters). The format carries no integrity check: a wrong key shows up as a
padding failure, an odd number of bytes or characters that cannot have been
typed (lone surrogates), and those are refused; a wrong key that passes all
three (fewer than one time in 65,000) cannot be told from a right one.

Without a key 5.1 uses DPAPI (the Windows user's secret). pshim's stand-in is
a 32-byte secret created on first use in `<pshim home>/secrets/protect.key`
(file 0600 in a 0700 folder) and AES-256-GCM (authenticated) encryption:

    hex( b"pshim\\x01" + nonce(12) + AESGCM(key, nonce, UTF-16LE text, aad=b"pshim\\x01") )

The result is not a DPAPI blob and does not pretend to be one; like DPAPI it
is readable only with the same user's secret, so a value protected in another
pshim home or by another user fails with 5.1's "Key not valid for use in
specified state." Choices rejected: Fernet (its own token format, no gain
over AES-GCM here); deriving the secret from the user name or machine id
(guessable, so not a secret).
"""
from __future__ import annotations

import base64
import binascii
import os
import re

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ...errors import SystemException, FormatException, PSArgumentException
from ...runtime.drives import pshim_home

EXPORT_HEADER = "76492d1116743f0423413b16050a5345"
KEY_LENGTHS = (16, 24, 32)

_STANDIN_MAGIC = b"pshim\x01"
_DPAPI_MAGIC = bytes.fromhex("01000000d08c9ddf0115d1118c7a00c04fc297eb")
_HEX = re.compile(r"[0-9A-Fa-f]*")
_B64_SPACE = re.compile(r"[ \t\r\n]")

# .NET's texts for the failures (facts of 5.1's behaviour)
INVALID_KEY_LENGTH = ("The specified key is not valid. Valid key length settings are either 128 bits, 192 bits, "
                      "or 256 bits.")
NOT_THIS_KEY = "Could not decrypt data. The data was not encrypted with this key."
BAD_PADDING = "Padding is invalid and cannot be removed."
BAD_LENGTH = "Length of the data to decrypt is invalid."
BAD_IV = "Specified initialization vector (IV) does not match the block size for this algorithm."
BAD_FORMAT = "Input string was not in a correct format."
DPAPI_WRONG_USER = "Key not valid for use in specified state."
DPAPI_BAD_DATA = "The data is invalid."
# pshim's own: a keyed string without the "2|IV|data" package (Windows PowerShell 1.0's form, whose IV
# was never stored; 5.1 decrypts it to a garbled first block, pshim refuses)
NO_IV = ("The encrypted string has no initialization vector (the form written before Windows PowerShell 2.0); "
         "it cannot be decrypted reliably.")
# pshim's wording of 5.1's "The parameter value "{0}" is not a valid encrypted string." without the value,
# which is often a password typed without -AsPlainText
INVALID_ENCRYPTED_STRING = "The parameter value is not a valid encrypted string."


class CryptographicException(SystemException):
    ps_type = "System.Security.Cryptography.CryptographicException"
    default_category = "NotSpecified"


def check_key(key: bytes):
    if len(key) not in KEY_LENGTHS:
        raise PSArgumentException(INVALID_KEY_LENGTH, error_id="Argument", category="InvalidArgument")


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-le", "surrogatepass")


def _chars(data: bytes) -> str:
    """UTF-16LE bytes back to characters, as SecureStringHelper does: an odd count is an error."""
    if len(data) % 2:
        raise PSArgumentException(NOT_THIS_KEY, error_id="Argument", category="InvalidArgument")
    return data.decode("utf-16-le", "surrogatepass")


def _hex_bytes(s: str) -> bytes:
    """5.1's ByteArrayFromString: pairs of hex digits; a trailing odd digit is ignored."""
    pairs = s[:len(s) // 2 * 2]
    if not _HEX.fullmatch(pairs):
        raise FormatException(BAD_FORMAT, error_id="FormatException")
    return bytes.fromhex(pairs)


def _b64(s: str) -> bytes:
    """Convert.FromBase64String: whitespace ignored, padding required."""
    return base64.b64decode(_B64_SPACE.sub("", s), validate=True)


# ---------------------------------------------------------------------------
# With a key: 5.1's format

def encrypt_with_key(text: str, key: bytes, iv: bytes | None = None) -> str:
    check_key(key)
    iv = os.urandom(16) if iv is None else iv
    padder = padding.PKCS7(128).padder()
    data = padder.update(_utf16(text)) + padder.finalize()
    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    cipher_hex = (enc.update(data) + enc.finalize()).hex()
    package = "2|" + base64.b64encode(iv).decode("ascii") + "|" + cipher_hex
    return EXPORT_HEADER + base64.b64encode(_utf16(package)).decode("ascii")


def decrypt_with_key(s: str, key: bytes) -> str:
    """The characters of a keyed string. Raises PSArgumentException (key length, not this key),
    FormatException (not hex) or CryptographicException (.NET's decryption failures)."""
    content, iv = s, None
    if s[:len(EXPORT_HEADER)].lower() == EXPORT_HEADER:
        try:
            package = _b64(s[len(EXPORT_HEADER):]).decode("utf-16-le", "replace")
            parts = package.split("|")
            if len(parts) == 3:
                content, iv = parts[2], _b64(parts[1])
        except (binascii.Error, ValueError):
            content, iv = s, None
    check_key(key)
    data = _hex_bytes(content)
    if iv is None:
        raise CryptographicException(NO_IV)
    if len(iv) != 16:
        raise CryptographicException(BAD_IV)
    if not data or len(data) % 16:
        raise CryptographicException(BAD_LENGTH)
    dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    padded = dec.update(data) + dec.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    try:
        plain = unpadder.update(padded) + unpadder.finalize()
    except ValueError:
        raise CryptographicException(BAD_PADDING) from None
    text = _chars(plain)
    if _has_lone_surrogate(text):
        raise PSArgumentException(NOT_THIS_KEY, error_id="Argument", category="InvalidArgument")
    return text


def _has_lone_surrogate(text: str) -> bool:
    i, n = 0, len(text)
    while i < n:
        c = ord(text[i])
        if 0xD800 <= c <= 0xDBFF:
            if i + 1 < n and 0xDC00 <= ord(text[i + 1]) <= 0xDFFF:
                i += 2
                continue
            return True
        if 0xDC00 <= c <= 0xDFFF:
            return True
        i += 1
    return False


# ---------------------------------------------------------------------------
# Without a key: pshim's stand-in for DPAPI

def secrets_folder() -> str:
    return os.path.join(pshim_home(), "secrets")


def user_key_path() -> str:
    return os.path.join(secrets_folder(), "protect.key")


def _read_key(path: str) -> bytes | None:
    try:
        with open(path, "rb") as fh:
            key = fh.read(64)
    except FileNotFoundError:
        return None
    except OSError as e:
        raise CryptographicException(e.strerror or str(e)) from None
    if len(key) != 32:
        raise CryptographicException(DPAPI_WRONG_USER)
    return key


def _user_key(create: bool) -> bytes | None:
    path = user_key_path()
    key = _read_key(path)
    if key is not None or not create:
        return key
    folder = os.path.dirname(path)
    try:
        if not os.path.isdir(folder):
            os.makedirs(folder, mode=0o700, exist_ok=True)
            os.chmod(folder, 0o700)
        # write a new secret under a temporary name, then link it into place: of two shells creating
        # it at once, one wins and both use its secret
        tmp = os.path.join(folder, f".protect.key.{os.getpid()}.{os.urandom(4).hex()}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(os.urandom(32))
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o600)
            try:
                os.link(tmp, path)
            except FileExistsError:
                pass
        finally:
            os.unlink(tmp)
    except OSError as e:
        raise CryptographicException(e.strerror or str(e)) from None
    key = _read_key(path)
    if key is None:
        raise CryptographicException(DPAPI_WRONG_USER)
    return key


def protect(text: str) -> str:
    """Hex of the stand-in blob for these characters (the user's secret is created on first use)."""
    key = _user_key(create=True)
    nonce = os.urandom(12)
    blob = _STANDIN_MAGIC + nonce + AESGCM(key).encrypt(nonce, _utf16(text), _STANDIN_MAGIC)
    return blob.hex()


def unprotect(s: str) -> str:
    """The characters of a stand-in blob. Raises PSArgumentException (odd length), FormatException
    (not hex) or CryptographicException (another user's or home's blob, a real DPAPI blob, damage)."""
    if len(s) % 2:
        raise PSArgumentException(INVALID_ENCRYPTED_STRING, error_id="Argument", category="InvalidArgument")
    blob = _hex_bytes(s)
    if not blob.startswith(_STANDIN_MAGIC):
        if blob.startswith(_DPAPI_MAGIC):
            raise CryptographicException(DPAPI_WRONG_USER)
        raise CryptographicException(DPAPI_BAD_DATA)
    body = blob[len(_STANDIN_MAGIC):]
    if len(body) < 12 + 16:
        raise CryptographicException(DPAPI_BAD_DATA)
    key = _user_key(create=False)
    if key is None:
        raise CryptographicException(DPAPI_WRONG_USER)
    try:
        data = AESGCM(key).decrypt(body[:12], body[12:], _STANDIN_MAGIC)
    except InvalidTag:
        raise CryptographicException(DPAPI_WRONG_USER) from None
    return _chars(data)
