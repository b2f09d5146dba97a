"""`pip install .` (not only editable) carries the rules, vocabulary, templates and guidance."""

import json
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_the_wheel_reviews_on_its_own(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path / "dist")], check=True, capture_output=True, timeout=300)
    wheel = next((tmp_path / "dist").glob("tender_coach-*.whl"))
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    names = {p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*") if p.is_file()}
    assert "scoring/vocab.yaml" in names and "knowledge/outcomes.yaml" in names
    assert {"scoring/learned_model.json", "scoring/learned_weights.bin"} <= names  # the learned check, loaded by default
    assert any(n.startswith("scoring/rules/cost-first/") for n in names)
    assert any(n.startswith("prompts/templates/") for n in names)
    assert any(n.startswith("knowledge/guidance/") for n in names)

    # Run from the unpacked wheel, away from the source tree.
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(unpacked)!r}); "
         "sys.path.extend(p for p in __import__('site').getsitepackages()); "
         "import scoring; print(scoring.__file__, file=sys.stderr); "
         "from bot.cli import main; sys.exit(main(['review', '-', '--format', 'json']))"],
        input="Evaluation: Price 70% / Quality 30%.", capture_output=True, text=True, cwd=tmp_path, timeout=60,
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(str(unpacked)), "the test must exercise the wheel, not the source tree"
    report = json.loads(result.stdout)
    assert report["findings"][0]["guidance"][0]["url"].startswith("http")
    assert str(ROOT) not in result.stdout
