"""Microsoft.PowerShell.Management: the file system (items, content, paths,
locations, drives)."""
MODULE_NAME = "Microsoft.PowerShell.Management"
