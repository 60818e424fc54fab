"""ConvertFrom-SecureString and ConvertTo-SecureString (formats: protection.py).

Errors as 5.1 reports them: ConvertTo-SecureString writes non-terminating
records (ImportSecureString_InvalidArgument for argument failures such as a
bad key length, ImportSecureString_InvalidArgument_CryptographicError for a
wrong key or another user's value); text that is not hex is a terminating
System.FormatException. ConvertFrom-SecureString stops on a bad key length or
an empty SecureString. No record carries the characters of a secret: the
target object is empty, and the two 5.1 messages that quote the argument
(a non-SecureString bound to -SecureString/-SecureKey, an odd-length
encrypted string) leave the value out.
"""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...errors import ArgumentException, FormatException, PSArgumentException
from ...runtime import conversion as cv
from .protection import (CryptographicException, encrypt_with_key, decrypt_with_key, protect, unprotect)
from .secure_string import SecureString, SECURE_STRING_TYPE, plain_text, secure_bytes

MODULE = "Microsoft.PowerShell.Security"
_NS = "Microsoft.PowerShell.Commands."

FORCE_REQUIRED = ("The system cannot protect plain text input. To suppress this warning and convert the plain text "
                  "to a SecureString, reissue the command specifying the Force parameter. For more information ,type: "
                  "get-help ConvertTo-SecureString.")


def _key_bytes(key) -> bytes:
    return bytes(int(b) & 0xFF for b in (key if isinstance(key, (list, tuple)) else [key]))


class ConvertFromSecureStringCommand(Cmdlet):
    name = "ConvertFrom-SecureString"
    dotnet_type = _NS + "ConvertFromSecureStringCommand"
    module_name = MODULE
    default_parameter_set = "Secure"
    synopsis = "Converts a secure string to an encrypted standard string."

    SecureString_ = Parameter(SECURE_STRING_TYPE, position=0, mandatory=True, value_from_pipeline=True,
                              name="SecureString")
    SecureKey = Parameter(SECURE_STRING_TYPE, position=1, parameter_set="Secure")
    Key = Parameter("byte[]", parameter_set="Open")

    def process(self):
        text = plain_text(self.SecureString_)
        if text == "":
            raise self.terminating_error(self.error(
                'Cannot process argument because the value of argument "SecureString" is not valid. Change the '
                'value of the "SecureString" argument and run the operation again.', "Argument", "InvalidArgument",
                None, PSArgumentException))
        try:
            if self.SecureKey is not None:
                out = encrypt_with_key(text, secure_bytes(self.SecureKey))
            elif self.Key is not None:
                out = encrypt_with_key(text, _key_bytes(self.Key))
            else:
                out = protect(text)
        except PSArgumentException as e:
            raise self.terminating_error(self.error(e.message, "Argument", "InvalidArgument", None,
                                                    PSArgumentException))
        except CryptographicException as e:
            raise self.terminating_error(self.error(e.message, CryptographicException.ps_type, "NotSpecified",
                                                    None, CryptographicException))
        self.write_object(out)


class ConvertToSecureStringCommand(Cmdlet):
    name = "ConvertTo-SecureString"
    dotnet_type = _NS + "ConvertToSecureStringCommand"
    module_name = MODULE
    default_parameter_set = "Secure"
    synopsis = "Converts plain text or encrypted strings to secure strings."

    String = Parameter("string", position=0, mandatory=True, value_from_pipeline=True)
    AsPlainText = Parameter("switch", parameter_set="PlainText", position=1)
    Force = Parameter("switch", parameter_set="PlainText", position=2)
    SecureKey = Parameter(SECURE_STRING_TYPE, parameter_set="Secure", position=1)
    Key = Parameter("byte[]", parameter_set="Open")

    def process(self):
        text = cv.to_string(self.String)
        try:
            if self.SecureKey is not None:
                chars = decrypt_with_key(text, secure_bytes(self.SecureKey))
            elif self.Key is not None:
                chars = decrypt_with_key(text, _key_bytes(self.Key))
            elif self.AsPlainText:
                if not self.Force:
                    self.write_error(self.error(FORCE_REQUIRED, "ImportSecureString_ForceRequired",
                                                "InvalidArgument", None, ArgumentException))
                    return
                chars = text
            else:
                chars = unprotect(text)
        except FormatException as e:
            raise self.terminating_error(self.error(e.message, FormatException.ps_type, "NotSpecified", None,
                                                    FormatException))
        except ArgumentException as e:
            self.write_error(self.error(e.message, "ImportSecureString_InvalidArgument", "InvalidArgument", None,
                                        type(e)))
            return
        except CryptographicException as e:
            self.write_error(self.error(e.message, "ImportSecureString_InvalidArgument_CryptographicError",
                                        "InvalidArgument", None, CryptographicException))
            return
        self.write_object(SecureString(chars))
