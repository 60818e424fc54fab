"""Help for Get-ExecutionPolicy and Set-ExecutionPolicy (written for pshim)."""

HELP = {}

_NOT_ENFORCED = """pshim records execution policies but does not enforce them: every script runs, whatever the
policy (pshim checks no signatures and no download marks). The Process scope is the environment variable
PSExecutionPolicyPreference, as in Windows PowerShell; CurrentUser and LocalMachine are kept in
execution-policy.json in pshim's home ($PSHIM_HOME, by default ~/.pshim) instead of the registry, so
LocalMachine needs no administrator and belongs to this home. A fresh home reports LocalMachine as
RemoteSigned, the policy Windows Server ships with. MachinePolicy and UserPolicy come from Group Policy,
which pshim has not: they are always Undefined."""

HELP["Get-ExecutionPolicy"] = {
    "synopsis": "Gets the execution policies for the current session.",
    "description": """Get-ExecutionPolicy returns the effective execution policy: the policy of the first scope
that is not Undefined, in the order MachinePolicy, UserPolicy, Process, CurrentUser, LocalMachine
(Restricted when every scope is Undefined). -Scope returns the policy recorded at one scope; -List returns
one object per scope, with its Scope and ExecutionPolicy.

""" + _NOT_ENFORCED,
    "parameters": {
        "Scope": "The scope whose policy to return: Process, CurrentUser, LocalMachine, UserPolicy or MachinePolicy.",
        "List": "Returns the policy of every scope, in order of precedence.",
    },
    "examples": [
        {"title": "The policy of every scope",
         "code": "Get-ExecutionPolicy -List",
         "output": "\n        Scope ExecutionPolicy\n        ----- ---------------\nMachinePolicy       Undefined\n"
                   "   UserPolicy       Undefined\n      Process       Undefined\n  CurrentUser       Undefined\n"
                   " LocalMachine    RemoteSigned\n\n"},
    ],
    "outputs": "Microsoft.PowerShell.ExecutionPolicy",
    "related": ["Set-ExecutionPolicy"],
}

HELP["Set-ExecutionPolicy"] = {
    "synopsis": "Sets the PowerShell execution policies.",
    "description": """Set-ExecutionPolicy records a policy (Unrestricted, RemoteSigned, AllSigned, Restricted,
Default, Bypass or Undefined) at a scope (LocalMachine by default). It asks first, with "No" as the default
answer, unless -Force is given; -WhatIf shows what it would do. Undefined removes the scope's policy.
When a more specific scope still decides, the policy is recorded and an error says the effective policy
did not change, as in Windows PowerShell. MachinePolicy and UserPolicy cannot be set.

""" + _NOT_ENFORCED,
    "parameters": {
        "ExecutionPolicy": "The policy to record. Default is Restricted. It can come from the pipeline.",
        "Scope": "Process, CurrentUser or LocalMachine (the default).",
        "Force": "Records the policy without asking.",
    },
    "examples": [
        {"title": "Allow the current user's scripts without a prompt",
         "code": "Set-ExecutionPolicy RemoteSigned -Scope CurrentUser -Force\nGet-ExecutionPolicy -Scope CurrentUser",
         "output": "RemoteSigned"},
    ],
    "inputs": "Microsoft.PowerShell.ExecutionPolicy, System.String",
    "related": ["Get-ExecutionPolicy"],
}
