"""The Exchange module's commands, completion hook and help topics."""
MODULE_NAME = "Microsoft.Exchange.Management.PowerShell.E2010"

_C = "pshim.modules.exchange.cmdlets."

CMDLETS = {
    "Get-ExchangeServer": _C + "servers:GetExchangeServerCommand",
    "Get-TransportService": _C + "servers:GetTransportServiceCommand",
    "Get-TransportServer": _C + "servers:GetTransportServerCommand",
    "Get-FrontendTransportService": _C + "servers:GetFrontendTransportServiceCommand",
    "Get-ReceiveConnector": _C + "receive_connectors:GetReceiveConnectorCommand",
    "New-ReceiveConnector": _C + "receive_connectors:NewReceiveConnectorCommand",
    "Set-ReceiveConnector": _C + "receive_connectors:SetReceiveConnectorCommand",
    "Remove-ReceiveConnector": _C + "receive_connectors:RemoveReceiveConnectorCommand",
    "Test-SmtpConnectivity": _C + "smtp_connectivity:TestSmtpConnectivityCommand",
    "Connect-ExchangeServer": _C + "shell_session:ConnectExchangeServerCommand",
    "Set-ADServerSettings": _C + "shell_session:SetADServerSettingsCommand",
    "Get-ADServerSettings": _C + "shell_session:GetADServerSettingsCommand",
    "Get-PshimLab": _C + "lab:GetPshimLabCommand",
    "Start-PshimLab": _C + "lab:StartPshimLabCommand",
    "Stop-PshimLab": _C + "lab:StopPshimLabCommand",
    "Reset-PshimLab": _C + "lab:ResetPshimLabCommand",
    "Set-PshimLabFault": _C + "lab:SetPshimLabFaultCommand",
    "Get-PshimLabFault": _C + "lab:GetPshimLabFaultCommand",
    "Test-PshimLab": _C + "lab_check:TestPshimLabCommand",
}


def _complete(ctx, command, parameter, word):
    from .completion import complete
    return complete(ctx, command, parameter, word)


COMPLETERS = (_complete,)


def _lab_topics(session):
    """about_PshimLab, and the about_ topics of the lab folders (read when help is asked for, so a lab folder
    copied while the shell runs is found)."""
    from .lab.topics import lab_topics
    return lab_topics()


HELP_TOPIC_PROVIDERS = (_lab_topics,)


def on_load(table):
    r"""Exchange's parameter types by name (they take what the admin typed; the cmdlet parses it with
    Exchange's texts), so syntax and help show them as Exchange does. Scripts written for the Exchange shell
    dot-source $env:ExchangeInstallPath\bin\RemoteExchange.ps1: point it at pshim's stand-in unless the
    environment names another install path."""
    import os
    from ...runtime.types import register_type, PSType
    for full in PARAMETER_TYPES:
        register_type(PSType(full, lambda v: v, lambda v: True), full.rsplit(".", 1)[-1])
    os.environ.setdefault("ExchangeInstallPath", os.path.join(os.path.dirname(os.path.abspath(__file__)), "install", ""))


PARAMETER_TYPES = (
    "Microsoft.Exchange.Configuration.Tasks.ServerIdParameter",
    "Microsoft.Exchange.Configuration.Tasks.TransportServerIdParameter",
    "Microsoft.Exchange.Configuration.Tasks.ReceiveConnectorIdParameter",
    "Microsoft.Exchange.Data.Fqdn",
    "Microsoft.Exchange.Data.MultiValuedProperty",
    "Microsoft.Exchange.Data.ByteQuantifiedSize",
    "Microsoft.Exchange.Data.Unlimited",
    "Microsoft.Exchange.Data.AuthMechanisms",
    "Microsoft.Exchange.Data.PermissionGroups",
    "Microsoft.Exchange.Data.ProtocolLoggingLevel",
    "Microsoft.Exchange.Data.ServerRole",
    "Microsoft.Exchange.Data.EnhancedTimeSpan",
)
