"""Crash safety: a run killed at any moment (SIGKILL) and rerun ends with every
article exactly once and no truncated line; a dead or stuck worker costs one
error line, never the run."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pipeline.batch import ProcessorSpec, run_batch
from pipeline.batch.state import STATE_NAME
from pipeline.rules import RULES_DIR

DEV = Path(__file__).resolve().parents[1] / "corpus-dev"
VNIE = str(Path(sys.executable).with_name("vnie"))
PROBE = "pipeline.batch.probe:probe_processor"


def edited_corpus(root: Path, copies: int) -> tuple[Path, int]:
    """Real articles repeated with a small edit each, plus a crawler JSONL file."""
    corpus = root / "corpus"
    texts = sorted((DEV / "text").glob("*.txt"))
    count = 0
    for index in range(copies):
        source = texts[index % len(texts)]
        target = corpus / f"part-{index // 20:02d}" / f"{index:04d}-{source.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(source.read_text(encoding="utf-8") + f"\nBản sửa số {index}.\n", encoding="utf-8")
        count += 1
    rows = [
        json.dumps({"url": f"https://example.vn/tin-{n}", "text": texts[n % len(texts)].read_text(encoding="utf-8")},
                   ensure_ascii=False)
        for n in range(15)
    ]
    (corpus / "crawl.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    # A snapshot of the rules, so that the runs of one test share one rules hash.
    shutil.copytree(RULES_DIR, root / "rules")
    return corpus, count + len(rows)


def vnie_run(corpus: Path, out: Path, delay: str, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [VNIE, "run", str(corpus), "-o", str(out), "--workers", "2", "--no-progress", "--processor", PROBE,
         "--rules", str(corpus.parent / "rules"), *extra],
        env=dict(os.environ, VNIE_PROBE_DELAY=delay),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        # A shell starts background jobs with Ctrl-C ignored, and children inherit that: the run
        # under test gets the default, as it has when a user starts it at a terminal.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def stored(out: Path) -> int:
    """Lines in the state database, read the way any reader may while a run writes."""
    try:
        with sqlite3.connect(f"file:{out / STATE_NAME}?mode=ro", uri=True, timeout=5) as db:
            return int(db.execute("SELECT count(*) FROM records").fetchone()[0])
    except sqlite3.Error:
        return 0


def probe_run(corpus: Path, out: Path, **options):
    options.setdefault("workers", 2)
    rules = corpus.parent / "rules"
    return run_batch([corpus], out, processor=ProcessorSpec(factory=PROBE), rules_dir=rules, progress=False, **options)


def check_exactly_once(out: Path, expected: int, temporaries_allowed: bool = False) -> list[dict]:
    raw = (out / "articles.jsonl").read_bytes()
    assert raw.endswith(b"\n")
    records = [json.loads(line) for line in raw.decode("utf-8").splitlines()]
    paths = [r["source"]["path"] for r in records]
    assert len(records) == expected
    assert len(set(paths)) == expected and len({r["id"] for r in records}) == expected
    if not temporaries_allowed:
        assert not [p for p in out.iterdir() if ".tmp-" in p.name]
    return records


@pytest.mark.slow
def test_killed_three_times_then_rerun_gives_every_article_once(tmp_path):
    corpus, expected = edited_corpus(tmp_path, 60)
    out = tmp_path / "out"
    chooser = random.Random(int(time.time()))
    for _ in range(3):
        # Kill when a random number of articles is stored, so that it lands mid-run.
        target = chooser.randint(min(stored(out) + 1, expected - 1), expected - 1)
        process = vnie_run(corpus, out, delay="0.05")
        while process.poll() is None and stored(out) < target:
            time.sleep(0.02)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    final = vnie_run(corpus, out, delay="0")
    _, stderr = final.communicate(timeout=300)
    assert final.returncode == 0, stderr
    check_exactly_once(out, expected)
    again = subprocess.run(
        [VNIE, "run", str(corpus), "-o", str(out), "--no-progress", "--processor", PROBE,
         "--rules", str(tmp_path / "rules")],
        capture_output=True, text=True, timeout=120,
    )
    assert again.returncode == 0 and f"0 processed, {expected} skipped" in again.stderr
    check_exactly_once(out, expected)


_MATERIALISE_LOOP = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from pipeline.batch.state import StateStore
    from pipeline.batch.writer import materialise
    out = Path(sys.argv[1])
    store = StateStore.open(out)
    print("ready", flush=True)
    while True:
        store.set_meta("generation", str(store.generation + 1))
        materialise(store, out)
    """
)


@pytest.mark.slow
def test_killed_while_rewriting_the_output_leaves_a_complete_file(tmp_path):
    corpus, expected = edited_corpus(tmp_path, 200)
    out = tmp_path / "out"
    probe_run(corpus, out, workers=2)
    chooser = random.Random(7)
    for _ in range(5):
        writer = subprocess.Popen([sys.executable, "-c", _MATERIALISE_LOOP, str(out)], stdout=subprocess.PIPE, text=True)
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(chooser.uniform(0.05, 0.6))
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait(timeout=10)
        check_exactly_once(out, expected, temporaries_allowed=True)
    # The next run clears the dead writer's temporary file.
    assert probe_run(corpus, out).skipped == expected
    check_exactly_once(out, expected)


def test_a_crashing_worker_costs_one_error_line_and_the_run_goes_on(tmp_path):
    corpus, _ = edited_corpus(tmp_path, 6)
    crash = corpus / "part-00" / "0002-crash.txt"
    crash.write_text("Bài viết này làm hỏng tiến trình xử lý. VNIE-PROBE-CRASH\n", encoding="utf-8")
    out = tmp_path / "out"
    summary = probe_run(corpus, out, workers=2)
    assert summary.exit_code == 1 and summary.failed == 1
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["source"]["path"], e["error"]["kind"]) for e in errors] == [
        ("corpus/part-00/0002-crash.txt", "worker_lost")
    ]
    assert len((out / "articles.jsonl").read_text(encoding="utf-8").splitlines()) == 6 + 15
    # A lost worker says nothing about the article: the next run tries it again.
    crash.write_text("Bài viết này đã được sửa lại.\n", encoding="utf-8")
    again = probe_run(corpus, out, workers=2)
    assert (again.processed, again.failed, again.exit_code) == (1, 0, 0)
    assert (out / "errors.jsonl").read_text(encoding="utf-8") == ""


def test_a_stuck_article_hits_the_time_limit_and_its_worker_is_replaced(tmp_path):
    corpus, _ = edited_corpus(tmp_path, 4)
    (corpus / "part-00" / "0001-slow.txt").write_text("Bài viết xử lý mãi không xong. VNIE-PROBE-SLOW\n", encoding="utf-8")
    out = tmp_path / "out"
    started = time.monotonic()
    summary = probe_run(corpus, out, workers=1, timeout=1.5)
    assert time.monotonic() - started < 120  # far less than the stuck article would take
    assert (summary.failed, summary.exit_code) == (1, 1)
    error = json.loads((out / "errors.jsonl").read_text(encoding="utf-8"))
    assert error["error"]["kind"] == "timeout" and "1.5 s" in error["error"]["message"]
    assert len((out / "articles.jsonl").read_text(encoding="utf-8").splitlines()) == 4 + 15


def test_state_database_lives_in_the_output_folder(tmp_path):
    corpus, expected = edited_corpus(tmp_path, 3)
    out = tmp_path / "out"
    probe_run(corpus, out, workers=1)
    with sqlite3.connect(out / STATE_NAME) as db:
        assert db.execute("SELECT count(*) FROM records WHERE kind = 'article'").fetchone()[0] == expected
        assert db.execute("SELECT count(*) FROM files WHERE status = 'done'").fetchone()[0] == 4


def wait_until_stored(out: Path, process: subprocess.Popen, count: int, limit: float = 120.0) -> None:
    deadline = time.monotonic() + limit
    while process.poll() is None and stored(out) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, "the run ended before it could be interrupted"


@pytest.mark.slow
def test_ctrl_c_saves_finished_articles_and_exits_130(tmp_path):
    corpus, expected = edited_corpus(tmp_path, 40)
    # One article per file, so that every saved article is a finished file.
    (corpus / "crawl.jsonl").unlink()
    expected -= 15
    out = tmp_path / "out"
    process = vnie_run(corpus, out, delay="0.2")
    wait_until_stored(out, process, 5)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "rerun to continue" in stderr and "Traceback" not in stderr
    saved = (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert 5 <= len(saved) < expected
    summary = probe_run(corpus, out)
    assert summary.skipped == len(saved) and summary.exit_code == 0
    check_exactly_once(out, expected)



@pytest.mark.slow
def test_real_pipeline_killed_mid_run_then_rerun_gives_every_article_once(tmp_path):
    corpus, _ = edited_corpus(tmp_path, 10)
    (corpus / "crawl.jsonl").unlink()
    out = tmp_path / "out"
    command = [VNIE, "run", str(corpus), "-o", str(out), "--workers", "2", "--no-progress",
               "--rules", str(tmp_path / "rules")]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wait_until_stored(out, process, 3)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode in (0, 1), done.stderr
    lines = [json.loads(line) for name in ("articles.jsonl", "errors.jsonl")
             for line in (out / name).read_text(encoding="utf-8").splitlines()]
    assert sorted(item["source"]["path"] for item in lines) == sorted(
        p.relative_to(tmp_path).as_posix() for p in corpus.rglob("*.txt")
    )
