"""Keyed SecureString strings built independently of pshim's code: Windows PowerShell 5.1's
format written out with `cryptography` directly, and one string published with its key."""
import base64

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

MARKER = "76492d1116743f0423413b16050a5345"

# A string printed with its key in public write-ups of the "Fulcrum" machine (Hack The Box): a script
# kept the key bytes and the ConvertFrom-SecureString -Key output side by side.
PUBLISHED_KEY = [77, 52, 110, 103, 63, 109, 63, 110, 116, 80, 97, 53, 53, 77, 52, 110, 103, 63, 109, 63, 110,
                 116, 80, 97, 53, 53, 48, 48, 48, 48, 48, 48]
PUBLISHED_STRING = (
    "76492d1116743f0423413b16050a5345MgB8AEQAVABpAHoAWgBvAFUALwBXAHEAcABKAFoAQQBNAGEARgArAGYAVgBGAGcAPQA9AHwAOQAw"
    "ADgANwAxADIAZgA1ADgANwBiADIAYQBjADgAZQAzAGYAOQBkADgANQAzADcAMQA3AGYAOQBhADMAZQAxAGQAYwA2AGIANQA3ADUAYQA1ADUA"
    "MwA2ADgAMgBmADUAZgA3AGQAMwA4AGQAOAA2ADIAMgAzAGIAYgAxADMANAA=")
PUBLISHED_PLAINTEXT = "M4ng\u00a3m\u00a3ntPa55"

# the DPAPI string printed in Example 1 of 5.1's ConvertTo-SecureString documentation (another machine's user)
DPAPI_FROM_WINDOWS = (
    "01000000d08c9ddf0115d1118c7a00c04fc297eb010000001a114d45b8dd3f4aa11ad7c0abdae98000000000"
    "02000000000003660000a8000000100000005df63cea84bfb7d70bd6842e7efa79820000000004800000a000"
    "000010000000f10cd0f4a99a8d5814d94e0687d7430b100000008bf11f1960158405b2779613e9352c6d1400"
    "0000e6b7bf46a9d485ff211b9b2a2df3bd6eb67aae41")


def encrypt(text: str, key: bytes, iv: bytes) -> str:
    """5.1's keyed form: marker + base64(UTF-16LE("2|" + base64(IV) + "|" + hex(AES-CBC-PKCS7(UTF-16LE text))))."""
    padder = padding.PKCS7(128).padder()
    data = padder.update(text.encode("utf-16-le")) + padder.finalize()
    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    package = "2|" + base64.b64encode(iv).decode() + "|" + (enc.update(data) + enc.finalize()).hex()
    return MARKER + base64.b64encode(package.encode("utf-16-le")).decode()


def decrypt(s: str, key: bytes) -> str:
    assert s.startswith(MARKER)
    version, iv, cipher_hex = base64.b64decode(s[len(MARKER):]).decode("utf-16-le").split("|")
    assert version == "2"
    dec = Cipher(algorithms.AES(key), modes.CBC(base64.b64decode(iv))).decryptor()
    data = dec.update(bytes.fromhex(cipher_hex)) + dec.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return (unpadder.update(data) + unpadder.finalize()).decode("utf-16-le")


def padding_fails(s: str, key: bytes) -> bool:
    try:
        decrypt(s, key)
    except ValueError:
        return True
    return False
