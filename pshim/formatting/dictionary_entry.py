"""DictionaryEntry lives with the other .NET value classes (runtime/dotnet_objects.py);
re-exported here for the formatting code that enumerates hashtables."""
from ..runtime.dotnet_objects import DictionaryEntry  # noqa: F401
