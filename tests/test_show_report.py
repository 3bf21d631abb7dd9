"""`vnie show` (one article's page) and `vnie report` (the whole output folder)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.query.database import OutputDatabase
from pipeline.query.report import chart_svg, event_periods, write_report
from pipeline.query.show import ArticleNotFound, find_article, highlights, render_article

pytestmark = pytest.mark.usefixtures("private_cache")

REPO = Path(__file__).resolve().parents[1]
SIGNING_SEED = "000_8649a4f9e4d548b0.txt"


@pytest.fixture(scope="session")
def signing_record(seeds):
    return find_article(SIGNING_SEED, seeds.folder)


def test_highlights_do_not_overlap_and_cover_every_kind(signing_record):
    spans = highlights(signing_record)
    assert all(first.end <= second.start for first, second in zip(spans, spans[1:]))
    assert {"PERSON", "FACILITY", "DATE", "EVENT"} <= {span.label for span in spans}
    body = signing_record.body
    assert "Đỗ Đình Tùng" in {body[s.start:s.end] for s in spans if s.label == "PERSON"}
    assert "ký kết" in " ".join(body[s.start:s.end] for s in spans if s.label == "EVENT").casefold()


def test_article_page_has_highlights_events_and_evidence(signing_record):
    page = render_article(signing_record)
    assert page.startswith("<!DOCTYPE html>")
    marks = re.findall(r'<mark class="entity"', page)
    assert len(marks) == len(highlights(signing_record))
    assert '<table id="events">' in page and 'data-type="signing"' in page
    assert "Trạm Y tế phường Long Biên" in page.split('<table id="events">')[1]
    assert 'class="evidence"' in page
    assert "http://" not in page and "https://" not in page  # nothing fetched from the internet


@pytest.mark.parametrize("how", ["id prefix", "source file", "source path", "record file"])
def test_show_finds_an_article_by_id_source_or_file(seeds, signing_record, tmp_path, how):
    if how == "id prefix":
        wanted = signing_record.id[:6]
    elif how == "source file":
        wanted = SIGNING_SEED
    elif how == "source path":
        wanted = str(REPO / "corpus" / SIGNING_SEED)
    else:
        wanted = str(tmp_path / "one.json")
        Path(wanted).write_text(signing_record.model_dump_json(), encoding="utf-8")
    out = tmp_path / "page.html"
    result = CliRunner().invoke(main, ["show", wanted, "-i", str(seeds.folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert signing_record.title in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("wanted, message", [
    ("ffffffffffffffff", "no record"),
    ("", "matches 5 records"),
])
def test_show_unknown_or_ambiguous_article_is_a_clear_error(seeds, wanted, message):
    with pytest.raises(ArticleNotFound, match=message):
        find_article(wanted, seeds.folder)
    result = CliRunner().invoke(main, ["show", wanted, "-i", str(seeds.folder)])
    assert result.exit_code == 1 and message in result.output


def test_show_from_a_missing_folder_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["show", "abc", "-i", str(tmp_path / "nothing")])
    assert result.exit_code == 1 and "does not exist" in result.output


def test_events_per_month_by_type(seeds):
    with OutputDatabase.open(seeds.folder) as database:
        timeline = event_periods(database)
    by_month = {period.period: period.by_type for period in timeline.periods}
    assert timeline.unit == "month"
    assert by_month["2024-04"]["visit"] == 1 and by_month["2024-04"]["signing"] == 1
    assert by_month["2025-02"]["visit"] == 2 and by_month["2025-02"]["ceremony"] == 1
    assert by_month["2025-10"]["signing"] == 1
    assert sum(sum(counts.values()) for counts in by_month.values()) + timeline.undated == 8
    assert set(by_month) >= {"2024-05", "2025-09"}  # months without events are bars of zero


def test_chart_has_one_bar_per_period_and_type(seeds):
    with OutputDatabase.open(seeds.folder) as database:
        timeline = event_periods(database)
    svg = chart_svg(timeline.periods, timeline.unit)
    bars = re.findall(r'<rect class="bar bar-(\w+)" data-period="([\d-]+)"', svg)
    expected = sum(1 for period in timeline.periods for count in period.by_type.values() if count)
    assert len(bars) == expected and ("signing", "2025-10") in bars


def test_report_links_every_event_to_an_article_page(seeds, tmp_path):
    written = write_report(seeds.folder, tmp_path / "report.html")
    html = written.report_path.read_text(encoding="utf-8")
    assert '<svg id="chart"' in html and "<script" not in html and "https://" not in html
    links = re.findall(r'class="article-link" href="([^"]+)"', html)
    assert len(links) == written.data.total_events == 8
    for link in set(links):
        page = (tmp_path / link).read_text(encoding="utf-8")
        assert 'href="../report.html"' in page and '<mark class="entity"' in page
    assert 'id="top-facilities"' in html and "Bệnh viện Bãi Cháy" in html


def test_report_cli_and_empty_folder(seeds, tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["report", "-i", str(seeds.folder), "-o", str(tmp_path / "r.html"), "--no-pages"])
    assert result.exit_code == 0 and "8 events" in result.output
    assert not (tmp_path / "r_articles").exists()
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "articles.jsonl").write_text("", encoding="utf-8")
    empty = runner.invoke(main, ["report", "-i", str(tmp_path / "empty"), "-o", str(tmp_path / "e.html")])
    assert empty.exit_code == 1 and "holds no article records" in empty.output
