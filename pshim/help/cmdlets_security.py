"""Help text for Microsoft.PowerShell.Security cmdlets (written for pshim)."""

HELP = {}

_STANDIN = """Without -Key or -SecureKey, Windows PowerShell uses DPAPI, the Windows user's own secret. pshim
has no DPAPI; its stand-in is a random secret kept in pshim's home ($PSHIM_HOME, by default ~/.pshim) in
secrets/protect.key, created on first use and readable by its owner only (the file has mode 0600, its
folder 0700). The text is encrypted with AES-GCM under that secret and written as hex. As with DPAPI,
the result can be read back only by the same user with the same home: elsewhere the conversion fails
with "Key not valid for use in specified state.", and a DPAPI string made by Windows PowerShell cannot
be read here. Use -Key or -SecureKey for a string that must move between users, machines or shells."""

_KEYED = """With -Key (16, 24 or 32 bytes) or -SecureKey (a SecureString of 8, 12 or 16 characters, used as their
UTF-16 bytes), the text is encrypted with AES in the format Windows PowerShell 5.1 writes, so a string made
by either shell converts back in the other with the same key."""

HELP["ConvertFrom-SecureString"] = {
    "synopsis": "Converts a secure string to an encrypted standard string.",
    "description": """ConvertFrom-SecureString turns a SecureString into text that can be stored in a file and
turned back into a SecureString with ConvertTo-SecureString. The characters themselves never appear in
the text.

""" + _KEYED + "\n\n" + _STANDIN,
    "parameters": {
        "SecureString": "The SecureString to convert. It can come from the pipeline.",
        "Key": "The AES key as 16, 24 or 32 bytes. Any other length is an error.",
        "SecureKey": "The AES key as a SecureString; its characters' UTF-16 bytes are the key, so it must "
                     "have 8, 12 or 16 characters.",
    },
    "examples": [
        {"title": "Store a password with a key and read it back",
         "code": "$key = [byte[]](1..32)\n"
                 "$text = ConvertTo-SecureString 'P@ssw0rd' -AsPlainText -Force | ConvertFrom-SecureString -Key $key\n"
                 "$text.StartsWith('76492d1116743f0423413b16050a5345')\n"
                 "(ConvertTo-SecureString $text -Key $key).Length",
         "output": "True\n8",
         "remarks": "Every keyed string starts with the same marker; the rest changes each time because "
                    "a new initialization vector is chosen."},
        {"title": "Protect for the current user only",
         "code": "$text = ConvertTo-SecureString 'P@ssw0rd' -AsPlainText -Force | ConvertFrom-SecureString\n"
                 "(ConvertTo-SecureString $text).Length",
         "output": "8",
         "remarks": "Without a key the text is protected by pshim's per-user secret (see the description)."},
    ],
    "inputs": "System.Security.SecureString",
    "outputs": "System.String",
    "notes": "The keyed format has no integrity check of its own: a wrong key is almost always reported as an "
             "error (\"Padding is invalid and cannot be removed.\"), but cannot be detected every time.",
    "related": ["ConvertTo-SecureString", "Get-Credential", "Read-Host"],
}

HELP["ConvertTo-SecureString"] = {
    "synopsis": "Converts plain text or encrypted strings to secure strings.",
    "description": """ConvertTo-SecureString reads the text that ConvertFrom-SecureString writes and returns the
SecureString it stands for. With -AsPlainText -Force it makes a SecureString from ordinary text instead.

""" + _KEYED + " The same key must be given here as was given to ConvertFrom-SecureString; a wrong key is "
    "reported as an error (see the note of ConvertFrom-SecureString).\n\n" + _STANDIN,
    "parameters": {
        "String": "The encrypted text (or, with -AsPlainText, the plain text). It can come from the pipeline.",
        "AsPlainText": "Treats String as plain text. Requires -Force.",
        "Force": "Confirms that plain text is meant with -AsPlainText.",
        "Key": "The AES key as 16, 24 or 32 bytes: the one ConvertFrom-SecureString was given.",
        "SecureKey": "The AES key as a SecureString of 8, 12 or 16 characters: the one ConvertFrom-SecureString "
                     "was given.",
    },
    "examples": [
        {"title": "A wrong key is an error",
         "code": "$text = ConvertTo-SecureString 'P@ssw0rd' -AsPlainText -Force | "
                 "ConvertFrom-SecureString -Key ([byte[]](1..16))\n"
                 "$s = ConvertTo-SecureString $text -Key ([byte[]](2..17)) -ErrorAction SilentlyContinue\n"
                 "$null -eq $s",
         "output": "True"},
        {"title": "Make a credential from stored text",
         "code": "$key = [byte[]](1..16)\n"
                 "$text = ConvertTo-SecureString 'P@ssw0rd' -AsPlainText -Force | ConvertFrom-SecureString -Key $key\n"
                 "$cred = New-Object System.Management.Automation.PSCredential ('CONTOSO\\svc', "
                 "(ConvertTo-SecureString $text -Key $key))\n"
                 "$cred.UserName",
         "output": "CONTOSO\\svc"},
    ],
    "inputs": "System.String",
    "outputs": "System.Security.SecureString",
    "related": ["ConvertFrom-SecureString", "Get-Credential"],
}

HELP["Get-Credential"] = {
    "synopsis": "Gets a credential object based on a user name and password.",
    "description": """Get-Credential asks for a user name and a password on the console and returns a
PSCredential. The password is read without showing it, and it never reaches the console output, a
transcript or the error stream. Given a PSCredential, Get-Credential returns it as it is; given a user
name, it asks only for the password.

In a shell started with -NonInteractive it cannot ask, and stops with an error.""",
    "parameters": {
        "Credential": "A PSCredential to return, or a user name to ask a password for.",
        "UserName": "The user name to ask a password for.",
        "Message": "The text shown above the prompts (default \"Enter your credentials.\").",
        "Title": "The first line shown (default \"Windows PowerShell credential request\").",
    },
    "inputs": "None",
    "outputs": "System.Management.Automation.PSCredential",
    "related": ["ConvertTo-SecureString", "ConvertFrom-SecureString", "Export-Clixml"],
}
