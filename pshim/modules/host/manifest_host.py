"""Microsoft.PowerShell.Host: transcripts."""
MODULE_NAME = "Microsoft.PowerShell.Host"

_H = "pshim.modules.host."

CMDLETS = {
    "Start-Transcript": _H + "transcripts:StartTranscriptCommand",
    "Stop-Transcript": _H + "transcripts:StopTranscriptCommand",
}


def _transcript_command_line(session, text):
    """A line typed at the prompt: running transcripts started with -IncludeInvocationHeader note it."""
    from .transcripts import transcript_command_line
    transcript_command_line(session, text)


COMMAND_LINE_HOOKS = (_transcript_command_line,)
