"""The scoring table of the contract, as `vnie eval` computes it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.evaluate import evaluate, load_gold
from pipeline.floors import check_floors, raised_floors

REPO = Path(__file__).resolve().parents[1]
SEEDS_GOLD = REPO / "gold" / "seeds.jsonl"


def _record_from_gold(source: str, gold: dict) -> dict:
    """A record that says exactly what the gold says."""
    facilities = [
        {"id": f"F{i}", "name": f["name"], "kind": f["kind"], "aliases": f["aliases"]}
        for i, f in enumerate(gold["facilities"], start=1)
    ]
    by_name = {f["name"]: f["id"] for f in facilities}
    return {
        "source": {"path": f"corpus/{source}"},
        "body": gold["main_text"],
        "captions": [],
        "title": gold["title"],
        "published": gold["published"],
        "authors": gold["authors"],
        "people": [
            {
                "name": p["name"],
                "titles": p["titles"],
                "positions": [{"title": q["title"], "organization": f"Ban {q['org_key']}"} for q in p["positions"]],
            }
            for p in gold["people"]
        ],
        "facilities": facilities,
        "dates": [{"value": v} for v in gold["dates"]],
        "events": [
            {
                "type": e["type"],
                "date": e["date"],
                "participants": [{"ref": by_name[n], "role": "party"} for n in e["facilities"] if n in by_name],
            }
            for e in gold["events"]
        ],
    }


@pytest.fixture(scope="module")
def gold() -> dict:
    return load_gold([SEEDS_GOLD])


def test_gold_scored_against_itself_is_perfect(gold: dict) -> None:
    predictions = {s: _record_from_gold(s, g) for s, g in gold.items()}
    result = evaluate(predictions, gold)
    assert {name: c.f1 for name, c in result.totals.items()} == {name: 1.0 for name in result.totals}


def test_nothing_predicted_scores_zero_and_names_the_missing_articles(gold: dict) -> None:
    result = evaluate({}, gold)
    assert result.totals["people"].f1 == 0.0
    assert result.totals["events"].recall == 0.0
    assert len(result.missing) == 5


@pytest.mark.parametrize(
    "change, field, expected_f1",
    [
        # One of three people of seed 000 missing: P = 1, R = 2/3.
        (lambda r: r["people"].pop(), "people", 0.8),
        # A sidebar date taken as an extra date: P = 1/2, R = 1.
        (lambda r: r["dates"].append({"value": "2025-10-20"}), "dates", 2 / 3),
        # The signing dated a day late is a wrong event.
        (lambda r: r["events"][0].update(date="2025-10-24"), "events", 0.0),
        # Case, spacing and tone-mark placement do not make a different name.
        (lambda r: r["facilities"][1].update(name="trạm  y tế Phường   Long Biên"), "facilities", 1.0),
        # BV is Bệnh viện.
        (lambda r: r["facilities"][0].update(name="BV Đa khoa Đức Giang", aliases=[]), "facilities", 1.0),
    ],
)
def test_single_changes_move_one_field(gold: dict, change, field: str, expected_f1: float) -> None:
    source = "000_8649a4f9e4d548b0.txt"
    record = _record_from_gold(source, gold[source])
    change(record)
    result = evaluate({source: record}, {source: gold[source]})
    assert result.totals[field].f1 == pytest.approx(expected_f1)


@pytest.mark.parametrize("reverse_gold, reverse_predicted", [(False, True), (True, False), (True, True)])
def test_same_day_visits_pair_place_with_place_whatever_their_order(
    gold: dict, reverse_gold: bool, reverse_predicted: bool
) -> None:
    # Seed 004: a visit to the district health centre and a visit that names no facility, one morning.
    source = "004_754e9b2d45fb362d.txt"
    expected = json.loads(json.dumps(gold[source]))
    record = _record_from_gold(source, expected)
    if reverse_gold:
        expected["events"].reverse()
    if reverse_predicted:
        record["events"].reverse()
    result = evaluate({source: record}, {source: expected})
    assert result.totals["events"].f1 == 1.0
    assert result.totals["event_facilities"].f1 == 1.0


def test_partial_gold_files_are_merged_and_only_stated_fields_are_scored(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"source": "x.txt", "main_text": "Bệnh viện"}) + "\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"source": "x.txt", "dates": ["2024"]}) + "\n", encoding="utf-8")
    gold = load_gold(sorted(tmp_path.glob("*.jsonl")))
    result = evaluate({"x.txt": {"body": "Bệnh viện", "dates": [{"value": "2024"}]}}, gold)
    assert set(result.totals) == {"body", "dates"}


def test_floors_fail_below_and_only_rise(gold: dict) -> None:
    result = evaluate({}, gold)
    assert check_floors(result, {"people": 0.5}) == ["people: F1 0.000 < floor 0.500"]
    assert raised_floors(result, {"people": 0.5})["people"] == 0.5


def test_eval_command_prints_the_table_and_honours_floors(tmp_path: Path, gold: dict) -> None:
    predictions = tmp_path / "articles.jsonl"
    predictions.write_text(
        "\n".join(json.dumps(_record_from_gold(s, g), ensure_ascii=False) for s, g in gold.items()), encoding="utf-8"
    )
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"all": {"people": 0.99}}), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(tmp_path), "--gold", str(SEEDS_GOLD), "--floors", str(floors)])
    assert result.exit_code == 0, result.output
    assert "people" in result.output and "1.000" in result.output
    per_article = CliRunner().invoke(main, ["eval", str(predictions), "--gold", str(SEEDS_GOLD), "--per-article", "--json"])
    assert json.loads(per_article.output)["articles"]["000_8649a4f9e4d548b0.txt"]["people"]["f1"] == 1.0
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "articles.jsonl").write_text("", encoding="utf-8")
    failing = CliRunner().invoke(main, ["eval", str(empty), "--gold", str(SEEDS_GOLD), "--floors", str(floors)])
    assert failing.exit_code == 1
    assert "below floor: people" in failing.output
