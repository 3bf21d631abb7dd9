"""The language check that turns foreign-language pages into error lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.language import looks_vietnamese

REPO = Path(__file__).resolve().parents[1]

ENGLISH = (
    "The hospital signed a cooperation agreement with the district health centre on Thursday, "
    "committing both parties to joint training, patient referral and the exchange of specialists. "
    "Officials said the programme would start next month and run for three years, with a review "
    "after the first year to measure how many patients were treated closer to home."
)


@pytest.mark.parametrize("path", sorted((REPO / "corpus").glob("*.txt")), ids=lambda p: p.name)
def test_seed_articles_are_vietnamese(path: Path) -> None:
    assert looks_vietnamese(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "text, expected",
    [
        (ENGLISH, False),
        (ENGLISH * 3, False),
        ("Short English line.", True),  # too short to judge
        ("Bệnh viện Đa khoa tổ chức Lễ ký kết thỏa thuận hợp tác hỗ trợ chuyên môn. " * 5, True),
    ],
)
def test_language_check(text: str, expected: bool) -> None:
    assert looks_vietnamese(text) is expected
