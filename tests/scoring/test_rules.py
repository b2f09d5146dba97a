"""Every rule proves itself: its must-flag examples are flagged and its must-pass examples are not."""

from pathlib import Path

import pytest

from knowledge.catalog import passage
from scoring import review
from scoring.errors import RuleError
from scoring.rules import CATEGORIES, load_rules, parse_rule

RULES = load_rules()


def _cases():
    for rule in RULES:
        for i, text in enumerate(rule.flag_examples):
            yield pytest.param(rule, text, True, id=f"{rule.id}:flag{i}")
        for i, text in enumerate(rule.pass_examples):
            yield pytest.param(rule, text, False, id=f"{rule.id}:pass{i}")


@pytest.mark.parametrize("rule,text,should_flag", list(_cases()))
def test_rule_examples(rule, text, should_flag):
    found = [f for f in review(text, rules=(rule,)).findings if f.rule == rule.id]
    if should_flag:
        assert found, f"{rule.id} should flag: {text!r}"
    else:
        assert not found, f"{rule.id} should pass {text!r} but flagged {[f.match for f in found]}"


def test_every_rule_has_examples_and_the_required_fields():
    assert len(RULES) >= 10
    for rule in RULES:
        assert len(rule.flag_examples) >= 3 and len(rule.pass_examples) >= 3, rule.id
        assert rule.message and rule.why and rule.guidance, rule.id


def test_every_guidance_id_names_a_real_passage():
    missing = [(r.id, gid) for r in RULES for gid in r.guidance if passage(gid) is None]
    missing += [(r.id, place, gid) for r in RULES for place, (_, ids) in r.where.items() for gid in ids
                if passage(gid) is None]
    assert not missing


def test_the_required_categories_have_rules():
    present = {r.category for r in RULES}
    assert {"output-only", "cost-first", "unmeasured-outcome"} <= present
    assert len(present & set(CATEGORIES)) >= 5


def _write(tmp_path, rel, body):
    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path


GOOD = """kind: existence
category: cost-first
level: error
message: m
why: w
guidance: [price-quality-weighting]
rewrite: null
patterns: ['cheapest']
examples:
  flag: [cheapest, the cheapest bid, cheapest wins]
  pass: [quality, best value, price 30%]
"""


@pytest.mark.parametrize(
    "change,complaint",
    [
        (("level: error", "level: fatal"), "'level'"),
        (("kind: existence", "kind: regex"), "'kind'"),
        (("why: w\n", ""), "'why'"),
        (("  pass: [quality, best value, price 30%]", "  pass: [quality]"), "'examples'"),
        (("patterns: ['cheapest']", "patterns: ['cheap(est']"), "not a valid regular expression"),
        (("patterns: ['cheapest']", "patterns: ['{nonsense}']"), "unknown vocabulary list"),
        (("rewrite: null", "rewrite: null\ncolour: red"), "colour"),
        (("category: cost-first", "category: output-only"), "'category'"),
        (("rewrite: null", "rewrite: null\nwhere:\n  Ohio:\n    why: x"), "'Ohio'"),
        (("rewrite: null", "rewrite: null\nwhere:\n  Scotland:\n    law: x"), "where: Scotland"),
        (("rewrite: null", "rewrite: null\nwhere: [Scotland]"), "'where'"),
        # a rule read only under a lead-in passes over one-line clauses its headings do not qualify, which is exact only
        # when its patterns match from a line's start
        (("rewrite: null", "rewrite: null\nonly_under: ['we will:']"), "only_under"),
    ],
)
def test_a_malformed_rule_fails_loudly_naming_file_and_key(tmp_path, change, complaint):
    path = _write(tmp_path, "cost-first/bad.yaml", GOOD.replace(*change))
    with pytest.raises(RuleError) as err:
        parse_rule(path, tmp_path)
    assert str(path) in str(err.value) and complaint in str(err.value)


def test_a_well_formed_rule_loads_with_its_path_as_id(tmp_path):
    rule = parse_rule(_write(tmp_path, "cost-first/cheap.yaml", GOOD), tmp_path)
    assert rule.id == "cost-first/cheap"


def test_a_place_that_gives_only_its_why_keeps_the_rules_guidance(tmp_path):
    body = GOOD.replace("rewrite: null", "rewrite: null\nwhere:\n  Wales:\n    why: Welsh law says so.")
    rule = parse_rule(_write(tmp_path, "cost-first/cheap.yaml", body), tmp_path)
    assert rule.where == {"Wales": ("Welsh law says so.", ("price-quality-weighting",))}


def test_invalid_yaml_names_the_file(tmp_path):
    path = _write(tmp_path, "cost-first/broken.yaml", "kind: [unclosed\n")
    with pytest.raises(RuleError, match="not valid YAML"):
        parse_rule(path, tmp_path)


def test_rule_files_ship_as_package_data():
    root = Path(__import__("scoring").__file__).parent
    assert sorted(p.relative_to(root / "rules").as_posix() for p in (root / "rules").rglob("*.yaml"))


@pytest.mark.parametrize(
    "text",
    [
        "The Council will not award on the basis of lowest price.",
        "15-minute visits must never include personal care.",
        "Counting sessions tells us little about whether lives improved.",
        "Price is quite often less than 50% of any evaluation.",
        "We will use an output specification: it says what must be achieved, not how.",
        "Tenders must be returned by 12 noon on 14 March 2027; TUPE may apply to 14 staff.",
    ],
)
def test_negation_guidance_and_procedure_are_not_findings(text):
    assert [f.rule for f in review(text).findings if f.category in ("output-only", "cost-first")] == []
