"""Help for Compress-Archive and Expand-Archive (Microsoft.PowerShell.Archive; written for pshim)."""

HELP = {}

HELP["Compress-Archive"] = {
    "synopsis": "Creates an archive, or zipped file, from specified files and folders.",
    "description": """Compress-Archive writes the files and folders that -Path or -LiteralPath name into a ZIP
file. A folder goes in under its own name, with everything below it (hidden items, whose names start with
a dot here, are left out); `folder\\*` puts in what the folder holds instead, and `folder\\*.*` only the
names with a dot. Folders are written first, then single files. A folder without any file gets an entry
of its own, so empty folders come back when the archive is expanded.

-DestinationPath names the archive. When its name has no extension, .zip is added (with -Verbose the
command says so); any extension other than .zip is refused. An existing archive is an error unless
-Update (entries with the same name are replaced, new ones added) or -Force (a new archive replaces it)
is given. -CompressionLevel is Optimal (the default), Fastest or NoCompression (entries are stored).

Paths are resolved as the other file cmdlets resolve them (drives, the current location, wildcards for
-Path). A path that does not exist stops the command before anything is written. With -WhatIf the
command says what it would compress and writes nothing. The command returns nothing.

Entry names use forward slashes, as the ZIP format defines them; Windows PowerShell 5.1 wrote
backslashes, which Expand-Archive reads as folders too.""",
    "parameters": {
        "Path": "Files and folders to compress; wildcards allowed. Also from the pipeline (paths or items).",
        "LiteralPath": "Files and folders to compress, taken as typed. Alias: PSPath.",
        "DestinationPath": "The archive file to write; .zip is added when the name has no extension.",
        "CompressionLevel": "Optimal (default), Fastest or NoCompression.",
        "Update": "Adds to an existing archive, replacing entries of the same name.",
        "Force": "Replaces an existing archive with a new one.",
    },
    "examples": [
        {"title": "Compress a folder with its name as the top entry",
         "code": "New-Item -ItemType Directory C:\\Logs | Out-Null\n"
                 "Set-Content C:\\Logs\\app.log 'started'\n"
                 "Compress-Archive -Path C:\\Logs -DestinationPath C:\\Logs-archive\n"
                 "Test-Path C:\\Logs-archive.zip",
         "output": "True"},
        {"title": "An existing archive is not replaced without -Force or -Update",
         "code": "Set-Content C:\\report.txt 'ok'\n"
                 "Compress-Archive C:\\report.txt C:\\report.zip\n"
                 "try { Compress-Archive C:\\report.txt C:\\report.zip } catch { $_.FullyQualifiedErrorId }\n"
                 "Compress-Archive C:\\report.txt C:\\report.zip -Update\n"
                 "'updated'",
         "output": "ArchiveFileExists,Compress-Archive\nupdated"},
        {"title": "See what would be compressed",
         "code": "Set-Content C:\\a.txt 'a'\nCompress-Archive C:\\a.txt C:\\a.zip -WhatIf",
         "output": 'What if: Performing the operation "Compress-Archive" on target "C:\\a.txt".'},
    ],
    "inputs": "System.String",
    "outputs": "None",
    "related": ["Expand-Archive", "Get-ChildItem"],
}

HELP["Expand-Archive"] = {
    "synopsis": "Extracts files from a specified archive (zipped) file.",
    "description": """Expand-Archive writes the files and folders of a ZIP archive into a folder. -Path (wildcards
allowed, but they must name one file) or -LiteralPath names the archive, which must have the .zip
extension. -DestinationPath names the folder, which is made when it does not exist; without it, the
contents go into a folder named after the archive in the current location.

A file that already exists is not replaced: each one is reported as an error and skipped, unless -Force
is given. Entries whose names would land outside the destination folder (`..\\` or a rooted name) are
reported and skipped. Archives written by Windows, whose entry names use backslashes, expand into the
same folders. With -WhatIf the command says what it would expand and writes nothing. The command returns
nothing.""",
    "parameters": {
        "Path": "The archive to expand; wildcards allowed (they must match one file).",
        "LiteralPath": "The archive to expand, taken as typed. Alias: PSPath.",
        "DestinationPath": "The folder to expand into (made when missing). Default: a folder named after the "
                           "archive in the current location.",
        "Force": "Replaces files that already exist.",
    },
    "examples": [
        {"title": "Compress and expand again",
         "code": "Set-Content C:\\notes.txt 'remember'\n"
                 "Compress-Archive C:\\notes.txt C:\\notes.zip\n"
                 "Expand-Archive C:\\notes.zip -DestinationPath C:\\restored\n"
                 "Get-Content C:\\restored\\notes.txt",
         "output": "remember"},
        {"title": "Expand next to the archive, into a folder named after it",
         "code": "Set-Location C:\\\nSet-Content C:\\data.csv 'a,b'\n"
                 "Compress-Archive C:\\data.csv C:\\export.zip\n"
                 "Expand-Archive .\\export.zip\n"
                 "(Get-ChildItem C:\\export).Name",
         "output": "data.csv"},
    ],
    "inputs": "System.String",
    "outputs": "None",
    "related": ["Compress-Archive"],
}
