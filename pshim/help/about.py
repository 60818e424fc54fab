"""pshim's own about_ topics (written for pshim)."""

ABOUT = {}

ABOUT["about_pshim"] = """TOPIC
    about_pshim

SHORT DESCRIPTION
    What pshim is and how to start it.

LONG DESCRIPTION
    pshim is a shell written in Python that runs scripts written for Windows
    PowerShell 5.1 and the Exchange Management Shell. It reads the same
    language, binds parameters the same way, formats output as 5.1 does, and
    reports errors in 5.1's layout, so the transport-administration scripts
    you already have run unchanged.

    Starting pshim:

      pshim                          an interactive shell
      pshim script.ps1 a b           run a script with arguments
      pshim -File script.ps1 -Name x run a script, binding -Name to its param()
      pshim -Command '<text>'        run a command line (-c for short)
      pshim -Command -               read commands from standard input

    Other switches: -NoProfile (skip the profile), -NoLogo (no banner),
    -NonInteractive (a prompt becomes an error), -ExecutionPolicy (accepted
    and ignored), -Help.

    Exit codes: `exit N` ends pshim with N. A script that stops on a
    terminating error ends with 1. After -Command, pshim ends with 1 when the
    last pipeline failed and 0 otherwise.

THE INTERACTIVE SHELL
    The prompt is "[PS] <location>>" unless your profile defines a function
    named prompt. While you type:

      Tab, Shift+Tab   complete command names, parameter names, parameter
                       values, variables, properties after "$x." and paths;
                       press Tab again for the next candidate
      Enter            run the input, or start a ">> " line when the
                       statement is not finished (open brace, trailing pipe,
                       open string)
      Alt+Enter        insert a line break
      Up, Down         walk through history (kept between sessions)
      Ctrl+R           search the history
      Ctrl+C           discard the input, or stop the running command
      Ctrl+D, exit     leave pshim

THE PROFILE
    $PROFILE names a script in pshim's home folder (~/.pshim, or the folder
    in the PSHIM_HOME environment variable). It runs, dot-sourced, when
    pshim starts, unless you start pshim with -NoProfile.

SEE ALSO
    Get-Help
    Get-Command
    about_pshim_help
"""

ABOUT["about_pshim_help"] = """TOPIC
    about_pshim_help

SHORT DESCRIPTION
    How to find help in pshim.

LONG DESCRIPTION
    Get-Help shows help for any command pshim knows. The syntax and the
    parameter list always come from the command itself, so they are current
    even for a command whose description has not been written yet.

      Get-Help <command>                 synopsis, syntax and description
      Get-Help <command> -Detailed       adds parameter descriptions, examples
      Get-Help <command> -Full           adds each parameter's attributes
      Get-Help <command> -Examples       just the examples
      Get-Help <command> -Parameter X    one parameter (wildcards allowed)
      <command> -?                       the same as Get-Help <command>
      Get-Help about_*                   lists the conceptual topics
      Get-Help *Connector*               lists commands and topics that match

    Get-Command lists commands: Get-Command -Verb Get, Get-Command -Noun
    *Connector, Get-Command -Module Microsoft.PowerShell.Utility. With
    -Syntax it prints a command's syntax lines.

    Modules add their own topics; every loaded module's topics appear in
    Get-Help about_*.

SEE ALSO
    about_pshim
"""

ABOUT["about_CommonParameters"] = """TOPIC
    about_CommonParameters

SHORT DESCRIPTION
    Parameters every cmdlet and advanced function accepts.

LONG DESCRIPTION
    -Verbose (-vb), -Debug (-db)
        Show the command's verbose or debug messages.

    -ErrorAction (-ea) <ActionPreference>
        What to do on a non-terminating error: Continue (the default; show
        it and go on), SilentlyContinue (record it in $Error and go on),
        Stop (turn it into a terminating error), Inquire (ask), Ignore
        (forget it).

    -WarningAction (-wa), -InformationAction (-infa) <ActionPreference>
        The same choice for warnings and information messages.

    -ErrorVariable (-ev), -WarningVariable (-wv), -InformationVariable (-iv),
    -OutVariable (-ov) <string>
        Also store the command's errors, warnings, information messages or
        output in the named variable; a leading + appends.

    -OutBuffer (-ob) <int>, -PipelineVariable (-pv) <string>
        Accepted for compatibility.

    Commands that change things also accept -WhatIf (describe what would
    happen without doing it) and -Confirm (ask first).

SEE ALSO
    about_pshim_help
"""
