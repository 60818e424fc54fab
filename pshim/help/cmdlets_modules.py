"""Help text for the module cmdlets of Microsoft.PowerShell.Core (written for pshim)."""

HELP = {}

HELP["Import-Module"] = {
    "synopsis": "Adds modules to the current session.",
    "description": """Import-Module loads a script module (.psm1), a module manifest (.psd1) or a module folder,
given by path or by name. A name is looked up in the folders of $env:PSModulePath: a folder named like the
module holding <Name>.psd1 or <Name>.psm1, or version folders (<Name>\\1.2.0\\<Name>.psd1).

Each module runs in its own session state: its functions, aliases and $script: variables stay inside the
module, and only what it exports (Export-ModuleMember, or the manifest's *ToExport lists) is imported into
the session. Exported functions keep running inside the module, so they still see its private functions
and variables.

A manifest is read as data (restricted language): commands and other code in it never run.

Errors are not terminating: with several names, the others are still imported.""",
    "parameters": {
        "Name": "The module name or the path of a .psm1, .psd1 or module folder.",
        "ModuleInfo": "A module object (from Get-Module or New-Module) to import.",
        "Prefix": "Adds this text to the noun of each imported command (Get-Thing becomes Get-<Prefix>Thing).",
        "Function": "Imports only the exported functions that match these names or wildcards.",
        "Cmdlet": "Imports only the exported cmdlets that match these names or wildcards.",
        "Variable": "Imports only the exported variables that match these names or wildcards.",
        "Alias": "Imports only the exported aliases that match these names or wildcards.",
        "Force": "Loads the module again even when it is already loaded.",
        "PassThru": "Returns the module object.",
        "AsCustomObject": "Returns an object whose methods are the module's functions and whose properties are "
                          "its variables, instead of importing them.",
        "Global": "Imports into the global session state, also when a module calls Import-Module.",
        "Scope": "Global (as -Global) or Local (only the current scope, for example inside a function).",
        "ArgumentList": "Arguments for the param() block of the module's .psm1.",
        "MinimumVersion": "Imports only a version of the module at least this high.",
        "RequiredVersion": "Imports only exactly this version of the module.",
        "MaximumVersion": "Imports only a version at most this high; 1.2.* allows every 1.2 version.",
        "DisableNameChecking": "Does not warn about command names whose verb is not an approved verb.",
        "NoClobber": "Does not import a command when one of the same name already exists.",
    },
    "examples": [
        {"title": "Import a dynamic module's object",
         "code": "New-Module -Name Tools { function Get-Greeting { 'hello' } } | Import-Module -PassThru",
         "output": """
ModuleType Version    Name                                ExportedCommands
---------- -------    ----                                ----------------
Script     0.0        Tools                               {Get-Greeting}
""",
         "remarks": "A .psm1 or .psd1 is imported the same way, by path (Import-Module .\\Tools.psm1) or by name."},
        {"title": "A module that does not exist",
         "code": "Import-Module NoSuchModule -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId",
         "output": "Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand",
         "remarks": "The names and folders searched are those of $env:PSModulePath."},
    ],
    "inputs": "System.String, System.Management.Automation.PSModuleInfo",
    "outputs": "None, or the module with -PassThru (a custom object with -AsCustomObject).",
    "related": ["Get-Module", "Remove-Module", "New-Module", "Export-ModuleMember", "about_Modules"],
}

HELP["Get-Module"] = {
    "synopsis": "Gets the modules that have been imported or that can be imported into the current session.",
    "description": """Without parameters, Get-Module lists the modules imported into the session: pshim's own
modules (Microsoft.PowerShell.Management, Microsoft.PowerShell.Utility and the Exchange module from the
start, the others once one of their cmdlets has been used) and the script modules imported since.

With -ListAvailable it lists the modules that can be imported: those in the folders of $env:PSModulePath,
then pshim's own. Their exported commands are read without running them.""",
    "parameters": {
        "Name": "Names or wildcard patterns of the modules to get.",
        "ListAvailable": "Lists the modules that can be imported instead of those imported.",
        "All": "Also lists nested modules (with -ListAvailable: every module found).",
        "Refresh": "Reads the module folders again (they are otherwise kept for the session and read again "
                   "when a folder changes).",
    },
    "examples": [
        {"title": "The modules of a new session",
         "code": "Get-Module Microsoft.PowerShell.* | Select-Object -ExpandProperty Name",
         "output": "Microsoft.PowerShell.Management\nMicrosoft.PowerShell.Utility",
         "remarks": "Microsoft.PowerShell.Core is a snap-in, as in 5.1 (Get-PSSnapin lists it)."},
    ],
    "inputs": "System.String",
    "outputs": "System.Management.Automation.PSModuleInfo",
    "related": ["Import-Module", "Remove-Module", "about_Modules"],
}

HELP["Remove-Module"] = {
    "synopsis": "Removes modules from the current session.",
    "description": """Remove-Module takes the functions, aliases and variables a module imported out of the
session and forgets the module; importing it again runs it again. The module's files are not touched.""",
    "parameters": {
        "Name": "Names or wildcard patterns of imported modules.",
        "ModuleInfo": "Module objects to remove (for example from Get-Module).",
        "Force": "Also removes modules whose AccessMode is ReadOnly.",
    },
    "examples": [
        {"title": "Import a module and remove it",
         "code": "New-Module -Name Tmp { function Get-Tmp { 1 } } | Import-Module; Remove-Module Tmp; "
                 "Get-Command Get-Tmp -ErrorAction SilentlyContinue; 'removed'",
         "output": "removed",
         "remarks": "The function the module exported is gone with it."},
    ],
    "inputs": "System.String, System.Management.Automation.PSModuleInfo",
    "outputs": "None",
    "related": ["Import-Module", "Get-Module"],
}

HELP["New-Module"] = {
    "synopsis": "Creates a new dynamic module that exists only in memory.",
    "description": """New-Module runs a script block as a module: it gets its own session state, and what it
exports (all its functions unless it calls Export-ModuleMember) is imported into the session. The module
is not listed by Get-Module unless it is piped to Import-Module.""",
    "parameters": {
        "Name": "The module's name (otherwise __DynamicModule_ and a GUID).",
        "ScriptBlock": "The module's code.",
        "Function": "Exports only these of the module's functions.",
        "Cmdlet": "Exports only these of the module's cmdlets.",
        "ArgumentList": "Arguments for the script block's param() block.",
        "ReturnResult": "Returns what the script block outputs instead of the module.",
        "AsCustomObject": "Returns an object with the module's functions as methods and variables as properties.",
    },
    "examples": [
        {"title": "A module as an object",
         "code": "$calc = New-Module -AsCustomObject { function Add([int]$a, [int]$b) { $a + $b } }; $calc.Add(2, 3)",
         "output": "5",
         "remarks": ""},
    ],
    "inputs": "System.String",
    "outputs": "System.Management.Automation.PSModuleInfo, or the results with -ReturnResult.",
    "related": ["Import-Module", "Export-ModuleMember"],
}

HELP["Export-ModuleMember"] = {
    "synopsis": "Specifies the module members that are exported.",
    "description": """Called in a script module (or a New-Module script block), Export-ModuleMember names the
functions, variables, aliases and cmdlets the module exports; each call adds to the list what its names and
wildcards match at that moment. A module that never calls it exports all its functions and nothing else.
Outside a module it is an error.""",
    "parameters": {
        "Function": "Functions to export (names or wildcards).",
        "Variable": "Variables to export.",
        "Alias": "Aliases to export.",
        "Cmdlet": "Cmdlets the module imported to export again.",
    },
    "examples": [
        {"title": "Export one function and keep its helper private",
         "code": "New-Module { function Get-Public { Get-Helper }; function Get-Helper { 'help' }; "
                 "Export-ModuleMember -Function Get-Public } | Out-Null; Get-Public; "
                 "(Get-Command Get-Helper -ErrorAction SilentlyContinue) -eq $null",
         "output": "help\nTrue",
         "remarks": ""},
    ],
    "inputs": "System.String",
    "outputs": "None",
    "related": ["Import-Module", "New-Module"],
}
