"""Microsoft.PowerShell.Utility: data and file cmdlets (string data, file hashes, hex dumps, the custom
view, the approved verbs)."""
MODULE_NAME = "Microsoft.PowerShell.Utility"

_U = "pshim.modules.utility."

CMDLETS = {
    "ConvertFrom-StringData": _U + "string_data:ConvertFromStringDataCommand",
    "Get-FileHash": _U + "file_hash:GetFileHashCommand",
    "Format-Hex": _U + "format_hex:FormatHexCommand",
    "Format-Custom": _U + "format_custom:FormatCustomCommand",
    "Get-Verb": _U + "verbs:GetVerbCommand",
}

ALIASES = {
    "fhx": "Format-Hex",
    "fc": "Format-Custom",
}
