"""Bad inputs never stop a run: each gets one error line (or a record with a
warning), the good articles are all there, and the exit status says 1.

Every fixture is made in the test from real articles of the development
corpus: emptied, compressed into binary, broken into invalid UTF-8, repeated
to 50 MB, stripped of the article, cut mid-line in a crawler JSONL file.
"""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from pipeline.batch import EXIT_ARTICLES_FAILED, ProcessorSpec, run_batch
from pipeline.rules import RULES_DIR

DEV = Path(__file__).resolve().parents[1] / "corpus-dev"
PROBE = ProcessorSpec(factory="pipeline.batch.probe:probe_processor")
GOOD = ["text/ttyt-melinh-02.txt", "text/vims-c018-118.txt"]
ARTICLE = DEV / "text/vims-c054-364.txt"
PAGE = DEV / "html/dantri-the-thao-top-10-ngoi-sao-tang-gia-manh-nhat-sau-world-cup-2022.html"
# Written for this test: a short English health news item.
ENGLISH = (
    "City hospital opens new dialysis ward\n"
    "The provincial hospital opened a new dialysis ward on Monday, doubling the number of patients it can "
    "treat each week. Doctors said the ward would shorten waiting lists that have grown for two years.\n"
    "The director thanked the health department for its support and said more nurses would be trained "
    "before the end of the year.\n"
)


def bad_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    (corpus / "bad").mkdir(parents=True)
    for name in GOOD:
        shutil.copyfile(DEV / name, corpus / Path(name).name)
    article = ARTICLE.read_bytes()
    (corpus / "bad/empty.txt").write_bytes(b"")
    (corpus / "bad/blank.txt").write_bytes(b" \r\n\t\r\n")
    (corpus / "bad/binary.txt").write_bytes(gzip.compress(article))
    broken = bytearray(article)
    for offset in range(200, len(broken), 97):
        broken[offset] = 0xFF
    (corpus / "bad/invalid-utf8.txt").write_bytes(bytes(broken))
    with open(corpus / "bad/huge.txt", "wb") as handle:
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(article)
    page = BeautifulSoup(PAGE.read_text(encoding="utf-8"), "lxml")
    menus = "".join(str(tag) for tag in page.find_all(["header", "nav"]))
    (corpus / "bad/no-article.html").write_text(f"<html><head></head><body>{menus}</body></html>", encoding="utf-8")
    (corpus / "bad/english.txt").write_text(ENGLISH, encoding="utf-8")
    rows = [json.dumps({"url": f"https://example.vn/bai-{n}", "text": (DEV / GOOD[n]).read_text(encoding="utf-8")},
                       ensure_ascii=False) for n in range(2)]
    cut = rows[1][: len(rows[1]) // 2]
    (corpus / "bad/crawl.jsonl").write_text(rows[0] + "\n" + cut, encoding="utf-8")
    return corpus


def run(corpus: Path, out: Path, **options):
    rules = out.parent / "rules"
    if not rules.exists():
        shutil.copytree(RULES_DIR, rules)
    return run_batch([corpus], out, rules_dir=rules, workers=2, progress=False, **options)


def lines_by_path(out: Path) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for name in ("articles.jsonl", "errors.jsonl"):
        for line in (out / name).read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            found.setdefault(item["source"]["path"], []).append(item)
    return found


# Kinds the reader may give: compressed bytes are "binary" or "undecodable".
READ_ERRORS = [
    ("corpus/bad/empty.txt", {"empty"}),
    ("corpus/bad/blank.txt", {"empty"}),
    ("corpus/bad/binary.txt", {"binary", "undecodable"}),
    ("corpus/bad/huge.txt", {"too_large"}),
    ("corpus/bad/crawl.jsonl#L2", {"invalid_jsonl"}),
]


@pytest.fixture(scope="module")
def probe_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad-probe")
    summary = run(bad_corpus(root), root / "out", processor=PROBE)
    return summary, lines_by_path(root / "out")


@pytest.mark.parametrize("path, kinds", READ_ERRORS)
def test_unreadable_input_gets_one_error_line_of_its_kind(probe_run, path, kinds):
    _, found = probe_run
    [item] = found[path]
    assert item["error"]["kind"] in kinds
    assert found[path][0]["error"]["message"]


def test_every_input_has_exactly_one_line_and_the_run_reports_failure(probe_run):
    summary, found = probe_run
    assert all(len(items) == 1 for items in found.values())
    # 2 good files, 7 bad single-article files, a JSONL file of 2 lines.
    assert len(found) == 2 + 7 + 2
    assert summary.exit_code == EXIT_ARTICLES_FAILED
    assert summary.failed == sum("error" in items[0] for items in found.values()) >= len(READ_ERRORS)
    assert "corpus/bad/crawl.jsonl#L1" in found and "error" not in found["corpus/bad/crawl.jsonl#L1"][0]


def test_invalid_utf8_is_decoded_with_a_warning_or_refused(probe_run):
    _, found = probe_run
    [item] = found["corpus/bad/invalid-utf8.txt"]
    assert item.get("warnings") or item.get("error", {}).get("kind") in {"undecodable", "binary"}



@pytest.mark.slow
def test_real_pipeline_turns_every_bad_input_into_one_line(tmp_path):
    summary = run(bad_corpus(tmp_path), tmp_path / "out", timeout=120)
    found = lines_by_path(tmp_path / "out")
    assert all(len(items) == 1 for items in found.values()), found.keys()
    kinds = {path: items[0].get("error", {}).get("kind") for path, items in found.items()}
    for path, expected in READ_ERRORS:
        assert kinds[path] in expected
    # Refused, or kept with a warning saying what is wrong with it.
    for path, kind in (("corpus/bad/no-article.html", "no_article"), ("corpus/bad/english.txt", "not_vietnamese")):
        assert kinds[path] == kind or found[path][0]["warnings"], found[path][0]
    for good in ("corpus/ttyt-melinh-02.txt", "corpus/vims-c018-118.txt", "corpus/bad/crawl.jsonl#L1"):
        record = found[good][0]
        assert "error" not in record and record["body"]
    assert summary.exit_code == EXIT_ARTICLES_FAILED


def test_command_line_exit_status_says_some_articles_failed(tmp_path):
    import subprocess
    import sys

    corpus = bad_corpus(tmp_path)
    shutil.copytree(RULES_DIR, tmp_path / "rules")
    vnie = str(Path(sys.executable).with_name("vnie"))
    done = subprocess.run(
        [vnie, "run", str(corpus), "-o", str(tmp_path / "out"), "--workers", "2", "--no-progress",
         "--rules", str(tmp_path / "rules"), "--processor", PROBE.factory],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == EXIT_ARTICLES_FAILED, done.stderr
    assert "11 processed, 0 skipped (unchanged)" in done.stderr
    errors = (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert f"{len(errors)} failed" in done.stderr and len(errors) >= len(READ_ERRORS)
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["missing-folder", "-o", "out"], "usage error: input not found: missing-folder"),
        (["in", "-o", "out", "--engine", "local", "--scheduler", "tcp://127.0.0.1:8786"],
         "--scheduler is for --engine dask"),
    ],
)
def test_command_line_usage_errors_exit_2(tmp_path, monkeypatch, arguments, message):
    from click.testing import CliRunner

    from pipeline.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    result = CliRunner().invoke(main, ["run", *arguments])
    assert result.exit_code == 2
    assert message in result.output
