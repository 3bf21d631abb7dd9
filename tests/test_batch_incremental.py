"""Incremental runs: unchanged articles are skipped, changed ones replaced, never duplicated.

The batch machinery is exercised with the probe processor (no models), on real
articles of the development corpus copied to a temporary folder.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.batch import ProcessorSpec, run_batch
from pipeline.rules import RULES_DIR

DEV = Path(__file__).resolve().parents[1] / "corpus-dev"
if not DEV.is_dir():
    DEV = Path(__file__).resolve().parent.parent / "corpus-dev"
PROBE = ProcessorSpec(factory="pipeline.batch.probe:probe_processor")
SAMPLE = [
    "text/ttyt-melinh-02.txt",
    "text/ttyt-melinh-10.txt",
    "text/vims-c018-118.txt",
    "text/vims-c054-364.txt",
    "html/dantri-the-thao-top-10-ngoi-sao-tang-gia-manh-nhat-sau-world-cup-2022.html",
]


def copy_sample(root: Path, names=SAMPLE) -> Path:
    corpus = root / "corpus"
    for name in names:
        target = corpus / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(DEV / name, target)
    return corpus


def run(corpus, out: Path, **options):
    # One snapshot of the rules per test, so that its runs share one rules hash.
    if "rules_dir" not in options:
        options["rules_dir"] = out.parent / "rules-snapshot"
        if not options["rules_dir"].exists():
            shutil.copytree(RULES_DIR, options["rules_dir"])
    options.setdefault("processor", PROBE)
    options.setdefault("workers", 2)
    options.setdefault("progress", False)
    inputs = corpus if isinstance(corpus, list) else [corpus]
    return run_batch(inputs, out, **options)


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_second_run_skips_everything_and_keeps_output_identical(tmp_path):
    corpus = copy_sample(tmp_path)
    out = tmp_path / "out"
    first = run(corpus, out)
    assert (first.processed, first.skipped, first.failed, first.exit_code) == (5, 0, 0, 0)
    before = (out / "articles.jsonl").read_bytes()
    second = run(corpus, out)
    assert (second.processed, second.skipped, second.replaced, second.exit_code) == (0, 5, 0, 0)
    assert (out / "articles.jsonl").read_bytes() == before


def test_changed_article_is_reprocessed_and_replaces_its_record(tmp_path):
    corpus = copy_sample(tmp_path)
    out = tmp_path / "out"
    run(corpus, out)
    edited = corpus / "text/vims-c018-118.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nMột câu mới được thêm vào cuối bài.\n", encoding="utf-8")
    summary = run(corpus, out)
    assert (summary.processed, summary.skipped, summary.replaced) == (1, 4, 1)
    records = lines(out / "articles.jsonl")
    paths = [r["source"]["path"] for r in records]
    assert len(records) == 5 and len(set(paths)) == 5
    changed = next(r for r in records if r["source"]["path"].endswith("vims-c018-118.txt"))
    assert "Một câu mới được thêm vào cuối bài." in changed["body"]


def test_force_reprocesses_everything(tmp_path):
    corpus = copy_sample(tmp_path)
    out = tmp_path / "out"
    run(corpus, out)
    summary = run(corpus, out, force=True)
    assert (summary.processed, summary.skipped, summary.replaced) == (5, 0, 5)
    assert len(lines(out / "articles.jsonl")) == 5


def test_changed_rules_reprocess_everything(tmp_path):
    corpus = copy_sample(tmp_path)
    out = tmp_path / "out"
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    run(corpus, out, rules_dir=rules)
    assert run(corpus, out, rules_dir=rules).skipped == 5
    any_file = sorted(rules.glob("*.yaml"))[0]
    any_file.write_text(any_file.read_text(encoding="utf-8") + "\n# reviewed\n", encoding="utf-8")
    summary = run(corpus, out, rules_dir=rules)
    assert (summary.processed, summary.skipped) == (5, 0)
    assert len({r["pipeline"]["rules_sha256"] for r in lines(out / "articles.jsonl")}) == 1


def test_output_is_sorted_by_source_path_whatever_the_worker_count(tmp_path):
    corpus = copy_sample(tmp_path)
    one, two = tmp_path / "one", tmp_path / "two"
    run(corpus, one, workers=1)
    run(corpus, two, workers=2)
    assert (one / "articles.jsonl").read_bytes() == (two / "articles.jsonl").read_bytes()
    paths = [r["source"]["path"] for r in lines(one / "articles.jsonl")]
    assert paths == sorted(paths)
    assert paths[0].startswith("corpus/")


def test_crawler_jsonl_lines_keep_line_order_and_replace_by_line(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = [(DEV / name).read_text(encoding="utf-8") for name in SAMPLE[:4]]
    rows = [json.dumps({"url": f"https://example.vn/bai-{i}", "text": texts[i % 4]}, ensure_ascii=False) for i in range(12)]
    (corpus / "crawl.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run(corpus, out).processed == 12
    paths = [r["source"]["path"] for r in lines(out / "articles.jsonl")]
    assert paths == [f"corpus/crawl.jsonl#L{n}" for n in range(1, 13)]
    rows[1] = json.dumps({"url": "https://example.vn/bai-1", "text": texts[0] + "\nĐoạn cập nhật."}, ensure_ascii=False)
    (corpus / "crawl.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    summary = run(corpus, out)
    assert summary.processed == 12 and summary.replaced == 12
    records = lines(out / "articles.jsonl")
    assert len(records) == 12 and len({r["id"] for r in records}) == 12
    assert "Đoạn cập nhật." in records[1]["body"]


def test_same_article_under_two_names_is_one_record(tmp_path):
    corpus = copy_sample(tmp_path, SAMPLE[:2])
    shutil.copyfile(corpus / SAMPLE[0], corpus / "text/ban-sao.txt")
    out = tmp_path / "out"
    summary = run(corpus, out)
    records = lines(out / "articles.jsonl")
    assert len(records) == 2 and summary.duplicates == 1
    # Within one run the record of the smaller source path is kept, whatever finishes first.
    assert any(r["source"]["path"] == "corpus/text/ban-sao.txt" for r in records)


def test_deleted_or_edited_output_file_is_rewritten_from_the_state(tmp_path):
    corpus = copy_sample(tmp_path)
    out = tmp_path / "out"
    run(corpus, out)
    expected = (out / "articles.jsonl").read_bytes()
    (out / "articles.jsonl").unlink()
    run(corpus, out)
    assert (out / "articles.jsonl").read_bytes() == expected
    with open(out / "articles.jsonl", "ab") as handle:
        handle.write(b'{"schema_version": "1", "id": "trunc')
    run(corpus, out)
    assert (out / "articles.jsonl").read_bytes() == expected


def test_output_folder_inside_the_input_is_not_read_back(tmp_path):
    corpus = copy_sample(tmp_path)
    out = corpus / "out"
    run(corpus, out)
    summary = run(corpus, out, force=True)
    assert summary.processed == 5
    assert len(lines(out / "articles.jsonl")) == 5


def test_inputs_from_two_runs_accumulate_in_one_output(tmp_path):
    corpus = copy_sample(tmp_path)
    out = tmp_path / "out"
    run([corpus / "text"], out)
    run([corpus / "html"], out)
    assert len(lines(out / "articles.jsonl")) == 5


@pytest.mark.parametrize(
    "options, message",
    [
        ({"engine": "spark"}, "unknown engine"),
        ({"timeout": 0}, "--timeout"),
        ({"workers": 0}, "--workers"),
        ({"scheduler": "tcp://127.0.0.1:1"}, "--scheduler is for --engine dask"),
    ],
)
def test_impossible_options_are_usage_errors(tmp_path, options, message):
    from pipeline.batch import BatchUsageError

    with pytest.raises(BatchUsageError, match=message):
        run(copy_sample(tmp_path), tmp_path / "out", **options)


def test_missing_input_is_a_usage_error(tmp_path):
    from pipeline.batch import BatchUsageError

    with pytest.raises(BatchUsageError, match="input not found"):
        run(tmp_path / "nowhere", tmp_path / "out")


def test_output_without_its_state_is_adopted_not_lost(tmp_path):
    from pipeline.batch.state import STATE_NAME

    corpus = copy_sample(tmp_path)
    out = tmp_path / "out"
    run([corpus / "text"], out)
    run([corpus / "html"], out)
    expected = (out / "articles.jsonl").read_bytes()
    for leftover in out.glob(STATE_NAME + "*"):
        leftover.unlink()
    with open(out / "articles.jsonl", "ab") as handle:
        handle.write(b'{"schema_version": "1", "id": "trunc')
    summary = run([corpus / "text"], out)
    # The text files are processed again (their state is gone), the HTML page's record is kept.
    assert (summary.processed, summary.replaced) == (4, 4)
    assert (out / "articles.jsonl").read_bytes() == expected


def test_a_single_file_input_is_named_by_its_file_name(tmp_path):
    corpus = copy_sample(tmp_path, SAMPLE[:1])
    out = tmp_path / "out"
    run(corpus / SAMPLE[0], out)
    assert [r["source"]["path"] for r in lines(out / "articles.jsonl")] == ["ttyt-melinh-02.txt"]
    assert run(corpus / SAMPLE[0], out).skipped == 1
