"""The approved verbs of Windows PowerShell 5.1 and their groups (Common, Data, Lifecycle, Diagnostic,
Communications, Security, Other), each group in name order: Get-Verb lists them; Import-Module warns about
commands whose verb is not one of them."""

APPROVED_VERBS = (
    ("Common", ("Add", "Clear", "Close", "Copy", "Enter", "Exit", "Find", "Format", "Get", "Hide", "Join", "Lock",
                "Move", "New", "Open", "Optimize", "Pop", "Push", "Redo", "Remove", "Rename", "Reset", "Resize",
                "Search", "Select", "Set", "Show", "Skip", "Split", "Step", "Switch", "Undo", "Unlock", "Watch")),
    ("Data", ("Backup", "Checkpoint", "Compare", "Compress", "Convert", "ConvertFrom", "ConvertTo", "Dismount",
              "Edit", "Expand", "Export", "Group", "Import", "Initialize", "Limit", "Merge", "Mount", "Out",
              "Publish", "Restore", "Save", "Sync", "Unpublish", "Update")),
    ("Lifecycle", ("Approve", "Assert", "Complete", "Confirm", "Deny", "Disable", "Enable", "Install", "Invoke",
                   "Register", "Request", "Restart", "Resume", "Start", "Stop", "Submit", "Suspend", "Uninstall",
                   "Unregister", "Wait")),
    ("Diagnostic", ("Debug", "Measure", "Ping", "Repair", "Resolve", "Test", "Trace")),
    ("Communications", ("Connect", "Disconnect", "Read", "Receive", "Send", "Write")),
    ("Security", ("Block", "Grant", "Protect", "Revoke", "Unblock", "Unprotect")),
    ("Other", ("Use",)),
)

APPROVED_VERB_NAMES = frozenset(v.lower() for _, verbs in APPROVED_VERBS for v in verbs)
