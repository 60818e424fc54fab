"""Modules: each package holds cmdlets (one file per noun family), manifest*.py
files listing them (CMDLETS, ALIASES, COMPLETERS, HELP_TOPICS, HELP_TOPIC_PROVIDERS,
COMMAND_NOT_FOUND_HOOKS, SCRIPT_PREAMBLE_HOOKS) and its own types and views. The engine
discovers manifests; nothing in the core names a module's cmdlets."""
