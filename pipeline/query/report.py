"""A self-contained HTML report of a whole output folder.

Counts, events per month by type (an inline SVG chart), the facilities and
people that appear most, and a table of events that links to a page per
article (written next to the report by ``show.render_article``). No CDN, no
script: the report opens offline and can be mailed as one file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from html import escape
from pathlib import Path
from typing import Optional

from .cache import open_cached
from .database import OutputDatabase
from .show import records_by_id, render_article, template_environment

EVENT_TYPES = ("signing", "visit", "award", "ceremony")
TYPE_COLOURS = {"signing": "#3a7bd5", "visit": "#2a9d8f", "award": "#e9a23b", "ceremony": "#8e6bbf"}
# Beyond ten years of months a bar per month is unreadable: bars become years.
_MAX_MONTH_BARS = 120


@dataclass(frozen=True)
class CountCard:
    label: str
    value: int


@dataclass(frozen=True)
class PeriodCounts:
    """Events of one month (``2025-02``) or year (``2025``), by type."""

    period: str
    by_type: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_type.values())


@dataclass(frozen=True)
class TopFacility:
    key: str
    name: str
    kind: str
    n_articles: int
    n_events: int
    variants: list[str]


@dataclass(frozen=True)
class TopPerson:
    key: str
    name: str
    title: Optional[str]
    organization: Optional[str]
    n_articles: int
    n_events: int


@dataclass(frozen=True)
class EventLink:
    """One row of the report's events table."""

    article_id: str
    event_id: str
    date: Optional[str]
    type: str
    trigger: str
    name: Optional[str]
    facilities: Optional[str]
    people: Optional[str]
    article_title: Optional[str]
    href: Optional[str]


@dataclass(frozen=True)
class ReportData:
    """Everything the report template shows."""

    source: str
    generated: str
    counts: list[CountCard]
    events_by_type: list[CountCard]
    periods: list[PeriodCounts]
    period_unit: str
    undated_events: int
    chart_svg: str
    top_facilities: list[TopFacility]
    top_people: list[TopPerson]
    events: list[EventLink]
    total_events: int
    key_source: str
    issues: list[str] = field(default_factory=list)
    type_colours: dict[str, str] = field(default_factory=lambda: dict(TYPE_COLOURS))


def _scalar(database: OutputDatabase, sql: str) -> int:
    return int(database.query(sql).rows()[0][0] or 0)


def _counts(database: OutputDatabase) -> list[CountCard]:
    return [
        CountCard("articles", _scalar(database, "SELECT count(*) FROM articles")),
        CountCard("errors", _scalar(database, "SELECT count(*) FROM errors")),
        CountCard("events", _scalar(database, "SELECT count(*) FROM events")),
        CountCard("people", _scalar(database, "SELECT count(DISTINCT person_key) FROM people")),
        CountCard("facilities", _scalar(database, "SELECT count(DISTINCT key) FROM facilities")),
        CountCard("organizations", _scalar(database, "SELECT count(DISTINCT key) FROM organizations")),
        CountCard("dates", _scalar(database, "SELECT count(*) FROM dates")),
    ]


def _events_by_type(database: OutputDatabase) -> list[CountCard]:
    rows = dict(database.query("SELECT type, count(*) FROM events GROUP BY type").rows())
    return [CountCard(kind, int(rows.get(kind, 0))) for kind in EVENT_TYPES]


def _next_month(month: str) -> str:
    year, number = int(month[:4]), int(month[5:7])
    return f"{year + number // 12}-{number % 12 + 1:02d}"


@dataclass(frozen=True)
class EventTimeline:
    """Events per period by type; ``unit`` is ``month`` or ``year``."""

    periods: list[PeriodCounts]
    unit: str
    undated: int


def event_periods(database: OutputDatabase) -> EventTimeline:
    """Events per month by type (per year over long spans), and the undated count.

    An event's month is its own date's; an event dated only by its article
    (no date of its own) takes the article's publication month.
    """
    rows = database.query("""
        SELECT coalesce(e.month, a.published_month) AS month, e.type, count(*) AS n
        FROM events e JOIN articles a USING (article_id)
        GROUP BY ALL ORDER BY month
    """).rows()
    undated = sum(n for month, _, n in rows if month is None)
    dated = [(month, kind, n) for month, kind, n in rows if month is not None]
    if not dated:
        return EventTimeline([], "month", undated)
    months = sorted({month for month, _, _ in dated})
    span = [months[0]]
    while span[-1] < months[-1] and len(span) <= _MAX_MONTH_BARS:
        span.append(_next_month(span[-1]))
    unit = "month" if len(span) <= _MAX_MONTH_BARS else "year"
    if unit == "year":
        years = range(int(months[0][:4]), int(months[-1][:4]) + 1)
        span = [str(year) for year in years]
    table = {period: {kind: 0 for kind in EVENT_TYPES} for period in span}
    for month, kind, n in dated:
        period = month if unit == "month" else month[:4]
        table[period][kind] = table[period].get(kind, 0) + int(n)
    return EventTimeline([PeriodCounts(period, table[period]) for period in span], unit, undated)


def chart_svg(periods: list[PeriodCounts], unit: str) -> str:
    """A stacked bar chart of events per period, as inline SVG."""
    if not periods:
        return '<p class="note" id="chart">No dated events to chart.</p>'
    left, top, bottom, right = 44, 16, 70, 150
    bar_space = max(8, min(48, 900 // len(periods)))
    width = left + bar_space * len(periods) + right
    height = 300
    plot_height = height - top - bottom
    highest = max(max(period.total for period in periods), 1)
    step = max(1, -(-highest // 5))
    ceiling = step * -(-highest // step)
    scale = plot_height / ceiling
    parts = [f'<svg id="chart" xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" font-family="sans-serif" font-size="11">',
             f'<title>Events per {unit} by type</title>']
    for tick in range(0, ceiling + 1, step):
        y = top + plot_height - tick * scale
        parts.append(f'<line x1="{left}" x2="{left + bar_space * len(periods)}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'stroke="#e5e5e5"/><text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>')
    label_every = max(1, len(periods) // 24)
    for index, period in enumerate(periods):
        x = left + index * bar_space + 2
        y = top + plot_height
        for kind in EVENT_TYPES:
            count = period.by_type.get(kind, 0)
            if count:
                bar_height = count * scale
                y -= bar_height
                parts.append(
                    f'<rect class="bar bar-{kind}" data-period="{period.period}" data-type="{kind}" '
                    f'data-count="{count}" x="{x}" y="{y:.1f}" width="{bar_space - 4}" height="{bar_height:.1f}" '
                    f'fill="{TYPE_COLOURS[kind]}"><title>{period.period} {kind}: {count}</title></rect>')
        if index % label_every == 0:
            label_x = x + (bar_space - 4) / 2
            label_y = top + plot_height + 12
            parts.append(f'<text x="{label_x:.1f}" y="{label_y}" text-anchor="end" '
                         f'transform="rotate(-45 {label_x:.1f} {label_y})">{escape(period.period)}</text>')
    legend_x = left + bar_space * len(periods) + 20
    for index, kind in enumerate(EVENT_TYPES):
        y = top + index * 20
        parts.append(f'<rect x="{legend_x}" y="{y}" width="12" height="12" fill="{TYPE_COLOURS[kind]}"/>'
                     f'<text x="{legend_x + 18}" y="{y + 10}">{kind}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def top_facilities(database: OutputDatabase, limit: int = 15) -> list[TopFacility]:
    rows = database.query("""
        WITH events_of AS (
            SELECT key, count(DISTINCT (article_id, event_id)) AS n_events
            FROM participants WHERE entity = 'facility' GROUP BY key)
        SELECT f.key, mode(f.name), mode(f.kind), count(DISTINCT f.article_id) AS n_articles,
               coalesce(any_value(ev.n_events), 0) AS n_events, list(DISTINCT f.name ORDER BY f.name)
        FROM facilities f LEFT JOIN events_of ev USING (key)
        GROUP BY f.key ORDER BY n_articles DESC, n_events DESC, f.key LIMIT ?
    """, [limit]).rows()
    return [TopFacility(key, name, kind, int(n_articles), int(n_events), list(variants))
            for key, name, kind, n_articles, n_events, variants in rows]


def top_people(database: OutputDatabase, limit: int = 15) -> list[TopPerson]:
    rows = database.query("""
        WITH events_of AS (
            SELECT key, count(DISTINCT (article_id, event_id)) AS n_events
            FROM participants WHERE entity = 'person' GROUP BY key)
        SELECT p.person_key, mode(p.name), mode(p.title), mode(p.organization),
               count(DISTINCT p.article_id) AS n_articles, coalesce(any_value(ev.n_events), 0) AS n_events
        FROM people p LEFT JOIN events_of ev ON ev.key = p.person_key
        GROUP BY p.person_key ORDER BY n_articles DESC, n_events DESC, p.person_key LIMIT ?
    """, [limit]).rows()
    return [TopPerson(key, name, title, organization, int(n_articles), int(n_events))
            for key, name, title, organization, n_articles, n_events in rows]


def event_links(database: OutputDatabase, pages_dir: Optional[str], limit: int) -> list[EventLink]:
    """The latest events first (by event date, else publication date)."""
    rows = database.query("""
        SELECT e.article_id, e.event_id, e.date, e.type, e.trigger, e.name,
               string_agg(DISTINCT p.name, '; ') FILTER (WHERE p.entity = 'facility') AS facilities,
               string_agg(DISTINCT p.name, '; ') FILTER (WHERE p.entity = 'person') AS people,
               a.title, coalesce(e.day, a.published_day) AS sort_day
        FROM events e JOIN articles a USING (article_id)
        LEFT JOIN participants p USING (article_id, event_id)
        GROUP BY ALL ORDER BY sort_day DESC NULLS LAST, e.article_id, e.event_id LIMIT ?
    """, [limit]).rows()
    return [EventLink(article_id, event_id, date, kind, trigger, name, facilities, people, title,
                      f"{pages_dir}/{article_id}.html" if pages_dir else None)
            for article_id, event_id, date, kind, trigger, name, facilities, people, title, _ in rows]


def build_report(database: OutputDatabase, source: str, pages_dir: Optional[str],
                 max_events: int = 1000, top: int = 15) -> ReportData:
    """Gather the report's figures from an open output database."""
    timeline = event_periods(database)
    return ReportData(
        source=source,
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        counts=_counts(database),
        events_by_type=_events_by_type(database),
        periods=timeline.periods, period_unit=timeline.unit, undated_events=timeline.undated,
        chart_svg=chart_svg(timeline.periods, timeline.unit),
        top_facilities=top_facilities(database, top), top_people=top_people(database, top),
        events=event_links(database, pages_dir, max_events),
        total_events=_scalar(database, "SELECT count(*) FROM events"),
        key_source=database.key_source,
        issues=[str(issue) for issue in database.issues],
    )


def render_report(report: ReportData) -> str:
    return template_environment().get_template("report.html.j2").render(report=report)


@dataclass(frozen=True)
class WrittenReport:
    """What ``write_report`` wrote."""

    report_path: Path
    pages: list[Path]
    data: ReportData


def write_report(folder: Path, out_path: Path, pages: bool = True, max_events: int = 1000,
                 cache: bool = False) -> WrittenReport:
    """Write the report, and one page per article its events table links to.

    Pages go to ``<report name>_articles/`` next to the report; ``cache``
    reuses (and keeps) the folder's DuckDB cache file. Raises
    ``OutputFolderError`` for a missing or empty output folder.
    """
    out_path = Path(out_path)
    pages_dir_name = f"{out_path.stem}_articles" if pages else None
    opened = open_cached(Path(folder)) if cache else OutputDatabase.open(Path(folder))
    with opened as database:
        data = build_report(database, str(folder), pages_dir_name, max_events)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(render_report(data), encoding="utf-8")
    written: list[Path] = []
    if pages_dir_name:
        pages_dir = out_path.parent / pages_dir_name
        pages_dir.mkdir(exist_ok=True)
        wanted = {event.article_id for event in data.events}
        back_link = f"../{out_path.name}"
        for article_id, record in records_by_id(Path(folder), wanted).items():
            page_path = pages_dir / f"{article_id}.html"
            page_path.write_text(render_article(record, back_link), encoding="utf-8")
            written.append(page_path)
    return WrittenReport(out_path, written, data)
