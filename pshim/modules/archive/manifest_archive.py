"""Cmdlets of Microsoft.PowerShell.Archive (5.1 ships version 1.0.1.0)."""
MODULE_NAME = "Microsoft.PowerShell.Archive"

CMDLETS = {
    "Compress-Archive": "pshim.modules.archive.archive:CompressArchiveCommand",
    "Expand-Archive": "pshim.modules.archive.archive:ExpandArchiveCommand",
}
