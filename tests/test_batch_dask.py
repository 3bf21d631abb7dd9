"""The Dask engine gives the same output as the local engine, on a real local
cluster of two worker processes and through a scheduler address."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.batch import EngineError, ProcessorSpec, run_batch
from pipeline.rules import RULES_DIR

distributed = pytest.importorskip("distributed", reason="the dask engine needs dask[distributed]")

DEV = Path(__file__).resolve().parents[1] / "corpus-dev"
PROBE = ProcessorSpec(factory="pipeline.batch.probe:probe_processor")
# One of each shape: CMS fragment, plain text dump, full HTML page.
REAL_SAMPLE = [
    "text/ttyt-melinh-02.txt",
    "text/vims-c018-118.txt",
    "html/dantri-kinh-doanh-gia-vang-giam-sau-dau-hieu-kha-quan-cua-kinh-te-my.html",
]



@pytest.fixture()
def rules(tmp_path) -> Path:
    return Path(shutil.copytree(RULES_DIR, tmp_path / "rules"))


def outputs(out: Path) -> tuple[bytes, bytes]:
    return (out / "articles.jsonl").read_bytes(), (out / "errors.jsonl").read_bytes()


@pytest.mark.slow
def test_local_dask_cluster_matches_the_local_engine_on_the_dev_corpus(tmp_path, rules):
    local = run_batch([DEV], tmp_path / "local", processor=PROBE, rules_dir=rules, workers=2, progress=False)
    dask = run_batch([DEV], tmp_path / "dask", processor=PROBE, rules_dir=rules, workers=2, engine="dask",
                     progress=False)
    assert (dask.processed, dask.failed, dask.exit_code) == (local.processed, local.failed, local.exit_code)
    assert local.processed == 46
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "local")
    # The driver keeps the same incremental guarantees with either engine.
    again = run_batch([DEV], tmp_path / "dask", processor=PROBE, rules_dir=rules, engine="dask", progress=False)
    assert (again.processed, again.skipped) == (0, 46)


@pytest.mark.slow
def test_scheduler_address_runs_on_an_existing_cluster(tmp_path, rules):
    from dask.distributed import LocalCluster

    sample = tmp_path / "corpus"
    shutil.copytree(DEV / "text", sample)
    local = run_batch([sample], tmp_path / "local", processor=PROBE, rules_dir=rules, workers=1, progress=False)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        summary = run_batch([sample], tmp_path / "remote", processor=PROBE, rules_dir=rules, engine="dask",
                            scheduler=cluster.scheduler_address, progress=False)
    assert summary.processed == local.processed == 38
    assert outputs(tmp_path / "remote") == outputs(tmp_path / "local")


@pytest.mark.slow
def test_dask_time_limit_and_lost_work_become_error_lines(tmp_path, rules):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copyfile(DEV / REAL_SAMPLE[0], corpus / "a.txt")
    (corpus / "b-slow.txt").write_text("Bài viết xử lý mãi không xong. VNIE-PROBE-SLOW\n", encoding="utf-8")
    summary = run_batch([corpus], tmp_path / "out", processor=PROBE, rules_dir=rules, workers=2, engine="dask",
                        timeout=1.0, progress=False)
    assert (summary.processed, summary.failed, summary.exit_code) == (2, 1, 1)
    assert '"kind":"timeout"' in (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8")


def test_unreachable_scheduler_is_a_clear_engine_error(tmp_path, rules):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copyfile(DEV / REAL_SAMPLE[0], corpus / "a.txt")
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}), pytest.raises(
        EngineError, match="cannot reach the Dask scheduler tcp://127.0.0.1:9"
    ):
        run_batch([corpus], tmp_path / "out", processor=PROBE, rules_dir=rules, engine="dask",
                  scheduler="tcp://127.0.0.1:9", progress=False)
    # Nothing was lost: the (empty) output files are still written.
    assert (tmp_path / "out" / "articles.jsonl").read_text() == ""


@pytest.mark.slow
def test_real_pipeline_on_dask_matches_the_local_engine(tmp_path, rules):
    corpus = tmp_path / "corpus"
    for name in REAL_SAMPLE:
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(DEV / name, corpus / name)
    local = run_batch([corpus], tmp_path / "local", rules_dir=rules, workers=2, progress=False)
    dask = run_batch([corpus], tmp_path / "dask", rules_dir=rules, workers=2, engine="dask", progress=False)
    assert dask.processed == local.processed == len(REAL_SAMPLE)
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "local")
