"""Help text for Microsoft.PowerShell.Core cmdlets (written for pshim)."""

HELP = {}

HELP["Get-Help"] = {
    "synopsis": "Shows help for commands and about_ topics.",
    "description": """Get-Help shows what a command does and how to call it. The syntax lines and the
parameter list are built from the command's own declaration, so they are always current; the
descriptions and examples are written for pshim.

With no name, Get-Help explains how to use help. With a name that contains a wildcard, or that is
only part of a name, it lists the matching commands and about_ topics with their synopsis.

Typing -? after any command name is the same as Get-Help for that command.""",
    "parameters": {
        "Name": "The command, alias or about_ topic to show. Wildcards list the matches instead.",
        "Category": "Limits a list of matches to these kinds: Alias, Cmdlet, Function, HelpFile.",
        "Full": "Adds every parameter's attributes (required, position, pipeline input), inputs and outputs.",
        "Detailed": "Adds parameter descriptions and examples.",
        "Examples": "Shows only the name, synopsis and examples.",
        "Parameter": "Shows only the named parameter(s); wildcards allowed.",
        "Online": "Not available in pshim; the local help is complete.",
        "Component": "Only commands whose help names a matching component (wildcards allowed). pshim's help "
                     "names none, so with this parameter nothing is found.",
        "Functionality": "Only commands whose help names a matching functionality (wildcards allowed); pshim's "
                         "help names none.",
        "Role": "Only commands whose help names a matching user role (wildcards allowed); pshim's help names "
                "none.",
    },
    "examples": [
        {"title": "List the conceptual topics",
         "code": "Get-Help about_pshim* | Select-Object -ExpandProperty Name",
         "output": "about_pshim\nabout_pshim_help\nabout_PshimLab",
         "remarks": "A wildcard lists the matches; each has Name, Category, Module and Synopsis."},
        {"title": "Show one parameter",
         "code": "Get-Help Get-Command -Parameter TotalCount",
         "output": """    -TotalCount <int>
        Returns at most this many commands.

        Required?                    false
        Position?                    named
        Default value                
        Accept pipeline input?       false
        Accept wildcard characters?  false""",
         "remarks": "The attribute lines come from the parameter's declaration."},
    ],
    "inputs": "None",
    "outputs": "System.String (the help text), or one object per match for a list.",
    "related": ["Get-Command", "about_pshim_help"],
}

HELP["Get-Command"] = {
    "synopsis": "Lists the commands of the session: cmdlets, functions, aliases and scripts.",
    "description": """Get-Command finds commands by name (wildcards allowed), by verb and noun, by module,
by kind, or by a parameter they have. It returns objects describing each command: an alias shows as
"name -> target".

With -Syntax it returns the syntax of each command instead, one line per parameter set.""",
    "parameters": {
        "Name": "Names or wildcard patterns of the commands to find. A name without wildcards that "
                "matches nothing is an error.",
        "Verb": "Finds cmdlets and functions whose verb (the part before the dash) matches.",
        "Noun": "Finds cmdlets and functions whose noun (the part after the dash) matches.",
        "Module": "Finds commands of the matching modules, such as Microsoft.PowerShell.Utility.",
        "CommandType": "Finds only these kinds of command.",
        "TotalCount": "Returns at most this many commands.",
        "Syntax": "Returns syntax lines instead of command objects. For an alias, the command it "
                  "points to.",
        "ParameterName": "Finds commands that have a parameter with a matching name.",
        "All": "Also lists the commands that a command of the same name hides (a cmdlet behind a function "
               "or alias of its name).",
        "ParameterType": "Finds commands that have a parameter of a matching type, by full name "
                         "(System.Management.Automation.PSCredential) or short name (PSCredential); wildcards "
                         "allowed.",
    },
    "examples": [
        {"title": "Find commands by noun",
         "code": "Get-Command -Noun Command | ForEach-Object { $_.Name }",
         "output": "Get-Command\nInvoke-Command\nMeasure-Command\nTrace-Command"},
        {"title": "What an alias stands for",
         "code": "Get-Command gcm -Syntax",
         "output": "Get-Command"},
        {"title": "Syntax of a command",
         "code": "Get-Command Clear-Host -Syntax",
         "output": "Clear-Host [<CommonParameters>]",
         "remarks": "Each parameter set of the command gives one line."},
    ],
    "inputs": "System.String (names, by property name)",
    "outputs": "System.Management.Automation.CommandInfo, or System.String with -Syntax.",
    "related": ["Get-Help", "about_pshim_help"],
}

HELP["Clear-Host"] = {
    "synopsis": "Clears the console screen.",
    "description": """Clear-Host clears the terminal pshim runs in and moves the cursor to the top. When the
output is not a terminal (a file, a pipe) it does nothing. The aliases cls and clear run it.""",
    "examples": [
        {"title": "Clear the screen", "code": "cls", "output": ""},
    ],
    "inputs": "None",
    "outputs": "None",
    "related": ["about_pshim"],
}

HELP["Where-Object"] = {
    "synopsis": "Passes on only the pipeline objects that meet a condition.",
    "description": """Where-Object tests each object it receives and passes on the ones for which the
test is true. Write the test as a script block, in which $_ is the current object, or compare one
property with a value using a comparison switch such as -EQ, -Like or -Match.""",
    "parameters": {
        "FilterScript": "The test. An object passes when the script block's result is true.",
        "Property": "The property to compare (with -Value and a comparison switch).",
        "Value": "The value the property is compared with.",
        "InputObject": "The object to test; normally it comes from the pipeline.",
    },
    "examples": [
        {"title": "Keep the odd numbers",
         "code": "1..6 | Where-Object { $_ % 2 }",
         "output": "1\n3\n5"},
        {"title": "Compare a property",
         "code": "'alpha','beta','gamma' | Where-Object Length -EQ 4",
         "output": "beta"},
    ],
    "inputs": "System.Management.Automation.PSObject",
    "outputs": "The objects that pass.",
    "related": ["ForEach-Object"],
}

HELP["ForEach-Object"] = {
    "synopsis": "Runs a script block for each pipeline object.",
    "description": """ForEach-Object runs its -Process script block once for every object it receives,
with $_ set to that object; what the block outputs goes down the pipeline. -Begin runs before the
first object and -End after the last. Given a name instead of a script block, it returns that
property of each object, or calls that method.""",
    "parameters": {
        "Process": "The script block run for each object.",
        "Begin": "A script block run once before the first object.",
        "End": "A script block run once after the last object.",
        "MemberName": "A property to read, or a method to call, on each object.",
        "ArgumentList": "Arguments for the method named by -MemberName.",
        "InputObject": "The objects to process; normally they come from the pipeline.",
        "RemainingScripts": "Further script blocks: Process and End blocks given by position.",
    },
    "examples": [
        {"title": "Double each number",
         "code": "1..3 | ForEach-Object { $_ * 2 }",
         "output": "2\n4\n6"},
        {"title": "Begin, process and end",
         "code": "1..4 | ForEach-Object -Begin { $sum = 0 } -Process { $sum += $_ } -End { \"total $sum\" }",
         "output": "total 10"},
        {"title": "A property of each object",
         "code": "'one','three' | ForEach-Object Length",
         "output": "3\n5"},
    ],
    "inputs": "System.Management.Automation.PSObject",
    "outputs": "Whatever the script blocks output.",
    "related": ["Where-Object"],
}
