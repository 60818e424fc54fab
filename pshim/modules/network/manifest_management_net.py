"""Microsoft.PowerShell.Management: Test-Connection (its code sits with the other network cmdlets)."""
MODULE_NAME = "Microsoft.PowerShell.Management"

CMDLETS = {
    "Test-Connection": "pshim.modules.network.connection:TestConnectionCommand",
}
