"""The lab directory: an Exchange organisation kept in one SQLite database under pshim's home.

Design notes
- One file, `<home>/lab/lab.db`, made on first use from an organisation definition (a .psd1, see
  lab_definition.py). It is built under a temporary name and linked into place atomically, so two shells
  starting at once agree on one database and a half-built file is never seen.
- WAL journal, `BEGIN IMMEDIATE` for every write, a busy timeout: two shells writing at once queue instead
  of failing, and a process killed mid-write leaves the last committed state (SQLite's journal).
- The file is marked with an application id and a schema version. A file that is not a database, or is
  another program's, gives a DirectoryDamaged error naming it and is never overwritten; Reset-PshimLab
  replaces it only when asked (-Force for a damaged one).
- Connector settings are one JSON column: the settings schema lives in records.CONNECTOR_SETTINGS, once for
  both backends, and a new setting needs no migration (a missing key reads as its default).
- The lab also keeps what only a lab has: injected faults and the listeners' port offset.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import sqlite3

from ..records import ConnectorRecord, ServerRecord
from .base import Directory, DirectoryDamaged, DirectoryUnavailable, ObjectExists, ObjectGone

APPLICATION_ID = 0x70736878          # 'pshx'
SCHEMA_VERSION = 1
FAULTS = ("down", "transient", "permanent", "silent", "slow", "garbage", "reset", "huge")

_SCHEMA = """
CREATE TABLE organization (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE servers (
    name TEXT PRIMARY KEY COLLATE NOCASE, fqdn TEXT NOT NULL, roles INTEGER NOT NULL, serial TEXT NOT NULL,
    edition TEXT NOT NULL, site TEXT NOT NULL, ipv4 TEXT NOT NULL, ipv6 TEXT NOT NULL, guid TEXT NOT NULL UNIQUE,
    dn TEXT NOT NULL, when_created TEXT NOT NULL, when_changed TEXT NOT NULL);
CREATE TABLE connectors (
    guid TEXT PRIMARY KEY, server TEXT NOT NULL COLLATE NOCASE REFERENCES servers(name) ON DELETE CASCADE,
    name TEXT NOT NULL COLLATE NOCASE, dn TEXT NOT NULL, when_created TEXT NOT NULL, when_changed TEXT NOT NULL,
    settings TEXT NOT NULL, UNIQUE (server, name));
CREATE TABLE faults (target TEXT PRIMARY KEY COLLATE NOCASE, fault TEXT NOT NULL, delay REAL NOT NULL DEFAULT 0);
"""


def lab_path(home: str) -> str:
    return os.path.join(home, "lab", "lab.db")


def _ts(d: _dt.datetime) -> str:
    return d.isoformat()


def _dt_of(text: str) -> _dt.datetime:
    return _dt.datetime.fromisoformat(text)


class LabDirectory(Directory):
    kind = "lab"

    def __init__(self, path: str, domain_controller: str | None = None):
        self.path = path
        self.db = _open(path)
        self._cache = {}
        self._writes = 0
        org = self.org_settings()
        self.organization = org.get("Organization", "")
        dcs = org.get("DomainControllers") or []
        if domain_controller:
            match = [d for d in dcs if d.lower() == domain_controller.lower()
                     or d.split(".")[0].lower() == domain_controller.lower()]
            if not match:
                self.db.close()
                raise DirectoryUnavailable(
                    f"An Active Directory error 0x51 occurred when trying to check the suitability of server "
                    f"'{domain_controller}'. Error: 'Active directory response: The LDAP server is unavailable.'")
            self.source = match[0]
        else:
            self.source = dcs[0] if dcs else "localhost"

    # -- organisation ---------------------------------------------------------------------------
    def org_settings(self) -> dict:
        try:
            rows = self.db.execute("SELECT key, value FROM organization").fetchall()
        except sqlite3.DatabaseError as e:
            raise _damaged(self.path, e) from None
        return {k: json.loads(v) for k, v in rows}

    def set_org_setting(self, key: str, value) -> None:
        with _write(self):
            self.db.execute("INSERT OR REPLACE INTO organization (key, value) VALUES (?, ?)", (key, json.dumps(value)))

    def local_server(self) -> str | None:
        return self.org_settings().get("LocalServer")

    def domain_controllers(self) -> list[str]:
        return list(self.org_settings().get("DomainControllers") or [])

    # -- reads ----------------------------------------------------------------------------------
    def _cached(self, key, load):
        """Reads are kept until the database changes: PRAGMA data_version moves when another connection
        commits, and this connection's own writes are counted, so a cached list is never stale."""
        stamp = (self._query("PRAGMA data_version")[0][0], self._writes)
        hit = self._cache.get(key)
        if hit is None or hit[0] != stamp:
            hit = self._cache[key] = (stamp, load())
        return list(hit[1])

    def servers(self) -> list[ServerRecord]:
        return self._cached("servers", self._load_servers)

    def _load_servers(self) -> list[ServerRecord]:
        rows = self._query("SELECT name, fqdn, roles, serial, edition, site, ipv4, ipv6, guid, dn, when_created, "
                           "when_changed FROM servers ORDER BY rowid")
        return [ServerRecord(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]), json.loads(r[7]), r[8], r[9],
                             _dt_of(r[10]), _dt_of(r[11])) for r in rows]

    def connectors(self, server: str | None = None) -> list[ConnectorRecord]:
        return self._cached(("connectors", (server or "").lower()), lambda: self._load_connectors(server))

    def _load_connectors(self, server: str | None) -> list[ConnectorRecord]:
        sql = "SELECT server, name, settings, guid, dn, when_created, when_changed FROM connectors"
        if server is None:
            rows = self._query(sql + " ORDER BY rowid")
        else:
            rows = self._query(sql + " WHERE server = ? ORDER BY rowid", (server,))
        return [_connector(r) for r in rows]

    def connector(self, guid: str) -> ConnectorRecord | None:
        rows = self._query("SELECT server, name, settings, guid, dn, when_created, when_changed FROM connectors "
                           "WHERE guid = ?", (guid,))
        return _connector(rows[0]) if rows else None

    def _query(self, sql, args=()):
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.DatabaseError as e:
            raise _damaged(self.path, e) from None

    # -- writes ---------------------------------------------------------------------------------
    def add_connector(self, record: ConnectorRecord) -> ConnectorRecord:
        with _write(self):
            row = self.db.execute("SELECT name, dn FROM servers WHERE name = ?", (record.server,)).fetchone()
            if row is None:
                raise ObjectGone(f"The operation couldn't be performed because object '{record.server}' couldn't "
                                 f"be found on '{self.source}'.")
            record.server = row[0]
            record.dn = f"CN={record.name},CN=SMTP Receive Connectors,CN=Protocols,{row[1]}"
            try:
                self.db.execute(
                    "INSERT INTO connectors (guid, server, name, dn, when_created, when_changed, settings) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (record.guid, record.server, record.name, record.dn, _ts(record.when_created),
                     _ts(record.when_changed), record.encode_settings()))
            except sqlite3.IntegrityError:
                raise ObjectExists(f"The object '{record.dn}' already exists.") from None
        return record

    def update_connector(self, guid: str, changes: dict, new_name: str | None = None) -> ConnectorRecord:
        from ..records import utcnow
        with _write(self):
            row = self.db.execute("SELECT server, name, settings, guid, dn, when_created, when_changed "
                                  "FROM connectors WHERE guid = ?", (guid,)).fetchone()
            if row is None:
                raise ObjectGone(f"The operation couldn't be performed because object '{guid}' couldn't be found "
                                 f"on '{self.source}'.")
            rec = _connector(row)
            rec.settings.update(changes)
            rec.when_changed = utcnow()
            if new_name is not None and new_name != rec.name:
                rec.dn = f"CN={new_name}," + rec.dn.split(",", 1)[1]
                rec.name = new_name
            try:
                self.db.execute("UPDATE connectors SET name = ?, dn = ?, settings = ?, when_changed = ? "
                                "WHERE guid = ?", (rec.name, rec.dn, rec.encode_settings(),
                                                   _ts(rec.when_changed), guid))
            except sqlite3.IntegrityError:
                raise ObjectExists(f"The object '{rec.dn}' already exists.") from None
        return rec

    def remove_connector(self, guid: str) -> None:
        with _write(self):
            cur = self.db.execute("DELETE FROM connectors WHERE guid = ?", (guid,))
            if cur.rowcount == 0:
                raise ObjectGone(f"The operation couldn't be performed because object '{guid}' couldn't be found "
                                 f"on '{self.source}'.")

    # -- lab-only: faults -----------------------------------------------------------------------
    def faults(self) -> dict[str, tuple[str, float]]:
        """Injected faults: target (`SERVER` or `SERVER\\Connector`) -> (fault, delay)."""
        return {t: (f, d) for t, f, d in self._query("SELECT target, fault, delay FROM faults")}

    def set_fault(self, target: str, fault: str | None, delay: float = 0.0) -> None:
        with _write(self):
            if fault is None:
                self.db.execute("DELETE FROM faults WHERE target = ?", (target,))
            else:
                self.db.execute("INSERT OR REPLACE INTO faults (target, fault, delay) VALUES (?, ?, ?)",
                                (target, fault, delay))

    def data_version(self) -> int:
        """Changes when another connection commits (listeners follow the directory with it)."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def close(self) -> None:
        self.db.close()


def _connector(r) -> ConnectorRecord:
    return ConnectorRecord(r[0], r[1], None, r[3], r[4], r[5], r[6], encoded_settings=r[2])


class _write:
    """One write transaction: BEGIN IMMEDIATE takes the write lock up front (waiting up to the busy timeout)."""

    def __init__(self, directory: LabDirectory):
        self.d = directory

    def __enter__(self):
        try:
            self.d.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            raise DirectoryUnavailable(f"The lab directory '{self.d.path}' is busy or read-only: {e}.") from None
        except sqlite3.DatabaseError as e:
            raise _damaged(self.d.path, e) from None
        return self

    def __exit__(self, et, ev, tb):
        self.d._writes += 1
        if et is None:
            try:
                self.d.db.execute("COMMIT")
            except sqlite3.DatabaseError as e:
                self.d.db.execute("ROLLBACK")
                raise _damaged(self.d.path, e) from None
        else:
            self.d.db.execute("ROLLBACK")
        return False


def _damaged(path, e) -> DirectoryDamaged:
    return DirectoryDamaged(f"The lab directory file '{path}' can't be read: {e}. It was left as it is; "
                            "Reset-PshimLab -Force replaces it with a new lab.")


def _open(path: str) -> sqlite3.Connection:
    """Open the lab database, checking that it is one (never creating or changing a foreign file)."""
    if not os.path.isfile(path):
        raise DirectoryDamaged(f"The lab directory file '{path}' doesn't exist.")
    try:
        db = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        app, = db.execute("PRAGMA application_id").fetchone()
        ver, = db.execute("PRAGMA user_version").fetchone()
    except sqlite3.DatabaseError as e:
        raise _damaged(path, e) from None
    if app != APPLICATION_ID:
        db.close()
        raise DirectoryDamaged(f"The file '{path}' is not a pshim lab directory. It was left as it is; "
                               "Reset-PshimLab -Force replaces it with a new lab.")
    if ver != SCHEMA_VERSION:
        db.close()
        raise DirectoryDamaged(f"The lab directory '{path}' has schema version {ver}; this pshim reads version "
                               f"{SCHEMA_VERSION}. Reset-PshimLab -Force makes a new lab.")
    db.execute("PRAGMA busy_timeout = 30000")
    db.execute("PRAGMA foreign_keys = ON")
    return db


def create_lab(path: str, org: dict, servers: list[ServerRecord], connectors: list[ConnectorRecord],
               faults: list[tuple[str, str, float]], replace: bool = False) -> None:
    """Build a lab database at `path` from a definition: written under a temporary name, then put in place
    atomically (link: fails if another shell made it first, which is then used; with replace: rename)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = f"{path}.{os.getpid()}.{id(org)}.tmp"
    for p in (tmp, tmp + "-wal", tmp + "-shm", tmp + "-journal"):
        if os.path.exists(p):
            os.unlink(p)
    db = sqlite3.connect(tmp, isolation_level=None)
    try:
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.executescript(_SCHEMA)
        db.execute("BEGIN")
        for k, v in org.items():
            db.execute("INSERT INTO organization (key, value) VALUES (?, ?)", (k, json.dumps(v)))
        for s in servers:
            db.execute("INSERT INTO servers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (s.name, s.fqdn, s.roles, s.serial_number, s.edition, s.site, json.dumps(s.ipv4),
                        json.dumps(s.ipv6), s.guid, s.dn, _ts(s.when_created), _ts(s.when_changed)))
        for c in connectors:
            db.execute("INSERT INTO connectors (guid, server, name, dn, when_created, when_changed, settings) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)", (c.guid, c.server, c.name, c.dn, _ts(c.when_created),
                                                        _ts(c.when_changed), c.encode_settings()))
        for target, fault, delay in faults:
            db.execute("INSERT OR REPLACE INTO faults VALUES (?, ?, ?)", (target, fault, delay))
        db.execute("COMMIT")
        db.execute("PRAGMA journal_mode = WAL")
    finally:
        db.close()
    if replace:
        for p in (path + "-wal", path + "-shm"):
            if os.path.exists(p):
                os.unlink(p)
        os.replace(tmp, path)
        return
    try:
        os.link(tmp, path)
    except FileExistsError:
        pass
    finally:
        os.unlink(tmp)
