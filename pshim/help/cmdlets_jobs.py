"""Help for the job cmdlets: Start-Job, Start-ThreadJob, Get-Job, Receive-Job, Wait-Job, Stop-Job, Remove-Job
(written for pshim)."""

HELP = {}

_SELECT = {
    "Job": "The jobs, as Start-Job or Get-Job returned them. It can come from the pipeline.",
    "Id": "The Ids of jobs of this session.",
    "Name": "The names of jobs of this session (wildcards allowed).",
    "InstanceId": "The InstanceIds (GUIDs) of jobs.",
    "State": "Jobs in this state: NotStarted, Running, Completed, Failed, Stopped, ...",
}

HELP["Start-Job"] = {
    "synopsis": "Starts a background job: the script block runs in another process.",
    "description": """Start-Job starts a pshim process of its own for the script block and returns the job
at once; the shell goes on. Arguments (-ArgumentList) and input (-InputObject or the pipeline, seen as
$input) are sent to that process serialized, and so are the caller's values of the $using: variables
the script block names ($using:x; a $using: variable that is not set is an error), and the results come back serialized (CLIXML, depth 1), as
in Windows PowerShell: Receive-Job returns deserialized objects, whose type names start with
"Deserialized." and which carry PSComputerName (localhost) and RunspaceId. Their methods are gone; their
properties are values.

The job's Id is the next in the session; a background job's child job takes the Id after it, so the next
job's Id is two on. The job starts in the home folder, with no profile and none of the caller's
variables or functions. A job is Completed when its script ends, Failed when a terminating error ended it
(JobStateInfo.Reason says which), Stopped after Stop-Job. When the shell ends, its running jobs are
stopped and their processes killed.""",
    "parameters": {
        "ScriptBlock": "The commands of the job.",
        "ArgumentList": "Values for the script block's parameters and $args (serialized). Alias: Args.",
        "InputObject": "Input of the job ($input). It can come from the pipeline.",
        "Name": "A name for the job (default: Job<Id>).",
    },
    "examples": [
        {"title": "Start a job and get its results",
         "code": "$job = Start-Job -ScriptBlock { param($n) 1..$n } -ArgumentList 3\n"
                 "$job | Wait-Job -Timeout 60 | Receive-Job",
         "output": "1\n2\n3"},
        {"title": "Results are deserialized objects",
         "code": "$o = Start-Job { [pscustomobject]@{Name='mail01'; Queue=4} } | Wait-Job -Timeout 60 | Receive-Job\n"
                 "$o.PSObject.TypeNames[0]\n\"$($o.Name) $($o.Queue) $($o.PSComputerName)\"",
         "output": "Deserialized.System.Management.Automation.PSCustomObject\nmail01 4 localhost"},
        {"title": "The caller's variables with $using:",
         "code": "$server = 'mail01'\nStart-Job { \"checking $using:server\" } | Receive-Job -Wait",
         "output": "checking mail01"},
    ],
    "outputs": "System.Management.Automation.PSRemotingJob",
    "related": ["Get-Job", "Receive-Job", "Wait-Job", "Stop-Job", "Remove-Job", "Start-ThreadJob"],
}

HELP["Start-ThreadJob"] = {
    "synopsis": "Starts a job that runs in a thread of this process.",
    "description": """Start-ThreadJob (module ThreadJob) runs the script block in a thread of the shell, in a
session of its own that starts in the caller's location. Nothing is serialized: Receive-Job returns the
live objects. Its jobs are listed and handled by the same cmdlets as Start-Job's, with PSJobTypeName
ThreadJob and Location PowerShell.""",
    "parameters": {
        "ScriptBlock": "The commands of the job.",
        "ArgumentList": "Values for the script block's parameters and $args. Alias: Args.",
        "InputObject": "Input of the job ($input). It can come from the pipeline.",
        "Name": "A name for the job (default: Job<Id>).",
    },
    "examples": [
        {"title": "A thread job returns live objects",
         "code": "$t = Start-ThreadJob { [pscustomobject]@{Total = 40 + 2} }\n"
                 "$r = $t | Wait-Job -Timeout 60 | Receive-Job\n$r.PSObject.TypeNames[0]\n$r.Total",
         "output": "System.Management.Automation.PSCustomObject\n42"},
    ],
    "outputs": "ThreadJob.ThreadJob",
    "related": ["Start-Job", "Receive-Job"],
}

HELP["Get-Job"] = {
    "synopsis": "Gets the jobs of the current session.",
    "description": """Get-Job returns the session's jobs (all of them, or those named by -Id, -Name,
-InstanceId or -State), shown as a table: Id, Name, PSJobTypeName, State, HasMoreData, Location, Command.
An Id or a name without wildcards that matches no job is an error.""",
    "parameters": {k: v for k, v in _SELECT.items() if k != "Job"},
    "examples": [
        {"title": "List the jobs",
         "code": "$j = Start-Job { 'done' } -Name Probe\n$j | Wait-Job -Timeout 60 | Out-Null\nGet-Job",
         "output": "\nId     Name            PSJobTypeName   State         HasMoreData     Location             Command\n"
                   "--     ----            -------------   -----         -----------     --------             -------\n"
                   "1      Probe           BackgroundJob   Completed     True            localhost             'done'\n"},
    ],
    "outputs": "System.Management.Automation.Job",
    "related": ["Start-Job", "Receive-Job", "Remove-Job"],
}

HELP["Receive-Job"] = {
    "synopsis": "Gets the results of jobs.",
    "description": """Receive-Job writes what the job has produced and not yet been received: its output
objects, and its errors, warnings and host text on their streams. Received results are removed from the
job unless -Keep is given; HasMoreData says whether any are left. With -Wait it keeps writing results as
they arrive until the job has finished.

An error of the job is shown as Windows PowerShell shows an error from another runspace: the message,
its CategoryInfo and FullyQualifiedErrorId, and PSComputerName. The terminating error that failed a job
is written as an error too.""",
    "parameters": dict(_SELECT, Keep="Leaves the results in the job.",
                       Wait="Waits for the job to finish, writing results as they come.",
                       AutoRemoveJob="With -Wait: removes the job once it has finished and been received.",
                       WriteJobInResults="Writes the job object before its results."),
    "examples": [
        {"title": "Keep the results",
         "code": "$j = Start-Job { 'a'; 'b' }; $j | Wait-Job -Timeout 60 | Out-Null\n"
                 "Receive-Job $j -Keep\n$j.HasMoreData\nReceive-Job $j\n$j.HasMoreData",
         "output": "a\nb\nTrue\na\nb\nFalse"},
        {"title": "An error of the job",
         "code": "Start-Job { Write-Error 'Queue not found' } | Receive-Job -Wait",
         "errors": True, "output": ""},
    ],
    "outputs": "System.Management.Automation.PSObject",
    "related": ["Start-Job", "Wait-Job"],
}

HELP["Wait-Job"] = {
    "synopsis": "Waits until jobs have finished.",
    "description": """Wait-Job waits until all the jobs given (with -Any, the first of them) are Completed,
Failed or Stopped, then writes those jobs. With -Timeout it waits at most that many seconds; when the
time runs out first it writes nothing.""",
    "parameters": dict(_SELECT, Any="Returns as soon as one job has finished.",
                       Timeout="The longest wait, in seconds (-1: no limit)."),
    "examples": [
        {"title": "Wait with a time limit",
         "code": "$slow = Start-Job { Start-Sleep 30 }\n@(Wait-Job $slow -Timeout 1).Count\n$slow.State\n"
                 "Remove-Job $slow -Force",
         "output": "0\nRunning"},
    ],
    "outputs": "System.Management.Automation.Job",
    "related": ["Start-Job", "Receive-Job"],
}

HELP["Stop-Job"] = {
    "synopsis": "Stops jobs.",
    "description": """Stop-Job stops running jobs: a background job's process is killed, a thread job's
thread is interrupted. The job's state becomes Stopped; what it produced so far can still be received.""",
    "parameters": dict(_SELECT, PassThru="Writes the stopped jobs."),
    "examples": [
        {"title": "Stop a job",
         "code": "$j = Start-Job { Start-Sleep 30 }\nStop-Job $j\n$j.State",
         "output": "Stopped"},
    ],
    "outputs": "None, or System.Management.Automation.Job with -PassThru",
    "related": ["Start-Job", "Remove-Job"],
}

HELP["Remove-Job"] = {
    "synopsis": "Deletes jobs from the session.",
    "description": """Remove-Job deletes finished jobs. A job that is still running is not removed (an
error says so) unless -Force is given, which stops it first.""",
    "parameters": dict(_SELECT, Force="Removes running jobs too, stopping them. Alias: F."),
    "examples": [
        {"title": "Remove a running job",
         "code": "$j = Start-Job { Start-Sleep 30 }\nRemove-Job $j -Force\n@(Get-Job).Count",
         "output": "0"},
    ],
    "outputs": "None",
    "related": ["Stop-Job", "Get-Job"],
}
