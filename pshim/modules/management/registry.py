"""The registry paths scripts written for Windows use (HKLM:\\..., HKCU:\\..., Registry::HKEY_...): this system
has no registry, so the item cmdlets answer them with one clear error instead of 5.1's "Cannot find drive"
for an unknown drive name.

The record keeps 5.1's shape for a missing drive (DriveNotFound, ObjectNotFound, DriveNotFoundException), so
scripts that test for it keep working, and its message says why the drive is missing.
"""
from __future__ import annotations

from ...errors import DriveNotFoundException, ProviderNotFoundException

REGISTRY_DRIVES = ("HKLM", "HKCU", "HKCR", "HKU", "HKCC")
_PROVIDER_PREFIXES = ("registry::", "microsoft.powershell.core\\registry::")


def registry_drive(path: str) -> str | None:
    """The registry drive (or `Registry`) a path addresses, else None."""
    text = path.strip()
    low = text.lower()
    if low.startswith(_PROVIDER_PREFIXES):
        return "Registry"
    head, sep, _ = text.partition(":")
    if sep and head.upper() in REGISTRY_DRIVES:
        return head.upper()
    return None


def registry_error(cmdlet, path: str):
    """The error record for a registry path, or None when `path` is not one."""
    drive = registry_drive(path)
    if drive is None:
        return None
    if drive == "Registry":
        message = (f"Cannot find a provider with the name 'Registry'. The Windows registry does not exist on this "
                   f"system, so pshim has no Registry provider ('{path}').")
        return cmdlet.error(message, "ProviderNotFound", "ObjectNotFound", path, ProviderNotFoundException)
    message = (f"Cannot find drive. A drive with the name '{drive}' does not exist. {drive}: is a Windows registry "
               "drive; the registry does not exist on this system, so pshim has no Registry provider.")
    return cmdlet.error(message, "DriveNotFound", "ObjectNotFound", drive, DriveNotFoundException)
