"""Send-MailMessage: a real message over SMTP (smtplib), as 5.1's
SmtpClient sends it.

- Server: -SmtpServer, else $PSEmailServer; port -Port (25 when 0 or absent).
- -UseSsl is STARTTLS (SmtpClient.EnableSsl); -Credential logs in (AUTH).
- The message: From/To/Cc/Subject/Date headers (Bcc only in the envelope),
  a text/plain or text/html (-BodyAsHtml) body, one MIME part per
  -Attachments file, X-Priority/Priority/Importance for -Priority High/Low,
  DSN NOTIFY= on each RCPT for -DeliveryNotificationOption when the server
  offers DSN.
- Failures are non-terminating errors with SmtpClient's texts
  ("Unable to connect to the remote server", "Mailbox unavailable. The server
  response was: ..."); FQID `SmtpException,Microsoft.PowerShell.Commands.SendMailMessage`.
- Encoding: -Encoding is honoured; without it the text goes as ASCII when it
  is ASCII and as UTF-8 otherwise (5.1 would turn non-ASCII characters into
  "?": pshim does not lose text, in line with its UTF-8 file default).
"""
from __future__ import annotations

import email.utils
import mimetypes
import os
import smtplib
import socket
import ssl
from email.message import EmailMessage
from email.headerregistry import Address

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...errors import (PSException, InvalidOperationException, FormatException, ItemNotFoundException,
                       SystemException, _exc)
from ...runtime import conversion as cv
from ...runtime.psobject import DotNetObject, unwrap

SmtpException = _exc("SmtpException", "System.Net.Mail.SmtpException", InvalidOperationException)
SmtpFailedRecipientException = _exc("SmtpFailedRecipientException", "System.Net.Mail.SmtpFailedRecipientException",
                                    SmtpException)
SmtpFailedRecipientsException = _exc("SmtpFailedRecipientsException",
                                     "System.Net.Mail.SmtpFailedRecipientsException", SmtpFailedRecipientException)
AuthenticationException = _exc("AuthenticationException", "System.Security.Authentication.AuthenticationException",
                               SystemException)

_ENCODINGS = {"ascii": "us-ascii", "utf8": "utf-8", "utf-8": "utf-8", "unicode": "utf-16", "utf7": "utf-7",
              "utf32": "utf-32", "bigendianunicode": "utf-16-be", "default": "windows-1252", "oem": "cp437",
              "string": "utf-16", "unknown": "utf-16"}
_PRIORITY_HEADERS = {"high": ("1", "urgent", "high"), "low": ("5", "non-urgent", "low")}
_DSN = {"onsuccess": "SUCCESS", "onfailure": "FAILURE", "delay": "DELAY", "never": "NEVER"}
_TIMEOUT = 100.0     # SmtpClient.Timeout default (100 s)


class SmtpClientInfo(DotNetObject):
    """The error target, as 5.1's errors name the SmtpClient."""
    ps_type_names = ("System.Net.Mail.SmtpClient", "System.Object")
    ps_properties = ("Host", "Port", "UseDefaultCredentials", "Credentials", "Timeout", "ServicePoint",
                     "DeliveryMethod", "DeliveryFormat", "PickupDirectoryLocation", "EnableSsl",
                     "ClientCertificates", "TargetName")

    def __init__(self, host, port, ssl_on, has_credential):
        self.Host = host
        self.Port = port
        self.UseDefaultCredentials = not has_credential and not ssl_on
        self.Credentials = None
        self.Timeout = 100000
        self.ServicePoint = None
        self.DeliveryMethod = "Network"
        self.DeliveryFormat = "SevenBit"
        self.PickupDirectoryLocation = None
        self.EnableSsl = ssl_on
        self.ClientCertificates = []
        self.TargetName = f"SMTPSVC/{host}"


def _addr_list(values) -> list[str]:
    out = []
    for v in values or []:
        v = unwrap(v)
        if isinstance(v, (list, tuple)):
            out.extend(_addr_list(v))
        elif v is not None:
            out.append(cv.to_string(v))
    return out


def _parse_address(text: str):
    """(display name, address) or None when text is not an e-mail address."""
    name, addr = email.utils.parseaddr(text.strip())
    if not addr or "@" not in addr or addr.startswith("@") or addr.endswith("@") or " " in addr:
        return None
    return name, addr


def _reply_text(exc) -> str:
    err = getattr(exc, "smtp_error", b"")
    if isinstance(err, bytes):
        err = err.decode("utf-8", "replace")
    code = getattr(exc, "smtp_code", "")
    return f"{code} {err}".strip()


class SendMailMessageCommand(Cmdlet):
    name = "Send-MailMessage"
    dotnet_type = "Microsoft.PowerShell.Commands.SendMailMessage"
    synopsis = "Sends an email message."

    Attachments = Parameter("string[]", value_from_pipeline=True, aliases=("PsPath",),
                            validate_not_null_or_empty=True)
    Bcc = Parameter("string[]", validate_not_null_or_empty=True)
    Body = Parameter("string", position=2, validate_not_null_or_empty=True)
    BodyAsHtml = Parameter("switch", aliases=("BAH",))
    Encoding = Parameter("string", aliases=("BE",), validate_not_null_or_empty=True)
    Cc = Parameter("string[]", validate_not_null_or_empty=True)
    DeliveryNotificationOption = Parameter("string", aliases=("DNO",), validate_not_null_or_empty=True)
    From = Parameter("string", mandatory=True, validate_not_null_or_empty=True)
    SmtpServer = Parameter("string", position=3, aliases=("ComputerName",), validate_not_null_or_empty=True)
    Priority = Parameter("string", validate_set=("Normal", "Low", "High"))
    Subject = Parameter("string", position=1, mandatory=True, aliases=("sub",), validate_not_null_or_empty=True)
    To = Parameter("string[]", position=0, mandatory=True, validate_not_null_or_empty=True)
    Credential = Parameter("object", validate_not_null_or_empty=True)
    UseSsl = Parameter("switch")
    Port = Parameter("int", validate_range=(0, 2147483647))

    # -- begin: addresses and server -------------------------------------------------
    def begin(self):
        self._attachments = []
        sender = _parse_address(cv.to_string(self.From))
        if sender is None:
            raise self.terminating_error(self.error(
                "The specified string is not in the form required for an e-mail address.", "FormatException",
                "InvalidType", cv.to_string(self.From), FormatException))
        self._from = sender
        self._to = self._addresses(self.To)
        self._cc = self._addresses(self.Cc)
        self._bcc = self._addresses(self.Bcc)
        server = self.SmtpServer
        if server is None:
            v = self.ctx.get_variable("PSEmailServer")
            server = cv.to_string(v) if v is not None else None
        if not server:
            raise self.terminating_error(self.error(
                "The email cannot be sent because no SMTP server was specified. You must specify an SMTP server "
                "by using either the SmtpServer parameter or the $PSEmailServer variable.",
                "System.InvalidOperationException", "InvalidArgument", None, InvalidOperationException))
        self._server = cv.to_string(server)
        self._port = self.Port or 25
        self._client = SmtpClientInfo(self._server, self._port, bool(self.UseSsl), self.Credential is not None)

    def _addresses(self, values):
        out = []
        for text in _addr_list(values):
            a = _parse_address(text)
            if a is None:
                self.write_error(self.error("The specified string is not in the form required for an e-mail "
                                            "address.", "FormatException", "InvalidType", None, FormatException))
                continue
            out.append(a)
        return out

    # -- process: attachments ---------------------------------------------------------
    def process(self):
        from ...runtime.drives import display_path
        for a in self.Attachments or []:
            typed = cv.to_string(unwrap(getattr(unwrap(a), "FullName", a)))
            try:
                path = self.ctx.resolve_path(typed)
            except PSException as e:
                raise self.terminating_error(self.error(e.message, "FileOpenFailure", "OpenError", typed,
                                                        ItemNotFoundException))
            if not os.path.isfile(path):
                shown = display_path(path)
                raise self.terminating_error(self.error(
                    f"Cannot find path '{shown}' because it does not exist.", "FileOpenFailure", "OpenError",
                    shown, ItemNotFoundException))
            self._attachments.append(path)

    # -- end: build and send ------------------------------------------------------------
    def _charset(self, texts):
        if self.Encoding:
            return _ENCODINGS.get(cv.to_string(self.Encoding).lower().replace("-", ""),
                                  cv.to_string(self.Encoding))
        return "us-ascii" if all(t.isascii() for t in texts) else "utf-8"

    def build_message(self) -> EmailMessage:
        msg = EmailMessage()
        msg["From"] = _fmt(self._from)
        if self._to:
            msg["To"] = ", ".join(_fmt(a) for a in self._to)
        if self._cc:
            msg["Cc"] = ", ".join(_fmt(a) for a in self._cc)
        msg["Date"] = email.utils.formatdate(localtime=True)
        msg["Subject"] = cv.to_string(self.Subject)
        pri = cv.to_string(self.Priority).lower() if self.Priority else "normal"
        if pri in _PRIORITY_HEADERS:
            xp, p, imp = _PRIORITY_HEADERS[pri]
            msg["X-Priority"] = xp
            msg["Priority"] = p
            msg["Importance"] = imp
        body = cv.to_string(self.Body) if self.Body is not None else ""
        charset = self._charset([body, cv.to_string(self.Subject)])
        msg.set_content(body, subtype="html" if self.BodyAsHtml else "plain", charset=charset)
        for path in self._attachments:
            ctype, enc = mimetypes.guess_type(path)
            if ctype is None or enc is not None:
                ctype = "application/octet-stream"
            maintype, subtype = ctype.split("/", 1)
            with open(path, "rb") as fh:
                data = fh.read()
            msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=os.path.basename(path))
        return msg

    def end(self):
        recipients = [a for _, a in self._to + self._cc + self._bcc]
        if not recipients:
            return
        msg = self.build_message()
        try:
            self._send(msg, recipients)
        except smtplib.SMTPRecipientsRefused as e:
            refused = e.recipients
            if len(recipients) == 1:
                code_text = _reply_text(_Reply(*next(iter(refused.values()))))
                self._smtp_error(f"Mailbox unavailable. The server response was: {_strip_code(code_text)}",
                                 "SmtpException", SmtpFailedRecipientException)
            else:
                self._smtp_error("Unable to send to all recipients.", "SmtpFailedRecipientsException",
                                 SmtpFailedRecipientsException)
        except _PartialFailure as e:
            if len(e.refused) == 1 and len(recipients) == 1:
                self._smtp_error(f"Mailbox unavailable. The server response was: {e.text}", "SmtpException",
                                 SmtpFailedRecipientException)
            else:
                self._smtp_error("Unable to send to a recipient.", "SmtpFailedRecipientsException",
                                 SmtpFailedRecipientsException)
        except smtplib.SMTPAuthenticationError as e:
            self._smtp_error("The SMTP server requires a secure connection or the client was not authenticated. "
                             f"The server response was: {_strip_code(_reply_text(e))}", "SmtpException",
                             SmtpException)
        except smtplib.SMTPNotSupportedError:
            self._smtp_error("Server does not support secure connections.", "SmtpException", SmtpException)
        except smtplib.SMTPSenderRefused as e:
            self._smtp_error(f"Mailbox unavailable. The server response was: {_strip_code(_reply_text(e))}",
                             "SmtpException", SmtpException)
        except smtplib.SMTPDataError as e:
            self._smtp_error(f"Transaction failed. The server response was: {_strip_code(_reply_text(e))}",
                             "SmtpException", SmtpException)
        except smtplib.SMTPResponseException as e:
            self._smtp_error(f"Syntax error, command unrecognized. The server response was: "
                             f"{_strip_code(_reply_text(e))}", "SmtpException", SmtpException)
        except ssl.SSLError as e:
            if "CERTIFICATE" in str(e).upper():
                self._smtp_error("The remote certificate is invalid according to the validation procedure.",
                                 "AuthenticationException", AuthenticationException)
            else:
                self._smtp_error("Failure sending mail.", "SmtpException", SmtpException)
        except socket.gaierror:
            self._smtp_error(f"The remote name could not be resolved: '{self._server}'", "SmtpException",
                             SmtpException)
        except (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, ConnectionError, socket.timeout,
                OSError):
            self._smtp_error("Unable to connect to the remote server", "SmtpException", SmtpException)

    def _send(self, msg, recipients):
        with smtplib.SMTP(self._server, self._port, timeout=_TIMEOUT) as smtp:
            smtp.ehlo_or_helo_if_needed()
            if self.UseSsl:
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            cred = unwrap(self.Credential)
            if cred is not None:
                from ..security.secure_string import plain_text
                user = cv.to_string(getattr(cred, "UserName", cred))
                password = plain_text(getattr(cred, "Password", None))
                smtp.login(user, password)
            rcpt_options = []
            dno = cv.to_string(self.DeliveryNotificationOption or "").lower()
            if dno and dno != "none" and smtp.has_extn("dsn"):
                notify = ",".join(_DSN[p.strip()] for p in dno.split(",") if p.strip() in _DSN)
                if notify:
                    rcpt_options = [f"NOTIFY={notify}"]
            refused = smtp.send_message(msg, from_addr=self._from[1], to_addrs=recipients,
                                        rcpt_options=rcpt_options)
            if refused:
                code, text = next(iter(refused.values()))
                raise _PartialFailure(refused, _strip_code(_reply_text(_Reply(code, text))))

    def _smtp_error(self, message, error_id, exc_class):
        self.write_error(self.error(message, error_id, "InvalidOperation", self._client, exc_class))


class _Reply:
    def __init__(self, code, text):
        self.smtp_code = code
        self.smtp_error = text


class _PartialFailure(Exception):
    def __init__(self, refused, text):
        super().__init__(text)
        self.refused = refused
        self.text = text


def _strip_code(text: str) -> str:
    """SmtpClient quotes the server's reply without its 3-digit code."""
    head, _, rest = text.partition(" ")
    return rest if head.isdigit() and len(head) == 3 else text


def _fmt(pair) -> str:
    name, addr = pair
    if not name:
        return addr
    local, _, domain = addr.partition("@")
    return str(Address(display_name=name, username=local, domain=domain))
