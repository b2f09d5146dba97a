"""Plain records (`@dataclass`, `field`, `replace`) without the start-up cost of the standard library's.

The review's data types (a clause, a finding, a rule, an outcome measure...) are records: named fields, an
`__init__`, equality, a hash when frozen. The standard `dataclasses` module builds each class by generating
and compiling Python source, and imports `inspect` (with `ast`, `dis` and `tokenize`) to do it: about 12 ms
of a one-page command-line review of 100, spent before the draft is read. This module writes the same kind
of methods, compiles them once, and keeps the compiled code in the disk cache (knowledge/diskcache.py), so a
later process only runs it. It covers what this project uses and refuses the rest loudly:

- `@dataclass`, `@dataclass(frozen=True)`, `@dataclass(frozen=True, slots=True)`;
- fields from the class's annotations, in order; a plain default, or `field(default_factory=...)`;
  `field(compare=False)` and `field(hash=False)`;
- `__post_init__`, called last by `__init__` when the class defines it;
- `replace(record, **changes)`: a copy with some fields changed.

Records behave as the standard ones do: `__repr__`, `__eq__` between instances of one class only, a hash
of the compared fields when frozen (none when not), and `FrozenInstanceError` on assignment when frozen.
The standard module's own functions (`dataclasses.replace`, `fields`, `asdict`) work on them as well; the
first such call imports it.
Inheritance from another record is not supported (nothing here needs it), nor is `InitVar` or `ClassVar`.
"""

from __future__ import annotations

import marshal
import sys

from . import diskcache

_MISSING = object()
_VERSION = 1  # of the generated source below: a change must not reuse code compiled by an older one


class FrozenInstanceError(AttributeError):
    """An attempt to change a field of a frozen record."""


class _Field:
    __slots__ = ("default", "factory", "compare", "hash")

    def __init__(self, default, factory, compare: bool, hash: bool | None):  # noqa: A002 - the standard's name
        self.default, self.factory, self.compare, self.hash = default, factory, compare, hash


def field(*, default=_MISSING, default_factory=_MISSING, compare: bool = True, hash: bool | None = None):  # noqa: A002
    """A field's default made fresh for each record (`default_factory`), or kept out of equality or the hash."""
    if default is not _MISSING and default_factory is not _MISSING:
        raise ValueError("a field cannot have both a default and a default_factory")
    return _Field(default, default_factory, compare, hash)


def dataclass(cls=None, /, *, frozen: bool = False, slots: bool = False):
    """Make `cls` a record (see the module's docstring)."""
    def wrap(cls):
        return _record(cls, frozen, slots)
    return wrap if cls is None else wrap(cls)


def replace(record, /, **changes):
    """A copy of `record` with the given fields changed."""
    names = getattr(type(record), "__record_fields__", None)
    if names is None:  # a standard dataclass (the Slack bot's, the LLM client's): the standard replace
        import dataclasses

        return dataclasses.replace(record, **changes)
    unknown = set(changes) - set(names)
    if unknown:
        raise TypeError(f"{type(record).__name__} has no field {sorted(unknown)[0]!r}")
    return type(record)(**{name: changes.get(name, getattr(record, name)) for name in names})


class _StandardFields:
    """`__dataclass_fields__` made on first use, so that the standard module's functions (`dataclasses.replace`,
    `fields`, `asdict`, `is_dataclass`) work on records too: only code that uses them pays for the import."""

    def __init__(self):
        self._made = None

    def __get__(self, obj, owner):
        if self._made is None:
            import dataclasses

            made = {}
            for name, spec in owner.__record_specs__.items():
                kwargs = {"compare": spec.compare, "hash": spec.hash}
                if spec.factory is not _MISSING:
                    kwargs["default_factory"] = spec.factory
                elif spec.default is not _MISSING:
                    kwargs["default"] = spec.default
                made[name] = standard = dataclasses.field(**kwargs)
                standard.name, standard.type, standard._field_type = name, owner.__annotations__.get(name), dataclasses._FIELD
            self._made = made
        return self._made


def _record(cls, frozen: bool, slots: bool):
    if any(hasattr(base, "__record_fields__") for base in cls.__mro__[1:]):
        raise TypeError(f"{cls.__name__}: a record cannot inherit another record's fields")
    names, fields = [], {}
    for name, kind in cls.__dict__.get("__annotations__", {}).items():
        if "ClassVar" in str(kind) or "InitVar" in str(kind):
            raise TypeError(f"{cls.__name__}.{name}: ClassVar and InitVar are not supported")
        value = cls.__dict__.get(name, _MISSING)
        spec = value if isinstance(value, _Field) else _Field(value, _MISSING, True, None)
        if isinstance(value, _Field):
            if spec.default is _MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, spec.default)
        if names and spec.default is _MISSING and spec.factory is _MISSING \
                and (fields[names[-1]].default is not _MISSING or fields[names[-1]].factory is not _MISSING):
            raise TypeError(f"{cls.__name__}: non-default field {name!r} follows a default one")
        names.append(name)
        fields[name] = spec

    if slots:
        body = {k: v for k, v in cls.__dict__.items() if k not in names and k not in ("__dict__", "__weakref__")}
        body["__slots__"] = tuple(names)
        cls = type(cls)(cls.__name__, cls.__bases__, body)

    namespace = {"_set": object.__setattr__, "_FrozenInstanceError": FrozenInstanceError, "_FACTORY": _MISSING}
    params = []
    lines = []
    for name in names:
        spec = fields[name]
        if spec.factory is not _MISSING:
            namespace[f"_factory_{name}"] = spec.factory
            params.append(f"{name}=_FACTORY")
            value = f"_factory_{name}() if {name} is _FACTORY else {name}"
        elif spec.default is not _MISSING:
            namespace[f"_default_{name}"] = spec.default
            params.append(f"{name}=_default_{name}")
            value = name
        else:
            params.append(name)
            value = name
        lines.append(f"    _set(self, {name!r}, {value})" if frozen else f"    self.{name} = {value}")
    if "__post_init__" in cls.__dict__:
        lines.append("    self.__post_init__()")
    compared = [n for n in names if fields[n].compare]
    hashed = [n for n in names if (fields[n].hash if fields[n].hash is not None else fields[n].compare)]
    as_tuple = lambda obj, chosen: "(" + "".join(f"{obj}.{n}, " for n in chosen) + ")"  # noqa: E731
    source = [
        f"def __init__(self, {', '.join(params)}):",
        *(lines or ["    pass"]),
        "def __repr__(self):",
        "    return type(self).__qualname__ + '(' + "
        + (" + ', ' + ".join(f"{n!r} + '=' + repr(self.{n})" for n in names) if names else "''") + " + ')'",
        "def __eq__(self, other):",
        "    if other.__class__ is self.__class__:",
        f"        return {as_tuple('self', compared)} == {as_tuple('other', compared)}",
        "    return NotImplemented",
    ]
    if frozen:
        source += [
            "def __hash__(self):",
            f"    return hash({as_tuple('self', hashed)})",
            "def __setattr__(self, name, value):",
            "    raise _FrozenInstanceError(f'cannot assign to field {name!r}')",
            "def __delattr__(self, name):",
            "    raise _FrozenInstanceError(f'cannot delete field {name!r}')",
        ]
    code = _compiled("\n".join(source) + "\n", f"<record {cls.__module__}.{cls.__qualname__}>")
    exec(code, namespace)  # noqa: S102 - source built above from the class's own field names
    for method in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__"):
        if method in namespace:
            function = namespace[method]
            function.__qualname__ = f"{cls.__qualname__}.{method}"
            setattr(cls, method, function)
    if not frozen:
        cls.__hash__ = None  # equal records that can change must not be dict keys
    cls.__record_fields__ = tuple(names)
    cls.__record_specs__ = dict(fields)
    cls.__match_args__ = tuple(names)
    cls.__dataclass_fields__ = _StandardFields()
    return cls


def _compiled(source: str, filename: str):
    key = "record:" + diskcache.digest(f"{_VERSION}\0{sys.version}\0{filename}\0{source}".encode()).hexdigest()
    stored = diskcache.get(key)
    if isinstance(stored, bytes):
        try:
            return marshal.loads(stored)
        except (EOFError, ValueError, TypeError):  # a damaged entry: compile afresh
            pass
    code = compile(source, filename, "exec")
    diskcache.remember(key, marshal.dumps(code))
    return code
