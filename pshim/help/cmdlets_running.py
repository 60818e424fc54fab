"""Help for running things: Measure-Command, Invoke-Command, the history cmdlets and Get-PSCallStack
(written for pshim)."""

HELP = {}

_ENTRY = ("Add-History -InputObject ([pscustomobject]@{{CommandLine={line}; ExecutionStatus='Completed'; "
          "StartExecutionTime=[datetime]'2024-01-02 09:00'; EndExecutionTime=[datetime]'2024-01-02 09:00:02'}})")

_HISTORY = """The interactive shell adds an entry to the session's history after each line it runs: a
HistoryInfo with Id, CommandLine, ExecutionStatus (Completed; Failed when a terminating error or a
parse error ended the line; Stopped after Ctrl+C), StartExecutionTime and EndExecutionTime. Ids count
up for the whole session and are not reused. Lines of scripts and of -Command are not history, as in
Windows PowerShell. The newest $MaximumHistoryCount entries (4096) are kept. The Up arrow at the prompt
walks the same entries, then the lines of earlier sessions."""

HELP["Measure-Command"] = {
    "synopsis": "Measures the time it takes to run script blocks and cmdlets.",
    "description": """Measure-Command runs a script block and returns how long it took as a TimeSpan. The
script block's output is discarded; its errors and warnings still show. As in Windows PowerShell it
runs in the caller's scope, so variables it sets stay set. With pipeline input it runs once per
object, with the object as $_, and returns the total time.""",
    "parameters": {
        "Expression": "The script block to time.",
        "InputObject": "Objects to run the script block for, one at a time, as $_.",
    },
    "examples": [
        {"title": "Time a command",
         "code": "(Measure-Command { Start-Sleep -Milliseconds 50 }).TotalMilliseconds -ge 50",
         "output": "True"},
        {"title": "The output is discarded, the variables stay",
         "code": "$t = Measure-Command { $count = (1..1000).Count; 'not shown' }\n$t.GetType().FullName\n$count",
         "output": "System.TimeSpan\n1000"},
    ],
    "inputs": "System.Management.Automation.PSObject",
    "outputs": "System.TimeSpan",
    "related": ["Measure-Object", "Invoke-Command"],
}

HELP["Invoke-Command"] = {
    "synopsis": "Runs commands on this computer (remote computers are not available in pshim).",
    "description": """Invoke-Command runs a script block on this computer and returns its output. The script
block runs in a new scope (with -NoNewScope, in the caller's); -ArgumentList fills its param() block
and $args; each object from the pipeline, or -InputObject, is its $input.

pshim has no PowerShell remoting. With -ComputerName or -Session, Invoke-Command runs nothing and
writes one error record per computer, shaped as Windows PowerShell reports a connection it cannot
open: "[<name>] Connecting to remote server <name> failed with the following error message : ...",
category OpenError, exception PSRemotingTransportException, FullyQualifiedErrorId
CannotConnect,PSSessionStateBroken.""",
    "parameters": {
        "ScriptBlock": "The commands to run.",
        "ArgumentList": "Values for the script block's parameters and $args. Alias: Args.",
        "NoNewScope": "Runs the script block in the caller's scope.",
        "InputObject": "The input of the script block ($input). It can come from the pipeline.",
        "ComputerName": "Remote computers: not available in pshim (an error record per computer).",
        "Session": "PSSessions: not available in pshim (an error record per session).",
        "Credential": "The account for remote computers: not available in pshim.",
    },
    "examples": [
        {"title": "Run a script block with arguments",
         "code": "Invoke-Command -ScriptBlock { param($Server, $Port) \"$Server`:$Port\" } -ArgumentList Mailbox01, 25",
         "output": "Mailbox01:25"},
        {"title": "A remote computer is an error",
         "code": "Invoke-Command -ComputerName Mailbox01 -ScriptBlock { hostname } -ErrorAction SilentlyContinue\n"
                 "$Error[0].FullyQualifiedErrorId",
         "output": "CannotConnect,PSSessionStateBroken"},
    ],
    "inputs": "System.Management.Automation.PSObject",
    "outputs": "The script block's output",
    "related": ["Measure-Command", "about_pshim"],
}

HELP["Get-History"] = {
    "synopsis": "Gets a list of the commands entered during the current session.",
    "description": "Get-History returns the entries of the session's history, oldest first, or the entries "
                   "with the given Ids, or the newest -Count entries. An Id that is not in the history is the "
                   "error \"Cannot locate history for Id <n>.\"\n\n" + _HISTORY,
    "parameters": {
        "Id": "The Ids of the entries to get.",
        "Count": "How many of the newest entries to get.",
    },
    "examples": [
        {"title": "The history as a table",
         "code": _ENTRY.format(line="'Get-ExchangeServer'") + "\nGet-History",
         "output": "\n  Id CommandLine\n  -- -----------\n   1 Get-ExchangeServer"},
        {"title": "How long a command ran",
         "code": _ENTRY.format(line="'Get-ExchangeServer'") + "\n$h = Get-History -Id 1\n"
                 "($h.EndExecutionTime - $h.StartExecutionTime).TotalSeconds",
         "output": "2"},
    ],
    "inputs": "System.Int64",
    "outputs": "Microsoft.PowerShell.Commands.HistoryInfo",
    "related": ["Add-History", "Clear-History", "Invoke-History"],
}

HELP["Add-History"] = {
    "synopsis": "Appends entries to the session history.",
    "description": "Add-History adds entries made from objects with the properties CommandLine, ExecutionStatus, "
                   "StartExecutionTime and EndExecutionTime (for example the output of Get-History, saved "
                   "with Export-Clixml in another session). Each gets the next Id. An object without them is "
                   "the error \"Cannot add history because the input object has a format that is not valid.\"\n\n"
                   + _HISTORY,
    "parameters": {
        "InputObject": "The entries to add. They can come from the pipeline.",
        "PassThru": "Returns the entries added.",
    },
    "examples": [
        {"title": "Add an entry and see its Id",
         "code": _ENTRY.format(line="'Get-ReceiveConnector'") + " -PassThru | ForEach-Object { \"$($_.Id): $_\" }",
         "output": "1: Get-ReceiveConnector"},
    ],
    "inputs": "Microsoft.PowerShell.Commands.HistoryInfo",
    "outputs": "Microsoft.PowerShell.Commands.HistoryInfo (with -PassThru)",
    "related": ["Get-History", "Clear-History", "Invoke-History"],
}

HELP["Clear-History"] = {
    "synopsis": "Deletes entries from the session history.",
    "description": "Clear-History deletes all entries, or those with the given Ids, or those whose command line "
                   "matches -CommandLine (wildcards allowed). -Count deletes that many of the oldest entries "
                   "(with -Newest, of the newest); with -Id it deletes -Count entries ending with that Id "
                   "(with -Newest, starting with it). The Ids of the remaining entries do not change.\n\n"
                   + _HISTORY,
    "parameters": {
        "Id": "The Ids of the entries to delete.",
        "CommandLine": "Deletes the entries whose command line matches (wildcards allowed).",
        "Count": "How many entries to delete.",
        "Newest": "With -Count, deletes the newest entries instead of the oldest.",
    },
    "examples": [
        {"title": "Delete one entry",
         "code": "\n".join(_ENTRY.format(line=f"'command {n}'") for n in (1, 2, 3))
                 + "\nClear-History -Id 2\n(Get-History).Id",
         "output": "1\n3"},
    ],
    "inputs": "None",
    "outputs": "None",
    "related": ["Get-History", "Add-History", "Invoke-History"],
}

HELP["Invoke-History"] = {
    "synopsis": "Runs commands from the session history.",
    "description": "Invoke-History runs the entry with the given Id, or the newest entry whose command line "
                   "starts with the given text, or (without -Id) the newest entry. It shows the command line, "
                   "then runs it; in the interactive shell the history entry of the line that called "
                   "Invoke-History records the command it ran. Without a matching entry it stops with \"Cannot "
                   "locate history for Id <n>.\", \"Cannot locate history for commandline <text>.\" or "
                   "\"Cannot locate most recent history.\"\n\n" + _HISTORY,
    "parameters": {
        "Id": "The Id of the entry, or the start of its command line.",
    },
    "examples": [
        {"title": "Run an entry again",
         "code": _ENTRY.format(line="'Get-Date -Year 2024 -Month 1 -Day 2 -Format yyyy-MM-dd'") + "\nr 1",
         "output": "Get-Date -Year 2024 -Month 1 -Day 2 -Format yyyy-MM-dd\n2024-01-02",
         "remarks": "r and ihy are aliases of Invoke-History."},
    ],
    "inputs": "None",
    "outputs": "The output of the command that runs",
    "related": ["Get-History", "Add-History", "Clear-History"],
}

HELP["Get-PSCallStack"] = {
    "synopsis": "Displays the current call stack.",
    "description": """Get-PSCallStack returns a CallStackFrame for each function, script and script block
running now, the innermost first, ending with the <ScriptBlock> frame of the command line. Each
frame shows its Command, its Arguments (the bound parameters, as {Name=value}) and its Location: the
script file and line where that frame is now (<No file> for code typed at the prompt).""",
    "parameters": {},
    "examples": [
        {"title": "Who called this function?",
         "code": "function Get-Inner { Get-PSCallStack | ForEach-Object Command }\n"
                 "function Get-Outer { Get-Inner }\nGet-Outer",
         "output": "Get-Inner\nGet-Outer\n<ScriptBlock>"},
        {"title": "The arguments of each frame",
         "code": "function Test-Relay($Server) { (Get-PSCallStack)[0].Arguments }\nTest-Relay -Server Edge01",
         "output": "{Server=Edge01}"},
    ],
    "inputs": "None",
    "outputs": "System.Management.Automation.CallStackFrame",
    "related": ["Invoke-Command"],
}
