"""Microsoft.PowerShell.Utility."""
MODULE_NAME = "Microsoft.PowerShell.Utility"
