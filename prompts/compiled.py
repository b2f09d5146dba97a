"""The report and rewrite templates, run from the code jinja2 writes for them, without importing jinja2.

jinja2 turns each template into Python source and runs it against a few runtime helpers. Importing
jinja2 was a seventh of a one-page review (its lexer, parser and compiler, and the standard-library
modules its caches pull in), though the review's templates never change between runs. So the source
jinja2 writes for each covered template is compiled once, kept in the disk cache (marshal holds code
objects) under the template's content, and run here against the small set of helpers that source
calls: attribute and item lookup, the filters and tests the covered templates use, an undefined value.

Anything those helpers do not cover - an undefined value used (the environment is strict), a filter,
test or feature not listed here - raises NotCovered, and `prompts.render.render` renders with jinja2
as before, so every output and every error is jinja2's own. tests/prompts/test_compiled_templates.py
renders each covered template both ways, on the contexts real reviews give, and compares them.
"""

from __future__ import annotations

import re

from knowledge import diskcache

# Templates on the command line's path (a review's report and its rewrites); the rest always use jinja2.
COVERED_PREFIXES = ("rewrites/", "report.")
_VERSION = 2  # of the helpers below: a change must not reuse code compiled against older ones
_IMPORT_LINE_RE = re.compile(r"^from jinja2\.runtime import [^\n]*$", re.M)


class NotCovered(Exception):
    """The compiled template asked for something these helpers do not provide: render it with jinja2."""


def covered(name: str) -> bool:
    return name.startswith(COVERED_PREFIXES)


class _Missing:
    def __repr__(self) -> str:
        return "missing"


missing = _Missing()


class Undefined:
    """A name or attribute that is not there. The environment is strict: any use of it is an error,
    which jinja2 reports (so: NotCovered). Only the `default` filter and the `defined` test look at it."""

    def __init__(self, hint=None, obj=missing, name=None, exc=None) -> None:
        self.name = name

    def _fail(self, *args, **kwargs):
        raise NotCovered(f"undefined value {self.name!r}")

    __str__ = __iter__ = __bool__ = __len__ = __eq__ = __ne__ = __hash__ = __call__ = _fail
    __getattr__ = __getitem__ = __add__ = __radd__ = __lt__ = __gt__ = __le__ = __ge__ = _fail
    __contains__ = __int__ = __float__ = __mul__ = __sub__ = __mod__ = _fail


class TemplateRuntimeError(NotCovered):
    """What the compiled code raises for a filter or test it cannot find."""


def internalcode(func):
    return func


class _LoopState:
    """`loop` inside a for block: where the current item is in the sequence."""

    def __init__(self, index0: int, length: int) -> None:
        self.index0, self.length = index0, length
        self.index, self.first, self.last = index0 + 1, index0 == 0, index0 == length - 1
        self.revindex, self.revindex0 = length - index0, length - index0 - 1

    def __getattr__(self, name):  # previtem, cycle(), changed(), recursion: not covered
        raise NotCovered(f"loop.{name}")


class LoopContext:
    """What compiled code iterates when a for block uses `loop`: each item with its loop state."""

    def __init__(self, iterable, undefined=None, recurse=None, depth0=0) -> None:
        if recurse is not None or depth0:
            raise NotCovered("recursive loop")
        self._items = list(iterable)

    def __iter__(self):
        length = len(self._items)
        for i, item in enumerate(self._items):
            yield item, _LoopState(i, length)


def _not_covered(*args, **kwargs):
    raise NotCovered("a runtime helper these templates do not use")


# --- the filters and tests the covered templates use, with jinja2's documented behaviour ----------------

def _capitalize(value) -> str:
    return str(value).capitalize()


def _lower(value) -> str:
    return str(value).lower()


def _default(value, default_value="", boolean=False):
    if isinstance(value, Undefined) or (boolean and not value):
        return default_value
    return value


def _format(value, *args, **kwargs) -> str:
    if args and kwargs:
        raise NotCovered("format with both positional and keyword arguments")
    return str(value) % (kwargs or args)


def _indent(value, width=4, first=False, blank=False) -> str:
    """Every line after the first indented by `width` (spaces, or the string given); blank lines stay
    empty unless `blank`; the first line too when `first`."""
    pad = width if isinstance(width, str) else " " * width
    lines = (str(value) + "\n").splitlines()
    head, rest = lines[0], lines[1:]
    if blank:
        out = "\n".join([head] + [pad + line for line in rest])
    else:
        out = "\n".join([head] + [pad + line if line else line for line in rest])
    return pad + out if first else out


_FILTERS = {"capitalize": _capitalize, "lower": _lower, "default": _default, "d": _default, "format": _format,
            "indent": _indent, "length": len, "count": len}
_TESTS = {"none": lambda value: value is None, "defined": lambda value: not isinstance(value, Undefined),
          "undefined": lambda value: isinstance(value, Undefined)}


class _Environment:
    """The parts of jinja2's Environment that compiled template code calls."""

    filters = _FILTERS
    tests = _TESTS
    concat = "".join
    undefined = Undefined

    @staticmethod
    def getattr(obj, attribute):
        try:
            return getattr(obj, attribute)
        except AttributeError:
            pass
        try:
            return obj[attribute]
        except (TypeError, LookupError, AttributeError):
            return Undefined(obj=obj, name=attribute)

    @staticmethod
    def getitem(obj, argument):
        try:
            return obj[argument]
        except (AttributeError, TypeError, LookupError):
            if isinstance(argument, str):
                try:
                    return getattr(obj, argument)
                except AttributeError:
                    pass
            return Undefined(obj=obj, name=argument)

    def __getattr__(self, name):  # anything else the code reaches for (includes, globals, call): not covered
        raise NotCovered(f"environment.{name}")


class _Context:
    """The parts of jinja2's Context that compiled template code calls: the values given to render()."""

    def __init__(self, values: dict) -> None:
        self._values = values

    def resolve_or_missing(self, key: str):
        return self._values.get(key, missing)

    def __getattr__(self, name):
        raise NotCovered(f"context.{name}")


_RUNTIME = {
    "missing": missing, "Undefined": Undefined, "TemplateRuntimeError": TemplateRuntimeError,
    "internalcode": internalcode, "environment": _Environment(),
    "LoopContext": LoopContext,
    **{name: _not_covered for name in ("Macro", "Markup", "Namespace", "TemplateNotFound",
                                       "TemplateReference", "escape", "identity", "markup_join", "str_join")},
}


def cache_key(name: str, source: bytes) -> str:
    return f"template:{_VERSION}:{name}:{diskcache.digest(source).hexdigest()}"


def code_for(name: str, source: bytes, python_source: str | None = None):
    """The compiled code of a template: given jinja2's `python_source` for it, compiled and kept in the
    disk cache (replacing what was there); else from the cache, or None."""
    key = cache_key(name, source)
    if python_source is None:
        return diskcache.get(key)
    code = compile(_IMPORT_LINE_RE.sub("pass", python_source, count=1), f"<template {name}>", "exec")
    diskcache.remember(key, code)
    return code


def root_function(code):
    """The template's render function, defined against the helpers above."""
    namespace = dict(_RUNTIME)
    exec(code, namespace)
    return namespace["root"]


def run(root, values: dict) -> str:
    """Render: join what the template's root function yields. NotCovered when it needs jinja2."""
    try:
        return "".join(root(_Context(values)))
    except NotCovered:
        raise
    except Exception as exc:  # whatever jinja2 would report (a type error in a filter, ...) it reports itself
        raise NotCovered(repr(exc)) from exc
