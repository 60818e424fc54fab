"""Microsoft.PowerShell.Core: Where-Object and ForEach-Object."""
MODULE_NAME = "Microsoft.PowerShell.Core"
