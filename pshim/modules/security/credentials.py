"""PSCredential, NetworkCredential and Get-Credential.

Get-Credential asks through the host: the user name as an ordinary line, the
password with host.prompt_secret (no echo on a terminal; a recording host
shows one * per character), so the password never reaches the host's output,
a transcript or an error record.
"""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...errors import (HostException, InvalidOperationException, MethodException, PSArgumentException,
                       ArgumentNullException)
from ...formatting.views import register_view, TableView, Column
from ...runtime import conversion as cv
from ...runtime.psobject import DotNetObject, unwrap
from ...runtime.typenames import type_name
from .secure_string import SecureString, SECURE_STRING_TYPE, plain_text

MODULE = "Microsoft.PowerShell.Security"
PSCREDENTIAL_TYPE = "System.Management.Automation.PSCredential"
_NL = "\r\n"


class NetworkCredential(DotNetObject):
    ps_type_names = ("System.Net.NetworkCredential", "System.Object")
    ps_properties = ("UserName", "Password", "SecurePassword", "Domain")

    def __init__(self, user, password: str):
        domain, _, name = (user or "").rpartition("\\")
        self.UserName = name
        self.Domain = domain
        self.Password = password
        self.SecurePassword = SecureString(password)


class PSCredential(DotNetObject):
    ps_type_names = (PSCREDENTIAL_TYPE, "System.Object")
    ps_properties = ("UserName", "Password")
    ps_methods = ("GetNetworkCredential",)

    def __init__(self, user, password: SecureString | None):
        self.UserName = user
        self.Password = password

    def GetNetworkCredential(self):
        if self.Password is None:
            return None
        return NetworkCredential(self.UserName, plain_text(self.Password))

    def ps_to_string(self):
        return PSCREDENTIAL_TYPE


register_view(PSCREDENTIAL_TYPE, TableView([Column("UserName"), Column("Password")]))


def new_credential(user, password) -> PSCredential:
    """`[pscredential]::new(user, password)` / `New-Object PSCredential (user, password)`. A password
    that is not a SecureString is refused without showing its value (5.1 shows it)."""
    u, p = unwrap(user), unwrap(password)
    if u is None:
        raise ArgumentNullException('Cannot process argument because the value of argument "userName" is null. '
                                    'Change the value of argument "userName" to a non-null value.')
    if p is None:
        raise ArgumentNullException('Cannot process argument because the value of argument "password" is null. '
                                    'Change the value of argument "password" to a non-null value.')
    if not isinstance(p, SecureString):
        raise MethodException(
            f'Cannot convert argument "password", of type "{type_name(p)}", for "PSCredential" to type '
            f'"{SECURE_STRING_TYPE}".', error_id="MethodArgumentConversionInvalidCastArgument")
    user_text = cv.to_string(u)
    if user_text == "":
        raise PSArgumentException('Cannot process argument because the value of argument "userName" is not '
                                  'valid. Change the value of the "userName" argument and run the operation again.')
    return PSCredential(user_text, p)


class GetCredentialCommand(Cmdlet):
    name = "Get-Credential"
    dotnet_type = "Microsoft.PowerShell.Commands.GetCredentialCommand"
    module_name = MODULE
    default_parameter_set = "CredentialSet"
    synopsis = "Gets a credential object based on a user name and password."

    Credential = Parameter("object", position=0, parameter_set="CredentialSet")
    Message = Parameter("string", parameter_set="MessageSet")
    UserName = Parameter("string", parameter_set="MessageSet")
    Title = Parameter("string", parameter_set="MessageSet")

    def process(self):
        cred = unwrap(self.Credential)
        if isinstance(cred, PSCredential):
            self.write_object(cred)
            return
        user = cv.to_string(cred) if cred is not None else (cv.to_string(self.UserName) if self.UserName else "")
        host = self.host
        try:
            host.write_line(self.Title or "Windows PowerShell credential request")
            host.write_line(self.Message or "Enter your credentials.")
            if not user:
                user = host.prompt_line("User: ")
            password = host.prompt_secret(f"Password for user {user}: ")
        except HostException as e:
            raise self.terminating_error(self.error(e.message, "CouldNotPromptForCredential", "InvalidOperation",
                                                    None, InvalidOperationException))
        if not user:
            return
        self.write_object(PSCredential(user, SecureString(password)))
