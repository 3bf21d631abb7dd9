"""The evaluation gate: the pipeline on every gold article of the repository.

Each field's F1 must stay at or above its floor in ``gold/floors.json``
(over all gold, over the five seeds, and body F1 per input kind), and a
commit may raise floors but never lower them.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from pipeline.evaluate import evaluate, gold_files, load_gold
from pipeline.floors import check_floors, load_floors
from pipeline.models import ArticleRecord
from pipeline.read import discover

REPO = Path(__file__).resolve().parents[1]
GOLD_DIR = REPO / "gold"
FLOORS = GOLD_DIR / "floors.json"
ARTICLE_ROOTS = (REPO / "corpus", REPO / "corpus-dev")

pytestmark = pytest.mark.slow


def input_kind(record: dict) -> str:
    """text dump, CMS fragment or HTML page, as the body floors are kept."""
    if record["source"]["format"] == "html":
        return "html"
    if "html fragment in text file" in record["warnings"]:
        return "fragment"
    return "text"


@pytest.fixture(scope="module")
def gold() -> dict:
    return load_gold(gold_files([GOLD_DIR]))


@pytest.fixture(scope="module")
def predictions(gold: dict) -> dict:
    from pipeline.process import ArticleProcessor

    processor = ArticleProcessor()
    records = {}
    for root in ARTICLE_ROOTS:
        for path in discover(root):
            if path.name not in gold:
                continue
            for result in processor.process_path(path, root):
                assert isinstance(result, ArticleRecord), f"{path.name}: {result.error}"
                records[path.name] = json.loads(result.model_dump_json())
    return records


def test_every_gold_article_has_its_file_in_the_repository(gold: dict) -> None:
    names = {p.name for root in ARTICLE_ROOTS for p in discover(root)}
    assert sorted(set(gold) - names) == []


def test_all_gold_stays_above_the_floors(predictions: dict, gold: dict) -> None:
    assert check_floors(evaluate(predictions, gold), load_floors(FLOORS, "all")) == []


def test_seeds_stay_above_the_floors(predictions: dict, gold: dict) -> None:
    seeds = {s: g for s, g in gold.items() if (REPO / "corpus" / s).exists()}
    assert len(seeds) == 5
    assert check_floors(evaluate(predictions, seeds), load_floors(FLOORS, "seeds")) == []


def test_body_stays_above_the_floor_of_each_input_kind(predictions: dict, gold: dict) -> None:
    floors = load_floors(FLOORS, "body_by_kind")
    for kind, floor in floors.items():
        subset = {s: g for s, g in gold.items() if "main_text" in g and s in predictions and input_kind(predictions[s]) == kind}
        assert subset, f"no gold article of kind {kind}"
        f1 = evaluate(predictions, subset).totals["body"].f1
        assert f1 + 1e-9 >= floor, f"body F1 on {kind}: {f1:.3f} < floor {floor:.3f}"


def test_sidebar_strings_never_reach_the_record(predictions: dict, gold: dict) -> None:
    leaked = []
    for source, expected in gold.items():
        record = predictions.get(source)
        text = "\n".join([record["body"], *record["captions"]]) if record else ""
        leaked += [f"{source}: {s}" for s in expected.get("must_exclude") or [] if s in text]
    assert leaked == []


def _committed_floors(revision: str) -> dict | None:
    try:
        shown = subprocess.run(
            ["git", "show", f"{revision}:gold/floors.json"], cwd=REPO, capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return json.loads(shown.stdout)


def test_floors_never_go_down() -> None:
    """The floors file against the last commit and the one before it."""
    current = json.loads(FLOORS.read_text(encoding="utf-8"))
    earlier = [f for f in (_committed_floors("HEAD"), _committed_floors("HEAD~1")) if f is not None]
    if not earlier:
        pytest.skip("no earlier floors in the git history of this checkout")
    lowered = [
        f"{section}.{name}: {value} -> {current.get(section, {}).get(name)}"
        for previous in earlier
        for section, fields in previous.items()
        for name, value in fields.items()
        if current.get(section, {}).get(name, -1.0) < value
    ]
    assert lowered == []
