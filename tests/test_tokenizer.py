"""The annotator's tokenizer: the Doc spells the input back exactly, tokens are
underthesea words, and sentences end where Vietnamese text ends them."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from underthesea import word_tokenize

from pipeline.annotate import Annotator
from pipeline.annotate.segmenter import normalise_characters
from pipeline.annotate.sentences import sentence_spans
from pipeline.annotate.tokenizer import word_sentences
from pipeline.textnorm import normalize_text

ROOT = Path(__file__).resolve().parent.parent
SHARED_DEV = Path(__file__).resolve().parents[1] / "corpus-dev"
DEV = SHARED_DEV if SHARED_DEV.is_dir() else ROOT / "corpus-dev"
SEEDS = sorted((ROOT / "corpus").glob("*.txt"))
DEV_TEXTS = sorted((DEV / "text").glob("*.txt"))
DEV_PAGES = sorted((DEV / "html").glob("*.html"))


@pytest.fixture(scope="module")
def segment_only() -> Annotator:
    return Annotator(layers=())


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator()


def strip_tags(text: str) -> str:
    """A crude body of a CMS fragment: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


@pytest.mark.parametrize("path", SEEDS + DEV_TEXTS + DEV_PAGES, ids=lambda p: p.name)
def test_doc_text_is_the_raw_file(segment_only: Annotator, path: Path) -> None:
    # Raw bytes as decoded: CRLF, entities, markup and decomposed Unicode included.
    text = path.read_bytes().decode("utf-8", errors="replace")
    doc = segment_only.annotate(text)
    assert doc.text == text
    assert "".join(token.text_with_ws for token in doc) == text


@pytest.mark.parametrize("path", SEEDS + DEV_TEXTS, ids=lambda p: p.name)
def test_doc_text_is_the_normalised_body(segment_only: Annotator, path: Path) -> None:
    text = normalize_text(strip_tags(path.read_text(encoding="utf-8")))
    doc = segment_only.annotate(text)
    assert doc.text == text
    for token in doc:
        assert text[token.idx : token.idx + len(token)] == token.text


_VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ" + "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
_ODD = " \t\n\r\u00a0\u200b\u2028\u0300\u0301\u0323.,;:!?…-–“”\"'()[]/%&@#😀🇻🇳中文Яð0123456789"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(_VIETNAMESE + _ODD), max_size=120) | st.text(max_size=60))
def test_doc_text_is_any_string(annotator: Annotator, text: str) -> None:
    doc = annotator.annotate(text)
    assert doc.text == text
    assert list(doc.sents) or not text


@pytest.mark.parametrize("text", ["", " ", "\n", "\n\n\n", "\t \r\n", "😀", "a", "Ð", "Ho\u0300a bi\u0300nh", "中文 English tiếng Việt"])
def test_doc_text_of_edge_cases(annotator: Annotator, text: str) -> None:
    assert annotator.annotate(text).text == text


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Bệnh viện Đa khoa Đức Giang đã tổ chức Lễ ký kết thỏa thuận hợp tác.", "Bệnh viện"),
        ("ThS.BS Nguyễn Khắc Thúy - Trưởng Trạm Y tế phường cùng đại diện lãnh đạo.", "Y tế"),
        ("Sự việc thương tâm vừa xảy ra sáng 17/5.", "thương tâm"),
        ("Trên Zing.vn dẫn thông tin từ gia đình nạn nhân cho biết.", "gia đình"),
    ],
)
def test_multi_syllable_words_are_one_token(segment_only: Annotator, sentence: str, word: str) -> None:
    assert word in [token.text for token in segment_only.annotate(sentence)]


@pytest.mark.parametrize("path", SEEDS + DEV_TEXTS[:6], ids=lambda p: p.name)
def test_tokens_are_underthesea_words(segment_only: Annotator, path: Path) -> None:
    text = normalize_text(strip_tags(path.read_text(encoding="utf-8")))
    doc = segment_only.annotate(text)
    for sentence_text, words in word_sentences(doc):
        assert [token._.word_form for token in words] == word_tokenize(sentence_text)


def test_word_forms_follow_underthesea_normalisation(segment_only: Annotator) -> None:
    text = "Ho\u0300a bi\u0300nh ð"  # decomposed marks and the look-alike ð
    doc = segment_only.annotate(text)
    assert doc.text == text
    assert " ".join(token._.word_form for token in doc if token._.word_form) == " ".join(word_tokenize(text))
    assert [token.text for token in doc if not token.is_space][-1] == "ð"


def test_normalised_characters_map_back() -> None:
    text = "Kie\u0302\u0301n Thu\u0323y"
    normalised = normalise_characters(text)
    assert normalised.text == "Kiến Thụy"
    span = normalised.origin(0, 4, 0)
    assert text[span.start : span.end] == "Kie\u0302\u0301n"


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Sự việc thương tâm vừa xảy ra sáng 17/5.\nSau đó, vợ anh Sơn mang chế biến làm 2 phần.",
            ["Sự việc thương tâm vừa xảy ra sáng 17/5.", "Sau đó, vợ anh Sơn mang chế biến làm 2 phần."],
        ),
        (
            "Phường Long Biên tăng cường hợp tác\n\nPhạm Linh 14:21 24/10/2025",
            ["Phường Long Biên tăng cường hợp tác", "Phạm Linh 14:21 24/10/2025"],
        ),
        (
            "Tham dự có PGS.TS. Đỗ Văn Nam - Giám đốc Bệnh viện. Về phía phường có đồng chí Trưởng Trạm.",
            ["Tham dự có PGS.TS. Đỗ Văn Nam - Giám đốc Bệnh viện.", "Về phía phường có đồng chí Trưởng Trạm."],
        ),
        (
            "Số thịt còn lại, đến chiều người vợ xào với khổ qua... và ăn. Một lúc sau, cháu bị nôn!",
            ["Số thịt còn lại, đến chiều người vợ xào với khổ qua... và ăn.", "Một lúc sau, cháu bị nôn!"],
        ),
        (
            "TP. Hồ Chí Minh có 1.500 ca. “Chúng tôi rất lo”, ông nói.",
            ["TP. Hồ Chí Minh có 1.500 ca.", "“Chúng tôi rất lo”, ông nói."],
        ),
    ],
)
def test_sentence_boundaries(segment_only: Annotator, text: str, sentences: list[str]) -> None:
    assert [text[s.start : s.end] for s in sentence_spans(text)] == sentences
    doc = segment_only.annotate(text)
    assert [sentence.text.strip() for sentence in doc.sents] == sentences


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_paragraph_break_always_ends_a_sentence(segment_only: Annotator, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    doc = segment_only.annotate(text)
    for sentence in doc.sents:
        assert "\n\n" not in sentence.text.strip()


def test_annotated_doc_round_trips(annotator: Annotator) -> None:
    import pickle

    text = "Tham dự buổi lễ có đồng chí Phạm Thị Bích Hằng - Phó Chủ tịch UBND phường.\n\nẢnh: Bệnh viện."
    doc = annotator.annotate(text)
    restored = pickle.loads(pickle.dumps(doc))
    assert restored.text == text
    assert [(t.text, t._.word_form, t.tag_, t._.chunk, t._.ner) for t in restored] == [
        (t.text, t._.word_form, t.tag_, t._.chunk, t._.ner) for t in doc
    ]
    assert [s.text for s in restored.sents] == [s.text for s in doc.sents]
    assert [(e.text, e.label_) for e in restored.ents] == [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize("value", [None, b"Bac si", 42])
def test_non_text_input_is_a_clear_error(annotator: Annotator, value) -> None:
    with pytest.raises(TypeError, match="expects text as str"):
        annotator.annotate(value)
