"""The lab's help topics: about_PshimLab (written here), and every `about_*.help.txt` of the lab folders
(samples/labs/<lab>/, and the folder of the lab the home was reset from), so a lab's instructions live in its
folder and `Get-Help about_Lab_<Name>` finds them without a line of code."""
from __future__ import annotations

import os

from ....runtime.drives import pshim_home
from ....runtime.textdecode import read_file
from ..directory.base import DirectoryError
from ..directory.lab import LabDirectory, lab_path
from ..directory.lab_definition import DEFAULT_DEFINITION

LABS_FOLDER = os.path.dirname(os.path.dirname(DEFAULT_DEFINITION))
TOPIC_SUFFIX = ".help.txt"


def lab_topics() -> dict:
    topics = {"about_PshimLab": ABOUT_PSHIMLAB}
    folders = []
    if os.path.isdir(LABS_FOLDER):
        folders += [os.path.join(LABS_FOLDER, n) for n in sorted(os.listdir(LABS_FOLDER))]
    current = current_lab_folder()
    if current is not None:
        folders.append(current)       # last: the lab in use wins over a namesake in samples/labs
    for folder in folders:
        topics.update(folder_topics(folder))
    return topics


def folder_topics(folder: str) -> dict:
    """about_X -> text for every about_X.help.txt in a lab folder."""
    out = {}
    try:
        names = sorted(os.listdir(folder))
    except OSError:         # not a folder, or unreadable: it has no topics
        return out
    for n in names:
        if n.lower().startswith("about_") and n.lower().endswith(TOPIC_SUFFIX):
            try:
                out[n[:-len(TOPIC_SUFFIX)]] = read_file(os.path.join(folder, n))
            except OSError:
                continue
    return out


def current_lab_folder() -> str | None:
    """The folder of the definition the home's lab was made from (None without a readable lab)."""
    path = lab_path(pshim_home())
    if not os.path.isfile(path):
        return None
    try:
        d = LabDirectory(path)
    except DirectoryError:
        return None
    try:
        definition = d.org_settings().get("Definition")
    except DirectoryError:
        definition = None
    finally:
        d.close()
    return os.path.dirname(definition) if definition else None


ABOUT_PSHIMLAB = """TOPIC
    about_PshimLab

SHORT DESCRIPTION
    The lab: a local Exchange organisation, its listeners, faults and labs.

LONG DESCRIPTION
    Without Active Directory settings, the Exchange cmdlets of pshim work on
    a lab: an organisation kept in one database under pshim's home
    ($env:PSHIM_HOME/lab/lab.db, made on first use). Its servers listen on
    loopback addresses (127.x.x.x and ::1), so Test-SmtpConnectivity makes
    real SMTP connections without touching a network. Get-ExchangeServer,
    Get-TransportService, Get-ReceiveConnector, New-, Set- and
    Remove-ReceiveConnector read and change it as they would an
    organisation's Active Directory.

    The built-in lab (samples/labs/contoso) has the servers Mailbox01,
    Mailbox02 and Edge01. Two of Mailbox02's connectors are broken on
    purpose, so Get-TransportService | Test-SmtpConnectivity shows a mix of
    results from the start.

THE LAB COMMANDS
    Get-PshimLab                  the lab in use: organisation, definition
                                  file, database, listeners, faults
    Get-PshimLab -ListAvailable   the labs that come with pshim
                                  (samples/labs), each with a description
    Reset-PshimLab                a fresh copy of the built-in lab
    Reset-PshimLab -Name <lab>    a fresh copy of one of those labs
    Reset-PshimLab -Path <folder or .psd1>
                                  a fresh lab from your own definition
    Reset-PshimLab -Force         also replaces a database that is damaged
                                  or is not pshim's
    Start-PshimLab                starts the listeners in the background
    Stop-PshimLab                 stops them
    Set-PshimLabFault <connector or server> <fault> [-Delay <seconds>]
                                  breaks a connector (or every connector of
                                  a server) on purpose; -Fault None repairs
    Get-PshimLabFault             the faults in force
    Test-PshimLab [-Quiet]        checks the goals of the current guided lab

    Reset-PshimLab replaces the whole organisation, with everything you
    changed in it; it asks first when you add -Confirm and only says what it
    would do with -WhatIf.

GUIDED LABS
    A guided lab is an organisation with a problem to find or a task to do,
    its instructions, and a checker that says which goals are reached:

      Get-PshimLab -ListAvailable        choose a lab
      Reset-PshimLab -Name <lab>         start it (from scratch)
      Get-Help about_Lab_<Name>          read what to do
      ... work with the Exchange cmdlets ...
      Test-PshimLab                      see which goals are reached

    Test-PshimLab prints one line per goal, "[x]" when it is reached and
    "[ ]" when it is not, and a last line saying whether the lab is done.
    (Test-PshimLab).Goals lists the goals as objects; Test-PshimLab -Quiet
    returns just $true or $false. Reset-PshimLab -Name <lab> starts over.
    Each lab folder also has solution.ps1, the instructor's solution.
    Reset-PshimLab and Get-PshimLab list the faults a lab injected (so does
    Get-PshimLabFault): in a lab about finding them, send Reset-PshimLab's
    output to Out-Null and find the faults with the Exchange cmdlets.

THE LISTENERS
    Each enabled Receive connector listens on every endpoint of its
    bindings: a binding on 0.0.0.0 listens on each IPv4 address of its
    server, one on [::] on each IPv6 address. Two connectors with the same
    endpoint share one listener. A listener greets with the connector's
    Banner, or with Exchange's default greeting and the connector's Fqdn.

    When the listeners are not running, Test-SmtpConnectivity serves them
    itself for the length of the command, so nothing needs to be started.
    Start-PshimLab runs them as a background service instead, for other
    SMTP clients too: it follows the lab as it changes (a connector you
    disable stops listening, one you add starts, a fault you set is served
    within a second) until Stop-PshimLab. The service records its state in
    lab/listeners.json and its messages in lab/listeners.log under pshim's
    home; Get-PshimLab shows whether it runs and on how many endpoints.

THE PORT OFFSET
    Ports below 1024 need privileges on most systems. The lab listens on
    each connector's port plus an offset: 0 where pshim may use low ports
    (as root, or where the system lets every user bind port 25), else
    10000, so 0.0.0.0:25 is served on port 10025. Test-SmtpConnectivity
    adds the same offset when it connects and reports the port as
    configured, so results read as they would on a server. A definition can
    fix the offset with PortOffset = <number>; Get-PshimLab shows it.

FAULTS
    Set-PshimLabFault <target> <fault> breaks one connector (SERVER\\Name)
    or every connector of a server; a fault on a connector wins over one on
    its server. What Test-SmtpConnectivity then reports:

      down        nothing listens: the connection is refused
                  (Unable to connect)
      transient   the greeting is 421 4.3.2 (Transient error)
      permanent   the greeting is 554 5.7.1 (Permanent error)
      silent      the connection is accepted and nothing is said
                  (Transient error when $PshimSmtpTimeout runs out)
      slow        the greeting comes after -Delay seconds (15 when
                  Set-PshimLabFault is given none): Success when it
                  comes within $PshimSmtpTimeout
      garbage     binary data and an HTTP reply (External error)
      reset       the connection is reset at once (Transient error)
      huge        an endless first line (External error)
      None        repairs the connector or server

    $PshimSmtpTimeout (seconds, 10 by default) bounds each connection and
    each wait for a greeting; set it lower in exercises with silent or slow
    endpoints.

WRITING A LAB
    A lab is a folder; to make one, copy a folder of samples/labs, rename
    it and edit its files. No code changes: Get-PshimLab -ListAvailable
    lists every folder of samples/labs that has an organization.psd1, and
    Reset-PshimLab -Path <folder> starts a lab from a folder anywhere else.

      organization.psd1   the organisation and its faults (below)
      README.md           its first line is the lab's one-line description
      about_Lab_<Name>.help.txt
                          the learner's instructions, shown by
                          Get-Help about_Lab_<Name> (any about_*.help.txt
                          in the folder becomes a topic)
      checker.ps1         the goals, checked by Test-PshimLab
      solution.ps1        the instructor's solution

    organization.psd1 is a hashtable read as data (no code runs):
      Organization, Domain, Site, LocalServer (the server this shell runs
      on), DomainControllers, PortOffset ('Auto' or a number);
      Servers = @( @{ Name; Role = 'Mailbox', 'Edge' or 'ClientAccess';
        Version; Edition; IPv4 = @(...); IPv6 = @(...); Fqdn } ... )
        (loopback addresses only; give each lab its own 127.x.y.z
        addresses so labs never answer for each other);
      Connectors = @( @{ Server; Name; <any Receive connector setting,
        such as Bindings, RemoteIPRanges, Enabled, TransportRole, Banner,
        Comment> } ... ), added to the connectors Exchange creates on
        every server;
      Faults = @( @{ Connector = 'SERVER\\Name' or Server = 'SERVER';
        Fault = '<fault>'; Delay = <seconds> } ... ).

    checker.ps1 is a script. Test-PshimLab runs it in the learner's session,
    in a scope of its own whose preference variables are at their defaults
    (so $WhatIfPreference = $true or $ErrorActionPreference = 'Stop' at the
    prompt changes nothing); $PshimSmtpTimeout and other variables reach it
    as they reach any script, and $PSScriptRoot is the lab's folder. It
    reads the lab with the Exchange cmdlets and Test-SmtpConnectivity, and
    outputs one object per goal, in the order the learner should see them:

      [pscustomobject]@{
          Goal = 'The relay connector accepts only the scanners'
          Done = $null -ne $relay -and $relay.RemoteIPRanges.Count -eq 2
      }

    Goal is the goal in plain words; Done is $true when it is reached. Write
    each goal so it can be read before it is reached. Use -ErrorAction
    SilentlyContinue where a missing object is an ordinary answer (a
    connector the learner has not created yet). Anything else the checker
    outputs is reported as an error, and a checker that stops with an error
    is reported with the line where it stopped.

SEE ALSO
    Get-PshimLab
    Reset-PshimLab
    Set-PshimLabFault
    Test-PshimLab
    Test-SmtpConnectivity
    about_pshim
"""
