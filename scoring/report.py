"""What a review returns. `Report.to_dict()` is the JSON contract in DESIGN.md."""

from __future__ import annotations

from knowledge.records import dataclass, field

# Type names for annotations only: importing `typing` costs a review's start-up about 2 ms.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Finding:
    rule: str
    category: str
    level: str
    message: str
    why: str
    line: int
    column: int
    start: int
    end: int
    match: str
    rewrite: str | None
    guidance: tuple[dict[str, str], ...]
    # When this finding's suggestion was made once for several (rows of one table, or two rules
    # on one clause), the line of the finding that carries it. Shown in reports, not in the JSON
    # contract, where `rewrite` stays null.
    rewrite_on_line: int | None = None
    # Why no rewrite is offered, when the clause reports rather than sets terms or is not in English. Shown in
    # reports, not in the JSON contract.
    no_rewrite: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule, "category": self.category, "level": self.level,
            "message": self.message, "why": self.why, "line": self.line, "column": self.column,
            "start": self.start, "end": self.end, "match": self.match, "rewrite": self.rewrite,
            "guidance": [dict(g) for g in self.guidance],
        }


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    title: str
    status: str  # met | partial | missing | n/a
    evidence: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "status": self.status, "evidence": list(self.evidence)}


@dataclass(frozen=True)
class Score:
    value: int | None = None
    items: tuple[ChecklistItem, ...] = ()

    @property
    def assessable(self) -> int:
        return sum(1 for i in self.items if i.status != "n/a")

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "assessable": self.assessable,
            "total": len(self.items),
            "items": [i.to_dict() for i in self.items],
        }


@dataclass(frozen=True)
class Report:
    text: str
    findings: tuple[Finding, ...]
    score: Score = field(default_factory=Score)
    # Findings found but not listed (a report lists at most engine.MAX_LISTED, most serious
    # first), and how many of each level they are.
    omitted: int = 0
    omitted_levels: dict[str, int] = field(default_factory=dict, compare=False)

    @property
    def has_errors(self) -> bool:
        return any(f.level == "error" for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": SCHEMA_VERSION,
            "score": self.score.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
            "omitted": self.omitted,
        }
