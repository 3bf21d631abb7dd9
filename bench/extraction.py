"""Where the extraction stage spends its time, as shares of the tagging stage in the same run.

    .venv/bin/python bench/extraction.py [--repeat 3] [--top 12]

On every article of ``corpus/`` and the development corpus, cleaned once, this
measures (a) tagging (``ArticleProcessor.annotate``: underthesea words, POS and
NER in the spaCy Doc) — the baseline — and (b) extraction (people, facilities,
organizations, dates, events from the tagged article), each the best of
``--repeat`` passes. It then profiles one extraction pass and prints the time
spent inside the rule lexicon's look-ups (``Lexicon.find``, ``match_at``,
``ends_at`` …) and the costliest extraction functions, as shares of the
extraction pass: the figures that say whether a look-up is worth indexing.

Timings are wall-clock on a shared machine: read the ratios, not the absolute
figures. Nothing here is asserted.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

INPUTS = [ROOT / "corpus", ROOT / "corpus-dev"]
LEXICON_FILE = "lexicon.py"
EXTRACT_DIR = "extract"


def best_of(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="passes per stage; the best is kept")
    parser.add_argument("--top", type=int, default=12, help="extraction functions listed by own time")
    args = parser.parse_args()

    from pipeline.models import ErrorRecord
    from pipeline.process import ArticleProcessor
    from pipeline.read import discover, read_path

    processor = ArticleProcessor()
    raws = [raw for folder in INPUTS for path in discover(folder) for raw in read_path(path, folder)
            if not isinstance(raw, ErrorRecord)]
    cleaned = [processor.clean(raw) for raw in raws]
    annotated = [processor.annotate(article) for article in cleaned]
    characters = sum(len(ann.text) for ann in annotated)
    print(f"{len(annotated)} articles, {characters:,} characters of body and captions")

    tagging = best_of(args.repeat, lambda: [processor.annotate(article) for article in cleaned])
    extraction = best_of(args.repeat, lambda: [processor.extract(ann) for ann in annotated])
    print(f"tagging (baseline)   {tagging:7.3f} s   {characters / tagging:10,.0f} chars/s")
    print(f"extraction           {extraction:7.3f} s   {characters / extraction:10,.0f} chars/s"
          f"   {extraction / tagging:.2f} x tagging")

    profile = cProfile.Profile()
    profile.enable()
    for ann in annotated:
        processor.extract(ann)
    profile.disable()
    stats = pstats.Stats(profile)
    total = sum(row[2] for row in stats.stats.values())  # own time of every function in the pass

    print("\nlexicon look-ups (time inside, calls they make included; share of the profiled extraction pass):")
    lexicon_rows = [(key, row) for key, row in stats.stats.items() if key[0].endswith(LEXICON_FILE)]
    for (_, _, name), (_, calls, _, inside, _) in sorted(lexicon_rows, key=lambda item: -item[1][3])[:8]:
        print(f"  Lexicon.{name:<22} {calls:9,d} calls  {inside:6.3f} s  {inside / total:6.1%}")

    print(f"\nextraction functions by own time (top {args.top}):")
    own_rows = [(key, row) for key, row in stats.stats.items() if f"/{EXTRACT_DIR}/" in key[0]]
    for (path, _, name), (_, calls, own, _, _) in sorted(own_rows, key=lambda item: -item[1][2])[:args.top]:
        print(f"  {Path(path).stem}.{name:<30} {calls:9,d} calls  {own:6.3f} s  {own / total:6.1%}")


if __name__ == "__main__":
    main()
