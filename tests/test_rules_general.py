"""Every rule file: each rule matches its own examples and none of its counter-examples,
and no rule file names a person or a facility of the corpus or the gold (rules must generalise)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from pipeline.rules import RULES_DIR, RuleSet
from pipeline.textnorm import normalize_tones

REPO = Path(__file__).resolve().parent.parent
GOLD_FILES = sorted((REPO / "gold").glob("*.jsonl"))
# Names that must never appear in a rule file, whatever the gold says.
MUST_NOT = (
    "Đỗ Đình Tùng", "Phạm Thị Bích Hằng", "Nguyễn Khắc Thúy", "Lê Ngọc Dũng", "Lê Khắc Nam",
    "Nguyễn Xuân Linh", "Đức Giang", "Bãi Cháy", "Kiến Thụy", "Kiến Thuỵ", "Tràng Cát",
)
# Words that head a facility name or name an administrative unit: generic, allowed in rules.
_GENERIC_HEAD = re.compile(
    r"^(?:(?:Bệnh viện|BV|Trung tâm(?: Y tế)?|TTYT|Trạm Y tế|Phòng khám|Viện|Khoa)\s+)?"
    r"(?:(?:Đa khoa|đa khoa)\s+)?(?:(?:tỉnh|thành phố|TP\.?|quận|huyện|thị xã|TX|phường|xã|thị trấn)\s+)?",
    re.IGNORECASE,
)


def _rule_files() -> list[Path]:
    return sorted(RULES_DIR.glob("*.yaml"))


def _rules():
    ruleset = RuleSet.load()
    return [pytest.param(rule, id=f"{kind}:{rule.id}") for kind, rule in ruleset.all_rules()]


@pytest.mark.parametrize("rule", _rules())
def test_rule_matches_its_examples(rule):
    for example in rule.examples:
        assert rule.regex.search(example), f"{rule.id} does not match its example {example!r}"
    for counter in rule.counter_examples:
        assert not rule.regex.search(counter), f"{rule.id} matches its counter-example {counter!r}"


def _gold_names() -> set[str]:
    """Person names and the proper part of facility names found in every gold file."""
    names = set(MUST_NOT)
    for path in GOLD_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            for person in item.get("people") or []:
                if len(person["name"].split()) >= 2:
                    names.add(person["name"])
            for facility in item.get("facilities") or []:
                for form in [facility["name"], *(facility.get("aliases") or [])]:
                    proper = _GENERIC_HEAD.sub("", form).strip()
                    if len(proper) >= 4 and any(c.isupper() for c in proper) and " " in proper:
                        names.add(proper)
    return {normalize_tones(name) for name in names}


def test_gold_names_are_collected():
    names = _gold_names()
    assert "Đỗ Đình Tùng" in names and "Đức Giang" in names
    assert len(names) > 30


def _province_names() -> list[re.Pattern[str]]:
    """The gazetteer of provinces: a facility named after its province (Bệnh viện Sản Nhi
    Quảng Ngãi) does not make the province's name specific to one article."""
    ruleset = RuleSet.load()
    return [rule.regex for kind, rule in ruleset.all_rules() if rule.meta.get("role") == "province_name"]


@pytest.mark.parametrize("path", _rule_files(), ids=lambda p: p.name)
def test_rule_file_names_no_person_or_facility(path):
    text = normalize_tones(path.read_text(encoding="utf-8"))
    yaml.safe_load(text)  # the file is YAML
    provinces = _province_names()
    found = [name for name in sorted(_gold_names()) if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)
             and not any(province.fullmatch(name) for province in provinces)]
    assert not found, f"{path.name} names {found}"


def test_province_names_are_places_not_people():
    provinces = _province_names()
    assert provinces and any(p.fullmatch("Thái Bình") for p in provinces)
    assert not any(p.fullmatch("Võ Phiên") for p in provinces)


@pytest.mark.parametrize(
    "body, message",
    [
        # a lost "- id:" line: the next rule's keys land in this one
        ("rules:\n  - id: visit.a\n    literal: a\n    pattern: 'a'\n    literal: b\n    pattern: 'b'\n",
         "offices.yaml: rule visit.a: key 'literal' written twice"),
        ("rules:\n  - id: visit.a\n    literal: a\n    pattern: 'a'\n    colour: red\n", "offices.yaml: rule visit.a: colour"),
    ],
)
def test_bad_rule_files_are_refused_naming_file_and_rule(tmp_path, body, message):
    from pipeline.rules import RuleError

    (tmp_path / "offices.yaml").write_text("kind: offices\n" + body, encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        RuleSet.load(tmp_path)
    assert message in str(caught.value)
