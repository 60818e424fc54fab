"""The pshim language: text -> AST.

`parse(text, path=None)` returns a ScriptBlockAst or raises ParseError
(IncompleteInput when the text stops inside an open construct). The pyparsing
grammar is built lazily, once, on the first call.
"""
from __future__ import annotations


def parse(text: str, path: str | None = None):
    from .parser import parse as _parse
    return _parse(text, path)
