"""Evaluation against gold: the contract's scoring table, field by field.

Gold lives in JSONL files, one object per article keyed by ``source`` (the
file name). Several gold files may describe the same article, each with some
of the fields (cleaning gold, entity gold, event gold); they are merged, and a
field is scored only for articles whose gold states it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, Optional, Sequence

from .scoring import Counts, _match_names, key_set, score_body
from .textnorm import name_key, normalize_text

# Fields in the order they are reported, and the gold key each one needs.
FIELDS: dict[str, str] = {
    "body": "main_text",
    "must_exclude": "must_exclude",
    "title": "title",
    "published": "published",
    "authors": "authors",
    "people": "people",
    "titles": "people",
    "positions": "people",
    "facilities": "facilities",
    "dates": "dates",
    "events": "events",
    "event_types": "events",
    "event_facilities": "events",
}


class GoldError(ValueError):
    """A gold file that cannot be read, naming the file and line."""


@dataclass
class Evaluation:
    """Summed counts per field and, per article, the counts of each field."""

    totals: dict[str, Counts] = field(default_factory=dict)
    articles: dict[str, dict[str, Counts]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)

    def add(self, source: str, name: str, counts: Counts) -> None:
        self.totals[name] = self.totals.get(name, Counts()) + counts
        self.articles.setdefault(source, {})[name] = counts


def source_name(path: str) -> str:
    """The file name a record is matched by (``dir/a.jsonl#L3`` → ``a.jsonl#L3``)."""
    return Path(path).name


def load_gold(paths: Sequence[Path]) -> dict[str, dict]:
    """Gold articles by file name, merged across files (later keys add to earlier)."""
    merged: dict[str, dict] = {}
    for path in paths:
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except ValueError as exc:
                raise GoldError(f"{path}:{number}: not a JSON object: {exc}") from exc
            if not isinstance(item, dict) or not isinstance(item.get("source"), str):
                raise GoldError(f'{path}:{number}: a gold line needs a "source" file name')
            merged.setdefault(item["source"], {}).update(item)
    return merged


def load_predictions(path: Path) -> dict[str, dict]:
    """Records of an ``articles.jsonl`` by file name; unreadable lines are skipped."""
    records: dict[str, dict] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and isinstance(record.get("source"), dict):
            records[source_name(record["source"].get("path", ""))] = record
    return records


def evaluate(predictions: Mapping[str, dict], gold: Mapping[str, dict]) -> Evaluation:
    """Score every gold article; an article with no prediction scores zero."""
    result = Evaluation()
    for source in sorted(gold):
        expected = gold[source]
        predicted = predictions.get(source)
        if predicted is None:
            result.missing.append(source)
            predicted = {}
        for name, gold_key in FIELDS.items():
            if gold_key in expected:
                result.add(source, name, SCORERS[name](predicted, expected))
    return result


# -- one scorer per field -------------------------------------------------


def _predicted_text(record: dict) -> str:
    return "\n\n".join([record.get("body") or "", *(record.get("captions") or [])])


def _score_body(record: dict, gold: dict) -> Counts:
    return score_body(_predicted_text(record), gold["main_text"] or "")


def _score_must_exclude(record: dict, gold: dict) -> Counts:
    text = normalize_text(_predicted_text(record)) if record else None
    strings = gold["must_exclude"] or []
    kept_out = sum(1 for s in strings if text is not None and normalize_text(s) not in text)
    return Counts(kept_out, len(strings), len(strings))


def _exact(predicted: Optional[str], expected: Optional[str]) -> Counts:
    right = predicted is not None and expected is not None and predicted == expected
    return Counts(int(right), int(predicted is not None), int(expected is not None))


def _score_title(record: dict, gold: dict) -> Counts:
    key = lambda value: name_key(value) if value else None  # noqa: E731
    return _exact(key(record.get("title")), key(gold["title"]))


def _score_published(record: dict, gold: dict) -> Counts:
    return _exact(record.get("published"), gold["published"])


def _score_authors(record: dict, gold: dict) -> Counts:
    predicted = {name_key(a) for a in record.get("authors") or []}
    expected = {name_key(a) for a in gold["authors"] or []}
    return Counts(len(predicted & expected), len(predicted), len(expected))


def _people_pairs(record: dict, gold: dict) -> list[tuple[dict, dict]]:
    """(predicted, gold) person pairs matched by name."""
    predicted = record.get("people") or []
    expected = gold["people"] or []
    _, pairs = _match_names((key_set([p.get("name")]) for p in predicted), (key_set([g.get("name")]) for g in expected))
    return [(predicted[i], g) for g, i in zip(expected, pairs) if i >= 0]


def _score_people(record: dict, gold: dict) -> Counts:
    matched = len(_people_pairs(record, gold))
    return Counts(matched, len(record.get("people") or []), len(gold["people"] or []))


def _score_titles(record: dict, gold: dict) -> Counts:
    """Titles of right people; a missed person's titles count as missed."""
    total = Counts(0, 0, sum(len(g.get("titles") or []) for g in gold["people"] or []))
    for person, expected in _people_pairs(record, gold):
        predicted = {t.casefold() for t in person.get("titles") or []}
        wanted = {t.casefold() for t in expected.get("titles") or []}
        total += Counts(len(predicted & wanted), len(predicted), 0)
    return total


def _position_right(position: dict, wanted: dict) -> bool:
    return name_key(position.get("title") or "") == name_key(wanted.get("title") or "") and name_key(
        wanted.get("org_key") or ""
    ) in name_key(position.get("organization") or "")


def _score_positions(record: dict, gold: dict) -> Counts:
    """Positions of right people; a missed person's positions count as missed."""
    total = Counts(0, 0, sum(len(g.get("positions") or []) for g in gold["people"] or []))
    for person, expected in _people_pairs(record, gold):
        predicted = list(person.get("positions") or [])
        wanted = list(expected.get("positions") or [])
        used: set[int] = set()
        for item in wanted:
            hit = next((i for i, p in enumerate(predicted) if i not in used and _position_right(p, item)), -1)
            if hit >= 0:
                used.add(hit)
        total += Counts(len(used), len(predicted), 0)
    return total


def _facility_keys(item: dict) -> frozenset[str]:
    return key_set([item.get("name"), *(item.get("aliases") or [])])


def _score_facilities(record: dict, gold: dict) -> Counts:
    predicted = [_facility_keys(f) for f in record.get("facilities") or []]
    expected = [_facility_keys(f) for f in gold["facilities"] or []]
    matched, _ = _match_names(predicted, expected)
    return Counts(matched, len(predicted), len(expected))


def _score_dates(record: dict, gold: dict) -> Counts:
    expected = set(gold["dates"] or [])
    optional = set(gold.get("dates_optional") or []) - expected
    predicted = {d.get("value") for d in record.get("dates") or []} - optional
    return Counts(len(predicted & expected), len(predicted), len(expected))


def _event_pairs(
    record: dict, gold: dict, participants: _EventFacilities, with_date: bool = True
) -> list[tuple[dict, dict]]:
    """Gold events paired with predicted events of the same type (and date), each used once.
    Which of several such predictions a gold event takes does not change how many pairs there
    are, so the pairs are chosen place with place: first every gold event that shares facility
    participants with a prediction takes the one sharing most, then the rest pair in order. Two
    visits of one day to two places, and visits that name no facility, pair whatever order
    either list is written in."""
    available = list(record.get("events") or [])
    wanted_events = list(gold["events"] or [])
    paired: dict[int, dict] = {}

    def candidates(wanted: dict) -> list[dict]:
        return [e for e in available
                if e.get("type") == wanted.get("type") and (not with_date or e.get("date") == wanted.get("date"))]

    for index, wanted in enumerate(wanted_events):
        expected = participants.wanted(wanted)
        shared = [(_match_names(participants.predicted(e), expected)[0], e) for e in candidates(wanted)]
        best = max(shared, key=lambda item: item[0], default=(0, None))
        if best[0] > 0:
            available.remove(best[1])
            paired[index] = best[1]
    for index, wanted in enumerate(wanted_events):
        rest = candidates(wanted) if index not in paired else []
        if rest:
            available.remove(rest[0])
            paired[index] = rest[0]
    return [(paired[index], wanted) for index, wanted in enumerate(wanted_events) if index in paired]


@dataclass(frozen=True)
class _EventFacilities:
    """The name keys of an event's facility participants, predicted and gold."""

    facilities: dict[str, frozenset[str]]
    gold_facilities: list[frozenset[str]]

    def predicted(self, event: dict) -> list[frozenset[str]]:
        return [self.facilities[p["ref"]] for p in event.get("participants") or [] if p.get("ref") in self.facilities]

    def wanted(self, event: dict) -> list[frozenset[str]]:
        # A gold event names a facility of the record; its aliases count too.
        expected = []
        for name in event.get("facilities") or []:
            keys = key_set([name])
            expected.append(next((k for k in self.gold_facilities if k & keys), keys))
        return expected


def _event_facility_keys(record: dict, gold: dict) -> _EventFacilities:
    return _EventFacilities(
        {f.get("id"): _facility_keys(f) for f in record.get("facilities") or []},
        [_facility_keys(f) for f in gold.get("facilities") or []],
    )


def _score_events(record: dict, gold: dict) -> Counts:
    pairs = _event_pairs(record, gold, _event_facility_keys(record, gold))
    return Counts(len(pairs), len(record.get("events") or []), len(gold["events"] or []))


def _score_event_types(record: dict, gold: dict) -> Counts:
    pairs = _event_pairs(record, gold, _event_facility_keys(record, gold), with_date=False)
    return Counts(len(pairs), len(record.get("events") or []), len(gold["events"] or []))


def _score_event_facilities(record: dict, gold: dict) -> Counts:
    participants = _event_facility_keys(record, gold)
    # Facilities of a missed event count as missed participants.
    total = Counts(0, 0, sum(len(e.get("facilities") or []) for e in gold["events"] or []))
    for event, wanted in _event_pairs(record, gold, participants):
        predicted = participants.predicted(event)
        matched, _ = _match_names(predicted, participants.wanted(wanted))
        total += Counts(matched, len(predicted), 0)
    return total


SCORERS = {
    "body": _score_body,
    "must_exclude": _score_must_exclude,
    "title": _score_title,
    "published": _score_published,
    "authors": _score_authors,
    "people": _score_people,
    "titles": _score_titles,
    "positions": _score_positions,
    "facilities": _score_facilities,
    "dates": _score_dates,
    "events": _score_events,
    "event_types": _score_event_types,
    "event_facilities": _score_event_facilities,
}


def format_table(evaluation: Evaluation, per_article: bool = False) -> str:
    """The scores as a plain-text table (per article too on request)."""
    lines = [f"{'field':<18}{'precision':>10}{'recall':>8}{'f1':>8}{'tp':>8}{'pred':>8}{'gold':>8}"]
    for name in FIELDS:
        if name in evaluation.totals:
            c = evaluation.totals[name]
            lines.append(
                f"{name:<18}{c.precision:>10.3f}{c.recall:>8.3f}{c.f1:>8.3f}{c.tp:>8g}{c.predicted:>8g}{c.gold:>8g}"
            )
    if evaluation.missing:
        lines.append(f"no prediction for {len(evaluation.missing)} gold article(s): {', '.join(evaluation.missing)}")
    if per_article:
        for source, fields in evaluation.articles.items():
            lines.append("")
            lines.append(source)
            for name, c in fields.items():
                lines.append(f"  {name:<16}{c.precision:>10.3f}{c.recall:>8.3f}{c.f1:>8.3f}")
    return "\n".join(lines)


def as_json(evaluation: Evaluation) -> dict:
    def counts(c: Counts) -> dict:
        return {"precision": c.precision, "recall": c.recall, "f1": c.f1, "tp": c.tp, "predicted": c.predicted, "gold": c.gold}

    return {
        "fields": {name: counts(c) for name, c in evaluation.totals.items()},
        "articles": {s: {n: counts(c) for n, c in f.items()} for s, f in evaluation.articles.items()},
        "missing": evaluation.missing,
    }


def gold_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into their ``*.jsonl`` gold files (sorted)."""
    files: list[Path] = []
    for path in paths:
        path = Path(path)
        files.extend(sorted(path.glob("*.jsonl")) if path.is_dir() else [path])
    return files
