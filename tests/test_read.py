"""Reading inputs: encodings, Unicode forms, crawler records, bad files."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from pipeline.document import RawDocument
from pipeline.models import ErrorRecord
from pipeline.read import MAX_FILE_BYTES, decode_bytes, discover, document_id, read_path
from pipeline.textnorm import normalize_text

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "corpus" / "000_8649a4f9e4d548b0.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese sites wrote it: base letters plus combining tones."""
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", ch)
            tones = "".join(m for m in decomposed[1:] if m in "\u0300\u0301\u0303\u0309\u0323")
            rest = "".join(m for m in decomposed[1:] if m not in tones)
            out.append((unicodedata.normalize("NFC", decomposed[0] + rest) + tones).encode("cp1258"))
    return b"".join(out)


ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8 with BOM": lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    "utf-16 LE with BOM": lambda t: t.encode("utf-16"),
    "utf-16 BE with BOM": lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
    "windows-1258": _cp1258,
    "CRLF line endings": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "decomposed unicode": lambda t: unicodedata.normalize("NFD", t).encode("utf-8"),
    "old tone placement": lambda t: t.replace("khỏe", "khoẻ").replace("hòa", "hoà").encode("utf-8"),
}


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_every_encoding_reads_to_the_same_normalised_text(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(ENCODINGS[encoding](SEED_TEXT))
    [doc] = read_path(path, tmp_path)
    assert isinstance(doc, RawDocument)
    assert doc.content == normalize_text(SEED_TEXT)
    assert "\r" not in doc.content
    assert doc.source.path == "article.txt"
    assert len(doc.source.sha256) == 64


def test_decomposed_input_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "nfd.txt"
    path.write_bytes(unicodedata.normalize("NFD", SEED_TEXT).encode("utf-8"))
    [doc] = read_path(path)
    assert "decomposed unicode normalised" in doc.warnings


@pytest.mark.parametrize(
    "name, data, kind",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("binary.txt", bytes(range(256)) * 40, "binary"),
        ("nul.html", b"<html>\x00\x00\x00\x01\x02" * 500, "binary"),
    ],
)
def test_bad_files_become_error_records(tmp_path: Path, name: str, data: bytes, kind: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    [error] = read_path(path, tmp_path)
    assert isinstance(error, ErrorRecord)
    assert error.error.kind in (kind, "undecodable")
    assert error.source.path == name


def test_a_file_over_the_size_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    [error] = read_path(path)
    assert isinstance(error, ErrorRecord) and error.error.kind == "too_large"


def test_crawler_jsonl_gives_one_document_per_line_and_an_error_for_a_truncated_line(tmp_path: Path) -> None:
    html = (REPO / "corpus-dev" / "html").glob("*.html").__next__().read_text(encoding="utf-8")
    lines = [
        json.dumps({"url": "https://example.vn/a-1.html", "html": html, "fetched_at": "2025-10-24T08:00:00+07:00"}),
        json.dumps({"url": "https://example.vn/b-2.html", "text": SEED_TEXT}),
        json.dumps({"url": "https://example.vn/c-3.html"}),
        json.dumps({"url": "https://example.vn/d-4.html", "text": SEED_TEXT})[:40],
    ]
    path = tmp_path / "crawl.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    results = read_path(path, tmp_path)
    assert [type(r).__name__ for r in results] == ["RawDocument", "RawDocument", "ErrorRecord", "ErrorRecord"]
    first, second, missing, truncated = results
    assert first.kind == "html" and first.source.url == "https://example.vn/a-1.html"
    assert first.fetched_at == "2025-10-24T08:00:00+07:00"
    assert second.kind == "text" and second.source.path == "crawl.jsonl#L2"
    assert missing.error.kind == "invalid_jsonl" and "html" in missing.error.message
    assert truncated.source.path == "crawl.jsonl#L4"


def test_sidecar_gives_url_and_fetch_time(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Bệnh viện</p></body></html>", encoding="utf-8")
    (tmp_path / "page.html.meta.json").write_text(
        json.dumps({"url": "https://example.vn/x-1.html", "fetched_at": "2025-01-01T00:00:00+00:00", "status": 200}),
        encoding="utf-8",
    )
    [doc] = read_path(page, tmp_path)
    assert doc.source.url == "https://example.vn/x-1.html"
    assert doc.fetched_at == "2025-01-01T00:00:00+00:00"
    assert discover(tmp_path) == [page]


def test_ids_are_stable_and_follow_the_url(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(SEED_TEXT, encoding="utf-8")
    b.write_bytes(SEED_TEXT.replace("\n", "\r\n").encode("utf-16"))
    [doc_a], [doc_b] = read_path(a), read_path(b)
    assert document_id(doc_a) == document_id(doc_b)
    assert len(document_id(doc_a)) == 16


def test_discover_walks_folders_and_skips_hidden_ones(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".state").mkdir()
    for name in ("sub/a.txt", "b.HTML", "c.jsonl", ".state/d.txt", "e.pdf", "sub/.f.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)] == ["b.HTML", "c.jsonl", "sub/a.txt"]


def test_every_development_article_reads(tmp_path: Path) -> None:
    for root in (REPO / "corpus", REPO / "corpus-dev"):
        for path in discover(root):
            [doc] = read_path(path, root)
            assert isinstance(doc, RawDocument), path
            assert doc.content == unicodedata.normalize("NFC", doc.content)


def test_decode_bytes_names_the_encoding() -> None:
    assert decode_bytes(_cp1258(SEED_TEXT)).encoding == "cp1258"
