"""Help for the data and file cmdlets: ConvertFrom-StringData, Get-FileHash, Format-Hex, Format-Custom, Get-Verb,
Get-TimeZone and the item value/property cmdlets on the file system (written for pshim)."""

HELP = {}

HELP["ConvertFrom-StringData"] = {
    "synopsis": "Converts a string containing one or more key and value pairs to a hash table.",
    "description": """ConvertFrom-StringData turns each string it gets into one hash table. Every line of the string
that is not empty and does not start with # must be "name = value": the name is the text before the first
equals sign, the value the text after it, both trimmed. Keys compare without regard to case.

Values are unescaped as regular expression text is (.NET's Regex.Unescape): \\n, \\t, \\\\, \\x41, \\u0041
become the characters they stand for. A backslash before a letter that is not an escape, such as the \\T of
C:\\Temp, is an error ("Unrecognized escape sequence"); write C:\\\\Temp.

A line without a name before the equals sign, or a name that is already defined in the same string, stops
the command with Windows PowerShell's error ("Data line '...' is not in 'name=value' format.", "Data item
'...' in line '...' is already defined.").""",
    "parameters": {
        "StringData": "The string to convert; it can come from the pipeline (one hash table per string).",
    },
    "examples": [
        {"title": "Read messages from a here-string",
         "code": "$m = ConvertFrom-StringData -StringData @'\nGreeting = Hello\n# a comment\nFarewell = Bye\\tnow\n'@\n"
                 "$m.Greeting\n$m.Farewell",
         "output": "Hello\nBye\tnow"},
        {"title": "A duplicate name is an error",
         "code": "try { ConvertFrom-StringData \"a=1`na=2\" } catch { $_.Exception.Message }",
         "output": "Data item 'a' in line 'a=2' is already defined."},
    ],
    "inputs": "System.String",
    "outputs": "System.Collections.Hashtable",
    "related": ["about_Data_Sections"],
}

HELP["Get-FileHash"] = {
    "synopsis": "Computes the hash value for a file by using a specified hash algorithm.",
    "description": """Get-FileHash reads each file a path names and returns a Microsoft.Powershell.Utility.FileHash
object with Algorithm, Hash (upper-case hexadecimal) and Path, shown in a table as in Windows PowerShell.
-Path takes wildcards; -LiteralPath (alias PSPath) does not and takes the PSPath of objects from the pipeline,
so Get-ChildItem | Get-FileHash hashes each file. Folders are skipped.

-Algorithm is SHA256 by default; SHA1, SHA384, SHA512 and MD5 always work, RIPEMD160 where this system's
OpenSSL provides it. MACTripleDES is refused with "Algorithm 'MACTripleDES' is not supported in this
system.": Windows PowerShell keys it with a new random key on every call, so its hashes cannot be compared.
-InputStream hashes a stream (a FileStream or MemoryStream) from its current position to its end and leaves
it open; the result's Path is empty.""",
    "parameters": {
        "InputStream": "A stream to hash from its position (Path is then empty).",
        "Path": "The files to hash. Wildcards are allowed.",
        "LiteralPath": "The files to hash, taken exactly as typed. Alias: PSPath.",
        "Algorithm": "SHA1, SHA256 (default), SHA384, SHA512, MACTripleDES (refused), MD5 or RIPEMD160.",
    },
    "examples": [
        {"title": "The SHA256 hash of a file",
         "code": "Set-Content -Path Temp:\\pshim-help-hash.txt -Value 'hello' -NoNewline\n"
                 "(Get-FileHash -Path Temp:\\pshim-help-hash.txt).Hash\n"
                 "(Get-FileHash -Path Temp:\\pshim-help-hash.txt -Algorithm MD5).Hash\n"
                 "Remove-Item Temp:\\pshim-help-hash.txt",
         "output": "2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824\n"
                   "5D41402ABC4B2A76B9719D911017C592"},
    ],
    "inputs": "System.String (by property name: PSPath)",
    "outputs": "Microsoft.Powershell.Utility.FileHash",
    "related": ["Format-Hex", "Get-ChildItem"],
}

HELP["Format-Hex"] = {
    "synopsis": "Displays a file or other input as hexadecimal.",
    "description": """Format-Hex shows bytes as Windows PowerShell 5.1 does: an offset in eight hexadecimal digits,
the bytes in two-digit hexadecimal under the column numbers 00 to 0F, and the same bytes as characters (bytes
below 0x20 and 0xFF as dots).

A file (-Path with wildcards, -LiteralPath, or a FileInfo from the pipeline) is read 16 bytes at a time; each
16 bytes are one Microsoft.PowerShell.Commands.ByteCollection object (Offset, Bytes, Path), and the view
starts the file with "Path: <file>". Other input is one object per input: a string encoded with -Encoding
(ASCII by default, so other characters show as 3F), a byte or byte array as it is, an Int32 or Int64 (or an
array of them) as little-endian bytes. Other types are an error that suggests Out-String first. An array sent
down the pipeline arrives one element at a time, so each element gets its own dump; use -InputObject to dump
the array as a whole.""",
    "parameters": {
        "Path": "The files to show. Wildcards are allowed.",
        "LiteralPath": "The files to show, taken exactly as typed. Alias: PSPath.",
        "InputObject": "The string, bytes or numbers to show; they can come from the pipeline.",
        "Encoding": "How a string becomes bytes: Ascii (default), BigEndianUnicode, Unicode, UTF32, UTF7, UTF8.",
    },
    "examples": [
        {"title": "A string in hexadecimal",
         "code": "'Hello World' | Format-Hex",
         "output": "\n           00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F\n\n"
                   "00000000   48 65 6C 6C 6F 20 57 6F 72 6C 64                 Hello World\n\n"},
        {"title": "A string as UTF-16",
         "code": "(Format-Hex -InputObject 'ab' -Encoding Unicode).Bytes -join ','",
         "output": "97,0,98,0"},
    ],
    "inputs": "System.Object",
    "outputs": "Microsoft.PowerShell.Commands.ByteCollection",
    "related": ["Get-Content", "Get-FileHash"],
}

HELP["Format-Custom"] = {
    "synopsis": "Uses a customized view to format the output.",
    "description": """Format-Custom shows objects in Windows PowerShell's class-like view: "class <type name>", then
one "name = value" line per property between braces, each level indented by two spaces. A property that
holds a collection shows its items between [ and ] (at most $FormatEnumerationLimit items, then ...); a
property that holds an object with properties is expanded the same way, down to -Depth levels (5 unless
given). Values of simple types (strings, numbers, booleans) are written as text. Objects whose type has a
custom view of its own are shown by that view.

Like the other Format- cmdlets it writes formatting objects: end the pipeline with it, or send its output
to Out-String or Out-File.""",
    "parameters": {
        "Property": "The properties to show (names, wildcards or script blocks). Default: the type's default "
                    "display properties, else all.",
        "Depth": "How many levels of nested objects to expand.",
        "InputObject": "The objects to format; they can come from the pipeline.",
    },
    "examples": [
        {"title": "A nested object",
         "code": "[pscustomobject]@{Name='Mailbox01'; Ports=25,587; Site=[pscustomobject]@{Name='Default'}} | "
                 "Format-Custom",
         "output": "\nclass PSCustomObject\n{\n  Name = Mailbox01\n  Ports =\n    [\n      25\n      587\n    ]\n\n"
                   "  Site =\n    class PSCustomObject\n    {\n      Name = Default\n    }\n}\n\n"},
    ],
    "inputs": "System.Management.Automation.PSObject",
    "outputs": "Microsoft.PowerShell.Commands.Internal.Format",
    "related": ["Format-List", "Format-Table", "Out-String"],
}

HELP["Get-Verb"] = {
    "synopsis": "Gets approved PowerShell verbs.",
    "description": """Get-Verb lists the 98 verbs Windows PowerShell 5.1 approves for command names, each with its
group (Common, Data, Lifecycle, Diagnostic, Communications, Security, Other), group by group and in name order
within a group. -Verb filters with wildcards. Import-Module warns about commands whose verb is not in this list.""",
    "parameters": {
        "Verb": "The verbs to get; wildcards are allowed. Default: all.",
    },
    "examples": [
        {"title": "Verbs starting with Se",
         "code": "Get-Verb -Verb Se*",
         "output": "\nVerb   Group\n----   -----\nSearch Common\nSelect Common\nSet    Common\nSend   Communications\n\n"},
    ],
    "inputs": "System.String",
    "outputs": "Selected.Microsoft.PowerShell.Commands.MemberDefinition",
    "related": ["Import-Module", "Get-Command"],
}

HELP["Get-TimeZone"] = {
    "synopsis": "Gets the current time zone or a list of available time zones.",
    "description": """Get-TimeZone returns System.TimeZoneInfo objects (Id, DisplayName, StandardName, DaylightName,
BaseUtcOffset, SupportsDaylightSavingTime) for this system's time zones, read from its time zone database.

On this system time zone Ids are the database's names (Europe/Berlin, America/New_York), not Windows' names
(W. Europe Standard Time); StandardName and DaylightName are the zone's abbreviations (CET, CEST); DisplayName
is "(UTC+01:00) Europe/Berlin". The current zone is the TZ environment variable, else /etc/localtime.

-Name matches the standard or daylight names, with wildcards; -Id is an exact Id (case does not matter);
-ListAvailable lists every zone by offset. A name or Id that matches nothing is Windows PowerShell's error
("The time zone name '...' was not found on the local computer.").""",
    "parameters": {
        "Name": "Standard or daylight names to find (wildcards allowed); from the pipeline too.",
        "Id": "Time zone Ids to get.",
        "ListAvailable": "Gets all time zones.",
    },
    "examples": [
        {"title": "A time zone by Id",
         "code": "$z = Get-TimeZone -Id Asia/Tokyo\n$z.DisplayName\n$z.BaseUtcOffset.TotalHours\n"
                 "$z.SupportsDaylightSavingTime",
         "output": "(UTC+09:00) Asia/Tokyo\n9\nFalse"},
    ],
    "inputs": "System.String",
    "outputs": "System.TimeZoneInfo",
    "related": ["Get-Date"],
}

_REGISTRY = """Registry paths (HKLM:\\..., HKCU:\\..., Registry::HKEY_...) are an error that says this system has
no registry: the record is Windows PowerShell's DriveNotFound (or ProviderNotFound for Registry::), so scripts
that test for a missing key behave as on a computer without it."""

HELP["Set-Item"] = {
    "synopsis": "Changes the value of an item to the value specified in the command.",
    "description": """Set-Item changes an item's value in providers whose items have one. The FileSystem provider's
items have none, so, as in Windows PowerShell, each file or folder it names is the error "Provider operation
stopped because the provider does not support this operation." (NotSupported); use Set-Content for a file's
content. A path that does not exist is "Cannot find path ...". On the Env:, Variable:, Function: and Alias:
drives the item's value is set: Set-Item Env:NAME -Value text, Set-Item Function:f -Value { ... }; -PassThru
then writes the item.

""" + _REGISTRY,
    "parameters": {
        "Path": "The items. Wildcards are allowed.",
        "LiteralPath": "The items, taken exactly as typed. Alias: PSPath.",
        "Filter": "A file-name filter (*.txt).",
        "Include": "Only the items whose names match these patterns.",
        "Exclude": "Leaves out the items whose names match these patterns.",
        "Force": "Lets wildcards match hidden items.",
        "Value": "The new value (position 1; from the pipeline). Items of the FileSystem have none.",
        "PassThru": "Writes the item that was set.",
    },
    "examples": [
        {"title": "Files have no item value",
         "code": "Set-Content -Path Temp:\\pshim-help-si.txt -Value x\n"
                 "Set-Item -Path Temp:\\pshim-help-si.txt -ErrorAction SilentlyContinue\n"
                 "$Error[0].FullyQualifiedErrorId\nRemove-Item Temp:\\pshim-help-si.txt",
         "output": "NotSupported,Microsoft.PowerShell.Commands.SetItemCommand"},
    ],
    "inputs": "System.String (by property name: Path, PSPath)",
    "outputs": "None",
    "related": ["Set-Content", "Set-ItemProperty", "Clear-Item"],
}

HELP["Clear-Item"] = {
    "synopsis": "Clears the contents of an item, but does not delete the item.",
    "description": """Clear-Item clears an item's value in providers whose items have one. On the FileSystem, as in
Windows PowerShell, each item is the error "Provider operation stopped because the provider does not support
this operation."; use Clear-Content to empty a file.

""" + _REGISTRY,
    "parameters": {
        "Path": "The items. Wildcards are allowed.",
        "LiteralPath": "The items, taken exactly as typed. Alias: PSPath.",
        "Filter": "A file-name filter (*.txt).",
        "Include": "Only the items whose names match these patterns.",
        "Exclude": "Leaves out the items whose names match these patterns.",
        "Force": "Lets wildcards match hidden items.",
    },
    "examples": [],
    "inputs": "System.String (by property name: Path, PSPath)",
    "outputs": "None",
    "related": ["Clear-Content", "Set-Item"],
}

HELP["Get-ItemPropertyValue"] = {
    "synopsis": "Gets the value for one or more properties of a specified item.",
    "description": """Get-ItemPropertyValue returns the values of the named properties of each item (a file's
Length, LastWriteTime, Attributes, ...), without the object around them that Get-ItemProperty returns. A
property the item does not have is the error "Property <name> does not exist at path <path>.". -Path defaults
to the current location.

""" + _REGISTRY,
    "parameters": {
        "Path": "The items. Wildcards are allowed.",
        "LiteralPath": "The items, taken exactly as typed. Alias: PSPath.",
        "Name": "The properties to get. Alias: PSProperty.",
        "Filter": "A file-name filter (*.txt).",
        "Include": "Only the items whose names match these patterns.",
        "Exclude": "Leaves out the items whose names match these patterns.",
    },
    "examples": [
        {"title": "A file's length",
         "code": "Set-Content -Path Temp:\\pshim-help-gpv.txt -Value 'hello' -NoNewline\n"
                 "Get-ItemPropertyValue -Path Temp:\\pshim-help-gpv.txt -Name Length\n"
                 "Remove-Item Temp:\\pshim-help-gpv.txt",
         "output": "5"},
    ],
    "inputs": "System.String (by property name: Path, PSPath)",
    "outputs": "The property values",
    "related": ["Get-ItemProperty", "Set-ItemProperty"],
}

HELP["Set-ItemProperty"] = {
    "synopsis": "Creates or changes the value of a property of an item.",
    "description": """Set-ItemProperty sets properties of files and folders, as Windows PowerShell's FileSystem
provider allows, to the extent this system can:

- IsReadOnly (files) and the ReadOnly attribute: the owner's write permission.
- LastWriteTime, LastAccessTime and their Utc forms: the item's times.
- Attributes: only Archive, Hidden, Normal, ReadOnly and System, as in Windows PowerShell (its error for the
  others). Archive and Normal change nothing here; Hidden is a name that starts with a dot on this system, so
  it can only be set as the name already says (rename the item instead); System does not exist here.
- CreationTime: this system keeps no creation time that can be changed: an error record says so.
Other properties are read-only ("'Length' is a ReadOnly property."). -InputObject sets every property of the
object it gets. -PassThru returns an object with the properties set and the item's PS* properties. It asks
"Set Property" on "Item: <path> Property: <name>" with -WhatIf and -Confirm.

""" + _REGISTRY,
    "parameters": {
        "Path": "The items. Wildcards are allowed.",
        "LiteralPath": "The items, taken exactly as typed. Alias: PSPath.",
        "Name": "The property to set. Alias: PSProperty.",
        "Value": "The new value.",
        "InputObject": "An object whose properties are set on the items; it can come from the pipeline.",
        "PassThru": "Returns an object with the properties set.",
        "Filter": "A file-name filter (*.txt).",
        "Include": "Only the items whose names match these patterns.",
        "Exclude": "Leaves out the items whose names match these patterns.",
    },
    "examples": [
        {"title": "Make a file read-only, then writable again",
         "code": "Set-Content -Path Temp:\\pshim-help-sp.txt -Value x\n"
                 "Set-ItemProperty -Path Temp:\\pshim-help-sp.txt -Name IsReadOnly -Value $true\n"
                 "(Get-Item Temp:\\pshim-help-sp.txt).IsReadOnly\n"
                 "Set-ItemProperty -Path Temp:\\pshim-help-sp.txt -Name IsReadOnly -Value $false\n"
                 "Remove-Item Temp:\\pshim-help-sp.txt",
         "output": "True"},
    ],
    "inputs": "System.Management.Automation.PSObject",
    "outputs": "None, or with -PassThru a PSCustomObject",
    "related": ["Get-ItemProperty", "Get-ItemPropertyValue"],
}

HELP["New-ItemProperty"] = {
    "synopsis": "Creates a new property for an item and sets its value.",
    "description": """New-ItemProperty adds a property to an item in providers with dynamic properties: in Windows
PowerShell, the registry. Files and folders have a fixed set of properties, so on the FileSystem it is
Windows PowerShell's error "Cannot use interface. The IDynamicPropertyCmdletProvider interface is not
implemented by this provider."; use Set-ItemProperty for the properties they have.

""" + _REGISTRY + """ -Value, -PropertyType and -Force, which only registry values use, end in the same
error records here.""",
    "parameters": {
        "Path": "The items. Wildcards are allowed.",
        "LiteralPath": "The items, taken exactly as typed. Alias: PSPath.",
        "Name": "The property to create (the error record's target). Alias: PSProperty.",
        "Value": "The property's value (registry values only).",
        "PropertyType": "The registry value's type (String, DWord, ...; registry values only). Alias: Type.",
        "Force": "Replaces a property that exists (registry values only).",
        "Filter": "A file-name filter (*.txt).",
        "Include": "Only the items whose names match these patterns.",
        "Exclude": "Leaves out the items whose names match these patterns.",
    },
    "examples": [],
    "inputs": "System.String (by property name: Path, PSPath)",
    "outputs": "None",
    "related": ["Set-ItemProperty", "Get-ItemProperty"],
}
