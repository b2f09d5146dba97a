"""The checklist score: how far a draft is from an outcome-focused tender, and what is missing.

Items are data (checklist.yaml). Each decides from the text whether it can be assessed:
a single award-criteria clause cannot show co-production, so that item is n/a and leaves
the denominator. The score is 0-100 over assessable items, or None when none are.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .errors import RuleError
from .kinds import Document
from .patterns import compile_any
from .report import ChecklistItem, Finding, Score
from .weights import scheme

CHECKLIST_PATH = Path(__file__).with_name("checklist.yaml")
STATUS_VALUE = {"met": 1.0, "partial": 0.5, "missing": 0.0}
SIGNALS = ("quality-first", "social-value-10")
_KEYS = {"id", "title", "weight", "guidance", "applies_when", "min_clauses", "positive", "signals", "negative", "silent"}
_MAX_EVIDENCE = 3


@dataclass(frozen=True)
class Item:
    id: str
    title: str
    weight: float
    guidance: tuple[str, ...]
    applies_when: object
    min_clauses: int
    positive: object
    signals: tuple[str, ...]
    negative: tuple[str, ...]
    silent: str


def _item(raw: dict, where: str) -> Item:
    if not isinstance(raw, dict):
        raise RuleError(f"{where}: each checklist item must be a mapping")
    where = f"{where}: item '{raw.get('id', '?')}'"
    unknown = set(raw) - _KEYS
    if unknown:
        raise RuleError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    for key in ("id", "title", "weight", "applies_when", "silent"):
        if key not in raw:
            raise RuleError(f"{where}: missing required key '{key}'")
    if not isinstance(raw["weight"], (int, float)) or raw["weight"] <= 0:
        raise RuleError(f"{where}: key 'weight' must be a positive number")
    if raw["silent"] not in STATUS_VALUE:
        raise RuleError(f"{where}: key 'silent' must be one of {', '.join(STATUS_VALUE)}")
    bad = set(raw.get("signals", [])) - set(SIGNALS)
    if bad:
        raise RuleError(f"{where}: key 'signals' has {', '.join(sorted(bad))}; known: {', '.join(SIGNALS)}")
    return Item(
        raw["id"], raw["title"], float(raw["weight"]), tuple(raw.get("guidance", [])),
        compile_any(raw["applies_when"], where), int(raw.get("min_clauses", 1)),
        compile_any(raw.get("positive", []), where), tuple(raw.get("signals", [])),
        tuple(raw.get("negative", [])), raw["silent"],
    )


@lru_cache(maxsize=2)
def load_checklist(path: Path = CHECKLIST_PATH) -> tuple[Item, ...]:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise RuleError(f"{path}: not valid YAML ({exc})") from None
    if not isinstance(raw, list) or not raw:
        raise RuleError(f"{path}: the checklist must be a list of items")
    items = tuple(_item(r, str(path)) for r in raw)
    if len({i.id for i in items}) != len(items):
        raise RuleError(f"{path}: checklist item ids must be unique")
    return items


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _signal_evidence(signal: str, doc: Document) -> list[str]:
    out = []
    for ws in doc.weight_sets:
        s = scheme(ws)
        price, quality, social = s.get("price"), s.get("quality"), s.get("social")
        if signal == "quality-first" and price and price.value <= 40 and (not quality or quality.value >= price.value):
            out.append(_short(doc.text[ws[0].start:ws[-1].end]))
        if signal == "quality-first" and not price and quality and quality.value >= 60:
            out.append(_short(doc.text[ws[0].start:ws[-1].end]))
        if signal == "social-value-10" and social and social.value >= 10:
            out.append(_short(doc.text[social.start:social.end]))
    return out


def _counts_against(item: Item, finding: Finding) -> bool:
    return finding.rule in item.negative or finding.category in item.negative


def assess(doc: Document, findings: tuple[Finding, ...] | list[Finding]) -> Score:
    results = []
    for item in load_checklist():
        positives = []
        # A search of the whole text first: most items are settled without visiting every clause.
        if item.positive is not None and item.positive.search(doc.text):
            for clause in doc.clauses:
                if item.positive.search(clause.text):
                    positives.append(_short(clause.text))
                    if len(positives) == _MAX_EVIDENCE:
                        break
        for signal in item.signals:
            positives += _signal_evidence(signal, doc)
        negatives = [f"{f.rule}: {_short(f.match, 60)}" for f in findings if _counts_against(item, f)]
        applicable = bool(positives or negatives) or (
            len(doc.clauses) >= item.min_clauses and item.applies_when.search(doc.text) is not None
        )
        if not applicable:
            status = "n/a"
        elif positives and not negatives:
            status = "met"
        elif positives and negatives:
            status = "partial"
        elif negatives:
            status = "missing"
        else:
            status = item.silent
        evidence = (negatives + positives) if status in ("partial", "missing") else positives
        results.append(ChecklistItem(item.id, item.title, status, tuple(evidence[:_MAX_EVIDENCE])))

    weights = {i.id: i.weight for i in load_checklist()}
    assessed = [r for r in results if r.status != "n/a"]
    value = None
    if assessed:
        total = sum(weights[r.id] for r in assessed)
        value = round(100 * sum(weights[r.id] * STATUS_VALUE[r.status] for r in assessed) / total)
    return Score(value=value, items=tuple(results))
