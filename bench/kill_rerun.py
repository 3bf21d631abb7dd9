"""Kill-and-rerun benchmark: a 2,000-article ``vnie run`` killed (SIGKILL) three
times at random moments, then rerun to the end, must hold every article
exactly once.

The corpus is the development corpus repeated with a small edit per copy (a
sentence appended, so that every copy is a distinct article with its own id).
Each kill comes when the run has stored a random number of articles between
what it had and the total, so it always lands mid-run. Prints the figures and
exits 1 when the output is not exactly once.

    .venv/bin/python bench/kill_rerun.py                  # the real pipeline
    .venv/bin/python bench/kill_rerun.py --probe 0.02     # machinery only, 20 ms per article
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

DEV = Path(__file__).resolve().parents[1] / "corpus-dev"
VNIE = str(Path(sys.executable).with_name("vnie"))
STATE_NAME = ".vnie-state.sqlite"
RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


@dataclass
class Check:
    articles: int
    errors: int
    distinct_paths: int
    distinct_ids: int
    missing: int
    truncated_lines: int

    def exactly_once(self, expected: int) -> bool:
        return (
            self.articles + self.errors == expected
            and self.distinct_paths == expected
            and self.distinct_ids == self.articles
            and self.missing == 0
            and self.truncated_lines == 0
        )


def build_corpus(root: Path, count: int, source: Path) -> list[str]:
    """``count`` edited copies of the source articles; returns their source paths."""
    originals = sorted(p for p in source.rglob("*") if p.suffix in (".txt", ".html") and p.is_file())
    corpus = root / "corpus"
    paths = []
    for index in range(count):
        original = originals[index % len(originals)]
        target = corpus / f"batch-{index // 100:02d}" / f"{index:05d}-{original.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        text = original.read_text(encoding="utf-8")
        edit = f"Bài viết được cập nhật lần thứ {index + 1}."
        if original.suffix == ".html" and "</article>" in text:
            text = text.replace("</article>", f"<p>{edit}</p></article>", 1)
        else:
            text = text.rstrip("\n") + f"\n{edit}\n"
        target.write_text(text, encoding="utf-8")
        paths.append(target.relative_to(root).as_posix())
    return paths


def stored_count(out: Path) -> int:
    try:
        with sqlite3.connect(f"file:{out / STATE_NAME}?mode=ro", uri=True, timeout=5) as db:
            return int(db.execute("SELECT count(*) FROM records").fetchone()[0])
    except sqlite3.Error:
        return 0


def start(command: list[str], env: dict) -> subprocess.Popen:
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def check(out: Path, expected_paths: list[str]) -> Check:
    paths: list[str] = []
    ids: set[str] = set()
    counts = {"articles.jsonl": 0, "errors.jsonl": 0}
    truncated = 0
    for name in counts:
        raw = (out / name).read_text(encoding="utf-8")
        if raw and not raw.endswith("\n"):
            truncated += 1
        for line in raw.splitlines():
            try:
                item = json.loads(line)
            except ValueError:
                truncated += 1
                continue
            counts[name] += 1
            paths.append(item["source"]["path"])
            if "id" in item:
                ids.add(item["id"])
    return Check(
        articles=counts["articles.jsonl"],
        errors=counts["errors.jsonl"],
        distinct_paths=len(set(paths)),
        distinct_ids=len(ids),
        missing=len(set(expected_paths) - set(paths)),
        truncated_lines=truncated,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--probe", type=float, default=None, metavar="SECONDS",
                        help="use the probe processor with this delay per article instead of the real pipeline")
    parser.add_argument("--source", type=Path, default=DEV)
    parser.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else int(time.time())
    chooser = random.Random(seed)

    work = args.keep or Path(tempfile.mkdtemp(prefix="vnie-kill-rerun-"))
    work.mkdir(parents=True, exist_ok=True)
    expected = build_corpus(work, args.articles, args.source)
    out = work / "out"
    # A snapshot of the rules: every run of the benchmark sees the same rules hash,
    # so what is measured is crash safety, not edits to the rules meanwhile.
    rules = work / "rules"
    if not rules.exists():
        shutil.copytree(RULES_DIR, rules)
    command = [VNIE, "run", str(work / "corpus"), "-o", str(out), "--no-progress", "--rules", str(rules)]
    if args.workers:
        command += ["--workers", str(args.workers)]
    env = dict(os.environ)
    if args.probe is not None:
        command += ["--processor", "pipeline.batch.probe:probe_processor"]
        env["VNIE_PROBE_DELAY"] = str(args.probe)
    print(f"seed {seed}; {args.articles} articles in {work}; {' '.join(command)}", flush=True)

    started = time.monotonic()
    for kill in range(1, args.kills + 1):
        before = stored_count(out)
        target = chooser.randint(before + 1, max(before + 1, args.articles - 1))
        process = start(command, env)
        while process.poll() is None and stored_count(out) < target:
            time.sleep(0.1)
        if process.poll() is not None:
            print(f"kill {kill}: the run ended before {target} stored articles (exit {process.returncode})")
            continue
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        print(f"kill {kill}: SIGKILL at {stored_count(out)} stored articles "
              f"({time.monotonic() - started:.1f} s)", flush=True)
    final = start(command, env)
    _, stderr = final.communicate()
    seconds = time.monotonic() - started
    print(stderr.strip())
    result = check(out, expected)
    ok = result.exactly_once(args.articles)
    print(json.dumps({"seed": seed, "seconds": round(seconds, 1), "exit_code": final.returncode,
                      "articles_per_second": round(args.articles / seconds, 2), **result.__dict__,
                      "exactly_once": ok}, ensure_ascii=False))
    print(f"records: {result.articles} articles + {result.errors} error lines = "
          f"{result.articles + result.errors} of {args.articles}; exactly once: {'yes' if ok else 'NO'}")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
