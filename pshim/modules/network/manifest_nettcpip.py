"""NetTCPIP: Test-NetConnection."""
MODULE_NAME = "NetTCPIP"

CMDLETS = {
    "Test-NetConnection": "pshim.modules.network.netconnection:TestNetConnectionCommand",
}

ALIASES = {
    "TNC": "Test-NetConnection",
}
