"""Microsoft.PowerShell.Host: transcripts (Start-Transcript, Stop-Transcript). The console itself is
pshim/host/ (a layer of its own, not a module)."""
MODULE_NAME = "Microsoft.PowerShell.Host"
