"""The SMTP banner probe behind Test-SmtpConnectivity: connect, read the greeting, QUIT, close.

Pure Python, no pshim imports. One call probes many endpoints concurrently on a private
asyncio loop and classifies each with the specification's five status codes:

  Success            a complete 2xx reply; Details is the reply (lines joined with CRLF, trimmed)
  Transient error    a 4xx reply, or the connection was closed, reset or went quiet before a
                     complete reply
  Permanent error    a 5xx reply
  Unable to connect  the TCP connection could not be made (refused, unreachable, timed out);
                     Details is the Windows socket text followed by the endpoint, as .NET shows it
  External error     the peer answered with something that is not an SMTP greeting (binary data,
                     HTTP, an over-long line, 4 KiB without a complete reply, a code outside
                     2xx/4xx/5xx), or the probe could not run for a local reason (not an IP
                     address, port out of range, no socket could be opened)

On the wire, per endpoint: a non-blocking TCP connect bounded by `connect_timeout`; the
greeting read into one 4 KiB buffer (never more is read or kept), bounded by `banner_timeout`
for the whole greeting; a multi-line `220-` greeting is read to its last line. Data that
cannot be the start of an SMTP reply ends the read at once. After an SMTP reply (2xx, 4xx or
5xx) the probe sends `QUIT` and reads at most 512 bytes of the answer for at most 1 second,
ignoring failures; after anything else it just closes.

Cancelling: with `cancel` (a threading.Event) set, every probe stops within about 50 ms, its
socket is closed, and probe_all returns the results completed so far (in input order; the
unfinished endpoints are left out). A KeyboardInterrupt (Ctrl+C in the main thread) stops every
probe the same way, closes all sockets, and is re-raised to the caller. Either way no task,
socket or thread is left behind.

The loop is private (asyncio.new_event_loop, never installed as the thread's loop), so the
call works from the main thread or any worker thread and does not disturb another loop; called
from a thread whose loop is running, it runs its own loop in a helper thread and waits.
"""
from __future__ import annotations

import asyncio
import errno
import ipaddress
import socket
import threading
import time
from dataclasses import dataclass
from typing import Callable, Iterable

SUCCESS = "Success"
TRANSIENT = "Transient error"
PERMANENT = "Permanent error"
UNABLE = "Unable to connect"
EXTERNAL = "External error"
STATUSES = (SUCCESS, TRANSIENT, PERMANENT, UNABLE, EXTERNAL)

BANNER_LIMIT = 4096      # bytes read for the whole greeting, at most
LINE_LIMIT = 512         # RFC 5321 4.5.3.1.5: a reply line, CRLF included
QUIT_LIMIT = 512         # bytes read of the QUIT answer, at most
QUIT_WAIT = 1.0          # seconds spent on QUIT, at most
EXCERPT = 60             # bytes of a non-SMTP answer shown in Details
CANCEL_POLL = 0.05       # seconds between looks at the cancel event


@dataclass(frozen=True, slots=True)
class Endpoint:
    """An IP address (no brackets) and a port."""
    address: str
    port: int

    def __str__(self) -> str:
        """.NET IPEndPoint.ToString(): '10.0.0.5:25', '[fe80::1%12]:25'."""
        addr = _normal_address(self.address)
        if ":" in addr:
            return f"[{addr}]:{self.port}"
        return f"{addr}:{self.port}"


@dataclass(slots=True)
class ProbeResult:
    endpoint: Endpoint
    status: str                  # one of STATUSES
    details: str                 # the server's words or the precise error
    latency_ms: float | None     # TCP connect start to complete greeting; None without a greeting


def probe_all(endpoints: list[Endpoint], connect_timeout: float = 10.0, banner_timeout: float = 10.0,
              concurrency: int = 64, port_offset: int = 0,
              cancel: threading.Event | None = None) -> list[ProbeResult]:
    """Probe concurrently (asyncio, at most `concurrency` at once); results in the input order.

    `port_offset` is added to the port dialled; each result keeps the configured endpoint.
    If `cancel` is set meanwhile, the completed results are returned (input order, unfinished
    endpoints left out). KeyboardInterrupt stops everything and propagates."""
    endpoints = list(endpoints)
    results: list[ProbeResult | None] = [None] * len(endpoints)

    def keep(index: int, result: ProbeResult) -> None:
        results[index] = result

    probe_each(endpoints, keep, connect_timeout=connect_timeout, banner_timeout=banner_timeout,
               concurrency=concurrency, port_offset=port_offset, cancel=cancel)
    return [r for r in results if r is not None]


def probe_each(endpoints: Iterable[Endpoint], on_result: Callable[[int, ProbeResult], None],
               connect_timeout: float = 10.0, banner_timeout: float = 10.0, concurrency: int = 64,
               port_offset: int = 0, cancel: threading.Event | None = None) -> bool:
    """The streaming form of probe_all: `on_result(index, result)` is called in completion order,
    on the probing thread, as each endpoint finishes; nothing is kept, so memory does not grow
    with the number of endpoints (the iterable is read lazily). An exception raised by
    `on_result` stops all probes and propagates. Returns True when `cancel` stopped the run."""
    if concurrency < 1:
        raise ValueError("concurrency must be at least 1")
    if not connect_timeout > 0 or not banner_timeout > 0:
        raise ValueError("timeouts must be positive")
    try:
        count = len(endpoints)       # type: ignore[arg-type]
    except TypeError:
        count = None
    if count == 0:
        return False
    workers = concurrency if count is None else min(concurrency, count)
    run = _Run(enumerate(endpoints), on_result, float(connect_timeout), float(banner_timeout),
               workers, int(port_offset), cancel)
    return run.execute()


# ---------------------------------------------------------------------------------------------
# running a private loop

class _Run:
    def __init__(self, items, on_result, connect_timeout, banner_timeout, workers, port_offset, cancel):
        self.items = items
        self.on_result = on_result
        self.connect_timeout = connect_timeout
        self.banner_timeout = banner_timeout
        self.workers = workers
        self.port_offset = port_offset
        self.cancel = cancel
        self.stop = threading.Event()      # set by us when the caller is interrupted (helper thread case)
        self.sockets: set[socket.socket] = set()

    def stopping(self) -> bool:
        return self.stop.is_set() or (self.cancel is not None and self.cancel.is_set())

    def execute(self) -> bool:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return self._run_here()
        return self._run_in_helper()

    def _run_in_helper(self) -> bool:
        box: dict = {}

        def target():
            try:
                box["value"] = self._run_here()
            except BaseException as e:   # handed to the caller's thread below
                box["error"] = e

        t = threading.Thread(target=target, name="smtp-probe", daemon=True)
        t.start()
        try:
            while t.is_alive():
                t.join(0.1)
        except BaseException:
            self.stop.set()
            t.join(5.0)
            raise
        if "error" in box:
            raise box["error"]
        return box["value"]

    def _run_here(self) -> bool:
        loop = asyncio.new_event_loop()
        try:
            return loop.run_until_complete(self._main())
        finally:
            try:
                _cancel_all(loop)
                loop.run_until_complete(loop.shutdown_asyncgens())
                loop.run_until_complete(loop.shutdown_default_executor())
            finally:
                loop.close()
                for s in list(self.sockets):    # last resort (e.g. a second Ctrl+C during clean-up)
                    s.close()
                self.sockets.clear()

    async def _main(self) -> bool:
        loop = asyncio.get_running_loop()
        workers = [loop.create_task(self._worker()) for _ in range(self.workers)]
        watcher = loop.create_task(self._watch())
        pending = set(workers)
        try:
            while pending:
                done, _ = await asyncio.wait(pending | {watcher}, return_when=asyncio.FIRST_COMPLETED)
                if watcher in done:
                    return True
                for t in done:
                    pending.discard(t)
                    exc = t.exception()
                    if exc is not None:
                        raise exc
            return False
        finally:
            rest = [t for t in workers + [watcher] if not t.done()]
            for t in rest:
                t.cancel()
            if rest:
                await asyncio.gather(*rest, return_exceptions=True)

    async def _watch(self) -> None:
        while not self.stopping():
            await asyncio.sleep(CANCEL_POLL)

    async def _worker(self) -> None:
        for index, endpoint in self.items:
            try:
                result = await self._probe(endpoint)
            except (asyncio.CancelledError, KeyboardInterrupt, SystemExit):
                raise
            except Exception as e:   # a probe must end in a result, whatever went wrong
                result = ProbeResult(endpoint, EXTERNAL, f"The probe failed: {type(e).__name__}: {e}", None)
            self.on_result(index, result)

    # -----------------------------------------------------------------------------------------
    # one endpoint

    async def _probe(self, ep: Endpoint) -> ProbeResult:
        loop = asyncio.get_running_loop()
        if not isinstance(ep.port, int):
            return ProbeResult(ep, EXTERNAL, f"The port '{ep.port}' is not a number.", None)
        port = ep.port + self.port_offset
        if not 0 <= port <= 65535:
            return ProbeResult(ep, EXTERNAL, f"The port {port} is outside the range 0-65535.", None)
        try:
            family, _, proto, _, sockaddr = socket.getaddrinfo(
                ep.address, port, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST)[0]
        except (socket.gaierror, UnicodeError, ValueError, TypeError):
            return ProbeResult(ep, EXTERNAL, f"The endpoint address '{ep.address}' is not an IP address.", None)
        try:
            sock = socket.socket(family, socket.SOCK_STREAM, proto)
        except OSError as e:
            if e.errno in (errno.EAFNOSUPPORT, errno.EPROTONOSUPPORT):
                return ProbeResult(ep, UNABLE, f"{_socket_text(e)} {ep}", None)
            return ProbeResult(ep, EXTERNAL, f"The probe could not open a socket: {_socket_text(e)}", None)
        self.sockets.add(sock)
        try:
            sock.setblocking(False)
            started = time.perf_counter()
            try:
                await asyncio.wait_for(loop.sock_connect(sock, sockaddr), self.connect_timeout)
            except asyncio.TimeoutError:
                return ProbeResult(ep, UNABLE, f"{_WSA_TIMEDOUT} {ep}", None)
            except OSError as e:
                if e.errno in (errno.ECONNRESET, errno.ECONNABORTED, errno.EPIPE):
                    # established, then reset before the loop saw it complete: the server hung up
                    return ProbeResult(ep, TRANSIENT, _socket_text(e), None)
                return ProbeResult(ep, UNABLE, f"{_socket_text(e)} {ep}", None)
            return await self._greeting(loop, sock, ep, started)
        finally:
            sock.close()
            self.sockets.discard(sock)

    async def _greeting(self, loop, sock, ep: Endpoint, started: float) -> ProbeResult:
        timeout = self.banner_timeout
        deadline = loop.time() + timeout
        buf = bytearray(BANNER_LIMIT)
        view = memoryview(buf)
        n = 0
        try:
            while True:
                remaining = deadline - loop.time()
                try:
                    if remaining <= 0:
                        raise asyncio.TimeoutError
                    k = await asyncio.wait_for(loop.sock_recv_into(sock, view[n:]), remaining)
                except asyncio.TimeoutError:
                    if n == 0:
                        return ProbeResult(ep, TRANSIENT, f"No banner was received within {_seconds(timeout)}.", None)
                    return ProbeResult(ep, TRANSIENT, f"The banner was not complete within {_seconds(timeout)}; "
                                       f"received: \"{_excerpt(bytes(buf[:n]))}\"", None)
                except OSError as e:
                    text = _socket_text(e)
                    if n:
                        text += f" Received before that: \"{_excerpt(bytes(buf[:n]))}\""
                    return ProbeResult(ep, TRANSIENT, text, None)
                if k == 0:
                    if n == 0:
                        return ProbeResult(ep, TRANSIENT,
                                           "The connection was closed by the remote host before it sent a banner.", None)
                    return ProbeResult(ep, TRANSIENT, "The connection was closed by the remote host before the banner "
                                       f"was complete; received: \"{_excerpt(bytes(buf[:n]))}\"", None)
                n += k
                data = bytes(buf[:n])
                verdict = examine_reply(data)
                if verdict is None:
                    if n >= BANNER_LIMIT:
                        return ProbeResult(ep, EXTERNAL, f"The endpoint sent {BANNER_LIMIT} bytes without completing "
                                           f"an SMTP reply, which is not SMTP; it began: \"{_excerpt(data)}\"", None)
                    continue
                if isinstance(verdict, str):
                    return ProbeResult(ep, EXTERNAL, f"{verdict}; it sent: \"{_excerpt(data)}\"", None)
                code, text = verdict
                latency = (time.perf_counter() - started) * 1000.0
                first = code // 100
                if first not in (2, 4, 5):
                    return ProbeResult(ep, EXTERNAL, f"The endpoint answered with reply code {code}, which is not an "
                                       f"SMTP greeting (2xx, 4xx or 5xx): \"{_excerpt(data)}\"", None)
                status = SUCCESS if first == 2 else TRANSIENT if first == 4 else PERMANENT
                break
        finally:
            view.release()
        await self._quit(loop, sock)
        return ProbeResult(ep, status, text, latency)

    async def _quit(self, loop, sock) -> None:
        async def exchange():
            await loop.sock_sendall(sock, b"QUIT\r\n")
            buf = bytearray(QUIT_LIMIT)
            view = memoryview(buf)
            n = 0
            try:
                while n < QUIT_LIMIT:
                    k = await loop.sock_recv_into(sock, view[n:])
                    if k == 0 or b"\n" in view[n:n + k]:
                        return
                    n += k
            finally:
                view.release()
        try:
            await asyncio.wait_for(exchange(), min(QUIT_WAIT, self.banner_timeout))
        except (OSError, asyncio.TimeoutError):
            pass


def _cancel_all(loop) -> None:
    tasks = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for t in tasks:
        t.cancel()
    if tasks:
        loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))


# ---------------------------------------------------------------------------------------------
# reading a reply

def examine_reply(data: bytes):
    """Look at the bytes received so far (the start of a greeting).

    Returns None when they may still become an SMTP reply (read more); a reason (str) when they
    cannot be one; or (code, text) for a complete reply, text being its lines joined with CRLF
    and trimmed. A line is 3 digits, then ' ' (last line), '-' (more lines follow) or nothing,
    then printable text, ended by CRLF (a bare LF is accepted); at most 512 bytes with CRLF;
    all lines of a reply carry the same code."""
    code = None
    lines = []
    pos = 0
    size = len(data)
    while True:
        nl = data.find(b"\n", pos)
        complete = nl >= 0
        end = nl if complete else size
        if (end + 1 if complete else end) - pos > LINE_LIMIT - (0 if complete else 1):
            return f"The endpoint sent a reply line longer than {LINE_LIMIT} bytes, which is not SMTP"
        line = data[pos:end]
        if complete and line.endswith(b"\r"):
            line = line[:-1]
        elif not complete and line.endswith(b"\r"):
            line = line[:-1]          # the CR of a CRLF still on its way
        why = _line_problem(line, complete)
        if why:
            return why
        if not complete:
            return None
        c = int(line[:3])
        if code is None:
            code = c
        elif c != code:
            return f"The endpoint's multi-line reply mixes the codes {code} and {c}, which is not SMTP"
        lines.append(line.decode("utf-8", "replace"))
        if len(line) == 3 or line[3] == 0x20:
            return code, "\r\n".join(lines).strip()
        pos = nl + 1


def _line_problem(line: bytes, complete: bool) -> str | None:
    head = line[:3]
    if not all(0x30 <= b <= 0x39 for b in head) or (complete and len(head) < 3):
        return "The endpoint did not answer with an SMTP reply"
    if len(line) > 3 and line[3] not in (0x20, 0x2D):
        return "The endpoint did not answer with an SMTP reply"
    for b in line[4:]:
        if (b < 0x20 and b != 0x09) or b == 0x7F:
            return "The endpoint's reply contains control characters, which is not SMTP"
    return None


def _excerpt(data: bytes, limit: int = EXCERPT) -> str:
    """The first `limit` bytes, printable ASCII as is, the rest escaped (\\r \\n \\t \\xNN)."""
    out = []
    for b in data[:limit]:
        if b == 0x5C:
            out.append("\\\\")
        elif 0x20 <= b < 0x7F:
            out.append(chr(b))
        elif b == 0x0D:
            out.append("\\r")
        elif b == 0x0A:
            out.append("\\n")
        elif b == 0x09:
            out.append("\\t")
        else:
            out.append(f"\\x{b:02x}")
    if len(data) > limit:
        out.append("...")
    return "".join(out)


def _seconds(t: float) -> str:
    if t == int(t):
        t = int(t)
        return "1 second" if t == 1 else f"{t} seconds"
    return f"{t:g} seconds"


def _normal_address(address: str) -> str:
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return address


# The Windows Sockets texts that .NET Framework puts in SocketException.Message (interface facts).
_WSA_TIMEDOUT = ("A connection attempt failed because the connected party did not properly respond after a "
                 "period of time, or established connection failed because connected host has failed to respond")
_WSA_TEXTS = {
    errno.ECONNREFUSED: "No connection could be made because the target machine actively refused it",
    errno.ETIMEDOUT: _WSA_TIMEDOUT,
    errno.ENETUNREACH: "A socket operation was attempted to an unreachable network",
    errno.ENETDOWN: "A socket operation encountered a dead network",
    errno.EHOSTUNREACH: "A socket operation was attempted to an unreachable host",
    errno.EHOSTDOWN: "A socket operation was attempted to an unreachable host",
    errno.EADDRNOTAVAIL: "The requested address is not valid in its context",
    errno.EAFNOSUPPORT: "An address incompatible with the requested protocol was used",
    errno.EACCES: "An attempt was made to access a socket in a way forbidden by its access permissions",
    errno.EPERM: "An attempt was made to access a socket in a way forbidden by its access permissions",
    errno.ECONNRESET: "An existing connection was forcibly closed by the remote host",
    errno.ECONNABORTED: "An established connection was aborted by the software in your host machine",
    errno.EPIPE: "An existing connection was forcibly closed by the remote host",
    errno.ENOBUFS: ("An operation on a socket could not be performed because the system lacked sufficient "
                    "buffer space or because a queue was full"),
}


def _socket_text(e: OSError) -> str:
    """The .NET text for a socket error (no final period, as SocketException.Message has none)."""
    text = _WSA_TEXTS.get(e.errno)
    if text is None:
        text = (e.strerror or str(e) or type(e).__name__).rstrip(".")
    return text
