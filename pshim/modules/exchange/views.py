"""Console views of the Exchange objects (registered when the model is first imported)."""
from __future__ import annotations

from ...formatting.views import register_view, TableView, Column

_M = "Microsoft.Exchange.Data.Directory.Management."

register_view("Microsoft.Exchange.Data.Directory.SystemConfiguration.ReceiveConnector", TableView([
    Column("Identity", width=39), Column("Bindings", width=39), Column("Enabled")]))
register_view(_M + "ExchangeServer", TableView([
    Column("Name", width=19), Column("Site", width=20), Column("ServerRole", width=15), Column("Edition", width=15),
    Column("AdminDisplayVersion")]))
register_view(_M + "TransportServer", TableView([Column("Name")]))
register_view(_M + "FrontendTransportServer", TableView([Column("Name")]))
