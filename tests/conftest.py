"""Fixtures shared by the query, export, show/report and browser tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.query.goldrecords import seed_output

REPO = Path(__file__).resolve().parents[1]
SEEDS_GOLD = REPO / "gold" / "seeds.jsonl"


@pytest.fixture(scope="session")
def seeds(tmp_path_factory):
    """The five seed articles of `corpus/` run through the pipeline once per session
    (VNIE_TEST_RECORDS=gold builds the records from the gold extraction instead)."""
    return seed_output(tmp_path_factory.getbasetemp() / "query-seeds", REPO / "corpus", SEEDS_GOLD,
                       source=os.environ.get("VNIE_TEST_RECORDS", "pipeline"))


@pytest.fixture
def private_cache(tmp_path, monkeypatch):
    """Query caches go to the test's own folder, not the user's."""
    monkeypatch.setenv("VNIE_CACHE_DIR", str(tmp_path / "query-cache"))
