"""The report and an article page, opened in a real headless Chromium.

Chromium comes from the system's packages (`apt-get install chromium`),
driven by Playwright with `executable_path`; no browser is downloaded.
Screenshots are saved under the test's temporary folder; set
VNIE_SCREENSHOT_DIR to keep them (the README's come from there).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from pipeline.query.report import write_report

CHROMIUM = os.environ.get("VNIE_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"),
]


@pytest.fixture(scope="module")
def report(tmp_path_factory, seeds):
    return write_report(seeds.folder, tmp_path_factory.mktemp("report") / "report.html")


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


def _screenshot_path(tmp_path: Path, name: str) -> Path:
    keep = os.environ.get("VNIE_SCREENSHOT_DIR")
    folder = Path(keep) if keep else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


def test_report_shows_counts_chart_and_events(browser, report, tmp_path):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(report.report_path.as_uri())
    assert page.locator("#counts .card").count() >= 5
    chart = page.locator("svg#chart")
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box["width"] > 300 and box["height"] > 150
    bars = page.locator("svg#chart rect.bar")
    assert bars.count() >= 4
    assert {bars.nth(i).get_attribute("data-type") for i in range(bars.count())} == {
        "signing", "visit", "ceremony"}
    assert page.locator("#events tr.event").count() == 8
    assert page.locator("#top-facilities tbody tr").count() >= 4
    shot = _screenshot_path(tmp_path, "report.png")
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    page.close()


def test_event_link_opens_the_article_page_with_highlights(browser, report, tmp_path):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(report.report_path.as_uri())
    page.locator("#events tr.event[data-type=signing] a.article-link").first.click()
    page.wait_for_load_state()
    assert page.url.endswith(".html") and "_articles/" in page.url
    marks = page.locator("#body mark.entity")
    assert marks.count() > 5
    labels = {text.strip().split()[-1] for text in marks.all_inner_texts()}
    assert {"PERSON", "FACILITY", "DATE", "EVENT"} <= labels
    first_mark = marks.first
    colour = first_mark.evaluate("element => getComputedStyle(element).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")  # highlighted, not plain text
    events = page.locator("table#events tr.event")
    assert events.count() >= 1
    assert page.locator("table#events li.participant[data-entity=facility]").count() >= 1
    assert page.locator("table#events .evidence").first.inner_text().strip()
    shot = _screenshot_path(tmp_path, "article.png")
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000
    page.close()
