"""Rule matches as spans: every match of every rule, labelled with its kind and rule id."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.annotate import Annotator
from pipeline.annotate.rule_spans import SPAN_KEY
from pipeline.rules import RULES_DIR, RuleError, RuleSet

TITLES = """
kind: title
description: academic titles
rules:
  - id: title.pgs
    literal: PGS
    pattern: '\\bPGS\\b'
    examples: ["PGS.TS Nguyễn Văn An"]
  - id: title.ts
    literal: TS
    pattern: '(?<=[.\\s])TS\\b|^TS\\b'
    examples: ["PGS.TS Nguyễn Văn An"]
"""
FACILITIES = """
kind: facility_type
rules:
  - id: facility.hospital
    literal: Bệnh viện
    pattern: '\\bbệnh viện\\b'
    ignore_case: true
    examples: ["Bệnh viện Đa khoa", "bệnh viện tuyến trên"]
  - id: facility.health_station
    literal: Trạm Y tế
    pattern: '\\bTrạm Y tế\\b'
    examples: ["Trạm Y tế phường"]
  - id: facility.part_of_word
    literal: viện
    pattern: 'viện(?= Đa)'
    examples: ["Bệnh viện Đa khoa"]
"""


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> RuleSet:
    directory: Path = tmp_path_factory.mktemp("rules")
    (directory / "titles.yaml").write_text(TITLES, encoding="utf-8")
    (directory / "facility_types.yaml").write_text(FACILITIES, encoding="utf-8")
    return RuleSet.load(directory)


@pytest.fixture(scope="module")
def annotator(rules: RuleSet) -> Annotator:
    return Annotator(rules, layers=())


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Tham dự buổi lễ, về phía Bệnh viện Đa khoa có PGS.TS Nguyễn Văn An - Giám đốc Bệnh viện.",
            [
                ("Bệnh viện", "facility_type", "facility.hospital"),
                ("Bệnh viện", "facility_type", "facility.part_of_word"),
                ("PGS.TS", "title", "title.pgs"),
                ("PGS.TS", "title", "title.ts"),
                ("Bệnh viện", "facility_type", "facility.hospital"),
            ],
        ),
        (
            "Ngày 23/10, bệnh viện đã tổ chức Lễ ký kết thỏa thuận hợp tác với Trạm Y tế phường.",
            [("bệnh viện", "facility_type", "facility.hospital"), ("Trạm Y tế", "facility_type", "facility.health_station")],
        ),
        ("Sự việc thương tâm vừa xảy ra sáng 17/5.", []),
    ],
)
def test_spans_carry_kind_and_rule_id(annotator: Annotator, sentence: str, expected: list) -> None:
    doc = annotator.annotate(sentence)
    assert [(span.text, span.label_, span.id_) for span in doc.spans[SPAN_KEY]] == expected


def test_spans_expand_to_whole_words_and_keep_exact_matches(annotator: Annotator) -> None:
    # "viện" is the second syllable of the word "Bệnh viện": the span is the word,
    # the exact match keeps the rule's own offsets.
    text = "Về phía Bệnh viện Đa khoa có đại diện lãnh đạo."
    doc = annotator.annotate(text)
    pairs = list(zip(doc.spans[SPAN_KEY], doc._.rule_matches))
    assert len(pairs) == len(doc._.rule_matches)
    part = [(span, match) for span, match in pairs if span.id_ == "facility.part_of_word"]
    assert len(part) == 1
    span, match = part[0]
    assert span.text == "Bệnh viện"
    assert text[match.start : match.end] == "viện"
    for span, match in pairs:
        assert span.start_char <= match.start < match.end <= span.end_char
        assert span.id_ == match.rule_id and span.label_ == match.kind
        assert match.text == text[match.start : match.end]


def test_every_rule_id_comes_from_the_rule_set(annotator: Annotator, rules: RuleSet) -> None:
    text = (Path(__file__).resolve().parent.parent / "corpus" / "000_8649a4f9e4d548b0.txt").read_text(encoding="utf-8")
    doc = annotator.annotate(text)
    ids = {rule.id for _, rule in rules.all_rules()}
    assert doc.spans[SPAN_KEY]
    assert {span.id_ for span in doc.spans[SPAN_KEY]} <= ids
    assert len(doc.spans[SPAN_KEY]) == sum(len(rules.matches(kind, text)) for kind in rules.kinds())


def test_without_rules_there_is_no_rule_component() -> None:
    annotator = Annotator(layers=())
    assert "vi_rule_spans" not in annotator.nlp.pipe_names
    assert SPAN_KEY not in annotator.annotate("Bệnh viện Đa khoa").spans


def test_component_is_registered_and_can_load_a_folder(rules: RuleSet) -> None:
    annotator = Annotator(layers=())
    component = annotator.nlp.add_pipe("vi_rule_spans", config={"rules_dir": str(rules.directory)})
    assert component.rules.sha256 == rules.sha256
    doc = annotator.annotate("Trạm Y tế phường")
    assert [span.id_ for span in doc.spans[SPAN_KEY]] == ["facility.health_station"]


def test_a_missing_rules_folder_is_a_clear_error(tmp_path: Path) -> None:
    annotator = Annotator(layers=())
    with pytest.raises(RuleError, match="not found"):
        annotator.nlp.add_pipe("vi_rule_spans", config={"rules_dir": str(tmp_path / "absent")})


def test_project_rules_when_they_load() -> None:
    try:
        project_rules = RuleSet.load(RULES_DIR)
    except RuleError as error:  # the rule files are validated by their own tests
        pytest.skip(f"project rules do not load: {error}")
    doc = Annotator(project_rules, layers=()).annotate("Tham dự buổi lễ có Giám đốc Bệnh viện và Trạm Y tế phường.")
    for span in doc.spans[SPAN_KEY]:
        assert span.label_ in project_rules.kinds()
        assert project_rules.rule(span.id_) is not None


def test_annotated_docs_serialise(annotator: Annotator) -> None:
    import pickle

    from spacy.tokens import Doc

    doc = annotator.annotate("Giám đốc Bệnh viện Đa khoa có PGS.TS Nguyễn Văn An.")
    restored = Doc(annotator.nlp.vocab).from_bytes(doc.to_bytes())
    assert restored.text == doc.text
    assert [(s.text, s.id_) for s in restored.spans[SPAN_KEY]] == [(s.text, s.id_) for s in doc.spans[SPAN_KEY]]
    assert restored._.rule_matches == doc._.rule_matches
    assert pickle.loads(pickle.dumps(doc))._.rule_matches == doc._.rule_matches
