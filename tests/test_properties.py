"""Property tests: random bytes and mutated real articles never make the reader,
the cleaner or the date normaliser raise, and every offset they or the whole
pipeline give lies inside the text it points into."""

from __future__ import annotations

import datetime as dt
import hashlib
import tempfile
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.document import RawDocument
from pipeline.models import ArticleRecord, ErrorRecord, Source
from pipeline.rules import RuleSet
from pipeline.textnorm import normalize_tones

DEV = Path(__file__).resolve().parents[1] / "corpus-dev"
ARTICLES = sorted(p for p in DEV.rglob("*") if p.suffix in (".txt", ".html") and p.is_file())
# A few small articles of each shape keep whole-pipeline examples fast.
SMALL = sorted(ARTICLES, key=lambda p: p.stat().st_size)[:12]

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@lru_cache(maxsize=1)
def rules() -> RuleSet:
    return RuleSet.load()


@st.composite
def mutated_article(draw, pool=tuple(ARTICLES)) -> bytes:
    """A real article's bytes, cut, spliced, flipped or salted with random bytes."""
    data = bytearray(draw(st.sampled_from(pool)).read_bytes())
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        where = draw(st.integers(min_value=0, max_value=len(data)))
        operation = draw(st.sampled_from(["truncate", "delete", "insert", "flip", "duplicate"]))
        if operation == "truncate":
            del data[where:]
        elif operation == "delete":
            del data[where : where + draw(st.integers(min_value=1, max_value=400))]
        elif operation == "insert":
            data[where:where] = draw(st.binary(min_size=1, max_size=64))
        elif operation == "flip" and where < len(data):
            data[where] ^= draw(st.integers(min_value=1, max_value=255))
        elif operation == "duplicate":
            data[where:where] = data[max(0, where - 300) : where]
    return bytes(data)


any_input = st.one_of(st.binary(max_size=2000), mutated_article())


def as_raw(text: str, kind: str) -> RawDocument:
    data = text.encode("utf-8", "surrogatepass")
    source = Source(path="property.txt", format="html" if kind == "html" else "text",
                    sha256=hashlib.sha256(data).hexdigest())
    return RawDocument(source=source, content=text, kind=kind)


def decoded_text(data: bytes) -> str:
    from pipeline.read import decode_bytes, DecodeError
    from pipeline.textnorm import normalize_text

    try:
        return normalize_text(decode_bytes(data).text)
    except DecodeError:
        return data.decode("utf-8", "replace")


# -- reader ------------------------------------------------------------------


@SETTINGS
@given(data=any_input, suffix=st.sampled_from([".txt", ".html", ".htm", ".jsonl"]))
def test_reader_never_raises_and_gives_documents_or_errors(data, suffix):
    from pipeline.read import read_path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        results = read_path(path, Path(folder))
    assert results
    for item in results:
        assert isinstance(item, (RawDocument, ErrorRecord))
        assert item.source.path.startswith("input")
        if isinstance(item, RawDocument):
            assert normalize_tones(item.content) == item.content
            assert "\r" not in item.content


@SETTINGS
@given(lines=st.lists(st.one_of(st.text(max_size=80), mutated_article(tuple(SMALL)).map(lambda b: b[:300].hex())),
                      max_size=6),
       cut=st.integers(min_value=0, max_value=400))
def test_reader_gives_one_result_per_nonblank_jsonl_line(lines, cut):
    import json

    from pipeline.read import read_path

    rows = [json.dumps({"url": f"https://example.vn/{n}", "text": text}) for n, text in enumerate(lines)]
    body = "\n".join(rows)
    body = body[: max(0, len(body) - cut)] if rows else body
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "crawl.jsonl"
        path.write_text(body, encoding="utf-8")
        results = read_path(path, Path(folder))
    # Lines as the reader splits them: on bytes, at \n, \r and \r\n only.
    nonblank = [line for line in body.encode("utf-8").splitlines() if line.strip()]
    assert len(results) == max(1, len(nonblank))


# -- cleaner -----------------------------------------------------------------


@SETTINGS
@given(data=any_input, kind=st.sampled_from(["text", "html"]))
def test_cleaner_never_raises_on_random_or_mutated_articles(data, kind):
    from pipeline.clean import clean

    cleaned = clean(as_raw(decoded_text(data), kind), rules())
    assert isinstance(cleaned.body, str)
    assert all(isinstance(caption, str) for caption in cleaned.captions)


@SETTINGS
@given(text=st.text(max_size=3000))
def test_cleaner_never_raises_on_random_text(text):
    from pipeline.clean import clean

    clean(as_raw(normalize_tones(text), "text"), rules())


# -- date normaliser -----------------------------------------------------------

DATE_WORDS = st.sampled_from(
    ["ngày", "sáng", "chiều", "tối", "tháng", "năm", "hôm qua", "hôm nay", "/", "-", " ", ", ", "–", "Ngày", "lúc"]
)
DATE_LIKE = st.lists(st.one_of(DATE_WORDS, st.integers(min_value=0, max_value=3000).map(str)), max_size=25).map(" ".join)
# Any publication date, the far ends included: a day without a year must never
# be given a year that no four-digit value can say.
PUBLISHED = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()),
                      st.sampled_from(["2025-10-24T14:21:00+07:00", "2018-03-16", "garbage"]))


@SETTINGS
@given(text=st.one_of(DATE_LIKE, mutated_article(tuple(SMALL)).map(decoded_text), st.text(max_size=500)),
       published=PUBLISHED)
def test_date_normaliser_never_raises_and_offsets_point_into_the_text(text, published):
    import re

    from pipeline.extract.dates import find_dates, group_dates

    found = find_dates(text, rules(), published)
    for item in found:
        assert 0 <= item.start <= item.end <= len(text)
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", item.value)
    for mention in group_dates(found):
        assert all(m.end <= len(text) for m in mention.mentions)


# -- whole pipeline: every offset inside the body -----------------------------


@lru_cache(maxsize=1)
def processor():
    from pipeline.process import ArticleProcessor

    return ArticleProcessor()


def offsets(record: ArticleRecord):
    for group in (record.people, record.facilities, record.organizations, record.dates):
        for item in group:
            yield from item.mentions
    for event in record.events:
        yield from event.evidence


@pytest.mark.slow
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=mutated_article(tuple(SMALL)))
def test_every_offset_of_a_record_lies_inside_its_body(data):
    from pipeline.read import decode_bytes, DecodeError

    try:
        text = decode_bytes(data).text
    except DecodeError:
        return
    result = processor().process(as_raw(normalize_tones(text.replace("\r\n", "\n")), "text"))
    if isinstance(result, ErrorRecord):
        assert result.error.kind != "internal", result.error.message
        return
    for span in offsets(result):
        assert 0 <= span.start <= span.end <= len(result.body)
    for person in result.people:
        for mention in person.mentions:
            assert result.body[mention.start : mention.end].strip()
