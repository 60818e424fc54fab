"""Test-SmtpConnectivity's output objects: SmtpConnectivityStatus (one per endpoint attempt) and, with
-MonitoringContext $true, MonitoringData (events and performance counters, as Exchange's Test-* cmdlets
hand them to System Center)."""
from __future__ import annotations

from ...formatting.views import register_view, TableView, Column
from ...runtime.psobject import DotNetObject
from .values import EnumValue

_MON = "Microsoft.Exchange.Monitoring."
EVENT_SOURCE = "MSExchange Monitoring SmtpConnectivity"


class SmtpConnectivityStatusCode(EnumValue):
    """The specification's five status codes (they print with their spaces: `Transient error`)."""
    type_name = _MON + "SmtpConnectivityStatusCode"
    choices = ("Success", "Unable to connect", "Transient error", "Permanent error", "External error")


class SmtpConnectivityStatus(DotNetObject):
    ps_type_names = (_MON + "SmtpConnectivityStatus", "Microsoft.Exchange.Data.ConfigurableObject", "System.Object")
    ps_properties = ("Server", "ReceiveConnector", "Binding", "EndPoint", "StatusCode", "Details", "Identity",
                     "IsValid")

    def __init__(self, server: str, connector_identity: str, connector: str, binding: str, endpoint: str,
                 status: str, details: str, latency_ms: float | None, tested: bool = True):
        self.Server = server
        self.ReceiveConnector = connector
        self.Binding = binding
        self.EndPoint = endpoint
        self.StatusCode = SmtpConnectivityStatusCode.parse(status)
        self.Details = details
        self.Identity = f"{connector_identity}\\{binding}\\{endpoint}"
        self.IsValid = True
        self.latency_ms = latency_ms
        self.tested = tested          # False: no endpoint could be made of the binding (nothing was dialled)

    def ps_to_string(self):
        return self.Identity


class MonitoringEvent(DotNetObject):
    ps_type_names = (_MON + "MonitoringEvent", "System.Object")
    ps_properties = ("EventSource", "EventIdentifier", "EventType", "EventMessage", "EventInstanceName")

    def __init__(self, ident: int, kind: str, message: str, instance: str | None = None):
        self.EventSource = EVENT_SOURCE
        self.EventIdentifier = ident
        self.EventType = kind
        self.EventMessage = message
        self.EventInstanceName = instance

    def ps_to_string(self):
        text = (f"Source: {self.EventSource}\r\nId: {self.EventIdentifier}\r\nType: {self.EventType}\r\n"
                f"Message: {self.EventMessage}")
        if self.EventInstanceName:
            text += f"\r\nInstanceName: {self.EventInstanceName}"
        return text


class MonitoringPerformanceCounter(DotNetObject):
    ps_type_names = (_MON + "MonitoringPerformanceCounter", "System.Object")
    ps_properties = ("Object", "Counter", "Instance", "Value")

    def __init__(self, obj: str, counter: str, instance: str, value: float):
        self.Object = obj
        self.Counter = counter
        self.Instance = instance
        self.Value = value

    def ps_to_string(self):
        return f"Object: {self.Object}\r\nCounter: {self.Counter}\r\nInstance: {self.Instance}\r\nValue: {self.Value}"


class MonitoringData(DotNetObject):
    ps_type_names = (_MON + "MonitoringData", "System.Object")
    ps_properties = ("Events", "PerformanceCounters")

    def __init__(self):
        self.Events = []
        self.PerformanceCounters = []


def _block(results) -> str:
    return "".join(f"{r.Identity}\r\n{r.Details}\r\n\r\n" for r in results)


def summary_event(server_name: str, results: list[SmtpConnectivityStatus]) -> MonitoringEvent:
    """The one summary event per server: 1001 Error when any endpoint failed, 1002 Warning when some could
    not be tested (a binding with no endpoint to dial), 1000 Information when all succeeded."""
    ok = [r for r in results if r.StatusCode == "Success"]
    untested = [r for r in results if not r.tested]
    failed = [r for r in results if r not in ok and r not in untested]
    successes = ("The following endpoints are functioning correctly:\r\n\r\n" + _block(ok)) if ok else \
        "No endpoints were functioning correctly."
    untested_text = ("The following endpoints couldn't be tested:\r\n\r\n" + _block(untested)) if untested else \
        "All endpoints were tested."
    if failed:
        return MonitoringEvent(1001, "Error", f"SMTP connectivity test failed for {server_name}\r\n"
                               f"The following endpoints aren't functioning:\r\n\r\n{_block(failed)}\r\n"
                               f"{untested_text}\r\n{successes}")
    if untested:
        return MonitoringEvent(1002, "Warning", f"SMTP connectivity test couldn't be completed for {server_name}"
                               f"\r\n{untested_text}\r\n{successes}")
    if ok:
        return MonitoringEvent(1000, "Information", f"SMTP connectivity test was successful for {server_name}\r\n"
                               f"{successes}")
    return MonitoringEvent(1001, "Error", f"Server {server_name} isn't configured to receive messages via SMTP.")


def latency_counters(results: list[SmtpConnectivityStatus]) -> list[MonitoringPerformanceCounter]:
    """pshim's addition: each endpoint's connect-to-banner latency in milliseconds (-1 without a banner)."""
    return [MonitoringPerformanceCounter(EVENT_SOURCE, "SMTP Banner Latency (ms)", r.Identity,
                                         round(r.latency_ms, 3) if r.latency_ms is not None else -1.0)
            for r in results]


register_view(_MON + "SmtpConnectivityStatus", TableView([
    Column("Server", width=12), Column("ReceiveConnector", width=32), Column("Binding", width=14),
    Column("EndPoint", width=18), Column("StatusCode")]))
