"""Query benchmark: load and query 100,000 records.

Builds an output folder of N records by repeating real records (the seeds'
records from gold, or any ``articles.jsonl`` given with ``--records``) with
new ids, their years spread over ten years so that filters select a tenth;
then times loading it into DuckDB, a typical filter-and-join (signing events
of one year with their facility participants and article titles) and, in
the same run, a plain full scan of every body for comparison.

    .venv/bin/python bench/query.py                 # 100,000 records
    .venv/bin/python bench/query.py -n 20000 --records output/articles.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.query.cache import open_cached  # noqa: E402
from pipeline.query.database import OutputDatabase  # noqa: E402
from pipeline.query.goldrecords import read_gold, record_from_gold  # noqa: E402
from pipeline.query.tables import load_tables  # noqa: E402

FILTER_AND_JOIN = """
    SELECT a.title, e.date, p.name AS facility, p.role
    FROM events e
    JOIN participants p USING (article_id, event_id)
    JOIN articles a USING (article_id)
    WHERE e.type = 'signing' AND e.year = 2025 AND p.entity = 'facility'
"""
GROUP_BY_KEY = """
    SELECT p.key, count(DISTINCT p.article_id) AS articles, count(*) AS participations
    FROM participants p JOIN events e USING (article_id, event_id)
    WHERE p.entity = 'facility' AND e.day < DATE '2025-02-27'
    GROUP BY p.key ORDER BY articles DESC LIMIT 10
"""
FULL_SCAN = "SELECT count(*) FROM articles WHERE body LIKE '%ký kết%'"


def _base_records(records: Path | None) -> list[dict]:
    if records is not None:
        return [json.loads(line) for line in records.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = ROOT / "gold" / "seeds.jsonl"
    return [json.loads(record_from_gold(article).model_dump_json()) for article in read_gold(gold)]


def _shift_year(value: str | None, delta: int) -> str | None:
    if not value or not value[:4].isdigit():
        return value
    return f"{int(value[:4]) + delta:04d}{value[4:]}"


def _copy(record: dict, number: int) -> dict:
    """A valid record: a new id, and its dates moved by 0 to 9 years back."""
    delta = -(number % 10)
    copy = dict(record, id=f"{number:016x}", published=_shift_year(record.get("published"), delta))
    copy["events"] = [dict(event, date=_shift_year(event.get("date"), delta)) for event in record["events"]]
    copy["dates"] = [dict(date, value=_shift_year(date["value"], delta)) for date in record["dates"]]
    return copy


def build_folder(folder: Path, n_records: int, records: Path | None) -> int:
    base = _base_records(records)
    with (folder / "articles.jsonl").open("w", encoding="utf-8") as handle:
        for number in range(n_records):
            handle.write(json.dumps(_copy(base[number % len(base)], number), ensure_ascii=False) + "\n")
    (folder / "errors.jsonl").write_text("", encoding="utf-8")
    return (folder / "articles.jsonl").stat().st_size


def _timed(database: OutputDatabase, sql: str, repeat: int) -> tuple[float, int]:
    times, rows = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        rows = database.query(sql).n_rows
        times.append(time.perf_counter() - start)
    return statistics.median(times), rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--records-count", type=int, default=100_000)
    parser.add_argument("--records", type=Path, help="articles.jsonl whose records are repeated (default: seeds' gold)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query; the median is reported")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vnie-query-bench-") as temporary:
        folder = Path(temporary)
        start = time.perf_counter()
        size = build_folder(folder, arguments.records_count, arguments.records)
        print(f"built {arguments.records_count:,} records ({size / 1e6:.0f} MB) in {time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        tables = load_tables(folder)
        flattened = time.perf_counter() - start
        start = time.perf_counter()
        database = OutputDatabase.from_tables(tables)
        loaded = time.perf_counter() - start
        sizes = ", ".join(f"{name} {table.num_rows:,}" for name, table in tables.tables.items())
        print(f"load: validate + flatten {flattened:.1f} s, into DuckDB {loaded:.2f} s ({sizes})")
        with database:
            join_time, join_rows = _timed(database, FILTER_AND_JOIN, arguments.repeat)
            group_time, group_rows = _timed(database, GROUP_BY_KEY, arguments.repeat)
            scan_time, _ = _timed(database, FULL_SCAN, arguments.repeat)
        print(f"filter-and-join (signings of 2025 with facilities): {join_time * 1000:.1f} ms, {join_rows:,} rows")
        print(f"group by facility key before a date:               {group_time * 1000:.1f} ms, {group_rows} rows")
        print(f"full scan of every body (LIKE):                     {scan_time * 1000:.1f} ms")
        print(f"filter-and-join / full scan: {join_time / scan_time:.2f}")
        os.environ["VNIE_CACHE_DIR"] = str(folder / "cache")
        start = time.perf_counter()
        open_cached(folder).close()
        built = time.perf_counter() - start
        start = time.perf_counter()
        with open_cached(folder) as cached:
            reopened = time.perf_counter() - start
            cached_join, _ = _timed(cached, FILTER_AND_JOIN, arguments.repeat)
        print(f"cache file: built in {built:.1f} s; a later session opens it in {reopened * 1000:.0f} ms "
              f"and answers the filter-and-join in {cached_join * 1000:.1f} ms")
        verdict = "under" if join_time < 1.0 else "OVER"
        print(f"typical filter-and-join answers {verdict} one second")


if __name__ == "__main__":
    main()
