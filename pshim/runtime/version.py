"""System.Version."""
from __future__ import annotations

from .psobject import DotNetObject


class Version(DotNetObject):
    ps_type_names = ("System.Version", "System.Object")
    ps_properties = ("Major", "Minor", "Build", "Revision", "MajorRevision", "MinorRevision")
    ps_default_display = ("Major", "Minor", "Build", "Revision")

    def __init__(self, *parts):
        parts = list(parts) + [-1] * (4 - len(parts))
        self.Major, self.Minor, self.Build, self.Revision = parts[:4]
        self.MajorRevision = (self.Revision >> 16) if self.Revision >= 0 else -1
        self.MinorRevision = (self.Revision & 0xFFFF) if self.Revision >= 0 else -1

    @classmethod
    def parse(cls, text: str) -> "Version":
        bits = text.strip().split(".")
        if not 2 <= len(bits) <= 4 or not all(b.isdigit() for b in bits):
            raise ValueError("Version string portion was too short or too long.")
        return cls(*[int(b) for b in bits])

    def _tuple(self):
        return tuple(p for p in (self.Major, self.Minor, self.Build, self.Revision))

    def __eq__(self, other):
        return isinstance(other, Version) and self._tuple() == other._tuple()

    def __lt__(self, other):
        return self._tuple() < other._tuple()

    __hash__ = object.__hash__

    def ps_to_string(self):
        return ".".join(str(p) for p in self._tuple() if p >= 0)
