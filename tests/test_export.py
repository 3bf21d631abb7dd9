"""`vnie export`: the query tables as Parquet, CSV and one SQLite file.

The SQLite file is opened by the tools researchers use on it: sqlite-utils
and Datasette (its own ASGI client, no mock), when they are installed.
"""

from __future__ import annotations

import asyncio
import csv
import json
import sqlite3

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.query.export import SQLITE_FILE, export_tables
from pipeline.query.tables import TABLE_NAMES, load_tables

# (event type, date) -> facility participants, of the seeds' signing events.
SIGNINGS = {
    ("signing", "2025-10-23"): {"Bệnh viện Đa khoa Đức Giang", "Trạm Y tế phường Long Biên"},
    ("signing", "2024-04-17"): {"Bệnh viện Bãi Cháy", "Trung tâm Y tế thị xã Đông Triều"},
}


@pytest.fixture(scope="session")
def tables(seeds):
    return load_tables(seeds.folder)


@pytest.fixture(scope="session")
def sqlite_file(tables, tmp_path_factory):
    directory = tmp_path_factory.mktemp("sqlite")
    export_tables(tables, directory, "sqlite")
    return directory / SQLITE_FILE


def test_parquet_keeps_types_and_lists(tables, tmp_path):
    written = export_tables(tables, tmp_path, "parquet")
    assert [item.table for item in written] == list(TABLE_NAMES)
    people = pq.read_table(tmp_path / "people.parquet")
    assert people.schema.field("titles").type.value_type.equals(people.schema.field("name").type)
    events = pq.read_table(tmp_path / "events.parquet").to_pylist()
    assert len(events) == 8
    assert str(pq.read_table(tmp_path / "events.parquet").schema.field("day").type) == "date32[day]"


def test_csv_has_a_header_and_json_lists(tables, tmp_path):
    export_tables(tables, tmp_path, "csv")
    with (tmp_path / "people.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == tables.table("people").num_rows
    assert all(isinstance(json.loads(row["titles"]), list) for row in rows)
    with (tmp_path / "events.csv").open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == tables.table("events").column_names


def test_sqlite_tables_keys_and_rows(sqlite_file):
    connection = sqlite3.connect(sqlite_file)
    try:
        names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert names == set(TABLE_NAMES)
        rows = connection.execute("""
            SELECT e.type, e.date, p.name FROM events e
            JOIN participants p ON p.article_id = e.article_id AND p.event_id = e.event_id
            WHERE e.type = 'signing' AND p.entity = 'facility'
        """).fetchall()
        found: dict[tuple[str, str], set[str]] = {}
        for kind, date, name in rows:
            found.setdefault((kind, date), set()).add(name)
        assert set(found) == set(SIGNINGS)
        assert all(SIGNINGS[event] <= names for event, names in found.items())
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()


def test_sqlite_opens_in_sqlite_utils(sqlite_file):
    sqlite_utils = pytest.importorskip("sqlite_utils")
    database = sqlite_utils.Database(sqlite_file)
    assert set(database.table_names()) == set(TABLE_NAMES)
    assert database["events"].pks == ["article_id", "event_id"]
    assert [key.other_table for key in database["participants"].foreign_keys] == ["articles"]
    titles = [json.loads(row["titles"]) for row in database["people"].rows]
    assert ["PGS", "TS"] in titles


def test_sqlite_opens_in_datasette(sqlite_file):
    pytest.importorskip("datasette")
    from datasette.app import Datasette

    async def fetch() -> list[dict]:
        datasette = Datasette(files=[str(sqlite_file)])
        await datasette.invoke_startup()
        response = await datasette.client.get(
            f"/{sqlite_file.stem}/participants.json?_shape=array&entity=facility&event_type=signing")
        assert response.status_code == 200
        return response.json()

    rows = asyncio.run(fetch())
    assert {row["name"] for row in rows} == set().union(*SIGNINGS.values())


def test_cli_export_every_format(seeds, tmp_path):
    runner = CliRunner()
    for file_format, expected in (("parquet", "events.parquet"), ("csv", "events.csv"), ("sqlite", SQLITE_FILE)):
        out = tmp_path / file_format
        result = runner.invoke(main, ["export", "-i", str(seeds.folder), "-o", str(out), "--format", file_format])
        assert result.exit_code == 0, result.output
        assert (out / expected).exists()


def test_cli_export_from_a_missing_folder_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["export", "-i", str(tmp_path / "nothing"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and "does not exist" in result.output
    assert not (tmp_path / "out").exists()
