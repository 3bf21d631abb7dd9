"""Valid article records built from a gold file, for tests and benchmarks.

The gold file (one line per article: ``main_text``, people, facilities,
dates, events with their facility names) says what a perfect extraction
holds but not where: offsets are found here with ``str.find`` in the real
text, event triggers by the first trigger word of the event's type. The
records pass the contract's validation, so everything that reads an output
folder can be exercised before the extractor produces one.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..models import (
    ArticleRecord, DateMention, Event, EventAttributes, Evidence, Facility, Mention, Organization,
    Participant, Person, PipelineInfo, Position, Source,
)
from ..textnorm import name_key, normalize_text

# First trigger words found in the text decide where an event's evidence is;
# ordered from most to least specific.
_TRIGGER_WORDS = {
    "signing": ("Lễ ký kết", "ký kết", "ký thỏa thuận"),
    "visit": ("thăm, làm việc", "thăm và làm việc", "làm việc", "thăm", "kiểm tra"),
    "award": ("khen thưởng", "tôn vinh", "biểu dương", "Bằng khen", "trao"),
    "ceremony": ("Lễ kỷ niệm", "kỷ niệm", "Hội nghị", "lễ", "Lễ"),
}
# Role of a facility participant by event type: the first facility named is
# the actor, the others the counterpart.
_FACILITY_ROLES = {
    "signing": ("party", "party"),
    "visit": ("visitor", "host"),
    "award": ("giver", "recipient"),
    "ceremony": ("organizer", "attendee"),
}
_SENTENCE_END = re.compile(r"[.!?\n]")


@dataclass(frozen=True)
class GoldArticle:
    """One gold line, as read."""

    source: str
    line: dict

    @property
    def body(self) -> str:
        return normalize_text(self.line["main_text"])


def read_gold(path: Path) -> list[GoldArticle]:
    """The lines of a gold JSONL file."""
    articles = []
    with Path(path).open(encoding="utf-8") as handle:
        for text in handle:
            if text.strip():
                line = json.loads(text)
                articles.append(GoldArticle(line["source"], line))
    return articles


def _mentions(body: str, *names: str) -> list[Mention]:
    found: list[Mention] = []
    taken: set[int] = set()
    for name in sorted({n for n in names if n}, key=len, reverse=True):
        start = body.find(name)
        while start != -1:
            if start not in taken:
                found.append(Mention(start=start, end=start + len(name)))
                taken.update(range(start, start + len(name)))
            start = body.find(name, start + len(name))
    return sorted(found, key=lambda mention: mention.start)


def _date_forms(value: str) -> list[str]:
    """How a contract date value is usually written in Vietnamese news."""
    parts = value.split("-")
    if len(parts) == 3:
        year, month, day = parts[0], int(parts[1]), int(parts[2])
        return [f"{day}/{month}/{year}", f"{day:02d}/{month:02d}/{year}", f"{day}/{month:02d}/{year}",
                f"{day:02d}/{month}/{year}", f"{day}/{month}", f"{day:02d}/{month:02d}", f"ngày {day}"]
    if len(parts) == 2:
        return [f"tháng {int(parts[1])}/{parts[0]}", f"{int(parts[1])}/{parts[0]}"]
    return [f"năm {value}", value]


def _date(body: str, value: str) -> DateMention:
    for form in _date_forms(value):
        start = body.find(form)
        if start != -1:
            return DateMention(text=form, value=value, mentions=[Mention(start=start, end=start + len(form))])
    return DateMention(text=value, value=value)


def _sentence_around(body: str, start: int, end: int) -> Mention:
    before = [match.end() for match in _SENTENCE_END.finditer(body, 0, start)]
    after = _SENTENCE_END.search(body, end)
    return Mention(start=before[-1] if before else 0, end=after.end() if after else len(body))


def _trigger(body: str, event_type: str, after: int) -> tuple[str, Optional[Mention]]:
    for word in _TRIGGER_WORDS[event_type]:
        start = body.find(word, after)
        if start == -1:
            start = body.find(word)
        if start != -1:
            return word, Mention(start=start, end=start + len(word))
    return _TRIGGER_WORDS[event_type][0], None


def _organization_kind(name: str) -> str:
    key = name_key(name)
    if "ủy" in key.split(" ")[-1] or key.startswith(("đảng ủy", "quận ủy", "huyện ủy", "thành ủy", "tỉnh ủy")):
        return "party"
    return "government"


def record_from_gold(article: GoldArticle) -> ArticleRecord:
    """A valid record holding exactly the gold extraction of one article."""
    gold = article.line
    body = article.body
    facilities = [
        Facility(id=f"F{index}", name=item["name"], kind=item["kind"], aliases=item.get("aliases", []),
                 mentions=_mentions(body, item["name"], *item.get("aliases", [])))
        for index, item in enumerate(gold.get("facilities", []), start=1)
    ]
    facility_by_key = {name_key(facility.name): facility for facility in facilities}
    organizations: list[Organization] = []
    people: list[Person] = []
    for index, item in enumerate(gold.get("people", []), start=1):
        positions = []
        for position in item.get("positions", []):
            org_key = position.get("org_key")
            ref = next((f.id for key, f in facility_by_key.items() if org_key and name_key(org_key) in key), None)
            if ref is None and org_key:
                existing = next((o for o in organizations if o.name == org_key), None)
                if existing is None:
                    existing = Organization(id=f"O{len(organizations) + 1}", name=org_key,
                                            kind=_organization_kind(org_key), mentions=_mentions(body, org_key))
                    organizations.append(existing)
                ref = existing.id
            positions.append(Position(title=position["title"], organization=org_key, org_ref=ref))
        people.append(Person(id=f"P{index}", name=item["name"], titles=item.get("titles", []),
                             positions=positions, mentions=_mentions(body, item["name"])))
    dates = [_date(body, value) for value in [*gold.get("dates", []), *gold.get("dates_optional", [])]]
    events = []
    search_from = 0
    for index, item in enumerate(gold.get("events", []), start=1):
        trigger, span = _trigger(body, item["type"], search_from)
        evidence = []
        if span is not None:
            sentence = _sentence_around(body, span.start, span.end)
            evidence = [Evidence(start=sentence.start, end=sentence.end, rule=f"gold.{item['type']}")]
            search_from = span.end
        named = [facility_by_key.get(name_key(name)) for name in item.get("facilities", [])]
        first_role, other_role = _FACILITY_ROLES[item["type"]]
        participants = [Participant(ref=facility.id, role=first_role if position == 0 else other_role)
                        for position, facility in enumerate(f for f in named if f is not None)]
        member_refs = {participant.ref for participant in participants}
        participants += [Participant(ref=person.id, role="attendee") for person in people
                         if any(position.org_ref in member_refs for position in person.positions)]
        attributes = EventAttributes(recipients_collective=item.get("recipients_collective"),
                                     recipients_individual=item.get("recipients_individual"))
        events.append(Event(id=f"E{index}", type=item["type"], trigger=trigger, date=item.get("date"),
                            participants=participants, attributes=attributes, evidence=evidence))
    return ArticleRecord(
        id=hashlib.sha256(article.source.encode("utf-8")).hexdigest()[:16],
        source=Source(path=f"corpus/{article.source}", format="text",
                      sha256=hashlib.sha256(body.encode("utf-8")).hexdigest()),
        title=gold.get("title"), published=gold.get("published"), authors=gold.get("authors", []),
        outlet=gold.get("outlet"), category=gold.get("category"), body=body, people=people,
        facilities=facilities, organizations=organizations, dates=dates, events=events,
        pipeline=PipelineInfo(version="gold", rules_sha256="0" * 64),
    )


def write_gold_output(gold_path: Path, folder: Path) -> Path:
    """An output folder (``articles.jsonl``, empty ``errors.jsonl``) built from gold."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    records = [record_from_gold(article) for article in read_gold(gold_path)]
    with (folder / "articles.jsonl").open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(record.model_dump_json() + "\n")
    (folder / "errors.jsonl").write_text("", encoding="utf-8")
    return folder


@dataclass(frozen=True)
class SeedOutput:
    """An output folder of the seed articles and where its records came from."""

    folder: Path
    origin: str  # "pipeline" (vnie run) or "gold" (record_from_gold)
    note: str = ""


def _pipeline_output(corpus: Path, folder: Path, timeout: float) -> Optional[str]:
    """Run ``vnie run`` on the corpus; ``None`` when every input gave a record."""
    import subprocess
    import sys

    command = [sys.executable, "-c", "from pipeline.cli import main; main()", "run", str(corpus), "-o", str(folder)]
    try:
        completed = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"vnie run took more than {timeout:.0f} s"
    articles = folder / "articles.jsonl"
    lines = articles.read_text(encoding="utf-8").splitlines() if articles.exists() else []
    inputs = [path for path in Path(corpus).iterdir() if path.is_file()]
    if completed.returncode != 0 or len([line for line in lines if line.strip()]) < len(inputs):
        message = (completed.stderr or completed.stdout).strip().splitlines()
        return f"vnie run gave {len(lines)} records for {len(inputs)} inputs: {message[-1] if message else ''}"
    return None


def seed_output(folder: Path, corpus: Path, gold: Path, source: str = "auto", timeout: float = 600) -> SeedOutput:
    """Records of the seed articles: from the real pipeline when it processes
    every seed (``source`` ``auto`` or ``pipeline``), else built from gold.

    A folder already built (several test modules share one) is reused.
    """
    folder = Path(folder)
    marker = folder / "origin.json"
    if marker.exists():
        built = json.loads(marker.read_text(encoding="utf-8"))
        return SeedOutput(Path(built["folder"]), built["origin"], built["note"])
    note = ""
    seed = None
    if source in ("auto", "pipeline"):
        problem = _pipeline_output(Path(corpus), folder / "pipeline", timeout)
        if problem is None:
            seed = SeedOutput(folder / "pipeline", "pipeline")
        elif source == "pipeline":
            raise RuntimeError(problem)
        else:
            note = problem
    if seed is None:
        seed = SeedOutput(write_gold_output(Path(gold), folder / "gold"), "gold", note)
    marker.write_text(json.dumps({"folder": str(seed.folder), "origin": seed.origin, "note": seed.note}),
                      encoding="utf-8")
    return seed
