"""Microsoft.PowerShell.Archive (5.1's version 1.0.1.0): Compress-Archive and Expand-Archive on zipfile."""
MODULE_NAME = "Microsoft.PowerShell.Archive"
MODULE_VERSION = "1.0.1.0"
