"""One jinja2 environment for every template. StrictUndefined: a missing value is a bug, not a blank."""

from __future__ import annotations

import os
from functools import lru_cache

TYPE_CHECKING = False  # `typing` itself costs a review's start-up about 2 ms

if TYPE_CHECKING:
    from jinja2 import Environment

from . import compiled

# A string, not a pathlib.Path: a review never imports pathlib (it and the URL parser it loads cost about 4 ms).
TEMPLATES_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")


def _bytecode_cache(folder: str):
    """Compiled templates kept beside the compiled patterns: compiling the report and rewrite
    templates was a tenth of a one-page review. Best effort: a cache that cannot be read or
    written (read-only home, full disk, a damaged file) only means compiling afresh."""
    from jinja2 import FileSystemBytecodeCache

    class _BytecodeCache(FileSystemBytecodeCache):
        def load_bytecode(self, bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:
                bucket.reset()

        def dump_bytecode(self, bucket) -> None:
            try:
                os.makedirs(self.directory, exist_ok=True)
                super().dump_bytecode(bucket)
            except Exception:
                pass

    return _BytecodeCache(folder)


def _cache_folder() -> str:
    from knowledge.diskcache import cache_file

    return os.path.join(os.path.dirname(cache_file()), "templates")


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The environment, made on first use: jinja2 is imported then, not with this module, so code
    that renders nothing (scoring.review() of a draft whose findings want no rewrite, its report
    as JSON) never loads it."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates ship with the package; no need to stat them on every render
        bytecode_cache=_bytecode_cache(_cache_folder()),
    )


def render(name: str, **context) -> str:
    """The template rendered with the context. A report or rewrite template runs from its compiled code
    without importing jinja2 (prompts/compiled.py); what that does not cover, jinja2 renders."""
    if compiled.covered(name):
        root = _compiled_root(name)
        if root is not None:
            try:
                return compiled.run(root, context)
            except compiled.NotCovered:
                pass
    return environment().get_template(name).render(**context)


@lru_cache(maxsize=None)
def _compiled_root(name: str):
    try:
        with open(os.path.join(TEMPLATES_DIR, name), "rb") as fh:
            source = fh.read()
    except OSError:
        return None
    root = _root(compiled.code_for(name, source))
    if root is None:  # the first run after the template changed, or a damaged entry: jinja2 writes its code
        env = environment()
        python_source = env.compile(env.loader.get_source(env, name)[0], name, os.path.join(TEMPLATES_DIR, name), raw=True)
        root = _root(compiled.code_for(name, source, python_source))
    return root


def _root(code):
    if code is None:
        return None
    try:
        return compiled.root_function(code)
    except Exception:  # not the code it should be: compiled afresh, or else jinja2 renders the template
        return None


def prepare() -> None:
    """Load the covered templates' code before a review (jinja2 is imported only if one has changed)."""
    for name in template_names():
        if compiled.covered(name):
            _compiled_root(name)


def template_names() -> list[str]:
    names = []
    for folder, _dirs, files in os.walk(TEMPLATES_DIR):
        rel = os.path.relpath(folder, TEMPLATES_DIR)
        names += [name if rel == "." else f"{rel}/{name}".replace(os.sep, "/") for name in files if name.endswith(".j2")]
    return sorted(names)
