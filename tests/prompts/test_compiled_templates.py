"""A review's report and rewrites read the same whether jinja2 renders them or their compiled code runs
without it (prompts/compiled.py), and a template that needs more than that code covers still renders."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from jinja2 import UndefinedError

from prompts import compiled
from prompts.render import _compiled_root, environment, render, template_names
from prompts.reports import render_report
from scoring import review

ROOT = Path(__file__).resolve().parents[2]
COVERED = [name for name in template_names() if compiled.covered(name)]


def _drafts() -> list[str]:
    """The examples, and clauses of every kind from two real batches, with their context lines."""
    drafts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.md"))]
    drafts += [  # payment by activity, as a sentence and as a table row
        "Youth service specification\n\nThe provider will be paid £45 per session delivered to young people.",
        "Payment schedule\n\n| Payment | Amount | Frequency |\n|---|---|---|\n| Per home visit completed | £30 per visit | Monthly |",
    ]
    for batch in ("real-fifth", "real-ninth"):
        for path in sorted((ROOT / "tests" / "data" / batch).glob("*.yaml")):
            clauses = yaml.safe_load(path.read_text(encoding="utf-8"))["clauses"]
            drafts.append("\n\n".join((c.get("context") + "\n" if c.get("context") else "") + c["text"] for c in clauses))
    return drafts


@pytest.fixture(scope="module")
def renders():
    """Every (template, context) a review of the drafts asks for, in all three report formats."""
    seen: list[tuple[str, dict]] = []
    original = compiled.run

    def recording(root, values):
        seen.append((root.__globals__["name"], dict(values)))
        return original(root, values)

    compiled.run = recording
    try:
        for draft in _drafts():
            report = review(draft)
            for fmt in ("text", "markdown"):
                render_report(report, fmt=fmt, source="draft.md")
    finally:
        compiled.run = original
    return seen


def test_the_reviews_use_every_covered_template(renders):
    assert {name for name, _ in renders} == set(COVERED)


def test_compiled_templates_render_exactly_what_jinja2_renders(renders):
    differing = []
    for name, values in renders:
        ours = compiled.run(_compiled_root(name), values)
        theirs = environment().get_template(name).render(**values)
        if ours != theirs:
            differing.append((name, ours, theirs))
    assert not differing, differing[:3]
    assert len(renders) > 200


def test_a_missing_value_is_still_jinja2s_error_not_a_blank():
    with pytest.raises(UndefinedError):
        render("rewrites/cell-measure.j2")
    with pytest.raises(compiled.NotCovered):
        compiled.run(_compiled_root("rewrites/cell-measure.j2"), {})


def test_a_review_from_the_command_line_does_not_load_jinja2_once_its_templates_are_compiled(tmp_path):
    env = {**os.environ, "TENDER_COACH_DATA": str(tmp_path)}
    probe = ("import sys\nfrom bot.cli import main\nsys.argv = ['tender-coach', 'review', sys.argv[1]]\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\nprint('jinja2 loaded:', 'jinja2' in sys.modules)\n")
    draft = str(ROOT / "examples" / "youth-service-spec.md")
    first = subprocess.run([sys.executable, "-c", probe, draft], capture_output=True, text=True, env=env, cwd=ROOT)
    second = subprocess.run([sys.executable, "-c", probe, draft], capture_output=True, text=True, env=env, cwd=ROOT)
    assert "jinja2 loaded: True" in first.stdout  # the first run compiles the templates with jinja2
    assert "jinja2 loaded: False" in second.stdout, second.stdout[-500:] + second.stderr[-2000:]
    assert "Try instead:" in second.stdout
    assert first.stdout.replace("jinja2 loaded: True", "") == second.stdout.replace("jinja2 loaded: False", "")


def test_a_damaged_cache_entry_for_a_template_is_compiled_afresh(tmp_path, monkeypatch):
    from knowledge import diskcache
    from prompts import render as render_module

    name, values = "rewrites/cell-measure.j2", {"outcome": {"measure": "care records", "when": "at 6 months"}}
    expected = environment().get_template(name).render(**values)
    monkeypatch.setenv("TENDER_COACH_DATA", str(tmp_path))
    diskcache.forget()
    render_module._compiled_root.cache_clear()
    try:
        diskcache.remember(compiled.cache_key(name, Path(render_module.TEMPLATES_DIR, name).read_bytes()), "not code")
        assert render(name, **values) == expected
        assert render_module._compiled_root(name) is not None  # the entry was written again, not left damaged
    finally:
        diskcache.forget()
        render_module._compiled_root.cache_clear()
