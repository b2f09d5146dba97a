"""Load the rule pack: one YAML file a rule, the rule id is its path.

A malformed file fails loudly at load time, naming the file and the key, so a
policy lead who edits a rule sees what to fix before any review runs.
"""

from __future__ import annotations

import os
from knowledge.records import dataclass, field
from functools import lru_cache

import prompts  # only its folder: prompts.render would import jinja2 into every review's start-up
from knowledge import diskcache

from .errors import RuleError
from .patterns import compile_any

# Type names for annotations only: importing `typing` costs a review's start-up about 2 ms.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# Strings, not pathlib.Path: a review never imports pathlib (it and the URL parser it loads cost about 4 ms).
RULES_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "rules")
REWRITES_DIR = os.path.join(os.path.dirname(os.path.abspath(prompts.__file__)), "templates", "rewrites")
LEVELS = ("error", "warning", "suggestion")
# The closed set of categories. Documented in README ("The rule pack").
CATEGORIES = {
    "output-only": "activity counts set as targets with no change for people named",
    "cost-first": "award criteria or pricing that put cost ahead of quality",
    "unmeasured-outcome": "an outcome named with no indicator, baseline or measure",
    "co-production": "people who use the service left out of design or evaluation",
    "fair-work": "employment terms that leave no time to care",
    "social-value": "social, economic and environmental value left out of the award",
    "input": "how the file was read: a suppression marker in text a reader cannot see, not obeyed; a draft not in English",
}
KINDS = ("existence", "conditional", "award-weighting", "absence")
WEIGHTING_CHECKS = ("price-majority", "social-value-under", "social-value-missing")

_COMMON = {"kind", "category", "level", "message", "why", "guidance", "rewrite", "examples", "description", "where"}
# Where a draft is from, as a rule's `where` key names it: the UK's nations by name (scoring.service_area.detect_nation),
# and "elsewhere" for a draft plainly from outside the UK. The law a `why` cites is not the same in each.
PLACES = ("England", "Wales", "Scotland", "Northern Ireland", "elsewhere")
_KIND_KEYS = {
    "existence": {"patterns", "exceptions", "negation", "targets_only", "not_under", "only_under", "under_header",
                  "with_marker"},
    "conditional": {"patterns", "unless", "exceptions", "negation", "unless_in_next", "targets_only", "kpi_row", "not_under",
                    "only_under", "under_header", "with_marker"},
    "award-weighting": {"check", "threshold"},
    "absence": {"applies_when", "required", "min_clauses"},
}
_MIN_EXAMPLES = 3


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    category: str
    level: str
    message: str
    why: str
    guidance: tuple[str, ...]
    rewrite: str | None
    flag_examples: tuple[str, ...]
    pass_examples: tuple[str, ...]
    path: str
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    # {place: (why, guidance ids)} for drafts from a place whose law differs from what `why` cites (see PLACES)
    where: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict, compare=False, hash=False)


def _need(data: dict, key: str, typ, where: str):
    if key not in data:
        raise RuleError(f"{where}: missing required key '{key}'")
    value = data[key]
    if not isinstance(value, typ):
        raise RuleError(f"{where}: key '{key}' must be {_typename(typ)}, not {type(value).__name__}")
    return value


def _typename(typ) -> str:
    names = {str: "text", list: "a list", dict: "a mapping", bool: "true or false", int: "a whole number"}
    if isinstance(typ, tuple):
        return " or ".join(names.get(t, t.__name__) for t in typ)
    return names.get(typ, typ.__name__)


def _str_list(data: dict, key: str, where: str, required: bool = False) -> list[str]:
    if key not in data:
        if required:
            raise RuleError(f"{where}: missing required key '{key}'")
        return []
    value = data[key]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RuleError(f"{where}: key '{key}' must be a list of non-empty text items")
    return value


def parse_rule(path: str | os.PathLike, rules_dir: str | os.PathLike = RULES_DIR) -> Rule:
    path = os.fspath(path)
    where = path
    try:
        data = diskcache.yaml_data(diskcache.file_bytes(path))
    except diskcache.BadYaml as exc:
        raise RuleError(f"{where}: not valid YAML ({exc})") from None
    if not isinstance(data, dict):
        raise RuleError(f"{where}: a rule file must be a mapping of keys to values")
    rule_id = os.path.splitext(os.path.relpath(path, os.fspath(rules_dir)))[0].replace(os.sep, "/")

    kind = _need(data, "kind", str, where)
    if kind not in KINDS:
        raise RuleError(f"{where}: key 'kind' is '{kind}'; it must be one of {', '.join(KINDS)}")
    unknown = set(data) - _COMMON - _KIND_KEYS[kind]
    if unknown:
        raise RuleError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} for a rule of kind '{kind}'")
    category = _need(data, "category", str, where)
    if category not in CATEGORIES:
        raise RuleError(f"{where}: key 'category' is '{category}'; it must be one of {', '.join(CATEGORIES)}")
    if rule_id.split("/")[0] != category:
        raise RuleError(f"{where}: key 'category' is '{category}' but the file is in the '{rule_id.split('/')[0]}' folder")
    level = _need(data, "level", str, where)
    if level not in LEVELS:
        raise RuleError(f"{where}: key 'level' is '{level}'; it must be one of {', '.join(LEVELS)}")
    message = _need(data, "message", str, where).strip()
    why = _need(data, "why", str, where).strip()
    guidance = _str_list(data, "guidance", where, required=True)
    rewrite = data.get("rewrite")
    if rewrite is not None and not isinstance(rewrite, str):
        raise RuleError(f"{where}: key 'rewrite' must be a template name or null")
    if rewrite is not None and not os.path.isfile(os.path.join(REWRITES_DIR, f"{rewrite}.j2")):
        known = ", ".join(sorted(name[:-3] for name in os.listdir(REWRITES_DIR) if name.endswith(".j2")))
        raise RuleError(f"{where}: key 'rewrite' names '{rewrite}', which is not a template in {REWRITES_DIR} (known: {known})")
    examples = _need(data, "examples", dict, where)
    flags = _str_list(examples, "flag", f"{where}: examples", required=True)
    passes = _str_list(examples, "pass", f"{where}: examples", required=True)
    if len(flags) < _MIN_EXAMPLES or len(passes) < _MIN_EXAMPLES:
        raise RuleError(f"{where}: key 'examples' needs at least {_MIN_EXAMPLES} 'flag' and {_MIN_EXAMPLES} 'pass' examples")

    params = _kind_params(kind, data, where)
    return Rule(rule_id, kind, category, level, message, why, tuple(guidance), rewrite,
                tuple(flags), tuple(passes), path, params, _places(data, why, guidance, where))


def _places(data: dict, why: str, guidance: list[str], where: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    """The `where` key: for a place, its own `why` and/or `guidance`; what it leaves out is the rule's own."""
    value = data.get("where", {})
    if not isinstance(value, dict):
        raise RuleError(f"{where}: key 'where' must be a mapping of places to a 'why' and/or 'guidance'")
    out = {}
    for place, entry in value.items():
        if place not in PLACES:
            raise RuleError(f"{where}: key 'where' names '{place}'; a place is one of {', '.join(PLACES)}")
        if not isinstance(entry, dict) or not entry or set(entry) - {"why", "guidance"}:
            raise RuleError(f"{where}: where: {place} must give 'why' and/or 'guidance', and nothing else")
        own_why = _need(entry, "why", str, f"{where}: where: {place}").strip() if "why" in entry else why
        if not own_why:
            raise RuleError(f"{where}: where: {place}: 'why' is empty")
        own_guidance = _str_list(entry, "guidance", f"{where}: where: {place}") if "guidance" in entry else guidance
        out[place] = (own_why, tuple(own_guidance))
    return out


def _switch(data: dict, key: str, default: bool, where: str) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise RuleError(f"{where}: key '{key}' must be true or false")
    return value


_LINE_START = "(?:^|(?<=\\n))"


def _kind_params(kind: str, data: dict, where: str) -> dict[str, Any]:
    if kind in ("existence", "conditional"):
        if data.get("only_under") and any(not str(one).startswith(_LINE_START) for one in data.get("patterns") or ()):
            # a rule read only under a lead-in finds its words from a line's start, so a one-line clause whose headings
            # and lead-in do not qualify it is passed over unsearched (scoring/kinds.py)
            raise RuleError(f"{where}: a rule with 'only_under' needs every pattern to open on {_LINE_START}")
        negation = _switch(data, "negation", True, where)
        unless_in_next = _switch(data, "unless_in_next", False, where)
        targets_only = _switch(data, "targets_only", False, where)
        kpi_row = _switch(data, "kpi_row", False, where)
        return {
            "kpi_row": kpi_row,
            # A list item is read with its marker ("7. Trade licence 07 days"), for patterns that tell a charter's numbered
            # line from a sentence by its number.
            "with_marker": _switch(data, "with_marker", False, where),
            "unless_in_next": unless_in_next,
            "targets_only": targets_only,
            "patterns": compile_any(_str_list(data, "patterns", where, required=True), where),
            "unless": compile_any(_str_list(data, "unless", where, required=(kind == "conditional")), where, lazy=True),
            "exceptions": compile_any(_str_list(data, "exceptions", where), where, lazy=True),
            # Headings a clause's finding does not stand under: a charging page's rates are what people pay, not
            # what a provider is paid (the clause model's heading path, so a row need not repeat its heading).
            "not_under": compile_any(_str_list(data, "not_under", where), where, lazy=True),
            # And headings it needs: a row "Claims: DLA 39 days" is a target only under a heading that names targets.
            "only_under": compile_any(_str_list(data, "only_under", where), where, lazy=True),
            # With `under_header: true`, a table row's header (the cells naming its columns) counts as a heading for
            # `only_under`: a rate table with no title says "Hourly rate cap" only in its header.
            "under_header": _switch(data, "under_header", False, where),
            "negation": negation,
        }
    if kind == "award-weighting":
        check = _need(data, "check", str, where)
        if check not in WEIGHTING_CHECKS:
            raise RuleError(f"{where}: key 'check' is '{check}'; it must be one of {', '.join(WEIGHTING_CHECKS)}")
        threshold = data.get("threshold", 50 if check == "price-majority" else 10)
        if not isinstance(threshold, (int, float)) or not 0 <= threshold <= 100:
            raise RuleError(f"{where}: key 'threshold' must be a number from 0 to 100")
        return {"check": check, "threshold": float(threshold)}
    min_clauses = data.get("min_clauses", 1)
    if not isinstance(min_clauses, int) or min_clauses < 1:
        raise RuleError(f"{where}: key 'min_clauses' must be a whole number of at least 1")
    return {
        "applies_when": compile_any(_str_list(data, "applies_when", where, required=True), where),
        "required": compile_any(_str_list(data, "required", where, required=True), where),
        "min_clauses": min_clauses,
    }


@lru_cache(maxsize=4)
def load_rules(rules_dir: str | os.PathLike = RULES_DIR) -> tuple[Rule, ...]:
    rules_dir = os.fspath(rules_dir)
    found = [os.path.join(folder, name) for folder, _dirs, names in os.walk(rules_dir) for name in names
             if os.path.splitext(name)[1] in (".yaml", ".yml")]
    # in pathlib's order (by each part of the path, so "cost-first/x.yaml" comes before "cost-first-extra/y.yaml")
    paths = sorted((p for p in found if os.path.isfile(p)), key=lambda p: os.path.relpath(p, rules_dir).split(os.sep))
    if not paths:
        raise RuleError(f"{rules_dir}: no rule files found")
    return tuple(parse_rule(p, rules_dir) for p in paths)
