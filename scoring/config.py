"""Suppression settings: `.tender-coach.toml`, or `[tool.tender-coach]` in pyproject.toml.

    disable = ["fair-work", "output-only/activity-count"]   # categories or rule ids
    [levels]
    "cost-first/social-value-under" = "suggestion"

Found by walking up from the working folder; `--config PATH` names one directly.
"""

from __future__ import annotations

import os

from knowledge.records import dataclass, field

from .errors import ConfigError
from .rules import LEVELS

CONFIG_NAME = ".tender-coach.toml"


@dataclass(frozen=True)
class Config:
    disable: frozenset[str] = frozenset()
    levels: dict[str, str] = field(default_factory=dict)
    source: str | None = None

    def enabled(self, rule_id: str, category: str) -> bool:
        return rule_id not in self.disable and category not in self.disable

    def level_for(self, rule_id: str, category: str, default: str) -> str:
        return self.levels.get(rule_id) or self.levels.get(category) or default


def _describe(value: object) -> str:
    kind = {str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list", dict: "a table"}
    return f"{kind.get(type(value), type(value).__name__)} ({value!r:.60})"


def _parse(table: object, where: str, known_ids: set[str]) -> Config:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: the settings must be a table, not {_describe(table)}")
    unknown = set(table) - {"disable", "levels"}
    if unknown:
        raise ConfigError(f"{where}: unknown setting(s) {', '.join(sorted(unknown))}; use 'disable' and 'levels'")
    disable = table.get("disable", [])
    if not isinstance(disable, list) or not all(isinstance(d, str) for d in disable):
        raise ConfigError(
            f"{where}: 'disable' must be a list of rule ids or categories, such as "
            f'disable = ["fair-work"], not {_describe(disable)}'
        )
    levels = table.get("levels", {})
    if not isinstance(levels, dict):
        raise ConfigError(
            f"{where}: 'levels' must be a table of rule id or category = level, such as "
            f'levels = {{ "cost-first" = "warning" }}, not {_describe(levels)}'
        )
    for name in list(disable) + list(levels):
        if name not in known_ids:
            raise ConfigError(f"{where}: '{name}' is not a rule id or category (see `tender-coach review --list-rules`)")
    for name, level in levels.items():
        if not isinstance(level, str) or level not in LEVELS:
            raise ConfigError(
                f"{where}: 'levels' gives '{name}' {_describe(level)}; use one of {', '.join(LEVELS)}"
            )
    return Config(frozenset(disable), dict(levels), where)


def load_config(path: str | os.PathLike | None, known_ids: set[str], start: str | os.PathLike | None = None) -> Config:
    """Read the named config file, or the nearest one above `start` (default: the working folder). Paths are strings
    here (a pathlib.Path is taken too): a review never imports pathlib, which cost its start-up about 4 ms."""
    if path is None:
        path = _discover(os.fspath(start) if start is not None else os.getcwd())
        if path is None:
            return Config()
    import tomllib  # here: most reviews have no config file to parse

    try:
        with open(path, encoding="utf-8") as fh:
            data = tomllib.loads(fh.read())
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: could not be read ({exc.__class__.__name__})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    if os.path.basename(os.fspath(path)) == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("tender-coach", {}) if isinstance(tool, dict) else {}
        return _parse(data, f"{path} [tool.tender-coach]", known_ids)
    return _parse(data, str(path), known_ids)


def _folders(start: str):
    """`start` and each folder above it, as pathlib's `parents` gives them."""
    folder = os.path.normpath(start)
    while True:
        yield folder
        parent = os.path.dirname(folder)
        if parent == folder or folder in ("", "."):
            return
        folder = parent or "."


def _discover(start: str) -> str | None:
    for folder in _folders(start):
        candidate = os.path.join(folder, CONFIG_NAME)
        if os.path.isfile(candidate):
            return candidate
        pyproject = os.path.join(folder, "pyproject.toml")
        try:
            if os.path.isfile(pyproject):
                with open(pyproject, encoding="utf-8", errors="replace") as fh:
                    if "[tool.tender-coach]" in fh.read():
                        return pyproject
        except OSError:  # an unreadable pyproject.toml of another project: keep looking
            continue
    return None
