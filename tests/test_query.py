"""`vnie query`: DuckDB tables over an output folder answer researchers' questions.

The records are those of the five seed articles in `corpus/`, produced by
`vnie run` (the tests fail if it does not process them all;
VNIE_TEST_RECORDS=gold builds them from the gold extraction instead). The
expected rows are the seeds' gold events and their facility participants.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.query.database import OutputDatabase, QueryError
from pipeline.query.export import export_tables
from pipeline.query.goldrecords import read_gold, record_from_gold
from pipeline.query.keys import entity_key, person_key
from pipeline.query.tables import TABLE_NAMES, TABLE_SPECS, OutputFolderError, load_tables

pytestmark = pytest.mark.usefixtures("private_cache")

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "gold" / "seeds.jsonl"

# The seeds' gold events: (source file, type, date, facility participants).
SEED_EVENTS = [
    ("000_8649a4f9e4d548b0.txt", "signing", "2025-10-23",
     ["Bệnh viện Đa khoa Đức Giang", "Trạm Y tế phường Long Biên"]),
    ("001_d553deb7a56b6005.txt", "ceremony", None, []),
    ("001_d553deb7a56b6005.txt", "award", None, []),
    ("002_65da7878304e00a4.txt", "ceremony", "2025-02-25", []),
    ("003_c1a174a331de74c0.txt", "visit", "2024-04-17",
     ["Bệnh viện Bãi Cháy", "Trung tâm Y tế thị xã Đông Triều"]),
    ("003_c1a174a331de74c0.txt", "signing", "2024-04-17",
     ["Bệnh viện Bãi Cháy", "Trung tâm Y tế thị xã Đông Triều"]),
    ("004_754e9b2d45fb362d.txt", "visit", "2025-02-18", ["Trung tâm Y tế huyện Kiến Thụy"]),
    ("004_754e9b2d45fb362d.txt", "visit", "2025-02-18", []),
]

EVENT_FACILITIES = """
    SELECT e.event_id,
           coalesce(list(p.key ORDER BY p.key) FILTER (WHERE p.entity = 'facility'), []) AS facility_keys
    FROM events e JOIN articles a USING (article_id)
    LEFT JOIN participants p USING (article_id, event_id)
    WHERE a.source_file = ? AND e.type = ? AND e.date IS NOT DISTINCT FROM ?
    GROUP BY e.event_id
"""


@pytest.fixture(scope="session")
def database(seeds):
    with OutputDatabase.open(seeds.folder) as opened:
        yield opened


@pytest.mark.parametrize("source_file, event_type, date, facilities", SEED_EVENTS)
def test_seed_event_and_its_facility_participants(database, source_file, event_type, date, facilities):
    """The gold event is there with (at least) its gold facility participants."""
    rows = database.query(EVENT_FACILITIES, [source_file, event_type, date]).rows()
    expected = {entity_key(name, None) for name in facilities}
    assert any(expected <= set(keys) for _, keys in rows), rows


@pytest.mark.parametrize("source_file, n_events", [
    ("000_8649a4f9e4d548b0.txt", 1), ("001_d553deb7a56b6005.txt", 2), ("002_65da7878304e00a4.txt", 1),
    ("003_c1a174a331de74c0.txt", 2), ("004_754e9b2d45fb362d.txt", 2),
])
def test_events_per_article(database, source_file, n_events):
    sql = "SELECT count(*) FROM events JOIN articles USING (article_id) WHERE source_file = ?"
    assert database.query(sql, [source_file]).rows() == [(n_events,)]


def test_every_table_is_there_with_its_columns(database):
    for spec in TABLE_SPECS:
        columns = [row[0] for row in database.query(f"DESCRIBE {spec.name}").rows()]
        assert columns == spec.schema.names


def test_signings_in_2025_involving_a_hospital(database):
    """'All signing ceremonies in 2025 involving Bệnh viện Đức Giang' in one line of SQL."""
    rows = database.query("""
        SELECT a.source_file, e.date FROM events e JOIN participants p USING (article_id, event_id)
        JOIN articles a USING (article_id)
        WHERE e.type = 'signing' AND e.year = 2025 AND p.key = ?
    """, [entity_key("Bệnh viện Đức Giang", "hospital")]).rows()
    assert rows == [("000_8649a4f9e4d548b0.txt", "2025-10-23")]


def test_visits_to_district_health_centres_before_doctors_day(database):
    rows = database.query("""
        SELECT DISTINCT p.name, e.day FROM events e JOIN participants p USING (article_id, event_id)
        WHERE e.type = 'visit' AND p.kind = 'health_center' AND e.day < DATE '2025-02-27'
        ORDER BY e.day
    """).rows()
    names = [name for name, _ in rows]
    assert entity_key("Trung tâm Y tế huyện Kiến Thụy", None) in {entity_key(n, None) for n in names}
    assert entity_key("Trung tâm Y tế thị xã Đông Triều", None) in {entity_key(n, None) for n in names}


def test_participants_are_joined_to_names_and_kinds(database):
    rows = database.query("SELECT entity, name, key, role FROM participants").rows()
    assert rows
    assert all(name and key and role for _, name, key, role in rows)
    assert {entity for entity, *_ in rows} <= {"person", "facility", "organization"}


# Name variants of one facility or organization, as the seeds write them.
SAME_KEY = [
    ("Bệnh viện Đa khoa Đức Giang", "Bệnh viện Đức Giang"),
    ("Bệnh viện Đa khoa Đức Giang", "BV Đức Giang"),
    ("Trung tâm Y tế thị xã Đông Triều", "TTYT thị xã Đông Triều"),
    ("Trạm Y tế phường Long Biên", "Trạm y tế Long Biên"),
    ("Trung tâm Y tế huyện Kiến Thuỵ", "Trung tâm Y tế huyện Kiến Thụy"),
    ("UBND phường Long Biên", "Ủy ban nhân dân phường Long Biên"),
]
DIFFERENT_KEY = [
    ("Bệnh viện Bãi Cháy", "Bệnh viện Đức Giang"),
    ("Quận ủy Hoàng Mai", "UBND quận Hoàng Mai"),
    ("Trung tâm Y tế quận Bắc Từ Liêm", "Trạm Y tế phường Long Biên"),
]


@pytest.mark.parametrize("first, second", SAME_KEY)
def test_name_variants_share_a_key(first, second):
    assert entity_key(first, None) == entity_key(second, None)


@pytest.mark.parametrize("first, second", DIFFERENT_KEY)
def test_different_bodies_keep_different_keys(first, second):
    assert entity_key(first, None) != entity_key(second, None)


def test_person_key_needs_name_and_organization():
    hospital = entity_key("Bệnh viện Đa khoa Đức Giang", "hospital")
    assert person_key("Đỗ Đình Tùng", hospital) == person_key("Đỗ Đình Tùng", entity_key("BV Đức Giang", None))
    assert person_key("Đỗ Đình Tùng", hospital) != person_key("Đỗ Đình Tùng", entity_key("Bệnh viện Bãi Cháy", None))


def _gold_records():
    return {article.source: record_from_gold(article) for article in read_gold(GOLD)}


def test_same_facility_across_articles_groups_under_one_key(tmp_path):
    """A second article naming the hospital by its short form joins the first."""
    first = _gold_records()["000_8649a4f9e4d548b0.txt"]
    short_name = first.model_copy(deep=True, update={"id": "0" * 16})
    short_name.facilities[0].name = "Bệnh viện Đức Giang"
    short_name.facilities[0].aliases = []
    lines = [first.model_dump_json(), short_name.model_dump_json()]
    (tmp_path / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with OutputDatabase.open(tmp_path) as database:
        rows = database.query("""
            SELECT key, count(DISTINCT article_id), list(DISTINCT name ORDER BY name)
            FROM facilities WHERE kind = 'hospital' GROUP BY key
        """).rows()
        people = database.query("SELECT count(DISTINCT person_key) FROM people WHERE name = 'Đỗ Đình Tùng'").rows()
    assert [(n_articles, names) for _, n_articles, names in rows] == [
        (2, ["Bệnh viện Đa khoa Đức Giang", "Bệnh viện Đức Giang"])]
    assert people == [(1,)]


def test_a_corpus_without_events_still_has_an_events_table(tmp_path):
    record = _gold_records()["002_65da7878304e00a4.txt"].model_copy(update={"events": []})
    (tmp_path / "articles.jsonl").write_text(record.model_dump_json() + "\n", encoding="utf-8")
    with OutputDatabase.open(tmp_path) as database:
        assert database.query("SELECT count(*) FROM events").rows() == [(0,)]
        assert database.query("SELECT count(*) FROM participants WHERE role = 'host'").rows() == [(0,)]


def test_a_bad_line_is_reported_and_the_others_load(tmp_path, seeds):
    good = (seeds.folder / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    lines = [good[0], "{not json", json.dumps({"id": "x"}), *good[1:]]
    (tmp_path / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    tables = load_tables(tmp_path)
    assert tables.n_articles == len(good)
    assert [issue.line for issue in tables.issues] == [2, 3]
    assert "not JSON" in tables.issues[0].message and "not a valid record" in tables.issues[1].message


def test_errors_file_becomes_the_errors_table(tmp_path, seeds):
    shutil.copy(seeds.folder / "articles.jsonl", tmp_path / "articles.jsonl")
    error = {"source": {"path": "corpus/broken.html", "url": None, "format": "html", "sha256": "a" * 64},
             "error": {"kind": "decode", "message": "not UTF-8"}}
    (tmp_path / "errors.jsonl").write_text(json.dumps(error) + "\n", encoding="utf-8")
    with OutputDatabase.open(tmp_path) as database:
        assert database.query("SELECT source_file, error_kind FROM errors").rows() == [("broken.html", "decode")]


def _empty_articles_file(folder: Path) -> Path:
    (folder / "articles.jsonl").write_text("", encoding="utf-8")
    return folder


@pytest.mark.parametrize("make_folder, message", [
    (lambda path: path / "missing", "does not exist"),
    (lambda path: path, "no articles.jsonl"),
    (_empty_articles_file, "holds no article records"),
])
def test_missing_or_empty_output_folder_is_a_clear_error(tmp_path, make_folder, message):
    folder = make_folder(tmp_path)
    with pytest.raises(OutputFolderError, match=message):
        load_tables(folder)
    result = CliRunner().invoke(main, ["query", "SELECT 1", "-o", str(folder)])
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("sql, message", [
    ("SELEC * FROM events", "syntax error"),
    ("SELECT * FROM event", "Tables: articles"),
    ("SELECT nope FROM events", "nope"),
])
def test_bad_sql_is_a_clear_error(database, seeds, sql, message):
    with pytest.raises(QueryError, match=message):
        database.query(sql)
    result = CliRunner().invoke(main, ["query", sql, "-o", str(seeds.folder)])
    assert result.exit_code == 1
    assert "query failed" in result.output and message in result.output


def test_cli_table_csv_json_and_parquet(seeds, tmp_path):
    sql = "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY type"
    runner = CliRunner()
    table = runner.invoke(main, ["query", sql, "-o", str(seeds.folder)])
    assert table.exit_code == 0 and "signing" in table.output and "(4 rows)" in table.output
    csv = runner.invoke(main, ["query", sql, "-o", str(seeds.folder), "--format", "csv"])
    assert csv.output.splitlines()[0] == '"type","n"' and '"signing",2' in csv.output
    as_json = runner.invoke(main, ["query", sql, "-o", str(seeds.folder), "--format", "json"])
    assert {"type": "visit", "n": 3} in json.loads(as_json.output)
    saved = tmp_path / "answer.parquet"
    parquet = runner.invoke(main, ["query", sql, "-o", str(seeds.folder), "--save", str(saved)])
    assert parquet.exit_code == 0
    assert pq.read_table(saved).to_pylist()[0] == {"type": "award", "n": 1}
    missing_file = runner.invoke(main, ["query", sql, "-o", str(seeds.folder), "--format", "parquet"])
    assert missing_file.exit_code == 2 and "--save" in missing_file.output


def test_schema_lists_every_table():
    result = CliRunner().invoke(main, ["query", "--schema"])
    assert result.exit_code == 0
    assert all(name in result.output for name in TABLE_NAMES)


def test_cache_file_is_reused_and_rebuilt_when_the_output_changes(tmp_path, seeds, monkeypatch):
    from pipeline.query.cache import cache_path, open_cached

    monkeypatch.setenv("VNIE_CACHE_DIR", str(tmp_path / "cache"))
    output = tmp_path / "output"
    output.mkdir()
    lines = (seeds.folder / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    (output / "articles.jsonl").write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    with open_cached(output) as database:
        assert database.query("SELECT count(*) FROM articles").rows() == [(2,)]
    cached = cache_path(output / "articles.jsonl")
    built = cached.stat().st_mtime_ns
    with open_cached(output) as database:
        assert database.query("SELECT count(*) FROM articles").rows() == [(2,)]
    assert cached.stat().st_mtime_ns == built  # reused, not rebuilt
    (output / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with open_cached(output) as database:
        assert database.query("SELECT count(*) FROM articles").rows() == [(len(lines),)]
    result = CliRunner().invoke(main, ["query", "SELECT count(*) AS n FROM events", "-o", str(output), "-f", "csv"],
                                env={"VNIE_CACHE_DIR": str(tmp_path / "cache")})
    assert result.output.splitlines() == ["\"n\"", "8"]
    assert list((output).iterdir()) == [output / "articles.jsonl"]  # nothing written into the output folder


README = REPO / "README.md"


def _guide_blocks(language: str) -> list[str]:
    """The code blocks of the README's 'For researchers' section."""
    text = README.read_text(encoding="utf-8").split("## For researchers", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(rf"```{language}\n(.*?)```", text, flags=re.S)]


def test_the_guide_answers_ten_questions_both_ways():
    assert len(_guide_blocks("sql")) == 10 and len(_guide_blocks("python")) == 10


@pytest.mark.parametrize("number", range(1, 11))
def test_guide_sql_runs_on_the_seeds(database, number):
    result = database.query(_guide_blocks("sql")[number - 1])
    if number == 1:  # the signing of the Đức Giang hospital, 23 October 2025
        assert [row[0] for row in result.rows()] == ["000_8649a4f9e4d548b0.txt"]
    if number in (4, 5, 7, 8):
        assert result.n_rows > 0


@pytest.fixture(scope="module")
def exported_tables(seeds, tmp_path_factory):
    folder = tmp_path_factory.mktemp("guide")
    export_tables(load_tables(seeds.folder), folder / "tables", "parquet")
    return folder


@pytest.mark.parametrize("number", range(1, 11))
def test_guide_pandas_runs_on_the_export(exported_tables, monkeypatch, capsys, number):
    pytest.importorskip("pandas")
    monkeypatch.chdir(exported_tables)
    exec(compile(_guide_blocks("python")[number - 1], f"README researchers python block {number}", "exec"), {})
    printed = capsys.readouterr().out
    assert printed.strip()
    if number == 1:
        assert "000_8649a4f9e4d548b0.txt" in printed
