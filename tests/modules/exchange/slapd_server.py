"""Real directory servers for the Exchange module's tests (and the LDAP benchmark).

SlapdServer: an OpenLDAP slapd in a temporary folder on a free loopback port, with pshim's test schema
for the msExch* classes (pshim/modules/exchange/directory/ldap_schema.schema). It starts in the
foreground as a child process (bounded start-up: it answers within `start_timeout` seconds or the start
fails with slapd's own log), and is stopped by its own pid. Several suffixes may share one server
(one mdb database each); `preload` fills a suffix with slapadd before the server starts (fast bulk data).

    with SlapdServer(["DC=contoso,DC=com"]) as slapd:
        slapd.url, slapd.port, slapd.root_dn("DC=contoso,DC=com"), slapd.password

DnsResponder: a tiny UDP DNS server on 127.0.0.1 built with dnspython's message functions, answering
A/AAAA for the names it is given (loopback addresses only) and NXDOMAIN for any other name.

`slapd_binary()` is None when slapd is not installed; tests skip then (CI installs it).
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
SCHEMA = os.path.join(ROOT, "pshim", "modules", "exchange", "directory", "ldap_schema.schema")
_SEARCH_PATH = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/usr/local/sbin", "/usr/libexec"])
_SYSTEM_SCHEMA_DIRS = ("/etc/ldap/schema", "/etc/openldap/schema", "/usr/local/etc/openldap/schema")
_MODULE_DIRS = ("/usr/lib/ldap", "/usr/lib64/openldap", "/usr/lib/openldap", "/usr/local/libexec/openldap")


def slapd_binary() -> str | None:
    return shutil.which("slapd", path=_SEARCH_PATH)


def need_slapd():
    """Skip the calling test when slapd is not installed (the only reason to skip: CI installs it)."""
    if slapd_binary() is None:
        import pytest
        pytest.skip("slapd is not installed (apt-get install slapd ldap-utils)")


def _slapadd_binary() -> str | None:
    return shutil.which("slapadd", path=_SEARCH_PATH)


def _first_dir_with(dirs, name):
    for d in dirs:
        if os.path.exists(os.path.join(d, name)):
            return d
    return None


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


class SlapdError(RuntimeError):
    pass


class SlapdServer:
    """One slapd process serving `suffixes` on ldap://127.0.0.1:<port>/ (the rootdn of every suffix
    is CN=admin,<suffix> with `password`)."""

    def __init__(self, suffixes=("DC=contoso,DC=com",), password: str = "Adm1n-pw!", start_timeout: float = 15.0,
                 preload: dict | None = None, tls: bool = False):
        self.suffixes = list(suffixes)
        self.password = password
        self.start_timeout = start_timeout
        self.preload = preload or {}          # suffix -> LDIF text loaded with slapadd before start
        self.tls = tls                        # also serve ldaps:// (ldaps_port) and StartTLS, self-signed cert
        self.folder = None
        self.port = None
        self.ldaps_port = None
        self.ca_file = None                   # the self-signed certificate (its own CA), PEM
        self.proc = None

    # -- addresses -----------------------------------------------------------------------------
    @property
    def host(self) -> str:
        return "127.0.0.1"

    @property
    def url(self) -> str:
        return f"ldap://{self.host}:{self.port}/"

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    def root_dn(self, suffix: str | None = None) -> str:
        return f"CN=admin,{suffix or self.suffixes[0]}"

    # -- lifetime ------------------------------------------------------------------------------
    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def _config(self) -> str:
        schema_dir = _first_dir_with(_SYSTEM_SCHEMA_DIRS, "core.schema")
        if schema_dir is None:
            raise SlapdError("OpenLDAP's core.schema was not found (looked in "
                             + ", ".join(_SYSTEM_SCHEMA_DIRS) + ")")
        lines = [
            f"include {schema_dir}/core.schema",
            f"include {SCHEMA}",
            f"pidfile {self.folder}/slapd.pid",
            f"argsfile {self.folder}/slapd.args",
            "sizelimit unlimited",
            "timelimit 30",
        ]
        if self.tls:
            lines += [f"TLSCertificateFile {self.ca_file}", f"TLSCertificateKeyFile {self.folder}/key.pem"]
        module_dir = _first_dir_with(_MODULE_DIRS, "back_mdb.so") or _first_dir_with(_MODULE_DIRS, "back_mdb.la")
        if module_dir:
            lines += [f"modulepath {module_dir}", "moduleload back_mdb"]
        for i, suffix in enumerate(self.suffixes):
            db = os.path.join(self.folder, f"db{i}")
            os.makedirs(db, exist_ok=True)
            lines += [
                "", "database mdb", "maxsize 1073741824", "dbnosync", f'suffix "{suffix}"',
                f'rootdn "{self.root_dn(suffix)}"', f"rootpw {self.password}", f"directory {db}",
                "index objectClass eq", "index cn eq", "index objectGUID eq", "index networkAddress eq",
            ]
        return "\n".join(lines) + "\n"

    def start(self):
        binary = slapd_binary()
        if binary is None:
            raise SlapdError("slapd is not installed")
        self.folder = tempfile.mkdtemp(prefix="pshim-slapd-")
        if self.tls:
            self._make_certificate()
        conf = os.path.join(self.folder, "slapd.conf")
        with open(conf, "w") as fh:
            fh.write(self._config())
        for suffix, ldif in self.preload.items():
            self._slapadd(conf, suffix, ldif)
        log_path = os.path.join(self.folder, "slapd.log")
        deadline = time.monotonic() + self.start_timeout
        last_error = ""
        for _attempt in range(3):                 # a free port can be taken between probe and bind: retry
            self.port = free_port()
            urls = self.url
            if self.tls:
                self.ldaps_port = free_port()
                urls += f" ldaps://{self.host}:{self.ldaps_port}/"
            with open(log_path, "wb") as log:
                self.proc = subprocess.Popen([binary, "-f", conf, "-h", urls, "-d", "0"], stdout=log,
                                             stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
            ok, last_error = self._wait_ready(deadline)
            if ok:
                return self
            self._kill()
            if time.monotonic() >= deadline:
                break
        log_text = ""
        try:
            with open(log_path, errors="replace") as fh:
                log_text = fh.read()[-3000:]
        except OSError:
            pass
        folder = self.folder
        self.stop()
        raise SlapdError(f"slapd did not start within {self.start_timeout:g} s ({last_error}); folder {folder}; "
                         f"log:\n{log_text}")

    def _make_certificate(self):
        """A self-signed certificate for localhost / 127.0.0.1 (cryptography), valid for a day."""
        import datetime as dt
        import ipaddress
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID
        key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
        now = dt.datetime.now(dt.timezone.utc)
        cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
                .not_valid_after(now + dt.timedelta(days=1))
                .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                            x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                               critical=False)
                .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                .sign(key, hashes.SHA256()))
        self.ca_file = os.path.join(self.folder, "cert.pem")
        with open(self.ca_file, "wb") as fh:
            fh.write(cert.public_bytes(serialization.Encoding.PEM))
        with open(os.path.join(self.folder, "key.pem"), "wb") as fh:
            fh.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))

    def _slapadd(self, conf, suffix, ldif):
        binary = _slapadd_binary()
        if binary is None:
            raise SlapdError("slapadd is not installed")
        path = os.path.join(self.folder, f"preload-{abs(hash(suffix))}.ldif")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(ldif)
        r = subprocess.run([binary, "-q", "-f", conf, "-b", suffix, "-l", path], capture_output=True, text=True,
                           timeout=max(30.0, self.start_timeout))
        if r.returncode != 0:
            raise SlapdError(f"slapadd failed ({r.returncode}): {r.stderr[-2000:]}")

    def _wait_ready(self, deadline) -> tuple[bool, str]:
        """Wait until slapd answers an LDAP request (an anonymous root DSE search), bounded by `deadline`."""
        import ldap3
        last = "no answer"
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return False, f"slapd exited with code {self.proc.returncode}"
            try:
                server = ldap3.Server(self.host, port=self.port, get_info=ldap3.NONE, connect_timeout=1)
                conn = ldap3.Connection(server, receive_timeout=2, auto_bind=ldap3.AUTO_BIND_NO_TLS)
                try:
                    if conn.search("", "(objectClass=*)", search_scope=ldap3.BASE):
                        return True, ""
                finally:
                    conn.unbind()
            except Exception as e:   # not up yet
                last = str(e)
            time.sleep(0.05)
        return False, last

    def _kill(self):
        proc, self.proc = self.proc, None
        if proc is None:
            return
        if proc.poll() is None:
            try:
                os.kill(proc.pid, signal.SIGTERM)
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)
            except ProcessLookupError:
                pass

    def stop(self):
        self._kill()
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


class DnsResponder:
    """A UDP DNS server on 127.0.0.1:<free port> answering A/AAAA from `names` ({fqdn: [addresses]}),
    only with loopback addresses; any other name is NXDOMAIN. `queries` counts the questions seen."""

    def __init__(self, names: dict):
        import ipaddress
        self.names = {}
        for name, addrs in names.items():
            for a in addrs:
                if not ipaddress.ip_address(a).is_loopback:
                    raise ValueError(f"DnsResponder answers only loopback addresses, not {a}")
            self.names[name.lower().rstrip(".") + "."] = list(addrs)
        self.sock = None
        self.thread = None
        self.queries = 0
        self._stop = threading.Event()

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def start(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, name="pshim-test-dns", daemon=True)
        self.thread.start()
        return self

    def _serve(self):
        import dns.flags
        import dns.message
        import dns.rcode
        import dns.rdataclass
        import dns.rdatatype
        import dns.rrset
        import ipaddress
        while not self._stop.is_set():
            try:
                data, peer = self.sock.recvfrom(4096)
            except socket.timeout:
                continue
            except OSError:
                return
            try:
                query = dns.message.from_wire(data)
            except Exception:
                continue
            self.queries += 1
            response = dns.message.make_response(query)
            response.flags |= dns.flags.AA
            q = query.question[0] if query.question else None
            name = q.name.to_text().lower() if q is not None else ""
            if name not in self.names:
                response.set_rcode(dns.rcode.NXDOMAIN)
            else:
                want = 4 if q.rdtype == dns.rdatatype.A else 6 if q.rdtype == dns.rdatatype.AAAA else 0
                addrs = [a for a in self.names[name] if ipaddress.ip_address(a).version == want]
                if addrs:
                    response.answer.append(dns.rrset.from_text_list(q.name, 60, dns.rdataclass.IN, q.rdtype,
                                                                    addrs))
            try:
                self.sock.sendto(response.to_wire(), peer)
            except OSError:
                return

    def stop(self):
        self._stop.set()
        if self.thread is not None:
            self.thread.join(timeout=2)
        if self.sock is not None:
            self.sock.close()
            self.sock = None


def write_directory_config(home: str, slapd: SlapdServer, suffix: str | None = None, **more) -> str:
    """Point the pshim home `home` at `slapd` (Backend = 'LDAP' in <home>/directory.psd1, the password in a
    plain-text PasswordFile beside it); `more` adds keys (NameServer='127.0.0.1:5353', LocalServer='MBX01').
    Returns the file's path."""
    suffix = suffix or slapd.suffixes[0]
    os.makedirs(home, exist_ok=True)
    with open(os.path.join(home, "ldap-password.txt"), "w", encoding="utf-8") as fh:
        fh.write(slapd.password + "\n")
    values = {"Backend": "LDAP", "DomainController": slapd.address, "BaseDN": suffix, "User": slapd.root_dn(suffix),
              "PasswordFile": "ldap-password.txt", **more}
    body = "\n".join(f"    {k} = '{str(v).replace(chr(39), chr(39) * 2)}'" for k, v in values.items())
    path = os.path.join(home, "directory.psd1")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("@{\n" + body + "\n}\n")
    return path

