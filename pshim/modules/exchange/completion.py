"""Tab completion of server and connector names (the module's completer hook)."""
from __future__ import annotations

_SERVER_PARAMS = {("get-exchangeserver", "identity"), ("get-transportservice", "identity"),
                  ("get-transportserver", "identity"), ("get-frontendtransportservice", "identity"),
                  ("test-smtpconnectivity", "identity"), ("get-receiveconnector", "server"),
                  ("new-receiveconnector", "server")}
_CONNECTOR_COMMANDS = {"get-receiveconnector", "set-receiveconnector", "remove-receiveconnector"}


def complete(ctx, command: str, parameter: str | None, word: str) -> list[str]:
    cmd = (command or "").lower()
    par = (parameter or "identity").lower()
    if (cmd, par) in _SERVER_PARAMS:
        from .directory.select import open_directory
        return [s.name for s in open_directory(ctx).servers()]
    if cmd in _CONNECTOR_COMMANDS and par == "identity":
        from .directory.select import open_directory
        return [c.identity for c in open_directory(ctx).connectors()]
    return []
