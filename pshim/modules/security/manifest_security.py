"""Microsoft.PowerShell.Security: credentials and secure strings."""
MODULE_NAME = "Microsoft.PowerShell.Security"

_S = "pshim.modules.security."

CMDLETS = {
    "Get-Credential": _S + "credentials:GetCredentialCommand",
    "ConvertTo-SecureString": _S + "convert_secure_string:ConvertToSecureStringCommand",
    "ConvertFrom-SecureString": _S + "convert_secure_string:ConvertFromSecureStringCommand",
}


def on_load(table):
    """[pscredential] and [securestring] as type literals, and their constructors:
    `New-Object PSCredential ($user, $pass)` and `[pscredential]::new(...)` (the type's `new`),
    `New-Object SecureString`. The classes load only when such a type
    is first used; nothing is registered with runtime.statics, whose import would slow every start."""
    from ...runtime.types import register_type, PSType

    def _secure():
        from . import secure_string
        return secure_string

    def _creds():
        from . import credentials
        return credentials

    def _cred(value):
        from ...runtime.psobject import unwrap
        from ...runtime.conversion import cast_error
        v = unwrap(value)
        if v is None or isinstance(v, _creds().PSCredential):
            return v
        if isinstance(v, (list, tuple)) and len(v) == 2:
            return _creds().new_credential(v[0], v[1])
        raise cast_error(value, "System.Management.Automation.PSCredential")

    def _secure_cast(value):
        """Only a SecureString converts to one; the refusal does not quote the value."""
        from ...runtime.psobject import unwrap
        from ...runtime.typenames import type_name
        from ...errors import PSInvalidCastException
        v = unwrap(value)
        if v is None or isinstance(v, _secure().SecureString):
            return v
        raise PSInvalidCastException(
            f'Cannot convert the value of type "{type_name(v)}" to type "System.Security.SecureString".',
            error_id="ConvertToFinalInvalidCastException", category="InvalidArgument")

    class _SecureStringType(PSType):
        def new(self, *args):
            """New-Object System.Security.SecureString: an empty one."""
            if args:
                from ...runtime.method_support import overload_error
                raise overload_error("SecureString", len(args))
            return _secure().SecureString()

    class _CredentialType(PSType):
        def new(self, *args):
            """[pscredential]::new(user, password), New-Object PSCredential (user, password)."""
            if len(args) != 2:
                from ...runtime.method_support import overload_error
                raise overload_error("new", len(args))
            return _creds().new_credential(*args)

    register_type(_CredentialType("System.Management.Automation.PSCredential", _cred,
                                  lambda v: isinstance(v, _creds().PSCredential)), "pscredential")
    register_type(_SecureStringType("System.Security.SecureString", _secure_cast,
                                    lambda v: isinstance(v, _secure().SecureString)), "securestring")
