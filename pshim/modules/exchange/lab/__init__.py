"""The lab: SMTP listeners that serve the lab directory's Receive connectors, with injected faults."""
