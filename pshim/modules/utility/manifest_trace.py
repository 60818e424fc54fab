"""Microsoft.PowerShell.Utility: Trace-Command (no trace sources in pshim: an error record, then the expression)."""
MODULE_NAME = "Microsoft.PowerShell.Utility"

CMDLETS = {
    "Trace-Command": "pshim.modules.utility.trace_command:TraceCommandCommand",
}
