"""Exchange's own value types, as scripts see them: IPBinding, IPRange, ByteQuantifiedSize (Unlimited),
ServerVersion, [Flags] enums (ServerRole, AuthMechanisms, PermissionGroups) and MultiValuedProperty.

Each parses the text an admin types (`-Bindings 0.0.0.0:25`, `-MaxMessageSize 36MB`) with Exchange's
error texts (ExchangeValueError, turned into an error record by the cmdlet) and prints as Exchange prints
it (`{[::]:25, 0.0.0.0:25}`, `36 MB (37,748,736 bytes)`, `Version 15.2 (Build 1118.7)`).
"""
from __future__ import annotations

import ipaddress
import re

from ...runtime.psobject import DotNetObject

_D = "Microsoft.Exchange.Data."


class ExchangeValueError(ValueError):
    """A value an admin typed that Exchange rejects; the message is Exchange's text."""


# ---------------------------------------------------------------------------
# [Flags] enums


class FlagsValue(DotNetObject):
    """An Exchange [Flags] enum value; prints its names as `Tls, Integrated`."""
    type_name = ""
    names: tuple = ()          # (name, bit) in declaration order; bit 0 is "None"

    def __init__(self, value: int):
        self.value = int(value)

    @property
    def ps_type_names(self):
        return (self.type_name, "System.Enum", "System.ValueType", "System.Object")

    def ps_to_string(self):
        if self.value == 0:
            return self.names[0][0]
        for name, bit in self.names:      # an exact single-name value (e.g. All) prints as itself
            if bit == self.value:
                return name
        return ", ".join(n for n, bit in self.names if bit and self.value & bit == bit and _is_single_bit(bit))

    def __int__(self):
        return self.value

    def __str__(self):
        return self.ps_to_string()

    def __eq__(self, other):
        if isinstance(other, FlagsValue):
            return self.value == other.value
        if isinstance(other, int):
            return self.value == other
        if isinstance(other, str):
            try:
                return self.value == type(self).parse(other).value
            except ExchangeValueError:
                return False
        return NotImplemented

    def __hash__(self):
        return hash(self.value)

    def has(self, name: str) -> bool:
        bit = self.bit(name)
        return bool(bit) and self.value & bit == bit

    @classmethod
    def bit(cls, name: str) -> int:
        for n, b in cls.names:
            if n.lower() == name.strip().lower():
                return b
        raise ExchangeValueError(
            f'Cannot convert value "{name}" to type "{cls.type_name}". Error: "Unable to match the identifier '
            f"name {name} to a valid enumerator name. Specify one of the following enumerator names and try "
            f'again: {", ".join(n for n, _ in cls.names)}"')

    @classmethod
    def parse(cls, value) -> "FlagsValue":
        if isinstance(value, cls):
            return value
        if isinstance(value, FlagsValue):
            value = value.value
        if isinstance(value, bool):
            raise ExchangeValueError(f'Cannot convert value "{value}" to type "{cls.type_name}".')
        if isinstance(value, int):
            return cls(value)
        if isinstance(value, (list, tuple)):
            total = 0
            for v in value:
                total |= cls.parse(v).value
            return cls(total)
        total = 0
        for part in str(value).split(","):
            if part.strip():
                total |= cls.bit(part)
        return cls(total)


def _is_single_bit(b: int) -> bool:
    return b & (b - 1) == 0


class ServerRole(FlagsValue):
    type_name = _D + "ServerRole"
    names = (("None", 0), ("Cafe", 1), ("Mailbox", 2), ("ClientAccess", 4), ("UnifiedMessaging", 16),
             ("HubTransport", 32), ("Edge", 64), ("Monitoring", 128), ("CentralAdmin", 256),
             ("CentralAdminDatabase", 512), ("DomainController", 1024), ("WindowsDeploymentServer", 2048),
             ("ProvisionedServer", 4096), ("LanguagePacks", 8192), ("FrontendTransport", 16384),
             ("CafeArray", 32768))


class AuthMechanisms(FlagsValue):
    type_name = _D + "AuthMechanisms"
    names = (("None", 0), ("Tls", 1), ("Integrated", 2), ("BasicAuth", 4), ("BasicAuthRequireTLS", 8),
             ("ExchangeServer", 16), ("ExternalAuthoritative", 32))


class PermissionGroups(FlagsValue):
    type_name = _D + "PermissionGroups"
    names = (("None", 0), ("AnonymousUsers", 1), ("ExchangeUsers", 2), ("ExchangeServers", 4),
             ("ExchangeLegacyServers", 8), ("Partners", 16), ("Custom", 32))


AUTH_BITS = dict(AuthMechanisms.names)
PERMISSION_BITS = dict(PermissionGroups.names)


class EnumValue(DotNetObject):
    """A plain (non-flags) Exchange enum: one of `choices`, compared case-insensitively."""
    type_name = ""
    choices: tuple = ()

    def __init__(self, name: str):
        self.name = name

    @property
    def ps_type_names(self):
        return (self.type_name, "System.Enum", "System.ValueType", "System.Object")

    def ps_to_string(self):
        return self.name

    __str__ = ps_to_string

    def __eq__(self, other):
        if isinstance(other, EnumValue):
            return self.name.lower() == other.name.lower()
        if isinstance(other, str):
            return self.name.lower() == other.lower()
        return NotImplemented

    def __hash__(self):
        return hash(self.name.lower())

    @classmethod
    def parse(cls, value) -> "EnumValue":
        if isinstance(value, cls):
            return value
        text = str(value).strip()
        for c in cls.choices:
            if c.lower() == text.lower():
                return cls(c)
        raise ExchangeValueError(
            f'Cannot convert value "{text}" to type "{cls.type_name}". Error: "Unable to match the identifier '
            f"name {text} to a valid enumerator name. Specify one of the following enumerator names and try "
            f'again: {", ".join(cls.choices)}"')


class ProtocolLoggingLevel(EnumValue):
    type_name = _D + "ProtocolLoggingLevel"
    choices = ("None", "Verbose")


class TransportRole(EnumValue):
    """A Receive connector's TransportRole (Exchange's ServerRole type; only these two on a Mailbox server)."""
    type_name = _D + "ServerRole"
    choices = ("HubTransport", "FrontendTransport")


class ServerEditionType(EnumValue):
    type_name = _D + "ServerEditionType"
    choices = ("Unknown", "Standard", "StandardEvaluation", "Enterprise", "EnterpriseEvaluation",
               "Coexistence", "CoexistenceEvaluation")


# ---------------------------------------------------------------------------
# IPBinding and IPRange


class IPBinding(DotNetObject):
    """A local address and port a Receive connector listens on: `0.0.0.0:25`, `[::]:25`, `10.0.0.5:2525`."""
    ps_type_names = (_D + "IPBinding", "System.Net.IPEndPoint", "System.Net.EndPoint", "System.Object")
    ps_properties = ("Address", "AddressFamily", "Port")

    def __init__(self, address: ipaddress.IPv4Address | ipaddress.IPv6Address, port: int):
        self.address = address
        self.Port = port

    @property
    def Address(self):
        return self.address

    @property
    def AddressFamily(self):
        return "InterNetworkV6" if self.address.version == 6 else "InterNetwork"

    @property
    def is_wildcard(self) -> bool:
        return self.address.is_unspecified

    def ps_to_string(self):
        if self.address.version == 6:
            return f"[{self.address.compressed}]:{self.Port}"
        return f"{self.address}:{self.Port}"

    __str__ = ps_to_string

    def __eq__(self, other):
        if isinstance(other, str):
            try:
                other = IPBinding.parse(other)
            except ExchangeValueError:
                return False
        return isinstance(other, IPBinding) and (self.address, self.Port) == (other.address, other.Port)

    def __hash__(self):
        return hash((self.address, self.Port))

    @classmethod
    def parse(cls, value) -> "IPBinding":
        if isinstance(value, IPBinding):
            return value
        original = str(value)
        text = original.strip()
        if text.endswith(":"):
            text = text[:-1]
        addr_text, sep, port_text = text.rpartition(":")
        if not sep:
            raise ExchangeValueError(
                f"The separator between the IP address and the port number is missing in '{original}'. "
                "The format for an IPBinding is <IP address>:<port number>.")
        if addr_text.startswith("[") and addr_text.endswith("]"):
            addr_text = addr_text[1:-1]
        try:
            address = ipaddress.ip_address(addr_text) if addr_text else ipaddress.IPv4Address("0.0.0.0")
        except ValueError:
            raise ExchangeValueError(f"The IP address in '{original}' has an invalid format.") from None
        if not port_text.strip().isdigit():
            raise ExchangeValueError(f"The specified port number in '{original}' isn't a number.")
        port = int(port_text)
        if not 0 <= port <= 65535:
            raise ExchangeValueError(f"The port number '{port}' is outside the acceptable range. "
                                     "You must specify a port number from 0 to 65535.")
        return cls(address, port)


class IPRange(DotNetObject):
    """A remote address range: `a.b.c.d-e.f.g.h`, `addr/len`, `addr(mask)` or one address."""
    ps_type_names = (_D + "IPRange", "System.Object")
    ps_properties = ("LowerBound", "UpperBound", "Size", "RangeFormat")

    def __init__(self, low, high, form: str, text: str):
        self.low = low
        self.high = high
        self.RangeFormat = form
        self.text = text

    @property
    def LowerBound(self):
        return self.low

    @property
    def UpperBound(self):
        return self.high

    @property
    def Size(self):
        return int(self.high) - int(self.low) + 1

    def ps_to_string(self):
        return self.text

    __str__ = ps_to_string

    def __eq__(self, other):
        if isinstance(other, str):
            try:
                other = IPRange.parse(other)
            except ExchangeValueError:
                return False
        return isinstance(other, IPRange) and (self.low, self.high) == (other.low, other.high)

    def __hash__(self):
        return hash((self.low, self.high))

    def contains(self, address) -> bool:
        a = ipaddress.ip_address(str(address))
        return a.version == self.low.version and self.low <= a <= self.high

    def overlaps(self, other: "IPRange") -> bool:
        return self.low.version == other.low.version and self.low <= other.high and other.low <= self.high

    @classmethod
    def parse(cls, value) -> "IPRange":
        if isinstance(value, IPRange):
            return value
        text = str(value).strip()
        bad = ExchangeValueError(f"The IP address range '{text}' has an invalid format.")
        try:
            if "/" in text:
                net = ipaddress.ip_network(text, strict=False)
                return cls(net.network_address, net.broadcast_address, "CIDR", f"{net.network_address}/{net.prefixlen}")
            m = re.fullmatch(r"([^()]+)\(([^()]+)\)", text)
            if m:
                net = ipaddress.ip_network(f"{m.group(1).strip()}/{m.group(2).strip()}", strict=False)
                return cls(net.network_address, net.broadcast_address, "Netmask", text)
            if "-" in text:
                lo_t, _, hi_t = text.partition("-")
                lo, hi = ipaddress.ip_address(lo_t.strip()), ipaddress.ip_address(hi_t.strip())
                if lo.version != hi.version or lo > hi:
                    raise bad
                return cls(lo, hi, "LoHi", f"{lo.compressed}-{hi.compressed}")
            a = ipaddress.ip_address(text)
            return cls(a, a, "SingleAddress", a.compressed)
        except ValueError:
            raise bad from None


# ---------------------------------------------------------------------------
# sizes and versions

_UNITS = (("TB", 1 << 40), ("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10), ("B", 1))


class ByteQuantifiedSize(DotNetObject):
    """A size in bytes that prints as `36 MB (37,748,736 bytes)`; `None` bytes is Unlimited."""
    ps_type_names = (_D + "ByteQuantifiedSize", "System.ValueType", "System.Object")
    ps_properties = ("IsUnlimited", "Value")
    ps_methods = ("ToBytes", "ToKB", "ToMB", "ToGB", "ToTB", "ToString")

    def __init__(self, nbytes: int | None):
        self.nbytes = nbytes

    @property
    def IsUnlimited(self):
        return self.nbytes is None

    @property
    def Value(self):
        return self

    def _need(self):
        if self.nbytes is None:
            from ...errors import InvalidOperationException
            raise InvalidOperationException("The value is Unlimited and can't be converted to a number.")
        return self.nbytes

    def ToBytes(self):
        return self._need()

    def ToKB(self):
        return self._need() >> 10

    def ToMB(self):
        return self._need() >> 20

    def ToGB(self):
        return self._need() >> 30

    def ToTB(self):
        return self._need() >> 40

    def ToString(self):
        return self.ps_to_string()

    def __str__(self):
        return self.ps_to_string()

    def ps_to_string(self):
        if self.nbytes is None:
            return "Unlimited"
        n = self.nbytes
        for unit, size in _UNITS:
            if n >= size or unit == "B":
                if unit == "B":
                    return f"{n} B ({n:,} bytes)"
                v = n / size
                text = f"{v:.3f}".rstrip("0").rstrip(".")
                return f"{text} {unit} ({n:,} bytes)"
        return str(n)

    def __eq__(self, other):
        if isinstance(other, ByteQuantifiedSize):
            return self.nbytes == other.nbytes
        return NotImplemented

    def __hash__(self):
        return hash(self.nbytes)

    # ordering, as IComparable: against another size or a number of bytes (`$rc.MaxMessageSize -gt 10MB`);
    # Unlimited is above every size
    def _order(self, other):
        other = getattr(other, "base", other) if not isinstance(other, ByteQuantifiedSize) else other
        if isinstance(other, ByteQuantifiedSize):
            theirs = other.nbytes
        elif isinstance(other, (int, float)) and not isinstance(other, bool):
            theirs = other
        else:
            return NotImplemented
        mine = self.nbytes
        if mine is None or theirs is None:
            return (mine is None) - (theirs is None)
        return (mine > theirs) - (mine < theirs)

    def __lt__(self, other):
        c = self._order(other)
        return NotImplemented if c is NotImplemented else c < 0

    def __gt__(self, other):
        c = self._order(other)
        return NotImplemented if c is NotImplemented else c > 0

    def __le__(self, other):
        c = self._order(other)
        return NotImplemented if c is NotImplemented else c <= 0

    def __ge__(self, other):
        c = self._order(other)
        return NotImplemented if c is NotImplemented else c >= 0

    @classmethod
    def parse(cls, value) -> "ByteQuantifiedSize":
        if isinstance(value, ByteQuantifiedSize):
            return value
        if isinstance(value, bool):
            raise ExchangeValueError(f"The value \"{value}\" isn't a valid byte quantified size.")
        if isinstance(value, int):
            if value < 0:
                raise ExchangeValueError(f"The value \"{value}\" isn't a valid byte quantified size.")
            return cls(value)
        text = str(value).strip()
        if text.lower() == "unlimited":
            return cls(None)
        m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(TB|GB|MB|KB|B)?(?:\s*\(([\d,]+) bytes\))?", text, re.I)
        if not m:
            raise ExchangeValueError(f"The value \"{text}\" isn't a valid byte quantified size. Use a number "
                                     "with an optional unit (B, KB, MB, GB or TB), for example 36MB, or Unlimited.")
        if m.group(3):
            return cls(int(m.group(3).replace(",", "")))
        unit = (m.group(2) or "B").upper()
        return cls(int(float(m.group(1)) * dict(_UNITS)[unit]))


class Unlimited:
    """Parsing of `Unlimited[int]` values (MaxInboundConnection, MessageRateLimit): None is Unlimited."""

    @staticmethod
    def parse(value) -> int | None:
        if value is None:
            return None
        if isinstance(value, str) and value.strip().lower() == "unlimited":
            return None
        if isinstance(value, bool):
            raise ExchangeValueError(f'Cannot convert value "{value}" to type "Unlimited`1[System.Int32]".')
        try:
            n = int(str(value).strip())
        except ValueError:
            raise ExchangeValueError(
                f'Cannot convert value "{value}" to type "Unlimited`1[System.Int32]". Use a whole number or '
                "Unlimited.") from None
        if n < 0:
            raise ExchangeValueError(f"The value {n} is negative; use a whole number of 0 or more, or Unlimited.")
        return n

    @staticmethod
    def text(n: int | None) -> str:
        return "Unlimited" if n is None else str(n)


class ServerVersion(DotNetObject):
    """AdminDisplayVersion: parsed from the server's serialNumber (`Version 15.2 (Build 31118.19)`); builds
    of 30000 or more (10000 or more) have that offset removed, as Exchange does for major versions >= 8."""
    ps_type_names = (_D + "ServerVersion", "System.Object")
    ps_properties = ("Major", "Minor", "Build", "Revision")

    def __init__(self, major, minor, build, revision):
        self.Major, self.Minor, self.Build, self.Revision = major, minor, build, revision

    def ps_to_string(self):
        return f"Version {self.Major}.{self.Minor} (Build {self.Build}.{self.Revision})"

    __str__ = ps_to_string

    @classmethod
    def from_serial(cls, serial: str) -> "ServerVersion":
        m = re.search(r"version (\d+)\.(\d+)", serial or "", re.I)
        b = re.search(r"build (\d+)\.(\d+)", serial or "", re.I)
        if not (m and b):
            raise ExchangeValueError(
                f"The SerialNumber {serial} is invalid. The format should be 'Version <major>.<minor> (Build "
                "<build>.<revision>)' or 'Version <major>.<minor> (Build <build>.<revision>) : <file patch level>'")
        major, minor, build, rev = int(m.group(1)), int(m.group(2)), int(b.group(1)), int(b.group(2))
        if major >= 8:
            if build >= 30000:
                build -= 30000
            elif build >= 10000:
                build -= 10000
        return cls(major, minor, build, rev)


# ---------------------------------------------------------------------------
# multi-valued properties


class MultiValuedProperty(list):
    """A multi-valued Exchange property: a list that prints as `{a, b}` and whose elements keep their type.
    Set-* cmdlets accept `@{Add=...; Remove=...}` for it (apply_changes)."""

    def __init__(self, items=(), item_type: str = "System.Object"):
        super().__init__(items)
        self.item_type = item_type

    @property
    def ps_type_names(self):
        return (f"{_D}MultiValuedProperty`1[[{self.item_type}]]", _D + "MultiValuedPropertyBase",
                "System.Object")


def apply_changes(current: list, value, parse) -> list:
    """The new value of a multi-valued property: `value` replaces it, or a hashtable with Add/Remove keys
    (any case) changes it, as Exchange's Set-* cmdlets accept."""
    from ...runtime.psobject import Hashtable, unwrap
    value = unwrap(value)
    if isinstance(value, (Hashtable, dict)):
        out = list(current)
        keys = {str(k).lower(): v for k, v in value.items()}
        unknown = [k for k in keys if k not in ("add", "remove")]
        if unknown:
            raise ExchangeValueError(
                f"The hash table key '{unknown[0]}' isn't valid. Use Add or Remove to change a multi-valued "
                "property.")
        for v in _as_list(keys.get("remove")):
            item = parse(v)
            if item in out:
                out.remove(item)
        for v in _as_list(keys.get("add")):
            item = parse(v)
            if item not in out:
                out.append(item)
        return out
    return [parse(v) for v in _as_list(value)]


def _as_list(value) -> list:
    from ...runtime.psobject import unwrap
    value = unwrap(value)
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        out = []
        for v in value:
            out.extend(_as_list(v))
        return out
    if isinstance(value, str) and "," in value:
        return [p.strip() for p in value.split(",") if p.strip()]
    return [value]
