import socket

import pytest

from tests.modules.network.dns_server import ZoneServer


@pytest.fixture
def dns_zone(monkeypatch):
    """The test zone contoso.test served on 127.0.0.1; pshim's resolver pointed at it through its own
    settings (PSHIM_DNS_SERVER, PSHIM_DNS_PORT), and an empty hosts file."""
    server = ZoneServer().start()
    monkeypatch.setenv("PSHIM_DNS_SERVER", "127.0.0.1")
    monkeypatch.setenv("PSHIM_DNS_PORT", str(server.port))
    yield server
    server.stop()


@pytest.fixture
def hosts_file(tmp_path, monkeypatch):
    """A hosts file of the test's own (PSHIM_HOSTS_FILE)."""
    path = tmp_path / "hosts"
    path.write_text("127.0.0.1 localhost\n::1 localhost ip6-localhost\n"
                    "127.0.10.7 relay.contoso.test relay  # the lab relay\n")
    monkeypatch.setenv("PSHIM_HOSTS_FILE", str(path))
    return path


@pytest.fixture
def listener():
    """A TCP listener on 127.0.0.1 (a free port): its port."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(16)
    yield s.getsockname()[1]
    s.close()


@pytest.fixture
def closed_port():
    """A loopback port nothing listens on (bound once to find it, then closed)."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port
