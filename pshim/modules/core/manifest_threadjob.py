"""ThreadJob: Start-ThreadJob (the job runs in a thread of this process; the other job cmdlets manage it)."""
MODULE_NAME = "ThreadJob"

CMDLETS = {
    "Start-ThreadJob": "pshim.modules.core.jobs:StartThreadJobCommand",
}
