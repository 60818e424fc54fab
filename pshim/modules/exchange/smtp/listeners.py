"""SMTP listeners for the lab's Receive connectors, with faults an instructor can inject.

Pure Python, no pshim imports. A ListenerGroup runs every listener of a lab on one private
asyncio loop in a background thread. Each spec is served on its loopback address and port
(plus the group's `port_offset`):

  healthy (fault None)  a real SMTP server (aiosmtpd's SMTP protocol): the greeting is exactly the
                        spec's banner, EHLO/HELO/MAIL/RCPT/DATA/RSET/NOOP/QUIT work; every message
                        is accepted ('250 2.6.0 Queued mail for delivery') and discarded (only a
                        count is kept, see ListenerGroup.messages)
  'down'                nothing listens: a connection is refused
  'transient'           '421 4.3.2 Service not available, closing transmission channel', then close
  'permanent'           '554 5.7.1 Service unavailable; the connection was refused by policy', then close
  'silent'              accepts and never speaks; the connection is dropped after 60 seconds
  'slow'                the banner after `delay` seconds, then a normal SMTP session
  'garbage'             b'\\x00\\xff' + b'HTTP/1.1 400 Bad Request\\r\\n' ..., then close
  'reset'               accepts, then resets the connection (SO_LINGER 0 close: a TCP RST)
  'huge'                '220 ' and then 4 MB without a newline, written in 64 KiB chunks as the
                        peer's window allows, stopping when the peer goes away

`{date}` in a banner is replaced per connection by the date in Exchange's greeting form
('Mon, 3 Jun 2019 15:02:33 +0200': invariant day and month names, local time and offset).

Only loopback addresses (127.0.0.0/8, ::1) are served; any other address is reported in
`errors`. Two specs with the same address and port: the first is served, a later different
one is reported in `errors`. `update()` makes the group follow a changed directory: new specs
start listening, removed ones stop, and a changed banner, fault or delay applies to the
connections made after the change (a listener changed to 'down', or removed, also drops its
open connections). start() and update() return once the listeners are bound (or have failed);
stop() closes every listener and connection and ends the thread within a few seconds.
"""
from __future__ import annotations

import asyncio
import ipaddress
import os
import socket
import struct
import threading
from dataclasses import dataclass
from datetime import datetime

from aiosmtpd.smtp import SMTP

FAULTS = (None, "down", "transient", "permanent", "silent", "slow", "garbage", "reset", "huge")

TRANSIENT_REPLY = b"421 4.3.2 Service not available, closing transmission channel\r\n"
PERMANENT_REPLY = b"554 5.7.1 Service unavailable; the connection was refused by policy\r\n"
GARBAGE_BYTES = (b"\x00\xff\xfe\x01HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\n"
                 b"Connection: close\r\n\r\n<html><body>Bad Request</body></html>\r\n")
SILENT_LIMIT = 60.0                  # seconds a silent listener keeps a connection
HUGE_SIZE = 4 * 1024 * 1024          # bytes after '220 ' for 'huge'
HUGE_CHUNK = 64 * 1024
START_TIMEOUT = 60.0                 # seconds start()/update() wait for the loop thread, at most
STOP_TIMEOUT = 5.0                   # seconds stop() waits, at most

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def exchange_date(when: datetime | None = None) -> str:
    """'Mon, 3 Jun 2019 15:02:33 +0200': invariant 'ddd, d MMM yyyy HH:mm:ss' and the local offset."""
    when = (when or datetime.now()).astimezone()
    minutes = int(when.utcoffset().total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return (f"{_DAYS[when.weekday()]}, {when.day} {_MONTHS[when.month - 1]} {when.year:04d} "
            f"{when.hour:02d}:{when.minute:02d}:{when.second:02d} {sign}{minutes // 60:02d}{minutes % 60:02d}")


@dataclass(frozen=True)
class ListenerSpec:
    address: str                 # where to listen (a loopback address)
    port: int
    banner: str                  # the whole greeting line; '{date}' is replaced per connection
    fault: str | None = None     # one of FAULTS
    delay: float = 0.0           # 'slow': seconds before the banner

    def render_banner(self) -> str:
        return self.banner.replace("{date}", exchange_date())


class ListenerGroup:
    """The lab's listeners on a private loop in a background thread."""

    def __init__(self, specs: list[ListenerSpec], port_offset: int = 0):
        self._specs = list(specs)
        self.port_offset = int(port_offset)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._slots: dict[tuple[str, int], _Slot] = {}
        self._errors: dict[ListenerSpec, str] = {}
        self._lock = threading.Lock()

    # -- public ------------------------------------------------------------------------------

    def start(self) -> None:
        """Start the loop thread and every listener; returns when all are listening (or failed)."""
        if self._thread is not None:
            raise RuntimeError("the listener group is already started")
        ready = threading.Event()
        self._thread = threading.Thread(target=self._thread_main, args=(ready,), name="smtp-lab-listeners",
                                        daemon=True)
        self._thread.start()
        ready.wait(START_TIMEOUT)
        self._call(self._apply(self._specs))

    def update(self, specs: list[ListenerSpec]) -> None:
        """Follow a changed directory: start new listeners, stop removed ones, apply changes."""
        self._specs = list(specs)
        if self._thread is None:
            return
        self._call(self._apply(self._specs))

    def stop(self) -> None:
        """Close every listener and connection and end the thread (bounded in time). Idempotent."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        try:
            if not loop.is_closed():
                asyncio.run_coroutine_threadsafe(self._shutdown(), loop).result(STOP_TIMEOUT)
        except Exception:   # a stuck shutdown still ends the loop below
            pass
        try:
            loop.call_soon_threadsafe(loop.stop)
        except RuntimeError:   # already closed
            pass
        thread.join(STOP_TIMEOUT)
        self._thread = None
        self._loop = None

    @property
    def errors(self) -> dict[ListenerSpec, str]:
        """Specs that are not served, with the reason (the OS error text for a failed bind)."""
        with self._lock:
            return dict(self._errors)

    @property
    def messages(self) -> dict[ListenerSpec, int]:
        """Messages accepted (and discarded) so far by each served spec's listener."""
        with self._lock:
            return {slot.spec: slot.messages for slot in self._slots.values()}

    def listening(self) -> list[ListenerSpec]:
        """The specs that have a listening socket now."""
        with self._lock:
            return [slot.spec for slot in self._slots.values() if slot.server is not None]

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()
        return False

    # -- the loop thread ---------------------------------------------------------------------

    def _thread_main(self, ready: threading.Event) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)     # this thread is ours alone
        self._loop = loop
        ready.set()
        try:
            loop.run_forever()
        finally:
            try:
                tasks = [t for t in asyncio.all_tasks(loop) if not t.done()]
                for t in tasks:
                    t.cancel()
                if tasks:
                    loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
                loop.run_until_complete(loop.shutdown_asyncgens())
            finally:
                for slot in list(self._slots.values()):
                    slot.drop_connections()
                loop.close()

    def _call(self, coro):
        if self._loop is None:
            coro.close()
            raise RuntimeError("the listener loop did not start")
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(START_TIMEOUT)

    async def _apply(self, specs: list[ListenerSpec]) -> None:
        desired: dict[tuple[str, int], ListenerSpec] = {}
        errors: dict[ListenerSpec, str] = {}
        for spec in specs:
            key = (spec.address, spec.port)
            if spec.fault not in FAULTS:
                errors[spec] = f"Unknown fault {spec.fault!r}; use one of: " + ", ".join(
                    str(f) for f in FAULTS)
                continue
            if not _is_loopback(spec.address):
                errors[spec] = f"{spec.address} is not a loopback address; the lab listens on loopback addresses only."
                continue
            if key in desired:
                if desired[key] != spec:
                    errors[spec] = (f"{_hostport(spec.address, spec.port)} is already served by another "
                                    f"listener of this lab.")
                continue
            desired[key] = spec

        for key in [k for k in self._slots if k not in desired]:
            slot = self._slots.pop(key)
            await slot.close_server()
            slot.drop_connections()

        for key, spec in desired.items():
            slot = self._slots.get(key)
            if slot is None:
                slot = self._slots[key] = _Slot(self, spec)
            with self._lock:
                slot.spec = spec
            if spec.fault == "down":
                if slot.server is not None:
                    await slot.close_server()
                    slot.drop_connections()
                continue
            if slot.server is None:
                error = await slot.open_server(self.port_offset)
                if error:
                    errors[spec] = error
        with self._lock:
            self._errors = errors

    async def _shutdown(self) -> None:
        for slot in list(self._slots.values()):
            await slot.close_server()
            slot.drop_connections()
        self._slots.clear()
        loop = asyncio.get_running_loop()
        tasks = [t for t in asyncio.all_tasks(loop) if t is not asyncio.current_task() and not t.done()]
        for t in tasks:
            t.cancel()
        if tasks:
            await asyncio.wait(tasks, timeout=STOP_TIMEOUT / 2)


def _is_loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def _hostport(address: str, port: int) -> str:
    return f"[{address}]:{port}" if ":" in address else f"{address}:{port}"


class _Slot:
    """One address:port: its listening socket (None while down) and its open connections."""

    def __init__(self, group: ListenerGroup, spec: ListenerSpec):
        self.group = group
        self.spec = spec
        self.server: asyncio.AbstractServer | None = None
        self.transports: set[asyncio.BaseTransport] = set()
        self.messages = 0

    async def open_server(self, port_offset: int) -> str | None:
        loop = asyncio.get_running_loop()
        spec = self.spec
        port = spec.port + port_offset
        sock = None
        try:
            if not 0 <= port <= 65535:
                return f"The port {port} is outside the range 0-65535."
            family, _, proto, _, sockaddr = socket.getaddrinfo(
                spec.address, port, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST)[0]
            sock = socket.socket(family, socket.SOCK_STREAM, proto)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            sock.bind(sockaddr)
            sock.setblocking(False)
            self.server = await loop.create_server(self._protocol, sock=sock, backlog=128)
            return None
        except OSError as e:
            if sock is not None:
                sock.close()
            text = os.strerror(e.errno) if e.errno else str(e)
            return f"{text} ({_hostport(spec.address, port)})"

    async def close_server(self) -> None:
        server, self.server = self.server, None
        if server is not None:
            server.close()
            try:
                await asyncio.wait_for(server.wait_closed(), 1.0)
            except (asyncio.TimeoutError, OSError):
                pass

    def drop_connections(self) -> None:
        for t in list(self.transports):
            t.abort()
        self.transports.clear()

    def _protocol(self):
        spec = self.spec
        fault = spec.fault
        if fault in (None, "slow"):
            return _LabSMTP(self, spec.render_banner(), spec.delay if fault == "slow" else 0.0)
        if fault == "transient":
            return _Say(self, TRANSIENT_REPLY)
        if fault == "permanent":
            return _Say(self, PERMANENT_REPLY)
        if fault == "garbage":
            return _Say(self, GARBAGE_BYTES)
        if fault == "reset":
            return _Reset(self)
        if fault == "huge":
            return _Huge(self)
        return _Silent(self)    # 'silent' (and a 'down' slot that still had a connection queued)


class _Tracked(asyncio.Protocol):
    def __init__(self, slot: _Slot):
        self.slot = slot
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport
        self.slot.transports.add(transport)

    def connection_lost(self, exc):
        self.slot.transports.discard(self.transport)


class _Say(_Tracked):
    """Sends fixed bytes and closes."""

    def __init__(self, slot, data: bytes):
        super().__init__(slot)
        self.data = data

    def connection_made(self, transport):
        super().connection_made(transport)
        transport.write(self.data)
        transport.close()


class _Silent(_Tracked):
    """Never speaks; discards what it is sent; drops the connection after SILENT_LIMIT seconds."""

    def connection_made(self, transport):
        super().connection_made(transport)
        self.timer = asyncio.get_running_loop().call_later(SILENT_LIMIT, transport.abort)

    def data_received(self, data):
        pass

    def connection_lost(self, exc):
        self.timer.cancel()
        super().connection_lost(exc)


class _Reset(_Tracked):
    """Accepts, then closes with SO_LINGER 0, which sends a TCP RST."""

    def connection_made(self, transport):
        super().connection_made(transport)
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        transport.abort()


class _Huge(_Tracked):
    """'220 ' then HUGE_SIZE bytes with no newline, as fast as the peer's window allows."""

    def connection_made(self, transport):
        super().connection_made(transport)
        self.resume = None
        self.task = asyncio.get_running_loop().create_task(self._pour(transport))

    async def _pour(self, transport):
        transport.write(b"220 ")
        chunk = b"x" * HUGE_CHUNK
        sent = 0
        while sent < HUGE_SIZE and not transport.is_closing():
            if self.resume is not None:
                await self.resume
                continue
            transport.write(chunk)
            sent += len(chunk)
        if not transport.is_closing():
            transport.close()

    def pause_writing(self):
        self.resume = asyncio.get_running_loop().create_future()

    def resume_writing(self):
        fut, self.resume = self.resume, None
        if fut is not None and not fut.done():
            fut.set_result(None)

    def data_received(self, data):
        pass

    def connection_lost(self, exc):
        self.resume_writing()
        self.task.cancel()
        super().connection_lost(exc)


class _DiscardHandler:
    """aiosmtpd handler: accepts every message and keeps nothing but a count."""

    def __init__(self, slot: _Slot):
        self.slot = slot

    async def handle_DATA(self, server, session, envelope):
        with self.slot.group._lock:
            self.slot.messages += 1
        return "250 2.6.0 Queued mail for delivery"


def _banner_host(banner: str) -> str | None:
    parts = banner.split()
    if len(parts) >= 2 and parts[0] == "220":
        return parts[1]
    return None


class _LabSMTP(SMTP):
    """aiosmtpd's SMTP server whose greeting is the connector's banner, exactly, after an optional delay.

    aiosmtpd greets with '220 <hostname> <ident>' as its first reply; this subclass sends the lab
    banner instead (hostname, used in the EHLO/HELO answers, is the banner's second word)."""

    def __init__(self, slot: _Slot, banner: str, delay: float):
        host = _banner_host(banner)
        rest = banner.split(None, 2)[2] if host and len(banner.split(None, 2)) > 2 else None
        super().__init__(_DiscardHandler(slot), hostname=host or socket.gethostname(), ident=rest,
                         loop=asyncio.get_running_loop())
        self.slot = slot
        self.lab_banner = banner.encode("utf-8")
        self.lab_delay = delay
        self.greeted = False

    def connection_made(self, transport):
        self.slot.transports.add(transport)
        super().connection_made(transport)

    def connection_lost(self, exc):
        self.slot.transports.discard(self.transport)
        super().connection_lost(exc)

    async def push(self, status):
        if self.greeted:
            await super().push(status)
            return
        self.greeted = True
        try:
            if self.lab_delay > 0:
                await asyncio.sleep(self.lab_delay)
            await super().push(self.lab_banner)
        except asyncio.CancelledError:
            # the client left before the greeting went out (aiosmtpd closes only from its command loop)
            if self.transport is not None:
                self.transport.close()
            raise
