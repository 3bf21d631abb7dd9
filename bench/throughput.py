"""Throughput of tagging and of the whole pipeline, as ratios against underthesea in the same run.

    .venv/bin/python bench/throughput.py [--copies 16] [--skip-run]

Measures, on the same cleaned bodies (``corpus/*.txt`` and the development
corpus' text files, CMS fragments with their tags crudely stripped):

(a) underthesea ``ner()`` on every sentence (the baseline);
(b) this project's tagging layer (``Annotator``: sentences, words, POS, chunk,
    NER as a spaCy Doc), with all layers and with POS+NER only, checking in
    the same run that its tags equal the baseline's;
    peak RSS of one annotating worker (a fresh process that loads the models
    and annotates every body);
(c) ``vnie run`` with one worker and with two, on copies of the raw files,
    per core and the 1 -> 2 worker speed-up.

Timings are wall-clock on a shared machine: read the ratios, not the absolute
figures. Nothing here is asserted.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHARED_DEV = Path(__file__).resolve().parents[1] / "corpus-dev"
DEV = SHARED_DEV if SHARED_DEV.is_dir() else ROOT / "corpus-dev"
SOURCES = sorted((ROOT / "corpus").glob("*.txt")) + sorted((DEV / "text").glob("*.txt"))


@dataclass(frozen=True)
class Rate:
    label: str
    seconds: float
    characters: int
    articles: int

    @property
    def chars_per_second(self) -> float:
        return self.characters / self.seconds if self.seconds else float("inf")

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else float("inf")


def cleaned_bodies(paths: list[Path]) -> list[str]:
    from pipeline.textnorm import normalize_text

    bodies = []
    for path in paths:
        raw = path.read_bytes().decode("utf-8", errors="replace")
        bodies.append(normalize_text(html.unescape(re.sub(r"<[^>]+>", " ", raw))))
    return bodies


@dataclass
class InterleavedTimes:
    """Seconds spent by each contender, measured article by article in turn."""

    seconds: dict[str, float]
    docs: list
    reference: list


def measure_interleaved(bodies: list[str]) -> InterleavedTimes:
    """Time underthesea ``ner()`` and the annotator on each article in turn.

    On a shared machine the load changes during a run; measuring every
    contender on each article, one after the other, keeps the ratios fair.
    """
    from underthesea import ner

    from pipeline.annotate import Annotator
    from pipeline.annotate.tokenizer import word_sentences

    contenders = {
        "all layers": Annotator(layers=("pos", "chunk", "ner")),
        "pos+ner": Annotator(layers=("pos", "ner")),
        "words only": Annotator(layers=()),
    }
    warm = "Bệnh viện Đa khoa tỉnh tổ chức Lễ ký kết."
    ner(warm)
    for annotator in contenders.values():
        annotator.annotate(warm)
    seconds = {name: 0.0 for name in ["underthesea"] + list(contenders)}
    docs, reference = [], []
    for body in bodies:
        for name, annotator in contenders.items():
            started = time.perf_counter()
            doc = annotator.annotate(body)
            seconds[name] += time.perf_counter() - started
            if name == "all layers":
                docs.append(doc)
        sentences = [text for text, _ in word_sentences(docs[-1])]
        started = time.perf_counter()
        reference.append([ner(sentence) for sentence in sentences])
        seconds["underthesea"] += time.perf_counter() - started
    return InterleavedTimes(seconds, docs, reference)


def worker_peak_rss() -> dict:
    """Run in a fresh process: load the models, annotate every body, report peak RSS."""
    import resource

    from pipeline.annotate import Annotator

    bodies = cleaned_bodies(SOURCES)
    annotator = Annotator()
    started = time.perf_counter()
    for body in bodies:
        annotator.annotate(body)
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"peak_rss_mb": peak_kb / 1024, "seconds": seconds}


@dataclass(frozen=True)
class RunMeasurement:
    """One ``vnie run``: its rate (``None`` when it could not run), the peak RSS
    of its largest process, the CPU seconds of its whole process tree, and why
    it could not run."""

    rate: Rate | None
    peak_rss_mb: float = 0.0
    cpu_seconds: float = 0.0
    problem: str = ""


def measure_vnie_run(paths: list[Path], copies: int, workers: int) -> RunMeasurement:
    """Wall time, CPU time and peak RSS of ``vnie run`` over ``copies`` copies of the raw files."""
    import resource

    import psutil

    vnie = ROOT / ".venv" / "bin" / "vnie"
    if not vnie.exists():
        vnie = Path(shutil.which("vnie") or "")
    if not vnie or not vnie.exists():
        return RunMeasurement(None, problem="vnie is not installed")
    probe = subprocess.run([str(vnie), "run", "--help"], capture_output=True, text=True)
    if probe.returncode != 0:
        return RunMeasurement(None, problem="`vnie run` is not available yet")
    with tempfile.TemporaryDirectory(prefix="vnie-bench-") as scratch:
        inputs = Path(scratch) / "in"
        inputs.mkdir()
        # Characters are counted on the cleaned bodies, as for (a) and (b),
        # so that the ratios compare the same text (raw files carry markup).
        characters = copies * sum(len(body) for body in cleaned_bodies(paths))
        for copy in range(copies):
            for path in paths:
                text = path.read_bytes().decode("utf-8", errors="replace")
                # A distinct last line per copy: distinct articles, same work.
                (inputs / f"{copy:02d}_{path.name}").write_bytes(f"{text}\n\n({copy + 1})\n".encode("utf-8"))
        command = [str(vnie), "run", str(inputs), "-o", str(Path(scratch) / "out"), "--workers", str(workers),
                   "--force", "--no-progress"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        process = psutil.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        peak = 0.0
        while process.poll() is None:
            try:
                tree = [process] + process.children(recursive=True)
                peak = max([peak] + [p.memory_info().rss / 2**20 for p in tree if p.is_running()])
            except psutil.Error:
                pass
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        _, stderr = process.communicate()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if process.returncode not in (0, 1):
            problem = f"`vnie run` exited with {process.returncode}: {stderr.strip()[-300:]}"
            return RunMeasurement(None, peak, cpu, problem)
        return RunMeasurement(Rate(f"vnie run --workers {workers}", seconds, characters, copies * len(paths)), peak, cpu)


def print_rate(rate: Rate, baseline: Rate | None, note: str = "") -> None:
    ratio = f"{rate.chars_per_second / baseline.chars_per_second:6.2f}x" if baseline else "       "
    print(f"{rate.label:<44} {rate.chars_per_second:>10,.0f} chars/s {rate.articles_per_second:>8.2f} articles/s"
          f"  {ratio}  {note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=16, help="copies of the corpus for `vnie run` (default 16: enough articles that model loading does not dominate)")
    parser.add_argument("--skip-run", action="store_true", help="do not measure `vnie run`")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker_peak_rss()))
        return

    from pipeline.annotate.sentences import sentence_spans
    from pipeline.annotate.tokenizer import word_sentences

    bodies = cleaned_bodies(SOURCES)
    characters = sum(len(body) for body in bodies)
    print(f"corpus: {len(bodies)} articles, {characters:,} characters (cleaned bodies)")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at start")

    times = measure_interleaved(bodies)
    docs, reference = times.docs, times.reference

    identical = total = 0
    for doc, article in zip(docs, reference):
        for (_, words), expected in zip(word_sentences(doc), article):
            total += 1
            mine = [(t._.word_form, t.tag_, t._.chunk, t._.ner) for t in words]
            identical += mine == [tuple(row) for row in expected]
    print(f"sentences: {total:,} ({sum(len(sentence_spans(b)) for b in bodies):,} from the sentence splitter)")
    print()
    seconds = times.seconds
    baseline = Rate("(a) underthesea ner() per sentence", seconds["underthesea"], characters, len(bodies))
    print_rate(baseline, baseline)
    print_rate(Rate("(b) Annotator pos+chunk+ner", seconds["all layers"], characters, len(bodies)), baseline,
               f"identical tags: {identical}/{total} sentences")
    print_rate(Rate("(b) Annotator pos+ner", seconds["pos+ner"], characters, len(bodies)), baseline)
    print_rate(Rate("    Annotator words and sentences only", seconds["words only"], characters, len(bodies)), baseline)

    worker = subprocess.run([sys.executable, __file__, "--worker"], capture_output=True, text=True, cwd=ROOT)
    if worker.returncode == 0:
        figures = json.loads(worker.stdout.strip().splitlines()[-1])
        print(f"peak RSS of one annotating worker (models loaded, all layers, every body): "
              f"{figures['peak_rss_mb']:.0f} MB")
    else:
        print(f"peak RSS of one annotating worker: not measured ({worker.stderr.strip()[-200:]})")

    print()
    if args.skip_run:
        print("(c) vnie run: skipped (--skip-run)")
        return
    one = measure_vnie_run(SOURCES, args.copies, 1)
    if one.rate is None:
        print(f"(c) vnie run: not measured: {one.problem}")
        return
    print_rate(Rate("(c) vnie run --workers 1 (per core)", one.rate.seconds, one.rate.characters,
                    one.rate.articles), baseline,
               f"peak RSS {one.peak_rss_mb:.0f} MB (largest process), {one.cpu_seconds:.1f} CPU s")
    two = measure_vnie_run(SOURCES, args.copies, 2)
    if two.rate is None:
        print(f"(c) vnie run --workers 2: not measured: {two.problem}")
        return
    print_rate(Rate("(c) vnie run --workers 2 (2 cores)", two.rate.seconds, two.rate.characters,
                    two.rate.articles), baseline,
               f"peak RSS {two.peak_rss_mb:.0f} MB (largest process), {two.cpu_seconds:.1f} CPU s")
    print(f"speed-up 1 -> 2 workers: {one.rate.seconds / two.rate.seconds:.2f}x wall time (target >= 1.8x; "
          f"includes process start and model loading, {one.rate.articles} articles)")
    # CPU seconds barely change with the number of workers when the work
    # splits well; a wall-time speed-up far below 2 with equal CPU seconds
    # means the cores were busy with other work.
    print(f"CPU seconds 1 -> 2 workers: {one.cpu_seconds:.1f} -> {two.cpu_seconds:.1f}; "
          f"machine load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
