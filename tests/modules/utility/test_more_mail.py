"""Send-MailMessage against a real SMTP server on 127.0.0.1 (a minimal one,
asyncio in a background thread, stopped after each test)."""
import asyncio
import base64
import email
import email.policy
import socket
import threading

import pytest

from pshim.testing import run, new_session


class SmtpServer:
    """220 banner, EHLO/HELO, AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
    Recipients in `reject` get 550; received messages land in `messages`."""

    def __init__(self, reject=(), dsn=False):
        self.reject = {r.lower() for r in reject}
        self.dsn = dsn
        self.messages = []      # (mail_from, [rcpt lines], email.message.Message)
        self.auth = []
        self.rcpt_lines = []
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    async def _handle(self, reader, writer):
        def send(line):
            writer.write(line.encode() + b"\r\n")
        send("220 test.local ESMTP ready")
        mail_from, rcpts = None, []
        try:
            while True:
                raw = await asyncio.wait_for(reader.readline(), 10)
                if not raw:
                    break
                cmd = raw.decode("utf-8", "replace").rstrip("\r\n")
                up = cmd.upper()
                if up.startswith("EHLO"):
                    exts = ["250-test.local", "250-8BITMIME", "250-AUTH PLAIN"] + (["250-DSN"] if self.dsn else [])
                    for line in exts:
                        send(line)
                    send("250 SMTPUTF8")
                elif up.startswith("HELO"):
                    send("250 test.local")
                elif up.startswith("AUTH PLAIN"):
                    parts = base64.b64decode(cmd.split()[2]).split(b"\0")
                    self.auth.append((parts[1].decode(), parts[2].decode()))
                    send("235 2.7.0 Authentication successful")
                elif up.startswith("MAIL FROM:"):
                    mail_from, rcpts = cmd[10:].strip().split()[0].strip("<>"), []
                    send("250 2.1.0 Sender OK")
                elif up.startswith("RCPT TO:"):
                    self.rcpt_lines.append(cmd)
                    addr = cmd[8:].strip().split()[0].strip("<>")
                    if addr.lower() in self.reject:
                        send("550 5.1.1 User unknown")
                    else:
                        rcpts.append(addr)
                        send("250 2.1.5 Recipient OK")
                elif up == "DATA":
                    send("354 Start mail input; end with <CRLF>.<CRLF>")
                    lines = []
                    while True:
                        line = await asyncio.wait_for(reader.readline(), 10)
                        if line in (b".\r\n", b".\n", b""):
                            break
                        if line.startswith(b".."):
                            line = line[1:]
                        lines.append(line)
                    msg = email.message_from_bytes(b"".join(lines), policy=email.policy.default)
                    self.messages.append((mail_from, rcpts, msg))
                    send("250 2.6.0 Queued")
                elif up in ("RSET", "NOOP"):
                    send("250 OK")
                elif up == "QUIT":
                    send("221 2.0.0 Bye")
                    await writer.drain()
                    break
                else:
                    send("500 5.3.3 Unrecognized command")
                await writer.drain()
        except (asyncio.TimeoutError, ConnectionError):
            pass
        finally:
            writer.close()

    def _run(self):
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(asyncio.start_server(self._handle, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        self.loop.call_later(30, self.loop.stop)      # bounded lifetime, whatever happens
        self.ready.set()
        self.loop.run_forever()
        server.close()

    def start(self):
        self.thread.start()
        assert self.ready.wait(5)
        return self

    def stop(self):
        if self.loop.is_running():
            self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


@pytest.fixture
def smtp():
    servers = []

    def make(**kw):
        s = SmtpServer(**kw).start()
        servers.append(s)
        return s
    yield make
    for s in servers:
        s.stop()


def test_sends_a_message(smtp):
    srv = smtp()
    r = run(f"Send-MailMessage -To 'Ann <ann@example.com>','bob@example.com' -Cc cc@example.com "
            f"-Bcc hidden@example.com -From 'Reports <reports@example.com>' -Subject 'Queue report' "
            f"-Body 'All queues empty.' -SmtpServer 127.0.0.1 -Port {srv.port} -Priority High")
    assert not r.errors, [e.message() for e in r.errors]
    assert r.output == []
    (mail_from, rcpts, msg), = srv.messages
    assert mail_from == "reports@example.com"
    assert rcpts == ["ann@example.com", "bob@example.com", "cc@example.com", "hidden@example.com"]
    assert msg["From"] == "Reports <reports@example.com>"
    assert msg["To"] == "Ann <ann@example.com>, bob@example.com"
    assert msg["Cc"] == "cc@example.com"
    assert msg["Bcc"] is None
    assert msg["Subject"] == "Queue report"
    assert msg["X-Priority"] == "1"
    assert msg["Date"]
    assert msg.get_content_type() == "text/plain"
    assert msg.get_content().strip() == "All queues empty."


def test_html_body_attachment_ps_email_server_and_credential(smtp):
    srv = smtp()
    s = new_session()
    r = run(f"Set-Content C:\\report.csv 'a,b','1,2'; $PSEmailServer = '127.0.0.1'; "
            f"$c = Get-Credential -UserName 'CONTOSO\\svc'; "
            f"Send-MailMessage -To ann@example.com -From me@example.com -Subject 'Résumé' "
            f"-Body '<b>été</b>' -BodyAsHtml -Attachments C:\\report.csv -Port {srv.port} -Credential $c",
            session=s, answers=["pw1"])
    assert not r.errors, [e.message() for e in r.errors]
    (_, _, msg), = srv.messages
    assert srv.auth == [("CONTOSO\\svc", "pw1")]
    assert msg["Subject"] == "Résumé"
    body = msg.get_body(("html",))
    assert body.get_content().strip() == "<b>été</b>"
    att, = list(msg.iter_attachments())
    assert att.get_filename() == "report.csv"
    assert att.get_content().replace("\r\n", "\n") == "a,b\n1,2\n"


def test_rejected_recipient_is_a_non_terminating_error(smtp):
    srv = smtp(reject=["nobody@example.com"])
    r = run(f"Send-MailMessage -To nobody@example.com -From me@example.com -Subject s -Body b "
            f"-SmtpServer 127.0.0.1 -Port {srv.port}; 'after'")
    assert r.output == ["after"]
    assert r.errors[0].message() == "Mailbox unavailable. The server response was: 5.1.1 User unknown"
    assert r.errors[0].FullyQualifiedErrorId == "SmtpException,Microsoft.PowerShell.Commands.SendMailMessage"


def test_dsn_notify_when_offered(smtp):
    srv = smtp(dsn=True)
    r = run(f"Send-MailMessage -To a@example.com -From me@example.com -Subject s -SmtpServer 127.0.0.1 "
            f"-Port {srv.port} -DeliveryNotificationOption OnFailure")
    assert not r.errors
    assert [line.upper() for line in srv.rcpt_lines] == ["RCPT TO:<A@EXAMPLE.COM> NOTIFY=FAILURE"]


def test_connection_failure():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]      # nothing listens once closed
    r = run(f"Send-MailMessage -To a@example.com -From me@example.com -Subject s -SmtpServer 127.0.0.1 "
            f"-Port {port}; 'after'")
    assert r.output == ["after"]
    assert r.errors[0].message() == "Unable to connect to the remote server"
    assert r.errors[0].FullyQualifiedErrorId == "SmtpException,Microsoft.PowerShell.Commands.SendMailMessage"
    assert str(r.errors[0].CategoryInfo) == \
        "InvalidOperation: (System.Net.Mail.SmtpClient:SmtpClient) [Send-MailMessage], SmtpException"


def test_no_server_and_bad_from():
    r = run("Send-MailMessage -To a@example.com -From me@example.com -Subject s")
    assert r.errors[0].message() == ("The email cannot be sent because no SMTP server was specified. You must "
                                     "specify an SMTP server by using either the SmtpServer parameter or the "
                                     "$PSEmailServer variable.")
    r = run("Send-MailMessage -To a@example.com -From 'not an address' -Subject s -SmtpServer 127.0.0.1")
    assert r.errors[0].message() == "The specified string is not in the form required for an e-mail address."
