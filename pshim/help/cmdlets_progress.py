"""Help text for Write-Progress (written for pshim)."""

HELP = {}

HELP["Write-Progress"] = {
    "synopsis": "Shows a progress bar for a long-running command.",
    "description": """Write-Progress shows or updates an activity in the console's progress block: the activity, its
status, a bar filled to -PercentComplete, the time remaining and the current operation. Activities with a
-ParentId are shown indented under their parent. -Completed takes the activity off the block, which is also
cleared when the command line ends.

The block is drawn on a terminal only: when the output goes to a file or a pipe, nothing is drawn, and the
records never enter the output. $ProgressPreference decides as in Windows PowerShell 5.1: Continue shows the
progress, SilentlyContinue hides it, Stop shows it and stops the command, Inquire shows it and asks.""",
    "parameters": {
        "Activity": "The first line of the activity: what is being done.",
        "Status": "The second line: the current state (default Processing).",
        "Id": "Distinguishes activities shown at the same time.",
        "ParentId": "The activity this one is shown under.",
        "PercentComplete": "How much is done, 0 to 100; -1 hides the bar.",
        "SecondsRemaining": "The time left, shown as hh:mm:ss remaining.",
        "CurrentOperation": "A line shown under the bar.",
        "Completed": "Takes the activity off the progress block.",
        "SourceId": "Distinguishes the sources of records with the same Id.",
    },
    "examples": [
        {"title": "Report progress through a loop",
         "code": "1..4 | ForEach-Object { Write-Progress -Activity 'Checking servers' -Status \"Server $_ of 4\" "
                 "-PercentComplete ($_ * 25) }; Write-Progress -Activity 'Checking servers' -Completed; 'done'",
         "output": "done",
         "remarks": "The progress block is drawn on the console and never becomes output."},
    ],
    "related": ["about_Preference_Variables"],
}
