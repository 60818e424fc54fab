"""Collection methods: arrays (Object[] and typed arrays, through IList),
ArrayList, List[T], Hashtable / OrderedDictionary, and the intrinsic
`.Where({...})` / `.ForEach({...})` methods every object has.

Arrays are fixed size: Add/Insert/Remove/RemoveAt throw NotSupportedException
"Collection was of a fixed size." (wrapped by the dispatcher), Clear sets the
elements to $null. ArrayList.Add returns the new index (which PowerShell
outputs); List[T].Add returns nothing and converts the item to T through the
engine's `convert(value, type_name)` when one is passed.
"""
from __future__ import annotations

from ..errors import NotSupportedException, PSException, ArgumentException
from .psobject import Hashtable, OrderedDictionary, ArrayList, GenericList, TypedArray, unwrap
from .method_support import (NoOverload, method, nargs, out_of_range, arg_null, arg_error, a_int,
                             conversion_error, dotnet_equals, default_compare, delegate_call)
from .dotnet_objects import DictionaryEntry

ARRAY_METHODS: dict = {}
ARRAYLIST_METHODS: dict = {}
LIST_METHODS: dict = {}
HASHTABLE_METHODS: dict = {}
ORDERED_METHODS: dict = {}

_FIXED = "Collection was of a fixed size."
_IDX = "Index was out of range. Must be non-negative and less than the size of the collection."
_RANGE = ("Offset and length were out of bounds for the array or count is greater than the number of "
          "elements from index to the end of the source collection.")


def _items(value) -> list:
    """The elements of a collection argument (AddRange, InsertRange)."""
    value = unwrap(value)
    if value is None:
        raise arg_null("c")
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, Hashtable):
        return [DictionaryEntry(k, v) for k, v in value.items()]
    if isinstance(value, str):
        raise conversion_error("AddRange", "c", value, "System.Collections.ICollection",
                               f'Cannot convert the "{value}" value of type "System.String" to type '
                               f'"System.Collections.ICollection".')
    return [value]


def _elem(lst, value, kw, name, param="item"):
    """Convert an argument to the element type of a List[T]."""
    etype = getattr(lst, "element_type", "System.Object")
    convert = kw.get("convert")
    value = unwrap(value) if not isinstance(value, (list, tuple)) else value
    if convert is None or etype in ("System.Object", "System.Management.Automation.PSObject"):
        return value
    try:
        return convert(value, etype)
    except PSException as exc:
        raise conversion_error(name, param, value, etype, exc.message) from None


def _index_of(lst, value, start=0, end=None):
    end = len(lst) if end is None else end
    for i in range(start, end):
        if dotnet_equals(lst[i], value):
            return i
    return -1


def _check_index(i, n, inclusive=False, message=_IDX):
    if i < 0 or (i > n if inclusive else i >= n):
        raise out_of_range(message, "index")


def _check_range(lst, index, count):
    if index < 0 or count < 0:
        raise out_of_range("Non-negative number required.", "index" if index < 0 else "count")
    if len(lst) - index < count:
        raise arg_error(_RANGE)


# ---------------------------------------------------------------------------
# Arrays (IList members PowerShell exposes on System.Object[])

def _fixed(count):
    def fn(arr, args, kw):
        nargs(args, count)          # the binder checks the count before the array refuses
        raise NotSupportedException(_FIXED)
    return fn


for _name, _defs, _count in (("Add", "int IList.Add(System.Object value)", 1),
                             ("Insert", "void IList.Insert(int index, System.Object value)", 2),
                             ("Remove", "void IList.Remove(System.Object value)", 1),
                             ("RemoveAt", "void IList.RemoveAt(int index)", 1)):
    method(ARRAY_METHODS, _name, _defs)(_fixed(_count))


@method(ARRAY_METHODS, "Clear", "void IList.Clear()")
def _array_clear(arr, args, kw):
    nargs(args, 0)
    for i in range(len(arr)):
        arr[i] = None


@method(ARRAY_METHODS, "Contains", "bool IList.Contains(System.Object value)")
def _array_contains(arr, args, kw):
    nargs(args, 1)
    return _index_of(arr, args[0]) >= 0


@method(ARRAY_METHODS, "IndexOf", "int IList.IndexOf(System.Object value)")
def _array_index_of(arr, args, kw):
    nargs(args, 1)
    return _index_of(arr, args[0])


@method(ARRAY_METHODS, "Clone", "System.Object Clone()", "System.Object ICloneable.Clone()")
def _array_clone(arr, args, kw):
    nargs(args, 0)
    if isinstance(arr, TypedArray):
        return TypedArray(arr, arr.element_type)
    return list(arr)


@method(ARRAY_METHODS, "CopyTo", "void CopyTo(array array, int index)", "void CopyTo(array array, long index)")
def _array_copy_to(arr, args, kw):
    nargs(args, 2)                  # an array has no CopyTo(array)
    return _copy_to(arr, args)


def _copy_to(src, args):
    nargs(args, 1, 2)
    dest = unwrap(args[0])
    if dest is None:
        raise arg_null("array")
    if not isinstance(dest, list):
        raise arg_error("Only single dimensional arrays are supported for the requested action.", "array")
    index = a_int(args, 1, "CopyTo", "index") if len(args) == 2 else 0
    if index < 0:
        raise out_of_range("Non-negative number required.", "index")
    if len(dest) - index < len(src):
        raise arg_error("Destination array was not long enough. Check destIndex and length, and the array's "
                        "lower bounds.")
    dest[index:index + len(src)] = list(src)


@method(ARRAY_METHODS, "GetValue", "System.Object GetValue(int index)")
def _array_get_value(arr, args, kw):
    nargs(args, 1)
    i = a_int(args, 0, "GetValue", "index")
    if not 0 <= i < len(arr):
        from ..errors import IndexOutOfRangeException
        raise IndexOutOfRangeException("Index was outside the bounds of the array.")
    return arr[i]


@method(ARRAY_METHODS, "SetValue", "void SetValue(System.Object value, int index)")
def _array_set_value(arr, args, kw):
    nargs(args, 2)
    i = a_int(args, 1, "SetValue", "index")
    if not 0 <= i < len(arr):
        from ..errors import IndexOutOfRangeException
        raise IndexOutOfRangeException("Index was outside the bounds of the array.")
    arr[i] = args[0]


def _dimension(args, name):
    nargs(args, 1)
    d = a_int(args, 0, name, "dimension")
    if d != 0:
        from ..errors import IndexOutOfRangeException
        raise IndexOutOfRangeException("Index was outside the bounds of the array.")


@method(ARRAY_METHODS, "GetLength", "int GetLength(int dimension)")
def _array_get_length(arr, args, kw):
    _dimension(args, "GetLength")
    return len(arr)


@method(ARRAY_METHODS, "GetUpperBound", "int GetUpperBound(int dimension)")
def _array_upper(arr, args, kw):
    _dimension(args, "GetUpperBound")
    return len(arr) - 1


@method(ARRAY_METHODS, "GetLowerBound", "int GetLowerBound(int dimension)")
def _array_lower(arr, args, kw):
    _dimension(args, "GetLowerBound")
    return 0


@method(ARRAY_METHODS, "Initialize", "void Initialize()")
def _array_initialize(arr, args, kw):
    nargs(args, 0)


# ---------------------------------------------------------------------------
# ArrayList and List[T]

def _both(name, *defs_arraylist):
    """Register one implementation for ArrayList and List[T]."""
    def deco(fn):
        method(ARRAYLIST_METHODS, name, *defs_arraylist)(fn)
        method(LIST_METHODS, name, *[d.replace("System.Object", "T") for d in defs_arraylist])(fn)
        return fn
    return deco


@method(ARRAYLIST_METHODS, "Add", "int Add(System.Object value)")
def _arraylist_add(lst, args, kw):
    nargs(args, 1)
    lst.append(args[0])
    return len(lst) - 1


@method(LIST_METHODS, "Add", "void Add(T item)")
def _list_add(lst, args, kw):
    nargs(args, 1)
    lst.append(_elem(lst, args[0], kw, "Add"))


@_both("AddRange", "void AddRange(System.Collections.ICollection c)")
def _add_range(lst, args, kw):
    nargs(args, 1)
    lst.extend(_elem(lst, x, kw, "AddRange", "collection") for x in _items(args[0]))


@_both("Insert", "void Insert(int index, System.Object value)")
def _insert(lst, args, kw):
    nargs(args, 2)
    i = a_int(args, 0, "Insert", "index")
    msg = ("Index must be within the bounds of the List." if isinstance(lst, GenericList)
           else "Insertion index was out of range. Must be non-negative and less than or equal to size.")
    _check_index(i, len(lst), inclusive=True, message=msg)
    lst.insert(i, _elem(lst, args[1], kw, "Insert"))


@_both("InsertRange", "void InsertRange(int index, System.Collections.ICollection c)")
def _insert_range(lst, args, kw):
    nargs(args, 2)
    i = a_int(args, 0, "InsertRange", "index")
    _check_index(i, len(lst), inclusive=True, message="Index must be within the bounds of the List.")
    lst[i:i] = [_elem(lst, x, kw, "InsertRange", "collection") for x in _items(args[1])]


@_both("Remove", "void Remove(System.Object obj)")
def _remove(lst, args, kw):
    nargs(args, 1)
    i = _index_of(lst, _elem(lst, args[0], kw, "Remove"))
    if i >= 0:
        del lst[i]
    if isinstance(lst, GenericList):
        return i >= 0


@_both("RemoveAt", "void RemoveAt(int index)")
def _remove_at(lst, args, kw):
    nargs(args, 1)
    i = a_int(args, 0, "RemoveAt", "index")
    _check_index(i, len(lst))
    del lst[i]


@_both("RemoveRange", "void RemoveRange(int index, int count)")
def _remove_range(lst, args, kw):
    nargs(args, 2)
    i, n = a_int(args, 0, "RemoveRange", "index"), a_int(args, 1, "RemoveRange", "count")
    _check_range(lst, i, n)
    del lst[i:i + n]


@_both("Clear", "void Clear()")
def _clear(lst, args, kw):
    nargs(args, 0)
    lst.clear()


@_both("Contains", "bool Contains(System.Object item)")
def _contains(lst, args, kw):
    nargs(args, 1)
    return _index_of(lst, _elem(lst, args[0], kw, "Contains")) >= 0


@_both("IndexOf", "int IndexOf(System.Object value)", "int IndexOf(System.Object value, int startIndex)",
       "int IndexOf(System.Object value, int startIndex, int count)")
def _list_index_of(lst, args, kw):
    nargs(args, 1, 2, 3)
    start = a_int(args, 1, "IndexOf", "startIndex") if len(args) > 1 else 0
    if start < 0 or start > len(lst):
        raise out_of_range(_IDX, "startIndex")
    count = a_int(args, 2, "IndexOf", "count") if len(args) > 2 else len(lst) - start
    if count < 0 or start > len(lst) - count:
        raise out_of_range("Count must be positive and count must refer to a location within the "
                           "string/array/collection.", "count")
    return _index_of(lst, _elem(lst, args[0], kw, "IndexOf"), start, start + count)


@_both("LastIndexOf", "int LastIndexOf(System.Object value)")
def _list_last_index_of(lst, args, kw):
    nargs(args, 1)
    value = _elem(lst, args[0], kw, "LastIndexOf")
    for i in range(len(lst) - 1, -1, -1):
        if dotnet_equals(lst[i], value):
            return i
    return -1


@_both("Sort", "void Sort()")
def _sort(lst, args, kw):
    nargs(args, 0)
    import functools
    lst.sort(key=functools.cmp_to_key(default_compare))


@_both("Reverse", "void Reverse()", "void Reverse(int index, int count)")
def _reverse(lst, args, kw):
    nargs(args, 0, 2)
    if args:
        i, n = a_int(args, 0, "Reverse", "index"), a_int(args, 1, "Reverse", "count")
        _check_range(lst, i, n)
        lst[i:i + n] = lst[i:i + n][::-1]
    else:
        lst.reverse()


@_both("ToArray", "System.Object[] ToArray()")
def _to_array(lst, args, kw):
    nargs(args, 0)
    if isinstance(lst, GenericList) and lst.element_type != "System.Object":
        return TypedArray(lst, lst.element_type)
    return list(lst)


@_both("GetRange", "System.Collections.ArrayList GetRange(int index, int count)")
def _get_range(lst, args, kw):
    nargs(args, 2)
    i, n = a_int(args, 0, "GetRange", "index"), a_int(args, 1, "GetRange", "count")
    _check_range(lst, i, n)
    if isinstance(lst, GenericList):
        return GenericList(lst[i:i + n], lst.element_type)
    return ArrayList(lst[i:i + n])


@method(ARRAYLIST_METHODS, "Clone", "System.Object Clone()", "System.Object ICloneable.Clone()")
def _arraylist_clone(lst, args, kw):
    nargs(args, 0)
    return ArrayList(lst)


@_both("CopyTo", "void CopyTo(array array)", "void CopyTo(array array, int arrayIndex)")
def _list_copy_to(lst, args, kw):
    return _copy_to(lst, args)


@method(ARRAYLIST_METHODS, "TrimToSize", "void TrimToSize()")
@method(LIST_METHODS, "TrimExcess", "void TrimExcess()")
def _trim(lst, args, kw):
    nargs(args, 0)


def _predicate(kw, name):
    call = delegate_call(kw)
    if call is None:
        raise NoOverload()
    from .conversion import to_bool
    return lambda sb, item: to_bool(call(sb, [item]))


@method(LIST_METHODS, "Find", "T Find(System.Predicate[T] match)")
def _find(lst, args, kw):
    nargs(args, 1)
    test = _predicate(kw, "Find")
    return next((x for x in lst if test(args[0], x)), None)


@method(LIST_METHODS, "FindAll", "System.Collections.Generic.List[T] FindAll(System.Predicate[T] match)")
def _find_all(lst, args, kw):
    nargs(args, 1)
    test = _predicate(kw, "FindAll")
    return GenericList([x for x in lst if test(args[0], x)], lst.element_type)


@method(LIST_METHODS, "FindIndex", "int FindIndex(System.Predicate[T] match)")
def _find_index(lst, args, kw):
    nargs(args, 1)
    test = _predicate(kw, "FindIndex")
    return next((i for i, x in enumerate(lst) if test(args[0], x)), -1)


@method(LIST_METHODS, "Exists", "bool Exists(System.Predicate[T] match)")
def _exists(lst, args, kw):
    nargs(args, 1)
    test = _predicate(kw, "Exists")
    return any(test(args[0], x) for x in lst)


@method(LIST_METHODS, "TrueForAll", "bool TrueForAll(System.Predicate[T] match)")
def _true_for_all(lst, args, kw):
    nargs(args, 1)
    test = _predicate(kw, "TrueForAll")
    return all(test(args[0], x) for x in lst)


@method(LIST_METHODS, "RemoveAll", "int RemoveAll(System.Predicate[T] match)")
def _remove_all(lst, args, kw):
    nargs(args, 1)
    test = _predicate(kw, "RemoveAll")
    keep = [x for x in lst if not test(args[0], x)]
    removed = len(lst) - len(keep)
    lst[:] = keep
    return removed


# ---------------------------------------------------------------------------
# Hashtable / OrderedDictionary

def _key(args, i=0):
    k = unwrap(args[i])
    if k is None:
        from ..errors import ArgumentNullException
        from .method_support import NL
        raise ArgumentNullException(f"Key cannot be null.{NL}Parameter name: key")
    return k


def _dict_add(d, key, value):
    if hasattr(d, "add"):
        d.add(key, value)
    else:
        if key in d:
            raise ArgumentException(
                f"Item has already been added. Key in dictionary: '{key}'  Key being added: '{key}'")
        d[key] = value


def _both_dicts(name, *defs):
    def deco(fn):
        method(HASHTABLE_METHODS, name, *defs)(fn)
        method(ORDERED_METHODS, name, *defs)(fn)
        return fn
    return deco


@_both_dicts("Add", "void Add(System.Object key, System.Object value)")
def _ht_add(d, args, kw):
    nargs(args, 2)
    _dict_add(d, _key(args), args[1])


@_both_dicts("Remove", "void Remove(System.Object key)")
def _ht_remove(d, args, kw):
    nargs(args, 1)
    k = _key(args)
    if k in d:
        del d[k]


@method(HASHTABLE_METHODS, "ContainsKey", "bool ContainsKey(System.Object key)")
@_both_dicts("Contains", "bool Contains(System.Object key)")
def _ht_contains(d, args, kw):
    nargs(args, 1)
    return _key(args) in d


@method(HASHTABLE_METHODS, "ContainsValue", "bool ContainsValue(System.Object value)")
def _ht_contains_value(d, args, kw):
    nargs(args, 1)
    return any(dotnet_equals(v, args[0]) for v in d.values())


@_both_dicts("Clear", "void Clear()")
def _ht_clear(d, args, kw):
    nargs(args, 0)
    d.clear()


@method(HASHTABLE_METHODS, "Clone", "System.Object Clone()", "System.Object ICloneable.Clone()")
def _ht_clone(d, args, kw):
    nargs(args, 0)
    return d.copy() if hasattr(d, "copy") else Hashtable(d)


@_both_dicts("GetEnumerator", "System.Collections.IDictionaryEnumerator GetEnumerator()")
def _ht_enumerator(d, args, kw):
    nargs(args, 0)
    return [DictionaryEntry(k, v) for k, v in list(d.items())]


@_both_dicts("CopyTo", "void CopyTo(array array, int arrayIndex)")
def _ht_copy_to(d, args, kw):
    nargs(args, 2)
    return _copy_to([DictionaryEntry(k, v) for k, v in d.items()], args)


@method(ORDERED_METHODS, "Insert", "void Insert(int index, System.Object key, System.Object value)")
def _od_insert(d, args, kw):
    nargs(args, 3)
    i = a_int(args, 0, "Insert", "index")
    k = _key(args, 1)
    if i < 0 or i > len(d):
        raise out_of_range("Specified argument was out of the range of valid values.", "index")
    if k in d:
        _dict_add(d, k, args[2])    # raises the duplicate-key error
    items = list(d.items())
    items.insert(i, (k, args[2]))
    d.clear()
    for key, value in items:
        d[key] = value


@method(ORDERED_METHODS, "RemoveAt", "void RemoveAt(int index)")
def _od_remove_at(d, args, kw):
    nargs(args, 1)
    i = a_int(args, 0, "RemoveAt", "index")
    keys = list(d.keys())
    if not 0 <= i < len(keys):
        raise out_of_range(_IDX, "index")
    del d[keys[i]]


@method(ORDERED_METHODS, "AsReadOnly", "System.Collections.Specialized.OrderedDictionary AsReadOnly()")
def _od_readonly(d, args, kw):
    nargs(args, 0)
    return d


def table_for(obj):
    """The method table of a collection receiver, or None."""
    if isinstance(obj, OrderedDictionary):
        return ORDERED_METHODS
    if isinstance(obj, (Hashtable, dict)):
        return HASHTABLE_METHODS
    if isinstance(obj, ArrayList):
        return ARRAYLIST_METHODS
    if isinstance(obj, GenericList):
        return LIST_METHODS
    if isinstance(obj, (list, tuple)):
        return getattr(obj, "ps_array_methods", ARRAY_METHODS)    # multidim.MultiDimArray has its own
    return None


# ---------------------------------------------------------------------------
# Intrinsic .Where() / .ForEach()

WHERE_MODES = {"default": 0, "first": 1, "last": 2, "skipuntil": 3, "until": 4, "split": 5}
_WHERE_NAMES = ["Default", "First", "Last", "SkipUntil", "Until", "Split"]


def _as_items(obj) -> list:
    obj = unwrap(obj) if not isinstance(obj, (list, tuple)) else obj
    if obj is None:
        return []
    if isinstance(obj, (list, tuple)):
        return list(obj)
    return [obj]


def _where_mode(arg) -> int:
    v = unwrap(arg)
    if isinstance(v, int) and not isinstance(v, bool):
        if 0 <= v <= 5:
            return int(v)
    else:
        name = str(getattr(v, "name", v)).strip().lower()
        if name in WHERE_MODES:
            return WHERE_MODES[name]
    raise conversion_error("Where", "mode", v, "System.Management.Automation.WhereOperatorSelectionMode",
                           f'Cannot convert value "{v}" to type '
                           f'"System.Management.Automation.WhereOperatorSelectionMode" due to enumeration '
                           f'values that are not valid. Specify one of the following enumeration values and '
                           f'try again. The possible enumeration values are "{", ".join(_WHERE_NAMES)}".')


def intrinsic_where(obj, args, invoker):
    """`.Where({ cond }[, mode[, numberToReturn]])`."""
    from .conversion import to_bool
    if not args or len(args) > 3 or invoker is None:
        raise NoOverload()
    block = args[0]
    mode = _where_mode(args[1]) if len(args) > 1 else 0
    limit = a_int(args, 2, "Where", "numberToReturn") if len(args) > 2 else 0
    if limit < 0:
        raise arg_error("The 'numberToReturn' value must be greater than or equal to 0.")
    items = _as_items(obj)

    def test(x):
        return to_bool(invoker(block, x))

    if mode == 0 or mode == 1:
        if mode == 1 and limit == 0:
            limit = 1
        out = []
        for x in items:
            if test(x):
                out.append(x)
                if limit and len(out) >= limit:
                    break
        return out
    if mode == 2:
        out = [x for x in items if test(x)]
        return out[-(limit or 1):] if out else []
    if mode == 3:
        out = []
        started = False
        for x in items:
            if not started and test(x):
                started = True
            if started:
                out.append(x)
                if limit and len(out) >= limit:
                    break
        return out
    if mode == 4:
        out = []
        for x in items:
            if test(x):
                break
            out.append(x)
            if limit and len(out) >= limit:
                break
        return out
    matched, rest = [], []
    for x in items:
        if (not limit or len(matched) < limit) and test(x):
            matched.append(x)
        else:
            rest.append(x)
    return [matched, rest]


def _is_type_arg(v) -> bool:
    """A type object: our RuntimeType, or the engine's type (types.PSType has `full_name`)."""
    from .dotnet_objects import RuntimeType
    if isinstance(v, str):
        return False
    return isinstance(v, RuntimeType) or (hasattr(v, "FullName") and hasattr(v, "IsArray")) or (
        isinstance(getattr(v, "full_name", None), str) and hasattr(v, "convert"))


def intrinsic_foreach(obj, args, invoker, convert, call_method):
    """`.ForEach({ script })`, `.ForEach('PropertyOrMethod'[, args...])`, `.ForEach([type])`."""
    from .members import get_property, set_property
    if not args:
        raise NoOverload()
    items = _as_items(obj)
    first = unwrap(args[0])
    out = []
    if _is_type_arg(first):
        if convert is None:
            raise NoOverload()
        type_name = getattr(first, "FullName", None) or getattr(first, "full_name", None) or str(first)
        return [convert(x, type_name) for x in items]
    if isinstance(first, str):
        name = first
        rest = list(args[1:])
        _missing = object()
        for x in items:
            value = get_property(x, name, _missing)
            if value is not _missing:
                if rest:
                    set_property(x, name, rest[0])
                else:
                    _emit(out, value)
                continue
            from .methods import has_method
            if has_method(x, name):
                _emit(out, call_method(x, name, rest))
        return out
    if invoker is None:
        raise NoOverload()
    for x in items:
        out.extend(invoker(first, x))
    return out


def _emit(out, value):
    """Values that are collections are enumerated into the result ($null is kept)."""
    if isinstance(value, (list, tuple)):
        out.extend(value)
    else:
        out.append(value)
