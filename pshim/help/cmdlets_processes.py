"""Help for Get-Process, Stop-Process and Start-Process (written for pshim)."""

HELP = {}

HELP["Get-Process"] = {
    "synopsis": "Gets the processes that are running on this computer.",
    "description": """Get-Process returns a System.Diagnostics.Process object for each process (all of them,
sorted by name, or those given by -Name or -Id), read from /proc. The table shows Handles (open file
descriptors), NPM(K) (0: Linux has no non-paged pool), PM(K) (private data), WS(K) (resident memory),
CPU(s) (processor time), Id, SI (the login session; 0 for processes of no login, as services are in
session 0 on Windows) and ProcessName. Other properties: Name, Path, StartTime, VM, HandleCount,
WorkingSet64, TotalProcessorTime, CommandLine, Threads, HasExited; methods Kill(), Refresh(),
WaitForExit().

A name without wildcards or an Id that matches no process is an error.""",
    "parameters": {
        "Name": "Process names (wildcards allowed). Alias: ProcessName.",
        "Id": "Process identifiers. Alias: PID.",
        "InputObject": "Process objects (from the pipeline): their current state is read again.",
    },
    "examples": [
        {"title": "This shell's own process",
         "code": "$me = Get-Process -Id $PID\n$me.Id -eq $PID\n$me.GetType().FullName",
         "output": "True\nSystem.Diagnostics.Process"},
        {"title": "A name that matches no process",
         "code": "Get-Process -Name no_such_process -ErrorAction SilentlyContinue\n$Error[0].FullyQualifiedErrorId",
         "output": "NoProcessFoundForGivenName,Microsoft.PowerShell.Commands.GetProcessCommand"},
    ],
    "outputs": "System.Diagnostics.Process",
    "related": ["Stop-Process", "Start-Process"],
}

HELP["Stop-Process"] = {
    "synopsis": "Stops running processes.",
    "description": """Stop-Process ends the processes given by -Id, -Name or process objects (from the
pipeline) at once, as Windows ends a process (SIGKILL). It supports -WhatIf and -Confirm; a process of
another user is stopped only after a confirmation, unless -Force is given.""",
    "parameters": {
        "Id": "Process identifiers.",
        "Name": "Process names (wildcards allowed). Alias: ProcessName.",
        "InputObject": "Process objects, as Get-Process returns them.",
        "PassThru": "Writes the stopped processes.",
        "Force": "Stops processes of other users without asking.",
    },
    "examples": [
        {"title": "Start a process and stop it",
         "code": "$p = Start-Process sleep -ArgumentList 30 -PassThru\nStop-Process -Id $p.Id\n"
                 "$p.WaitForExit(5000)",
         "output": "True"},
    ],
    "outputs": "None, or System.Diagnostics.Process with -PassThru",
    "related": ["Get-Process", "Start-Process"],
}

HELP["Start-Process"] = {
    "synopsis": "Starts a program.",
    "description": """Start-Process starts a program (a path, or a name found in PATH) and returns at once,
or with -Wait when it has ended. As in Windows PowerShell, -ArgumentList's strings are joined with spaces
into one command line, which is then split into arguments by the Windows rules: spaces separate, double
quotes group ('"a b"' is one argument).

With -NoNewWindow the program shares this console. Without it, on Windows the program gets a console
window of its own; pshim has no window to give, so its standard streams are then not connected (use
-RedirectStandardOutput/-RedirectStandardError to keep its output). -PassThru writes the Process object,
whose ExitCode is known once it has ended.""",
    "parameters": {
        "FilePath": "The program to run. Alias: PSPath.",
        "ArgumentList": "Its arguments (joined into one command line). Alias: Args.",
        "WorkingDirectory": "The folder it starts in (default: the current location).",
        "Wait": "Waits until the program has ended.",
        "PassThru": "Writes the Process object.",
        "NoNewWindow": "Runs the program in this console.",
        "RedirectStandardOutput": "A file for its standard output.",
        "RedirectStandardError": "A file for its standard error (not the same file as the output).",
        "RedirectStandardInput": "A file to read as its standard input.",
    },
    "examples": [
        {"title": "Run a program, wait, and read its output",
         "code": "$f = Join-Path ([System.IO.Path]::GetTempPath()) 'pshim-help-start.txt'\n"
                 "$p = Start-Process echo -ArgumentList 'hello', '\"big world\"' -RedirectStandardOutput $f "
                 "-Wait -NoNewWindow -PassThru\nGet-Content $f\n$p.ExitCode\nRemove-Item $f",
         "output": "hello big world\n0"},
    ],
    "outputs": "None, or System.Diagnostics.Process with -PassThru",
    "related": ["Get-Process", "Stop-Process"],
}
