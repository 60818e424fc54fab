"""New-PesterConfiguration and -Configuration: the common settings of Pester 5's configuration object,
as sections of options (`$c.Run.Path = './tests'`, `$c.Output.Verbosity.Value = 'Detailed'`), or the
same as nested hashtables (`-Configuration @{ Run = @{ Path = '.' }; Output = @{ Verbosity = 'None' } }`).

Sections and options kept: Run (Path, ExcludePath, Container, Exit, PassThru), Filter (Tag, ExcludeTag, FullName),
Output (Verbosity), TestResult (Enabled, OutputFormat, OutputPath), Should (ErrorAction)."""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...errors import RuntimeException
from ...runtime import conversion as cv
from ...runtime.psobject import DotNetObject, Hashtable, OrderedDictionary, unwrap, PSObject


class Option(DotNetObject):
    ps_type_names = ("Pester.Option", "System.Object")
    ps_properties = ("Default", "Description", "IsModified", "Value")

    def __init__(self, default, description, kind):
        self.Default = default
        self.Description = description
        self.kind = kind          # "string[]", "bool", "string"
        self._value = default
        self.IsModified = False

    @property
    def Value(self):
        return self._value

    @Value.setter
    def Value(self, v):
        self._value = _convert(v, self.kind)
        self.IsModified = True

    def ps_to_string(self):
        v = self._value
        if isinstance(v, list):
            return " ".join(cv.to_string(x) for x in v)
        return cv.to_string(v)


def _convert(v, kind):
    v = unwrap(v)
    if isinstance(v, Option):
        v = v.Value
    if kind == "string[]":
        if v is None:
            return []
        return [cv.to_string(x) for x in (v if isinstance(v, (list, tuple)) else [v])]
    if kind == "bool":
        return cv.to_bool(v)
    if kind == "containers":
        from .containers import containers_of
        return containers_of(v) if v is not None else []
    return cv.to_string(v)


_SECTIONS = {
    "Run": {
        "Path": (["."], "Directories to be searched for tests, paths directly to test files, or combination "
                        "of both.", "string[]"),
        "ExcludePath": ([], "Directories or files to be excluded from the run.", "string[]"),
        "Container": ([], "ContainerInfo objects to run, as New-PesterContainer makes them.", "containers"),
        "Exit": (False, "Exit with non-zero exit code when the test run fails.", "bool"),
        "PassThru": (False, "Return result object to the pipeline after finishing the test run.", "bool"),
    },
    "Filter": {
        "Tag": ([], "Tags of Describe, Context or It to be run.", "string[]"),
        "ExcludeTag": ([], "Tags of Describe, Context or It to be excluded from the run.", "string[]"),
        "FullName": ([], "Full name of test with -like wildcards, joined by dot.", "string[]"),
    },
    "Output": {
        "Verbosity": ("Normal", "The verbosity of output, options are None, Normal, Detailed and Diagnostic.",
                      "string"),
    },
    "TestResult": {
        "Enabled": (False, "Enable TestResult.", "bool"),
        "OutputFormat": ("NUnitXml", "Format to use for test result report. Possible values: NUnitXml, "
                                     "NUnit2.5 or JUnitXml", "string"),
        "OutputPath": ("testResults.xml", "Path relative to the current directory where test result report "
                                          "is saved.", "string"),
    },
    "Should": {
        "ErrorAction": ("Stop", "Controls if Should throws on error. Use 'Stop' to throw on error, or "
                                "'Continue' to fail at the end of the test.", "string"),
    },
}


class Section(DotNetObject):
    ps_type_names = ("Pester.Section", "System.Object")

    def __init__(self, name, options):
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_options", {k: Option(*v) for k, v in options.items()})
        object.__setattr__(self, "ps_properties", tuple(options))

    def __getattr__(self, name):
        opts = object.__getattribute__(self, "_options")
        for k, o in opts.items():
            if k.lower() == name.lower():
                return o
        raise AttributeError(name)

    def __setattr__(self, name, value):
        for k, o in self._options.items():
            if k.lower() == name.lower():
                o.Value = value
                return
        raise RuntimeException(f"The property '{name}' cannot be found on this object. Verify that the property "
                               "exists and can be set.", error_id="PropertyAssignmentException")

    def ps_to_string(self):
        return f"Pester.{self._name}Configuration"


class PesterConfiguration(DotNetObject):
    ps_type_names = ("PesterConfiguration", "System.Object")
    ps_properties = tuple(_SECTIONS)

    def __init__(self):
        for name, options in _SECTIONS.items():
            object.__setattr__(self, name, Section(name, options))

    def ps_to_string(self):
        return "PesterConfiguration"


def from_value(value) -> PesterConfiguration:
    v = unwrap(value)
    if isinstance(v, PesterConfiguration):
        return v
    cfg = PesterConfiguration()
    if isinstance(v, (Hashtable, OrderedDictionary, dict)):
        for sname, sval in v.items():
            section = next((getattr(cfg, s) for s in _SECTIONS if s.lower() == cv.to_string(sname).lower()), None)
            if section is None:
                continue
            sval = unwrap(sval)
            if isinstance(sval, (Hashtable, OrderedDictionary, dict)):
                for oname, oval in sval.items():
                    setattr(section, cv.to_string(oname), oval)
        return cfg
    raise RuntimeException("Cannot convert the value to type PesterConfiguration: give New-PesterConfiguration's "
                           "object or a hashtable of sections.", error_id="InvalidConfiguration")


def settings_of(value) -> dict:
    """The modified settings of a configuration, by the names Invoke-Pester uses."""
    cfg = from_value(value)
    out = {}

    def take(section, option, key):
        o = getattr(getattr(cfg, section), option)
        if o.IsModified:
            out[key] = o.Value
    take("Run", "Path", "Path")
    take("Run", "ExcludePath", "ExcludePath")
    take("Run", "Container", "Container")
    take("Run", "Exit", "Exit")
    take("Run", "PassThru", "PassThru")
    take("Filter", "Tag", "Tag")
    take("Filter", "ExcludeTag", "ExcludeTag")
    take("Filter", "FullName", "FullName")
    take("Output", "Verbosity", "Verbosity")
    take("TestResult", "Enabled", "TestResultEnabled")
    take("TestResult", "OutputFormat", "TestResultFormat")
    take("TestResult", "OutputPath", "TestResultPath")
    take("Should", "ErrorAction", "ShouldErrorAction")
    return out


class NewPesterConfigurationCommand(Cmdlet):
    name = "New-PesterConfiguration"
    module_name = "Pester"
    synopsis = "Creates a Pester configuration object (the common settings of Invoke-Pester)."
    Hashtable = Parameter("hashtable", position=0)

    def end(self):
        self.write_object(from_value(self.Hashtable) if self.Hashtable is not None else PesterConfiguration())
