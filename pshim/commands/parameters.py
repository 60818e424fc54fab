"""Parameter declarations and command metadata.

A cmdlet declares its parameters as class attributes (`Path = Parameter("string[]",
position=0)`); an advanced function gets the same ParameterInfo objects from
its `param()` block. The binder, Get-Help, Get-Command -Syntax and tab
completion all read CommandMetadata, never the command's code.
"""
from __future__ import annotations

ALL_SETS = "__AllParameterSets"


class ParameterSetData:
    __slots__ = ("name", "position", "mandatory", "from_pipeline", "from_pipeline_by_name",
                 "from_remaining", "help_message")

    def __init__(self, name=ALL_SETS, position=None, mandatory=False, from_pipeline=False,
                 from_pipeline_by_name=False, from_remaining=False, help_message=None):
        self.name = name
        self.position = position
        self.mandatory = mandatory
        self.from_pipeline = from_pipeline
        self.from_pipeline_by_name = from_pipeline_by_name
        self.from_remaining = from_remaining
        self.help_message = help_message


class Parameter:
    """Declaration of one cmdlet parameter (a class attribute of a Cmdlet).

    type: a PowerShell type name ("string", "string[]", "int", "switch", "bool",
    "psobject", "object", "scriptblock", "hashtable", ...).
    For a parameter in several parameter sets pass `sets=[ParameterSetData(...), ...]`."""

    def __init__(self, type="object", position=None, mandatory=False, value_from_pipeline=False,
                 value_from_pipeline_by_property_name=False, parameter_set=None, aliases=(),
                 validate_set=None, validate_range=None, validate_not_null_or_empty=False,
                 validate_not_null=False, validate_pattern=None, validate_count=None,
                 default=None, help="", sets=None, value_from_remaining_arguments=False,
                 allow_null=False, allow_empty_string=False, dont_show=False, completer=None,
                 name=None):
        self.name = name
        self.type = type
        self.aliases = tuple(aliases)
        self.validate_set = tuple(validate_set) if validate_set else None
        self.validate_range = validate_range
        self.validate_not_null_or_empty = validate_not_null_or_empty
        self.validate_not_null = validate_not_null
        self.validate_pattern = validate_pattern
        self.validate_count = validate_count
        self.default = default
        self.help = help
        self.allow_null = allow_null
        self.allow_empty_string = allow_empty_string
        self.dont_show = dont_show
        self.completer = completer     # callable(ctx, word) -> [str]: modules complete their values
        self.validate_script = None
        if sets is None:
            sets = [ParameterSetData(parameter_set or ALL_SETS, position, mandatory, value_from_pipeline,
                                     value_from_pipeline_by_property_name, value_from_remaining_arguments)]
        self.sets = {s.name: s for s in sets}
        self._type_obj = None

    def __set_name__(self, owner, name):
        if self.name is None:
            self.name = name

    def __get__(self, instance, owner):
        if instance is None:
            return self
        return instance.__dict__.get(self.name, self.default_value())

    def default_value(self):
        if self.is_switch:
            from ..runtime.switch import SwitchParameter
            return SwitchParameter(False) if self.default is None else self.default
        return self.default

    @property
    def is_switch(self) -> bool:
        return self.type.lower() in ("switch", "switchparameter", "system.management.automation.switchparameter")

    @property
    def is_bool(self) -> bool:
        return self.type.lower() in ("bool", "boolean", "system.boolean")

    @property
    def type_obj(self):
        if self._type_obj is None:
            from ..runtime.types import resolve_type
            self._type_obj = resolve_type(self.type)
        return self._type_obj

    @property
    def full_type_name(self) -> str:
        try:
            return self.type_obj.full_name
        except Exception:
            return self.type

    def in_set(self, set_name: str) -> ParameterSetData | None:
        d = self.sets.get(set_name)
        if d is None:
            d = self.sets.get(ALL_SETS)
        return d

    @property
    def mandatory_anywhere(self):
        return any(s.mandatory for s in self.sets.values())

    @property
    def takes_pipeline(self):
        return any(s.from_pipeline or s.from_pipeline_by_name for s in self.sets.values())

    def __repr__(self):
        return f"Parameter({self.name!r}, {self.type!r})"


# ---------------------------------------------------------------------------
# common parameters (5.1)

ACTION_PREFERENCES = ("SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend")


def _common():
    P = Parameter
    return [
        P("switch", aliases=("vb",), name="Verbose"),
        P("switch", aliases=("db",), name="Debug"),
        P("System.Management.Automation.ActionPreference", aliases=("ea",), name="ErrorAction",
          validate_set=ACTION_PREFERENCES),
        P("System.Management.Automation.ActionPreference", aliases=("wa",), name="WarningAction",
          validate_set=ACTION_PREFERENCES),
        P("System.Management.Automation.ActionPreference", aliases=("infa",), name="InformationAction",
          validate_set=ACTION_PREFERENCES),
        P("string", aliases=("ev",), name="ErrorVariable"),
        P("string", aliases=("wv",), name="WarningVariable"),
        P("string", aliases=("iv",), name="InformationVariable"),
        P("string", aliases=("ov",), name="OutVariable"),
        P("int", aliases=("ob",), name="OutBuffer"),
        P("string", aliases=("pv",), name="PipelineVariable"),
    ]


COMMON_PARAMETERS = _common()
COMMON_NAMES = {p.name.lower() for p in COMMON_PARAMETERS}
SHOULD_PROCESS_PARAMETERS = [Parameter("switch", aliases=("wi",), name="WhatIf"),
                             Parameter("switch", aliases=("cf",), name="Confirm")]


class CommandMetadata:
    """Everything the binder needs about one command."""

    def __init__(self, name, parameters, default_set=None, supports_should_process=False,
                 confirm_impact="Medium", positional_binding=True, is_advanced=True,
                 fqid_suffix=None, kind="Cmdlet"):
        self.name = name
        self.own_parameters = list(parameters)
        self.supports_should_process = supports_should_process
        self.confirm_impact = confirm_impact
        self.is_advanced = is_advanced
        self.fqid_suffix = fqid_suffix or name
        self.kind = kind
        params = list(parameters)
        if is_advanced:
            params += COMMON_PARAMETERS
            if supports_should_process:
                params += SHOULD_PROCESS_PARAMETERS
        self.parameters = params
        self.by_name = {}
        for p in params:
            self.by_name[p.name.lower()] = p
            for a in p.aliases:
                self.by_name.setdefault(a.lower(), p)
        sets = []
        for p in parameters:
            for s in p.sets:
                if s != ALL_SETS and s not in sets:
                    sets.append(s)
        self.parameter_sets = sets or [ALL_SETS]
        self.default_set = default_set or (sets[0] if len(sets) == 1 else None)
        self.positional_binding = positional_binding
        self.pipeline_params = [p for p in parameters if p.takes_pipeline]

    def set_names(self):
        return self.parameter_sets

    def positional_in(self, set_name):
        """Parameters with a position in this set, ordered by position."""
        out = []
        for p in self.own_parameters:
            d = p.in_set(set_name) if set_name != ALL_SETS else (p.sets.get(ALL_SETS) or
                                                               next(iter(p.sets.values())))
            if d is not None and d.position is not None:
                out.append((d.position, p))
        out.sort(key=lambda t: t[0])
        return [p for _, p in out]
