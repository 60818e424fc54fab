"""Helpers for the SMTP probe and lab listener tests: loopback addresses of our own, a scripted raw
peer, and a count of open file descriptors."""
import os
import random
import socket
import threading
import time

import pytest

BANNER = "220 MBX01.contoso.com Microsoft ESMTP MAIL Service ready at {date}"


def _block():
    """A 127.A.B.0/24 block that is unlikely to be used by another test run at the same time."""
    pid = os.getpid()
    return f"127.{100 + (pid >> 8) % 100}.{pid & 255}"


BLOCK = _block()


def addr(n: int) -> str:
    return f"{BLOCK}.{n}"


def free_port(address: str = "127.0.0.1") -> int:
    """A port where nothing listens: bind, read the port, close."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.bind((address, 0))
        return s.getsockname()[1]


def random_port() -> int:
    return random.randint(10000, 30000)


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def fds_back_to(before: int, within: float = 1.0) -> bool:
    """True once no more descriptors are open than `before` (the lab's listeners in this process
    close their side of a connection a moment after the probe closes its own)."""
    deadline = time.monotonic() + within
    while open_fds() > before:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def ipv6_loopback() -> bool:
    if not socket.has_ipv6:
        return False
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s:
            s.bind(("::1", 0))
        return True
    except OSError:
        return False


class RawPeer:
    """A TCP peer on loopback that plays a script on every connection, for the replies that the lab's
    listeners do not make. A script is a list of steps: bytes (sent), a float (sleep that long),
    'close' (orderly close) or 'reset' (RST). What the client sends afterwards is kept in `received`
    (up to 1 KiB per connection); a QUIT is answered with 221 unless `answer_quit` is false.
    Connections are served in threads; everything ends in stop()."""

    def __init__(self, script, address="127.0.0.1", family=socket.AF_INET, answer_quit=True):
        self.script = script
        self.answer_quit = answer_quit
        self.sock = socket.socket(family, socket.SOCK_STREAM)
        self.sock.bind((address, 0))
        self.sock.listen(64)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.address = address
        self.received = []
        self.stopped = threading.Event()
        self.threads = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except (socket.timeout, OSError):
                continue
            t = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self.threads.append(t)
            t.start()

    def _serve(self, conn):
        got = bytearray()
        try:
            for step in self.script:
                if self.stopped.is_set():
                    return
                if isinstance(step, bytes):
                    conn.sendall(step)
                elif isinstance(step, float):
                    self.stopped.wait(step)
                elif step == "reset":
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                    return
                elif step == "close":
                    return
            conn.settimeout(0.2)
            deadline = time.monotonic() + 2.0
            while len(got) < 1024 and time.monotonic() < deadline and not self.stopped.is_set():
                try:
                    data = conn.recv(1024)
                except socket.timeout:
                    continue
                if not data:
                    break
                got += data
                if self.answer_quit and got.endswith(b"QUIT\r\n"):
                    conn.sendall(b"221 2.0.0 Service closing transmission channel\r\n")
                    break
        except OSError:
            pass
        finally:
            self.received.append(bytes(got))
            conn.close()

    def stop(self):
        self.stopped.set()
        self.thread.join(2)
        for t in self.threads:
            t.join(2)
        self.sock.close()


@pytest.fixture
def raw_peer():
    peers = []

    def make(script, **kw):
        p = RawPeer(script, **kw)
        peers.append(p)
        return p

    yield make
    for p in peers:
        p.stop()
