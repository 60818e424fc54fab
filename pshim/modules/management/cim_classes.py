"""The WMI classes pshim answers, read from this machine (psutil, platform, socket, /proc, /sys).

Each class is a function returning its instances as ordered (property name -> value) dictionaries with
the class's real property names and .NET value types (UInt32, UInt64, Boolean, String, DateTime, arrays).
What Linux has no counterpart for is said here, once:

- Win32_OperatingSystem: Caption and Manufacturer from /etc/os-release (PRETTY_NAME, NAME); Version is
  the kernel release and BuildNumber its first numeric part; OSType is 36 (CIM's LINUX);
  SerialNumber is /etc/machine-id; SystemDirectory /usr/bin, WindowsDirectory and SystemDrive "/";
  memory sizes in kilobytes as WMI gives them (the paging file is swap).
- Win32_ComputerSystem: Manufacturer and Model from /sys/class/dmi/id (empty where the kernel shows no
  DMI table); Domain is the DNS domain of the host name, or WORKGROUP; SystemType from the machine type.
- Win32_LogicalDisk: one instance per mounted disk file system (psutil) and always the root file system
  (a container's overlay too), DeviceID its mount point (a Linux path, not a drive letter); DriveType 3 (local), 4 (network: nfs, cifs, ...), 5 (iso9660, udf).
- Win32_Processor: one instance per physical package, from /proc/cpuinfo; Caption as Windows writes it
  from the CPU's family, model and stepping; SocketDesignation is "CPU <n>" (Linux does not name sockets).
- Win32_NetworkAdapterConfiguration: one instance per network interface but loopback (Windows lists no
  loopback adapter); DHCPEnabled is False (Linux has no one answer to it); DNS servers and domain from
  /etc/resolv.conf; the default gateway from /proc/net/route.
"""
from __future__ import annotations

import datetime as _dt
import getpass
import ipaddress
import os
import platform
import re
import socket

from ...runtime.psobject import UInt16, UInt32, UInt64, TypedArray

CLASSES = {}


def cim_class(name, superclasses):
    def deco(fn):
        CLASSES[name.lower()] = (name, tuple(superclasses), fn)
        return fn
    return deco


def _read(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def _os_release():
    out = {}
    for line in _read("/etc/os-release").splitlines():
        k, _, v = line.partition("=")
        if k:
            out[k.strip()] = v.strip().strip('"')
    return out


def computer_name():
    from ...runtime import environment
    return environment.get("COMPUTERNAME") or environment.machine_name()


def _dns_domain():
    fqdn = socket.getfqdn()
    if "." in fqdn and not fqdn.startswith("localhost"):
        return fqdn.split(".", 1)[1]
    for line in _read("/etc/resolv.conf").splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] in ("domain", "search"):
            return parts[1]
    return ""


def _strings(values):
    return TypedArray([str(v) for v in values], "System.String")


@cim_class("Win32_OperatingSystem", ("CIM_OperatingSystem", "CIM_LogicalElement", "CIM_ManagedSystemElement"))
def _operating_system():
    import psutil
    rel = _os_release()
    vm, swap = psutil.virtual_memory(), psutil.swap_memory()
    kernel = platform.release()
    m = re.match(r"(\d+)\.(\d+)", kernel)
    build = m.group(1) + m.group(2).rjust(2, "0") if m else ""
    boot = _dt.datetime.fromtimestamp(psutil.boot_time())
    bits = "64-bit" if platform.architecture()[0] == "64bit" else "32-bit"
    offset = int((_dt.datetime.now().astimezone().utcoffset() or _dt.timedelta()).total_seconds() // 60)
    try:
        users = len(psutil.users())
    except OSError:
        users = 0
    caption = rel.get("PRETTY_NAME") or f"{platform.system()} {kernel}"
    return [{
        "BootDevice": "", "BuildNumber": build, "BuildType": platform.version(), "Caption": caption,
        "CodeSet": "65001", "CountryCode": "1", "CreationClassName": "Win32_OperatingSystem",
        "CSCreationClassName": "Win32_ComputerSystem", "CSDVersion": None, "CSName": computer_name(),
        "CurrentTimeZone": offset, "Description": "", "Distributed": False,
        "FreePhysicalMemory": UInt64(vm.available // 1024),
        "FreeSpaceInPagingFiles": UInt64(swap.free // 1024),
        "FreeVirtualMemory": UInt64((vm.available + swap.free) // 1024), "InstallDate": None,
        "LastBootUpTime": boot, "LocalDateTime": _dt.datetime.now(), "Locale": "0409",
        "Manufacturer": rel.get("NAME") or platform.system(), "MaxNumberOfProcesses": UInt32(2 ** 32 - 1),
        "Name": f"{caption}|/|{_root_device()}", "NumberOfProcesses": UInt32(len(psutil.pids())),
        "NumberOfUsers": UInt32(users), "OperatingSystemSKU": UInt32(0), "Organization": "",
        "OSArchitecture": bits, "OSLanguage": UInt32(1033), "OSType": UInt16(36), "Primary": True,
        "RegisteredUser": getpass.getuser(), "SerialNumber": _read("/etc/machine-id").strip(),
        "ServicePackMajorVersion": UInt16(0), "ServicePackMinorVersion": UInt16(0),
        "SizeStoredInPagingFiles": UInt64(swap.total // 1024), "Status": "OK", "SystemDevice": _root_device(),
        "SystemDirectory": "/usr/bin", "SystemDrive": "/", "TotalSwapSpaceSize": UInt64(swap.total // 1024),
        "TotalVirtualMemorySize": UInt64((vm.total + swap.total) // 1024),
        "TotalVisibleMemorySize": UInt64(vm.total // 1024), "Version": kernel, "WindowsDirectory": "/",
    }]


def _root_device():
    import psutil
    for p in psutil.disk_partitions(all=True):
        if p.mountpoint == "/":
            return p.device
    return ""


def _cpuinfo():
    """The /proc/cpuinfo blocks, one dictionary per logical processor."""
    blocks, cur = [], {}
    for line in _read("/proc/cpuinfo").splitlines():
        if not line.strip():
            if cur:
                blocks.append(cur)
            cur = {}
            continue
        k, _, v = line.partition(":")
        cur[k.strip()] = v.strip()
    if cur:
        blocks.append(cur)
    return blocks


def _packages():
    blocks = _cpuinfo()
    packages = {}
    for b in blocks:
        packages.setdefault(b.get("physical id", "0"), []).append(b)
    return packages or {"0": [{}]}


@cim_class("Win32_ComputerSystem", ("CIM_UnitaryComputerSystem", "CIM_ComputerSystem", "CIM_System",
                                    "CIM_LogicalElement", "CIM_ManagedSystemElement"))
def _computer_system():
    import psutil
    domain = _dns_domain()
    machine = platform.machine().lower()
    system_type = {"x86_64": "x64-based PC", "amd64": "x64-based PC", "aarch64": "ARM64-based PC",
                   "arm64": "ARM64-based PC"}.get(machine, "X86-based PC")
    flags = (_cpuinfo() or [{}])[0].get("flags", "").split()
    name = computer_name()
    return [{
        "AdminPasswordStatus": UInt16(3), "Caption": name, "ChassisBootupState": UInt16(3),
        "CreationClassName": "Win32_ComputerSystem", "Description": "AT/AT COMPATIBLE",
        "DNSHostName": socket.gethostname().split(".")[0], "Domain": domain or "WORKGROUP", "DomainRole": UInt16(0),
        "HypervisorPresent": "hypervisor" in flags,
        "Manufacturer": _read("/sys/class/dmi/id/sys_vendor").strip(),
        "Model": _read("/sys/class/dmi/id/product_name").strip(), "Name": name,
        "NumberOfLogicalProcessors": UInt32(psutil.cpu_count() or 1),
        "NumberOfProcessors": UInt32(len(_packages())), "PartOfDomain": bool(domain),
        "PrimaryOwnerName": getpass.getuser(), "Status": "OK", "SystemType": system_type,
        "TotalPhysicalMemory": UInt64(psutil.virtual_memory().total),
        "UserName": f"{name}\\{getpass.getuser()}", "Workgroup": None if domain else "WORKGROUP",
    }]


_NETWORK_FS = ("nfs", "nfs4", "cifs", "smbfs", "smb3", "sshfs", "fuse.sshfs", "9p", "ceph", "glusterfs")
_OPTICAL_FS = ("iso9660", "udf")


@cim_class("Win32_LogicalDisk", ("CIM_LogicalDisk", "CIM_StorageExtent", "CIM_LogicalDevice",
                                 "CIM_LogicalElement", "CIM_ManagedSystemElement"))
def _logical_disks():
    import psutil
    out = []
    parts = psutil.disk_partitions(all=False)
    if not any(p.mountpoint == "/" for p in parts):      # a container's root (overlay) is still its local disk
        parts = [p for p in psutil.disk_partitions(all=True) if p.mountpoint == "/"][:1] + parts
    for p in parts:
        try:
            usage = psutil.disk_usage(p.mountpoint)
        except OSError:
            continue
        fs = p.fstype.lower()
        drive_type = 4 if fs in _NETWORK_FS else 5 if fs in _OPTICAL_FS else 3
        description = {3: "Local Fixed Disk", 4: "Network Connection", 5: "CD-ROM Disc"}[drive_type]
        out.append({
            "Access": UInt16(0), "Caption": p.mountpoint, "Compressed": False,
            "CreationClassName": "Win32_LogicalDisk", "Description": description, "DeviceID": p.mountpoint,
            "DriveType": UInt32(drive_type), "FileSystem": p.fstype, "FreeSpace": UInt64(usage.free),
            "MediaType": UInt32(12) if drive_type == 3 else None, "Name": p.mountpoint,
            "ProviderName": p.device if drive_type == 4 else None, "Size": UInt64(usage.total),
            "SystemCreationClassName": "Win32_ComputerSystem", "SystemName": computer_name(),
            "VolumeName": "", "VolumeSerialNumber": None,
        })
    return out


def _cache_kb(level):
    base = "/sys/devices/system/cpu/cpu0/cache"
    try:
        entries = os.listdir(base)
    except OSError:
        return None
    for e in entries:
        if _read(f"{base}/{e}/level").strip() == str(level):
            size = _read(f"{base}/{e}/size").strip()
            m = re.match(r"(\d+)([KM]?)", size)
            if m:
                return UInt32(int(m.group(1)) * (1024 if m.group(2) == "M" else 1))
    return None


@cim_class("Win32_Processor", ("CIM_Processor", "CIM_LogicalDevice", "CIM_LogicalElement",
                               "CIM_ManagedSystemElement"))
def _processors():
    import psutil
    machine = platform.machine().lower()
    arch = {"x86_64": 9, "amd64": 9, "aarch64": 12, "arm64": 12, "i686": 0, "i386": 0}.get(machine, 9)
    try:
        freq = psutil.cpu_freq()
    except (OSError, NotImplementedError):
        freq = None
    out = []
    for n, (pid, blocks) in enumerate(sorted(_packages().items())):
        b = blocks[0]
        vendor = b.get("vendor_id", "")
        family, model, stepping = b.get("cpu family", ""), b.get("model", ""), b.get("stepping", "")
        prefix = {"GenuineIntel": "Intel64", "AuthenticAMD": "AMD64"}.get(vendor, platform.machine())
        caption = f"{prefix} Family {family} Model {model} Stepping {stepping}" if family else platform.processor()
        mhz = b.get("cpu MHz")
        current = int(float(mhz)) if mhz else int(freq.current) if freq else 0
        maximum = int(freq.max) if freq and freq.max else current
        cores = {x.get("core id") for x in blocks} - {None}
        out.append({
            "AddressWidth": UInt16(64 if "64" in platform.architecture()[0] else 32), "Architecture": UInt16(arch),
            "Caption": caption, "CreationClassName": "Win32_Processor", "CurrentClockSpeed": UInt32(current),
            "DataWidth": UInt16(64 if "64" in platform.architecture()[0] else 32), "Description": caption,
            "DeviceID": f"CPU{n}", "Family": UInt16(2), "L2CacheSize": _cache_kb(2), "L3CacheSize": _cache_kb(3),
            "Manufacturer": vendor, "MaxClockSpeed": UInt32(maximum),
            "Name": b.get("model name") or platform.processor() or platform.machine(),
            "NumberOfCores": UInt32(len(cores) or len(blocks)), "NumberOfLogicalProcessors": UInt32(len(blocks)),
            "ProcessorType": UInt16(3), "SocketDesignation": f"CPU {pid}", "Status": "OK",
            "SystemName": computer_name(),
        })
    return out


def _default_gateways():
    out = {}
    for line in _read("/proc/net/route").splitlines()[1:]:
        f = line.split()
        if len(f) >= 8 and f[1] == "00000000" and f[7] == "00000000":
            out.setdefault(f[0], []).append(str(ipaddress.IPv4Address(int(f[2], 16).to_bytes(4, "little"))))
    return out


def _dns_servers():
    return [p.split()[1] for p in _read("/etc/resolv.conf").splitlines()
            if p.startswith("nameserver") and len(p.split()) >= 2]


@cim_class("Win32_NetworkAdapterConfiguration", ("CIM_Setting",))
def _adapter_configurations():
    import psutil
    addrs = psutil.net_if_addrs()
    stats = psutil.net_if_stats()
    gateways = _default_gateways()
    dns, domain = _dns_servers(), _dns_domain()
    out = []
    for name in sorted(addrs, key=lambda n: _if_index(n)):
        st = stats.get(name)
        v4 = [a for a in addrs[name] if a.family == socket.AF_INET]
        v6 = [a for a in addrs[name] if a.family == socket.AF_INET6]
        if any(ipaddress.ip_address(a.address.split("%")[0]).is_loopback for a in v4 + v6) or name == "lo":
            continue
        mac = next((a.address for a in addrs[name] if a.family == psutil.AF_LINK), None)
        ips = [a.address for a in v4] + [a.address.split("%")[0] for a in v6]
        enabled = bool(ips) and bool(st and st.isup)
        masks = [a.netmask or "" for a in v4] + [_prefix_length(a.netmask) for a in v6]
        driver = os.path.basename(os.path.realpath(f"/sys/class/net/{name}/device/driver")) \
            if os.path.exists(f"/sys/class/net/{name}/device/driver") else name
        index = _if_index(name)
        out.append({
            "Caption": f"[{index:08d}] {name}", "DatabasePath": "/etc", "DefaultIPGateway":
                _strings(gateways[name]) if name in gateways and enabled else None,
            "Description": name, "DHCPEnabled": False, "DNSDomain": domain if enabled and domain else None,
            "DNSHostName": socket.gethostname().split(".")[0] if enabled else None,
            "DNSServerSearchOrder": _strings(dns) if enabled and dns else None,
            "Index": UInt32(index), "InterfaceIndex": UInt32(index),
            "IPAddress": _strings(ips) if enabled else None, "IPEnabled": enabled,
            "IPSubnet": _strings(masks) if enabled else None,
            "MACAddress": mac.upper().replace("-", ":") if mac else None,
            "MTU": UInt32(st.mtu) if st else None, "ServiceName": driver, "SettingID": name,
        })
    return out


def _prefix_length(mask):
    """An IPv6 netmask as WMI's IPSubnet shows it: the prefix length."""
    try:
        return str(bin(int(ipaddress.IPv6Address(mask))).count("1"))
    except (ValueError, TypeError):
        return "64"


def _if_index(name):
    try:
        return socket.if_nametoindex(name)
    except OSError:
        return 0
