"""Test-SmtpConnectivity: a real SMTP connection to every endpoint of every binding of every enabled Receive
connector of a server (specification: shared/seeds, issue 9).

Per server (pipeline record): resolve it (Exchange's not-found text), check it is a Transport server and
has enabled connectors with bindings, then ShouldProcess with Exchange's confirmation text (so lookup
errors come before any What-if line, as in Exchange), expand the bindings into endpoints, probe them all
concurrently (smtp/probe.py) and write one SmtpConnectivityStatus per endpoint in (connector, binding,
endpoint) order as soon as the server is done; with -MonitoringContext $true, one MonitoringData after
them. Connect and banner timeouts are `$PshimSmtpTimeout` seconds (default 10). On the lab the listeners
are served for the command when the lab service is not running.
"""
from __future__ import annotations

import threading

from ....commands.parameters import Parameter
from ....commands.progress import ProgressRecord
from ....runtime import conversion as cv
from ..directory.lab import LabDirectory
from ..lab.service import EphemeralListeners, status as lab_status
from ..lab.specs import expand_binding
from ..monitoring import (SmtpConnectivityStatus, MonitoringData, MonitoringEvent, summary_event,
                          latency_counters)
from ..smtp.probe import Endpoint, probe_each, EXTERNAL
from ..values import IPBinding
from .base import ExchangeCmdlet, ExchangeTaskError

CONFIRMATION = ("This command will attempt to connect to each of the addresses that are configured to listen for "
                "incoming SMTP connections.")
TIMEOUT_VARIABLE = "PshimSmtpTimeout"
DEFAULT_TIMEOUT = 10.0
CONCURRENCY = 64
PROGRESS_ID = 1


class TestSmtpConnectivityCommand(ExchangeCmdlet):
    name = "Test-SmtpConnectivity"
    dotnet_type = "Microsoft.Exchange.Monitoring.TestSmtpConnectivity"
    supports_should_process = True
    confirm_impact = "Medium"
    synopsis = "Tests SMTP connections to every binding of every Receive connector of a server."
    output_type = "Microsoft.Exchange.Monitoring.SmtpConnectivityStatus"

    Identity = Parameter("ServerIdParameter", position=0, value_from_pipeline=True, value_from_pipeline_by_property_name=True,
                         validate_not_null_or_empty=True,
                         help="The transport server (name, FQDN, distinguished name); default: the local server.")
    MonitoringContext = Parameter("bool", help="$true adds a MonitoringData object (events, latency counters) "
                                               "after each server's results.")

    _listeners = None
    _cancel = None

    def begin(self):
        self._cancel = threading.Event()

    def process(self):
        self.run_record(self._test)

    def stop(self):
        if self._cancel is not None:
            self._cancel.set()

    def dispose(self):
        if self._listeners is not None:
            self._listeners.stop()
            self._listeners = None

    # -- one server ---------------------------------------------------------------------------
    def _test(self):
        monitoring = MonitoringData() if self.MonitoringContext else None
        server = self.find_server(self.Identity) if self.Identity is not None else self.local_server()
        typed = str(self.Identity) if self.Identity is not None else server.fqdn
        try:
            self._validate(server, typed)
        except ExchangeTaskError as e:
            if monitoring is not None:
                ident = 1002 if "isn't a Transport server" in e.record.message() else 1001
                monitoring.Events.append(MonitoringEvent(ident, "Error", e.record.message()))
                self.write_error(e.record)
                self.write_object(monitoring)
                return
            raise
        if not self.should_process_description(CONFIRMATION):
            return
        results = self._probe(server)
        for r in results:
            self.write_object(r)
        if monitoring is not None:
            monitoring.Events.append(summary_event(server.name, results))
            monitoring.PerformanceCounters.extend(latency_counters(results))
            self.write_object(monitoring)

    def _validate(self, server, typed):
        self.refuse_domain_controller_on_edge(server)
        if not server.is_transport:
            raise self.fail(f"Server '{typed}' isn't a Transport server.",
                            "Microsoft.Exchange.Monitoring.NotTransportServerException", "InvalidArgument", typed)
        enabled = [c for c in self.directory().connectors(server.name) if c.get("Enabled")]
        if not enabled:
            raise self.fail(f"Server '{server.fqdn}' has no Receive connectors.",
                            "Microsoft.Exchange.Monitoring.NoReceiveConnectorsException", "InvalidData", typed)
        if not any(c.get("Bindings") for c in enabled):
            raise self.fail(f"There are no Receive connectors on '{server.fqdn}' that have IP bindings.",
                            "Microsoft.Exchange.Monitoring.NoBindingsException", "InvalidData", typed)
        self._connectors = enabled

    # -- endpoints ----------------------------------------------------------------------------
    def _probe(self, server) -> list[SmtpConnectivityStatus]:
        planned = []        # (connector, binding text, Endpoint | None, why-not)
        unexpanded = []
        for c in self._connectors:
            for b in c.get("Bindings"):
                binding = IPBinding.parse(b)
                addresses = expand_binding(binding, server)
                if not addresses:
                    # a family the server has no address of listens nowhere; a failed lookup is reported
                    unexpanded.append((c, binding))
                    if server.address_error:
                        planned.append((c, str(binding), None, _no_endpoint(binding, server)))
                    continue
                for a in addresses:
                    planned.append((c, str(binding), Endpoint(a, binding.Port), None))
        if not planned:      # nothing at all to dial: say so for each binding rather than print nothing
            planned = [(c, str(b), None, _no_endpoint(b, server)) for c, b in unexpanded]
        endpoints = [e for _, _, e, _ in planned if e is not None]
        offset = self._prepare_lab()
        timeout = self._timeout()
        results = [None] * len(endpoints)
        progress = ProgressRecord(PROGRESS_ID, "Test-SmtpConnectivity",
                                  f"Testing {len(endpoints)} endpoints of {server.name}", percent_complete=0)
        self.write_progress(progress)
        done = 0

        def keep(index, result):
            nonlocal done
            results[index] = result
            done += 1
            progress.PercentComplete = done * 100 // len(endpoints)
            progress.CurrentOperation = f"{result.endpoint}: {result.status}"
            self.write_progress(progress)

        probe_each(endpoints, keep, connect_timeout=timeout, banner_timeout=timeout, concurrency=CONCURRENCY,
                   port_offset=offset, cancel=self._cancel)
        progress.RecordType = "Completed"
        self.write_progress(progress)
        if self._cancel.is_set() and done < len(endpoints):
            from ....errors import PipelineStoppedException
            raise PipelineStoppedException("The pipeline has been stopped.", error_id="PipelineStopped")
        by_endpoint = iter(results)
        out = []
        for c, binding, ep, why in planned:
            if ep is None:
                out.append(SmtpConnectivityStatus(server.name, c.identity, c.name, binding, binding, EXTERNAL, why,
                                                  None, tested=False))
                continue
            r = next(by_endpoint)
            out.append(SmtpConnectivityStatus(server.name, c.identity, c.name, binding, str(r.endpoint), r.status,
                                              r.details, r.latency_ms))
        return out

    def _prepare_lab(self) -> int:
        """On the lab: its port offset, and its listeners served for this command unless the service runs."""
        d = self.directory()
        if not isinstance(d, LabDirectory):
            return 0
        from ....runtime.drives import pshim_home
        running = lab_status(pshim_home())
        if running is not None:
            return int(running.get("port_offset", 0))
        if self._listeners is None:
            self._listeners = EphemeralListeners(d).start()
            for spec, why in self._listeners.group.errors.items():
                self.write_warning(f"The lab can't listen on {spec.address}:{spec.port + self._listeners.offset}: "
                                   f"{why}. What answers there is not this lab (another lab or program).")
        return self._listeners.offset

    def _timeout(self) -> float:
        v = self.ctx.get_variable(TIMEOUT_VARIABLE)
        if v is None:
            return DEFAULT_TIMEOUT
        try:
            t = float(cv.to_double(v))
        except Exception:
            t = -1
        if not t > 0:
            raise self.fail(f"${TIMEOUT_VARIABLE} must be a positive number of seconds, not '{cv.to_string(v)}'.",
                            "System.ArgumentOutOfRangeException", "InvalidArgument", v)
        return t


def _no_endpoint(binding, server) -> str:
    family = "IPv6" if binding.address.version == 6 else "IPv4"
    why = server.address_error or f"the directory gives {server.name} no {family} address"
    return (f"The binding {binding} listens on every {family} address of {server.name}, but {why}, so there is "
            "no endpoint to test.")
