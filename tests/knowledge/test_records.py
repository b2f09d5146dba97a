"""The review's records (knowledge/records.py) behave as standard dataclasses do, and cost a review process
neither the `dataclasses` module nor a fresh compile once their code is in the disk cache."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge import diskcache
from knowledge.records import FrozenInstanceError, dataclass, field, replace
from scoring import review
from scoring.report import Finding

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class _Visit:
    who: str
    minutes: int = 30
    notes: dict = field(default_factory=dict, compare=False)


@dataclass
class _Tally:
    seen: int
    doubled: int = 0

    def __post_init__(self) -> None:
        self.doubled = 2 * self.seen


def test_a_frozen_record_compares_hashes_prints_and_refuses_changes():
    a, b = _Visit("Ann"), _Visit("Ann", notes={"late": True})
    assert a == b and hash(a) == hash(b) and a != _Visit("Ann", 45)  # notes are not compared
    assert a != ("Ann", 30) and len({a, b}) == 1
    assert repr(a) == "_Visit(who='Ann', minutes=30, notes={})"
    with pytest.raises(FrozenInstanceError):
        a.minutes = 15
    assert isinstance(FrozenInstanceError("x"), AttributeError)  # what code catching the standard one expects


def test_each_record_gets_its_own_default_and_replace_copies_with_changes():
    a, b = _Visit("Ann"), _Visit("Bo")
    a.notes["late"] = True
    assert b.notes == {}  # a fresh dict each time, not one shared
    c = replace(a, minutes=60)
    assert (c.who, c.minutes, a.minutes) == ("Ann", 60, 30)
    with pytest.raises(TypeError, match="no field"):
        replace(a, hours=1)
    with pytest.raises(TypeError):
        _Visit()  # a field without a default must be given


def test_a_record_that_can_change_runs_its_post_init_and_is_not_hashable():
    tally = _Tally(4)
    assert tally.doubled == 8
    tally.seen = 5
    assert tally.seen == 5 and _Tally(3) == _Tally(3) and _Tally(3) != _Tally(4)
    with pytest.raises(TypeError):
        hash(tally)


def test_replace_still_works_on_a_standard_dataclass_and_the_standard_functions_on_a_record():
    import dataclasses

    @dataclasses.dataclass(frozen=True)
    class Plain:
        x: int

    assert replace(Plain(1), x=2) == Plain(2)
    visit = _Visit("Ann", notes={"late": True})
    assert dataclasses.is_dataclass(visit) and [f.name for f in dataclasses.fields(visit)] == ["who", "minutes", "notes"]
    assert dataclasses.replace(visit, minutes=45) == _Visit("Ann", 45)
    assert dataclasses.asdict(visit) == {"who": "Ann", "minutes": 30, "notes": {"late": True}}


def test_a_findings_record_round_trips_through_a_review():
    report = review("The provider will deliver 200 youth sessions per year.")
    first = report.findings[0]
    assert isinstance(first, Finding) and replace(first, rewrite="x").rewrite == "x"
    assert replace(first, rewrite="x") != first and replace(first) == first


def test_a_review_process_loads_no_dataclasses_module_and_compiles_no_record_twice(tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text("The provider will deliver 200 youth sessions per year.\n")
    code = ("import sys\nfrom bot.cli import main\nmain(['review', sys.argv[1], '--format', 'json'])\n"
            "print('MODULES', 'dataclasses' in sys.modules, 'inspect' in sys.modules, file=sys.stderr)\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TENDER_COACH_DATA": str(tmp_path / "data")}
    runs = [subprocess.run([sys.executable, "-c", code, str(draft)], capture_output=True, text=True, env=env,
                           timeout=120, stdin=subprocess.DEVNULL) for _ in range(2)]
    # The first process in a fresh data folder compiles the report's templates with jinja2, which loads `inspect`.
    assert "MODULES False" in runs[0].stderr and "MODULES False False" in runs[1].stderr, [r.stderr[-300:] for r in runs]
    assert runs[0].stdout == runs[1].stdout  # the second process ran the records' stored code: same report
    stored = {}
    for path in (tmp_path / "data" / "cache").glob("*entries.marshal"):
        stored.update(diskcache.decode(path.read_bytes()))
    assert sum(key.startswith("record:") for key in stored) >= 15  # the review's records, compiled once
