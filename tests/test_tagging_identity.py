"""The tagging layer gives exactly underthesea's tokens and tags.

Every sentence of the seed articles and of the development corpus (text
files; CMS fragments with their tags crudely stripped) is tagged by the
annotator and by underthesea's ``pos_tag``, ``chunk`` and ``ner`` on the same
sentence string; words and tags must be identical. Running fewer layers must
not change the tags of the ones that run.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from underthesea import chunk, ner, pos_tag

from pipeline.annotate import Annotator
from pipeline.annotate.features import FeatureTemplate, TemplateError, TemplateSet, sentence_attributes
from pipeline.annotate.taggers import MODELS, TaggerError, resolve_layers
from pipeline.annotate.tokenizer import word_sentences
from pipeline.textnorm import normalize_text

ROOT = Path(__file__).resolve().parent.parent
SHARED_DEV = Path(__file__).resolve().parents[1] / "corpus-dev"
DEV = SHARED_DEV if SHARED_DEV.is_dir() else ROOT / "corpus-dev"
ARTICLES = sorted((ROOT / "corpus").glob("*.txt")) + sorted((DEV / "text").glob("*.txt"))


def article_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    return normalize_text(html.unescape(re.sub(r"<[^>]+>", " ", raw)))


@lru_cache(maxsize=4)
def annotator(layers: tuple[str, ...]) -> Annotator:
    return Annotator(layers=layers)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_all_layers_equal_underthesea_ner(path: Path) -> None:
    doc = annotator(("pos", "chunk", "ner")).annotate(article_text(path))
    found = word_sentences(doc)
    assert found
    for text, words in found:
        mine = [(t._.word_form, t.tag_, t._.chunk, t._.ner) for t in words]
        assert mine == [tuple(row) for row in ner(text)], text


@pytest.mark.parametrize("path", ARTICLES[::3], ids=lambda p: p.name)
def test_pos_layer_alone_equals_pos_tag(path: Path) -> None:
    doc = annotator(("pos",)).annotate(article_text(path))
    for text, words in word_sentences(doc):
        assert [(t._.word_form, t.tag_) for t in words] == [tuple(row) for row in pos_tag(text)], text
        assert all(t._.chunk is None and t._.ner is None for t in words)


@pytest.mark.parametrize("path", ARTICLES[1::3], ids=lambda p: p.name)
def test_chunk_layer_equals_chunk(path: Path) -> None:
    doc = annotator(("chunk",)).annotate(article_text(path))
    for text, words in word_sentences(doc):
        assert [(t._.word_form, t.tag_, t._.chunk) for t in words] == [tuple(row) for row in chunk(text)], text


@pytest.mark.parametrize("path", ARTICLES[2::3], ids=lambda p: p.name)
def test_ner_without_chunking_equals_ner(path: Path) -> None:
    doc = annotator(("ner",)).annotate(article_text(path))
    for text, words in word_sentences(doc):
        expected = [(row[0], row[1], row[3]) for row in ner(text)]
        assert [(t._.word_form, t.tag_, t._.ner) for t in words] == expected, text


@pytest.mark.parametrize(
    ("sentence", "entity", "label"),
    [
        ("Về phía phường Long Biên có đồng chí Phạm Thị Bích Hằng - Phó Chủ tịch UBND phường.", "Phạm Thị Bích Hằng", "PER"),
        ("Một bé trai 4 tuổi ở TP Cao Lãnh (Đồng Tháp) đã tử vong sau khi ăn gan cóc.", "Cao Lãnh", "LOC"),
    ],
)
def test_entities_are_doc_ents(sentence: str, entity: str, label: str) -> None:
    doc = annotator(("pos", "chunk", "ner")).annotate(sentence)
    assert (entity, label) in [(span.text, span.label_) for span in doc.ents]


def test_ner_runs_without_chunking() -> None:
    assert resolve_layers(["ner"]) == ("pos", "ner")
    assert resolve_layers(["chunk"]) == ("pos", "chunk")
    assert resolve_layers([]) == ()
    with pytest.raises(TaggerError, match="unknown tagging layer"):
        resolve_layers(["parse"])


@pytest.mark.parametrize("layer", sorted(MODELS))
def test_templates_are_those_of_the_model_file(layer: str) -> None:
    # The attribute names stored in the CRF model file are "<template>=<value>";
    # every template of the file must be one we build, and each we build must be in the file.
    data = MODELS[layer].path.read_bytes()
    stored = {match.decode() for match in re.findall(rb"(T\[-?\d+(?:,-?\d+)?\](?:\[\d+\])?(?:\.[a-z]+)?)=", data)}
    assert stored == set(MODELS[layer].templates)


def test_windows_before_and_after_the_sentence() -> None:
    templates = TemplateSet.parse(["T[-1]", "T[1,2]", "T[0].istitle", "T[-2,-1][1]", "T[0].lower"])
    rows = sentence_attributes(templates, [["Bệnh viện", "Đức Giang", "khám"], ["N", "Np", "V"]])
    assert rows[0] == ("T[-1]=BOS", "T[1,2]=Đức Giang khám", "T[0].istitle=False", "T[-2,-1][1]=BOS", "T[0].lower=bệnh viện")
    assert rows[1][2] == "T[0].istitle=True"  # every syllable of "Đức Giang" is capitalised
    assert rows[2] == ("T[-1]=Đức Giang", "T[1,2]=EOS", "T[0].istitle=False", "T[-2,-1][1]=N Np", "T[0].lower=khám")
    assert sentence_attributes(templates, [[], []]) == []


@pytest.mark.parametrize("text", ["T[0", "T[a]", "T[2,1]", "T[0].upper", "W[0]"])
def test_bad_templates_are_named(text: str) -> None:
    with pytest.raises(TemplateError, match=re.escape(text)):
        FeatureTemplate.parse(text)


@pytest.mark.parametrize("layer", sorted(MODELS))
def test_attribute_names_are_read_from_each_model(layer: str) -> None:
    # Without them tagging stays correct but passes every attribute to the CRF.
    from underthesea_core import CRFModel

    from pipeline.annotate.model_file import read_attribute_names

    path = MODELS[layer].path
    names = read_attribute_names(path, CRFModel.load(str(path)).num_attributes)
    assert names is not None
    assert all(name.split("=", 1)[0] in MODELS[layer].templates for name in names)


@lru_cache(maxsize=1)
def _segmenter():
    from pipeline.annotate.segmenter import WordSegmenter

    return WordSegmenter()


def _syllables(text: str) -> list[str]:
    segmenter = _segmenter()
    return [segmenter._spelling(match.group(0)) for match in segmenter._syllables.finditer(text)]


@lru_cache(maxsize=1)
def _rust_featurizer():
    import joblib
    from underthesea_core import CRFFeaturizer

    from pipeline.annotate.segmenter import WS_MODEL

    directory = MODELS["pos"].path.parent.parent / "word_tokenize" / "models" / WS_MODEL
    return CRFFeaturizer(joblib.load(directory / "features.bin"), joblib.load(directory / "dictionary.bin"))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_segmentation_attributes_equal_underthesea_core(path: Path) -> None:
    # Our attributes for the word segmentation CRF, before pruning, are the
    # strings underthesea_core's featurizer builds, for every sentence.
    from pipeline.annotate.segmenter import load_word_segmentation_model
    from pipeline.annotate.sentences import sentence_spans

    templates = load_word_segmentation_model().templates
    featurizer = _rust_featurizer()
    text = article_text(path)
    for span in sentence_spans(text):
        syllables = _syllables(text[span.start : span.end])
        expected = featurizer.process([[[syllable] for syllable in syllables]])[0]
        assert [list(row) for row in sentence_attributes(templates, [syllables])] == expected


_TRICKY_SYLLABLES = [
    "Bệnh", "viện", "ĐA", "khoa", "2020", "-1", "+7", "2147483648", "-2147483648", "1,5", "1.500.000", "½", "²",
    "Ⅻ", "ⅻ", "ǅa", "ß", "ᾈ", "ΣΑΣ", "İx", "(", "“", "TP.HCM", "PGS.TS", "iPhone", "中", "😀", "_", "03-5730-2357",
]


@pytest.mark.parametrize("start", range(0, len(_TRICKY_SYLLABLES), 3))
def test_segmentation_attributes_of_unusual_syllables(start: int) -> None:
    from pipeline.annotate.segmenter import load_word_segmentation_model

    syllables = _TRICKY_SYLLABLES[start:] + _TRICKY_SYLLABLES[:start]
    expected = _rust_featurizer().process([[[syllable] for syllable in syllables]])[0]
    templates = load_word_segmentation_model().templates
    assert [list(row) for row in sentence_attributes(templates, [syllables])] == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("aăâbcdđeêhiklmnoôơtuưyAĐÊƯ àáảãạềếểễệ0123456789-+.,()“”ßǅΣ中😀\n"), max_size=80))
def test_segmentation_attributes_of_generated_text(text: str) -> None:
    from pipeline.annotate.segmenter import load_word_segmentation_model

    syllables = _syllables(text)
    if not syllables:
        return
    expected = _rust_featurizer().process([[[syllable] for syllable in syllables]])[0]
    templates = load_word_segmentation_model().templates
    assert [list(row) for row in sentence_attributes(templates, [syllables])] == expected


_PIECES = [
    "Bệnh viện", "Đa khoa", "tỉnh", "Trạm Y tế", "phường", "PGS.TS", "ThS.BS", "Nguyễn Văn", "Giám đốc", "ký kết",
    "ngày 23/10", "2025", "1.500", "TP.HCM", "UBND", "(", ")", ",", ".", "!", "?", "…", "-", "“", "”", ":", ";",
    "hoà", "Thuỵ", "ð", "Ho\u0300a", "iPhone", "COVID-19", "03-5730-2357", "www.vnexpress.net", "\n", "\n\n", "  ",
]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=25).map(" ".join))
def test_generated_sentences_equal_underthesea_ner(text: str) -> None:
    doc = annotator(("pos", "chunk", "ner")).annotate(text)
    assert doc.text == text
    for sentence, words in word_sentences(doc):
        mine = [(t._.word_form, t.tag_, t._.chunk, t._.ner) for t in words]
        assert mine == [tuple(row) for row in ner(sentence)], sentence
