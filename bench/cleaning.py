"""Benchmark of the clean stage against the cleaning gold.

Prints token-level precision / recall / F1 of body + captions against gold
``main_text`` per input kind (text dumps, CMS fragments, HTML pages), the same
for ``trafilatura.extract`` (default options) on the same HTML pages, the
lowest single-article F1, how often title / published / authors are right on
gold articles that state them, must-exclude violations, and milliseconds per
article for both cleaners.

    .venv/bin/python bench/cleaning.py [--corpus-dev DIR] [--seeds DIR] [--repeat N] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.clean import clean  # noqa: E402
from pipeline.document import CleanedArticle, RawDocument  # noqa: E402
from pipeline.models import Source  # noqa: E402
from pipeline.rules import RuleSet  # noqa: E402
from pipeline.scoring import Counts, score_body  # noqa: E402
from pipeline.textnorm import name_key, normalize_text  # noqa: E402

GOLD_FILES = (ROOT / "gold" / "seeds.jsonl", ROOT / "gold" / "dev-cleaning.jsonl")
KINDS = ("text dumps", "CMS fragments", "HTML pages")
METADATA_FIELDS = ("title", "published", "authors")
FRAGMENT_WARNING = "html fragment in text file"


@dataclass
class KindResult:
    counts: Counts = field(default_factory=Counts)
    seconds: float = 0.0
    articles: int = 0
    worst: tuple[float, str] = (1.0, "")

    def add(self, counts: Counts, seconds: float, name: str) -> None:
        self.counts = self.counts + counts
        self.seconds += seconds
        self.articles += 1
        self.worst = min(self.worst, (counts.f1, name))


def locate(source: str, seeds: Path, corpus_dev: Path) -> Path:
    for candidate in (seeds / source, corpus_dev / "text" / source, corpus_dev / "html" / source):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"gold source {source} not found under {seeds} or {corpus_dev}")


def kind_of(raw: RawDocument, article: CleanedArticle) -> str:
    """The input kind as the cleaner saw it."""
    if raw.kind == "html":
        return "HTML pages"
    return "CMS fragments" if FRAGMENT_WARNING in article.warnings else "text dumps"


def raw_document(path: Path) -> RawDocument:
    content = normalize_text(path.read_text(encoding="utf-8"))
    kind = "html" if path.suffix == ".html" else "text"
    return RawDocument(Source(path=str(path), url=None, format=kind, sha256="0" * 64), content, kind)


def timed(run: Callable[[], object], repeat: int) -> tuple[object, float]:
    """The result and the fastest of ``repeat`` timed runs (after a warm-up): the
    machine is shared, and the minimum is the least disturbed by other work."""
    result = run()
    best = float("inf")
    for _ in range(max(repeat, 1)):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return result, best


def predicted_text(article: CleanedArticle) -> str:
    return "\n\n".join([article.body, *article.captions])


def metadata_right(field_name: str, article: CleanedArticle, gold: dict) -> Optional[bool]:
    """None when the gold article does not state the field."""
    expected = gold.get(field_name)
    if not expected:
        return None
    if field_name == "authors":
        return sorted(name_key(a) for a in article.authors) == sorted(name_key(a) for a in expected)
    value = getattr(article, field_name)
    if field_name == "title":
        return value is not None and name_key(value) == name_key(expected)
    return value == expected


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus-dev", type=Path, default=ROOT / "corpus-dev")
    parser.add_argument("--seeds", type=Path, default=ROOT / "corpus")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per article (after one warm-up); the fastest counts")
    parser.add_argument("--verbose", action="store_true", help="one line per article")
    args = parser.parse_args()

    import trafilatura

    rules = RuleSet.load()
    ours = {kind: KindResult() for kind in KINDS}
    baseline = KindResult()
    meta_hits = {name: [0, 0] for name in METADATA_FIELDS}
    violations: list[str] = []
    for gold_file in GOLD_FILES:
        for line in gold_file.read_text(encoding="utf-8").splitlines():
            gold = json.loads(line)
            path = locate(gold["source"], args.seeds, args.corpus_dev)
            raw = raw_document(path)
            article, seconds = timed(lambda: clean(raw, rules), args.repeat)
            kind = kind_of(raw, article)
            counts = score_body(predicted_text(article), gold["main_text"])
            ours[kind].add(counts, seconds, path.name)
            for name in METADATA_FIELDS:
                right = metadata_right(name, article, gold)
                if right is not None:
                    meta_hits[name][0] += right
                    meta_hits[name][1] += 1
                    if not right and args.verbose:
                        print(f"  {name} wrong in {path.name}: {getattr(article, name)!r} != {gold[name]!r}")
            for text in gold.get("must_exclude", []):
                if normalize_text(text) in predicted_text(article):
                    violations.append(f"{path.name}: {text!r}")
            if kind == "HTML pages":
                html = path.read_text(encoding="utf-8")
                extracted, base_seconds = timed(lambda: trafilatura.extract(html), args.repeat)
                baseline.add(score_body(normalize_text(extracted or ""), gold["main_text"]), base_seconds, path.name)
            if args.verbose:
                print(f"{kind:14} {path.name[:60]:60} F1 {counts.f1:.3f} P {counts.precision:.3f} R {counts.recall:.3f}")

    print(f"{'':28} {'P':>6} {'R':>6} {'F1':>6} {'min F1':>7} {'ms/art':>7}  articles  (lowest)")
    rows = [(f"clean: {kind}", ours[kind]) for kind in KINDS] + [("trafilatura: HTML pages", baseline)]
    for label, result in rows:
        if not result.articles:
            continue
        c = result.counts
        ms = 1000 * result.seconds / result.articles
        print(f"{label:28} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {result.worst[0]:7.3f} {ms:7.2f}  {result.articles:8}  ({result.worst[1][:40]})")
    for name, (hits, total) in meta_hits.items():
        print(f"{name:10} right on {hits}/{total} gold articles that state it ({hits / total:.0%})" if total else f"{name}: no gold")
    print(f"must_exclude violations: {len(violations)}")
    for violation in violations:
        print(f"  {violation}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
