"""Multi-dimensional (rectangular) arrays: `[int[,]]`, `New-Object 'int[,]' 2,3`, `[string[,,]]::new(2,2,2)`.

A MultiDimArray keeps its elements in one flat list in row-major order (the order .NET enumerates them, so
the pipeline and `foreach` see them as 5.1 does) and its dimensions. It is a `list` so every place that
enumerates a collection enumerates it; indexing (`$a[1,2]`: one element, `$a[(0,0),(1,1)]`: a slice),
assignment (`$a[1,2] = 5`, converted to the element type) and the Array members that depend on the rank
(Rank, GetLength, GetUpperBound, GetLowerBound, GetValue, SetValue, Clone) are its own.

Hooks elsewhere: types.try_resolve_type (type names `T[,]`), access.set_index (`ps_set_index`),
statics.invoke_static (`::new`), methods_collections.table_for (`ps_array_methods`); New-Object calls the
array type's `new`.
"""
from __future__ import annotations

import datetime as _dt
import decimal

from ..errors import (RuntimeException, IndexOutOfRangeException, OverflowException, SystemException,
                      MethodException, ArgumentException, PSException, _exc)
from . import conversion as cv
from .psobject import DotNetObject, Char, PSObject, unwrap
from .method_support import NoOverload, method, nargs, a_int
from .methods_collections import ARRAY_METHODS
from .types import PSType

MAX_RANK = 32

TypeLoadException = _exc("TypeLoadException", "System.TypeLoadException", SystemException)

_OUT_OF_BOUNDS = "Index was outside the bounds of the array."

# element types whose default is not $null (value types): the default each takes in a new array
_VALUE_DEFAULTS = {
    "System.Boolean": lambda: False,
    "System.Char": lambda: Char("\0"),
    "System.Decimal": lambda: decimal.Decimal(0),
    "System.DateTime": lambda: _dt.datetime(1, 1, 1),
    "System.TimeSpan": lambda: _dt.timedelta(0),
}
_NUMERIC = {"System.Int32", "System.Int64", "System.Int16", "System.Byte", "System.SByte", "System.UInt16",
            "System.UInt32", "System.UInt64", "System.Double", "System.Single"}


def default_of(element) -> object:
    """A new array element of type `element`: a value type's zero, else $null."""
    name = element.full_name
    if name in _VALUE_DEFAULTS:
        return _VALUE_DEFAULTS[name]()
    if name in _NUMERIC:
        return element.convert(0)
    return None


def rank_suffix(rank: int) -> str:
    return "[" + "," * (rank - 1) + "]"


def too_many_dimensions(element_full_name: str, rank: int) -> PSException:
    """What .NET's Type.MakeArrayType(rank) throws for a rank over 32 (5.1 resolves type names through it)."""
    name = element_full_name + rank_suffix(rank)
    return TypeLoadException(f"'{name}' from assembly 'mscorlib, Version=4.0.0.0, Culture=neutral, "
                             f"PublicKeyToken=b77a5c561934e089' has too many dimensions.",
                             error_id="System.TypeLoadException", category="NotSpecified")


def _index_text(index) -> str:
    """The index as 5.1 quotes it in NeedMultidimensionalIndex (joined by ',', cut at 20 characters)."""
    v = unwrap(index)
    if isinstance(v, (list, tuple)):
        text = ",".join(cv.to_string(x) for x in v)
    else:
        text = cv.to_string(v)
    return text[:20] + " ..." if len(text) > 20 else text


def _need_md_index(rank: int, index) -> RuntimeException:
    # 5.1's NeedMultidimensionalIndex; the wording is pshim's (5.1's resource text was not available)
    return RuntimeException(f"Array of rank {rank} needs a multidimensional index. "
                            f"Index [{_index_text(index)}] is not valid.",
                            error_id="NeedMultidimensionalIndex", category="InvalidOperation", target=index)


def _as_int_vector(value):
    """`value` as int[] (as LanguagePrimitives.ConvertTo(value, int[]) would), or None."""
    v = unwrap(value) if not isinstance(value, (list, tuple)) else value
    items = list(v) if isinstance(v, (list, tuple)) else [v]
    out = []
    for x in items:
        x = unwrap(x) if isinstance(x, PSObject) else x
        if isinstance(x, (list, tuple)):
            if len(x) != 1:
                return None
            x = x[0]
        try:
            out.append(cv.to_int(x))
        except PSException:
            return None
    return out


class MultiDimArray(DotNetObject, list):
    """A .NET array of rank 2 or more: a flat row-major list plus its dimensions."""

    ps_properties = ()
    ps_extra_properties = ("Length", "LongLength", "Rank", "Count", "IsFixedSize", "IsReadOnly",
                           "IsSynchronized", "SyncRoot")

    def __init__(self, element, dims, items=None):
        self.element = element                      # the element's PSType
        self.dims = tuple(dims)
        self.element_type = element.full_name
        full = element.full_name + rank_suffix(len(self.dims))
        self.ps_type_names = (full, "System.Array", "System.Object")
        n = 1
        for d in self.dims:
            n *= d
        if items is None:
            d0 = default_of(element)
            items = [d0] * n
        list.__init__(self, items)

    def __repr__(self):
        return f"MultiDimArray({self.element_type}{rank_suffix(self.Rank)}, {self.dims})"

    def ps_to_string(self):
        return self.ps_type_names[0]

    __hash__ = object.__hash__

    def __eq__(self, other):
        return self is other

    # -- the Array properties
    @property
    def Rank(self):
        return len(self.dims)

    @property
    def Length(self):
        return list.__len__(self)

    LongLength = Length
    Count = Length
    IsFixedSize = True
    IsReadOnly = False
    IsSynchronized = False

    @property
    def SyncRoot(self):
        return self

    @property
    def ps_array_methods(self):
        return MD_ARRAY_METHODS

    # -- positions
    def _flat(self, vector, wrap: bool):
        """Flat position of an index vector (one int per dimension), or None when one is out of range.
        `wrap`: a negative index counts from the end of its dimension (PowerShell's indexing does that)."""
        pos = 0
        for i, d in zip(vector, self.dims):
            if wrap and i < 0:
                i += d
            if not 0 <= i < d:
                return None
            pos = pos * d + i
        return pos

    def _convert_element(self, value):
        if self.element_type == "System.Object":
            return value
        return self.element.convert(value)

    # -- `$a[i,j]`, `$a[(i,j),(k,l)]`
    def ps_index(self, idx):
        raw = idx if isinstance(idx, (list, tuple)) else unwrap(idx)
        if not isinstance(raw, (list, tuple)):
            raise _need_md_index(self.Rank, idx)     # one number is no index into a rank-2+ array
        vector = _as_int_vector(raw)
        if vector is not None:
            if len(vector) != self.Rank:
                raise _need_md_index(self.Rank, idx)
            pos = self._flat(vector, True)
            return None if pos is None else list.__getitem__(self, pos)
        # a slice: each element of the index is one index vector; those out of range give nothing
        out = []
        for sub in raw:
            vec = _as_int_vector(sub)
            if vec is None or len(vec) != self.Rank:
                raise _need_md_index(self.Rank, sub)
            pos = self._flat(vec, True)
            if pos is not None:
                out.append(list.__getitem__(self, pos))
        return out

    # -- `$a[i,j] = value`
    def ps_set_index(self, idx, value):
        raw = idx if isinstance(idx, (list, tuple)) else unwrap(idx)
        vector = _as_int_vector(raw) if isinstance(raw, (list, tuple)) else None
        if vector is None or len(vector) != self.Rank:
            raise _need_md_index(self.Rank, idx)
        value = self._convert_element(value)
        pos = self._flat(vector, True)
        if pos is None:
            raise IndexOutOfRangeException(_OUT_OF_BOUNDS, error_id="System.IndexOutOfRangeException",
                                           category="OperationStopped")
        list.__setitem__(self, pos, value)


def new_array(element, lengths) -> MultiDimArray:
    """`new T[d0, d1, ...]` for lengths given as PowerShell values."""
    dims = []
    for v in lengths:
        n = cv.to_int(unwrap(v))
        if n < 0:
            raise OverflowException("Arithmetic operation resulted in an overflow.")
        dims.append(n)
    return MultiDimArray(element, dims)


class MultiDimArrayType(PSType):
    """The PSType of `T[,...]` (rank 2..32)."""

    def __init__(self, element, rank: int):
        super().__init__(element.full_name + rank_suffix(rank))
        self.element = element
        self.rank = rank

    def is_instance(self, value) -> bool:
        value = unwrap(value) if isinstance(value, PSObject) else value
        if not isinstance(value, MultiDimArray) or value.Rank != self.rank:
            return False
        if value.element_type == self.element.full_name:
            return True
        # reference-type arrays are covariant: string[,] is an object[,]
        return self.element.full_name == "System.Object" and value.element_type not in _NUMERIC and \
            value.element_type not in _VALUE_DEFAULTS

    def convert(self, value):
        v = unwrap(value) if isinstance(value, PSObject) else value
        if v is None:
            return None
        if isinstance(v, MultiDimArray) and v.Rank == self.rank:
            if v.element_type == self.element.full_name:
                return v
            conv = self.element.convert
            return MultiDimArray(self.element, v.dims, [conv(x) for x in v])
        raise cv.cast_error(value, self.full_name)

    def construct(self, args, method_name="new", error_id="MethodCountCouldNotFindBest"):
        """The array's constructor: one length per dimension."""
        if len(args) == 1 and isinstance(unwrap(args[0]), (list, tuple)):
            args = list(unwrap(args[0]))
        if len(args) != self.rank:
            raise MethodException(f'Cannot find an overload for "{method_name}" and the argument count: '
                                  f'"{len(args)}".', error_id=error_id, category="NotSpecified")
        return new_array(self.element, args)

    def new(self, *args):
        """New-Object's construction (its error names the type, as 5.1's does)."""
        return self.construct(list(args), self.name, "ConstructorInvokedThrowException")


def md_array_type(element, rank: int):
    if rank > MAX_RANK:
        raise too_many_dimensions(element.full_name, rank)
    return MultiDimArrayType(element, rank)


def ctor_for(type_full_name: str):
    """`[T[,]]::new(d0, d1)`: the constructor of a multi-dimensional array type, or None."""
    name = type_full_name.strip()
    if not name.endswith("]") or "," not in name[name.rfind("["):]:
        return None
    from .types import try_resolve_type
    t = try_resolve_type(name)
    if not isinstance(t, MultiDimArrayType):
        return None

    def ctor(args, kw):
        return t.construct(list(args))
    return ctor


# ---------------------------------------------------------------------------
# Array methods that depend on the rank (the rest are the one-dimensional array's)

RankException = _exc("RankException", "System.RankException", SystemException)
MD_ARRAY_METHODS: dict = dict(ARRAY_METHODS)


def _dimension(arr, args, name):
    nargs(args, 1)
    d = a_int(args, 0, name, "dimension")
    if not 0 <= d < arr.Rank:
        raise IndexOutOfRangeException(_OUT_OF_BOUNDS)
    return d


@method(MD_ARRAY_METHODS, "GetLength", "int GetLength(int dimension)")
def _get_length(arr, args, kw):
    return arr.dims[_dimension(arr, args, "GetLength")]


@method(MD_ARRAY_METHODS, "GetLongLength", "long GetLongLength(int dimension)")
def _get_long_length(arr, args, kw):
    return arr.dims[_dimension(arr, args, "GetLongLength")]


@method(MD_ARRAY_METHODS, "GetUpperBound", "int GetUpperBound(int dimension)")
def _get_upper(arr, args, kw):
    return arr.dims[_dimension(arr, args, "GetUpperBound")] - 1


@method(MD_ARRAY_METHODS, "GetLowerBound", "int GetLowerBound(int dimension)")
def _get_lower(arr, args, kw):
    _dimension(arr, args, "GetLowerBound")
    return 0


def _vector(arr, args, name):
    if len(args) == 1 and isinstance(unwrap(args[0]), (list, tuple)):
        args = list(unwrap(args[0]))
    if len(args) != arr.Rank:
        raise ArgumentException("Indices length does not match the array rank.")
    return [a_int(args, i, name, "index") for i in range(len(args))]


@method(MD_ARRAY_METHODS, "GetValue", "System.Object GetValue(Params int[] indices)")
def _get_value(arr, args, kw):
    pos = arr._flat(_vector(arr, args, "GetValue"), False)
    if pos is None:
        raise IndexOutOfRangeException(_OUT_OF_BOUNDS)
    return list.__getitem__(arr, pos)


@method(MD_ARRAY_METHODS, "SetValue", "void SetValue(System.Object value, Params int[] indices)")
def _set_value(arr, args, kw):
    if not args:
        raise NoOverload()
    pos = arr._flat(_vector(arr, args[1:], "SetValue"), False)
    if pos is None:
        raise IndexOutOfRangeException(_OUT_OF_BOUNDS)
    list.__setitem__(arr, pos, arr._convert_element(args[0]))


@method(MD_ARRAY_METHODS, "Clone", "System.Object Clone(), System.Object ICloneable.Clone()")
def _clone(arr, args, kw):
    nargs(args, 0)
    return MultiDimArray(arr.element, arr.dims, list(arr))


@method(MD_ARRAY_METHODS, "CopyTo", "void CopyTo(array array, int index)", "void CopyTo(array array, long index)")
def _copy_to(arr, args, kw):
    raise RankException("Only single dimension arrays are supported here.")
