"""Microsoft.PowerShell.Security: SecureString, PSCredential, Get-Credential,
ConvertTo-/ConvertFrom-SecureString and the protection behind them
(protection.py: Windows PowerShell 5.1's AES key format, and pshim's per-user
stand-in for DPAPI)."""
MODULE_NAME = "Microsoft.PowerShell.Security"
