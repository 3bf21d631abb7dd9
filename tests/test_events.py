"""Events: the four types, each real-world event once, dated, with participants and evidence.

Entities are built by hand from the gold names (their mentions found in the
text), so that these tests depend only on the ``Entities`` type.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import pytest

from pipeline.document import AnnotatedArticle, CleanedArticle, Entities
from pipeline.extract.dates import extract_dates
from pipeline.extract.entities import extract_entities
from pipeline.extract.events import extract_events
from pipeline.extract.sentences import split_sentences, split_text
from pipeline.models import Facility, Mention, Organization, Person
from pipeline.rules import RuleSet
from pipeline.textnorm import name_key, normalize_text

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "gold"


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return RuleSet.load()


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


SEEDS = {row["source"]: row for row in _lines(GOLD / "seeds.jsonl")}
DEV_EVENTS = {row["source"]: row for row in _lines(GOLD / "dev-events.jsonl")}
DEV_TEXT = {row["source"]: row for row in _lines(GOLD / "dev-cleaning.jsonl")}
DEV_ENTITIES = {row["source"]: row for row in _lines(GOLD / "dev-entities.jsonl")}


def _mentions(text: str, names: list[str]) -> list[Mention]:
    folded = text.casefold()
    spans = set()
    for name in names:
        needle = normalize_text(name).casefold()
        at = folded.find(needle)
        while at >= 0:
            spans.add((at, at + len(needle)))
            at = folded.find(needle, at + len(needle))
    # A short form inside a longer mention is not a mention of its own.
    kept = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
    return [Mention(start=s, end=e) for s, e in sorted(kept)]


def entities_from_gold(text: str, people: list[dict], facilities: list[dict], organizations: tuple[str, ...] = ()) -> Entities:
    return Entities(
        people=[Person(id=f"P{i}", name=p["name"], mentions=_mentions(text, [p["name"]])) for i, p in enumerate(people, 1)],
        facilities=[
            Facility(
                id=f"F{i}",
                name=f["name"],
                kind=f.get("kind", "other"),
                aliases=f.get("aliases", []),
                mentions=_mentions(text, [f["name"], *f.get("aliases", [])]),
            )
            for i, f in enumerate(facilities, 1)
        ],
        organizations=[
            Organization(id=f"O{i}", name=name, kind="government", mentions=_mentions(text, [name]))
            for i, name in enumerate(organizations, 1)
        ],
    )


def annotated(text: str, rules: RuleSet, published: Optional[str]) -> AnnotatedArticle:
    text = normalize_text(text)
    return AnnotatedArticle(CleanedArticle(body=text), text, len(text), None, rules, published)


def run(ann: AnnotatedArticle, entities: Entities):
    return extract_events(ann, entities, extract_dates(ann))


def _run_on_people_and_hospitals(text: str, people: list, hospitals: list, rules: RuleSet):
    """The events of ``text`` with the people and hospitals it names as its entities."""
    ann = annotated(text, rules, None)
    entities = entities_from_gold(ann.text, [{"name": n} for n in people],
                                  [{"name": n, "kind": "hospital"} for n in hospitals])
    return run(ann, entities)


def seed(source: str, rules: RuleSet):
    row = SEEDS[source]
    ann = annotated(row["main_text"], rules, row["published"])
    entities = entities_from_gold(ann.text, row["people"], row["facilities"])
    return ann, entities, run(ann, entities)


def _events_at_hospitals(text: str, hospitals: list[str], rules: RuleSet,
                         published: Optional[str] = None) -> list[tuple]:
    """The events of ``text`` as (type, date, facility names), its facilities given as hospitals."""
    ann = annotated(text, rules, published)
    entities = entities_from_gold(ann.text, [], [{"name": f, "kind": "hospital"} for f in hospitals])
    return [(e.type, e.date, _facility_names(e, entities)) for e in run(ann, entities)]


def _facility_names(event, entities: Entities) -> set[str]:
    by_id = {f.id: f for f in entities.facilities}
    names: set[str] = set()
    for participant in event.participants:
        if participant.ref in by_id:
            facility = by_id[participant.ref]
            names |= {name_key(facility.name), *(name_key(a) for a in facility.aliases)}
    return names


@pytest.mark.parametrize("source", sorted(SEEDS))
def test_seed_events_match_gold(source: str, rules: RuleSet) -> None:
    _, entities, events = seed(source, rules)
    gold = SEEDS[source]["events"]
    assert sorted((e.type, e.date) for e in events) == sorted((g["type"], g["date"]) for g in gold)
    remaining = list(events)
    for wanted in gold:
        event = next(e for e in remaining if e.type == wanted["type"] and e.date == wanted["date"])
        remaining.remove(event)
        assert {name_key(n) for n in wanted["facilities"]} <= _facility_names(event, entities)


DEV_WITH_TEXT = sorted(set(DEV_EVENTS) & set(DEV_TEXT))


@pytest.mark.parametrize("source", DEV_WITH_TEXT)
def test_development_events_and_dates_match_gold(source: str, rules: RuleSet) -> None:
    # Only what the article itself states: a day whose year it does not give is
    # optional in the gold, and an event on such a day is undated.
    published = DEV_TEXT[source]["published"]
    ann = annotated(DEV_TEXT[source]["main_text"], rules, published)
    found = DEV_ENTITIES.get(source, {"people": [], "facilities": []})
    entities = entities_from_gold(ann.text, found["people"], found["facilities"])
    dates = extract_dates(ann)
    gold = DEV_EVENTS[source]
    predicted = {d.value for d in dates} - (set(gold["dates_optional"]) - set(gold["dates"]))
    assert predicted == set(gold["dates"])
    events = extract_events(ann, entities, dates)
    assert sorted((e.type, e.date or "") for e in events) == sorted((g["type"], g["date"] or "") for g in gold["events"])


def test_signing_mentioned_many_times_is_one_event(rules: RuleSet) -> None:
    ann, _, events = seed("000_8649a4f9e4d548b0.txt", rules)
    [signing] = events
    assert signing.trigger == "Lễ ký kết"
    assert [p.role for p in signing.participants if p.ref.startswith("F")] == ["party", "party"]
    # Every sentence about the signing is evidence, with the rule that fired in it.
    assert len(signing.evidence) >= 5
    assert {e.rule for e in signing.evidence} >= {"event.signing.le_ky_ket", "event.ceremony.buoi_le"}
    for evidence in signing.evidence:
        assert 0 <= evidence.start < evidence.end <= len(ann.text)
        assert ann.rules.rule(evidence.rule)


def test_visit_and_signing_same_day_with_delegation(rules: RuleSet) -> None:
    ann, entities, events = seed("003_c1a174a331de74c0.txt", rules)
    visit, signing = events
    assert (visit.type, visit.part_of_day) == ("visit", "afternoon")
    names = {p.id: p.name for p in entities.people} | {f.id: f.name for f in entities.facilities}
    roles = {names[p.ref]: p.role for p in visit.participants}
    # The delegation resolves to its unit, its leader and the members named later.
    assert roles["Bệnh viện Bãi Cháy"] == "visitor"
    assert roles["Lê Ngọc Dũng"] == "visitor"
    assert roles["Hoàng Đình Thành"] == "visitor"
    assert roles["Trung tâm Y tế thị xã Đông Triều"] == "host"
    assert roles["Lê Kỳ Trường"] == "host"
    # "Hai đơn vị ký kết …" names no party: the two units of the article are.
    assert {names[p.ref] for p in signing.participants if p.role == "party"} == {
        "Bệnh viện Bãi Cháy",
        "Trung tâm Y tế thị xã Đông Triều",
    }


def test_two_visits_to_two_places_are_two_events(rules: RuleSet) -> None:
    _, entities, events = seed("004_754e9b2d45fb362d.txt", rules)
    assert [(e.type, e.date, e.part_of_day) for e in events] == [("visit", "2025-02-18", "morning")] * 2
    names = {p.id: p.name for p in entities.people} | {f.id: f.name for f in entities.facilities}
    hosts = [{names[p.ref] for p in e.participants if p.role == "host"} for e in events]
    assert "Trung tâm Y tế huyện Kiến Thụy" in hosts[0]
    assert "Trần Thị Thu" in hosts[1]
    # The official named in the lead visits both places.
    assert all(any(names[p.ref] == "Lê Khắc Nam" and p.role == "visitor" for p in e.participants) for e in events)


def test_ceremony_with_commendations_is_a_ceremony_and_an_award(rules: RuleSet) -> None:
    _, _, events = seed("001_d553deb7a56b6005.txt", rules)
    assert [(e.type, e.date) for e in events] == [("ceremony", None), ("award", None)]


# Sentences that mention an event trigger but report no event of their own.
NOT_EVENTS = [
    # a province approves a memorandum still to be signed
    "(PLO)- Tỉnh Lâm Đồng thống nhất để Trường Cao đẳng Y tế Lâm Đồng ký kết Bản ghi nhớ hợp tác với Paris Cité, đại "
    "học hàng đầu nước Pháp.\n\nTheo đó, chấp thuận việc ký kết “Bản ghi nhớ hợp tác giữa 2 trường” như đề xuất.",
    "Bệnh viện Đức Giang cam kết sẽ tăng cường phối hợp, chia sẻ nguồn lực, hai bên sẽ ký kết thỏa thuận hợp tác.",
    "Bắt đầu từ tháng 3/2018, Sở Y tế sẽ kiểm tra các đơn vị y tế trong ngành về các gói thầu mua sắm.",
    "Ủy ban nhân dân quận đã chỉ đạo quản lý chặt chẽ; thường xuyên kiểm tra, giám sát hoạt động các cơ sở y tế tư nhân.",
    "Nội dung của buổi họp.\n\nTrước đó, ngày 12/5, Quản lý thị trường Hà Nội đã tiến hành kiểm tra xưởng sản xuất trà sữa.",
    "Đặc biệt, Sở Y tế sẽ tăng cường kiểm tra nhằm phát hiện, điều chỉnh kịp thời các bất hợp lý.",
    "Tổ chức Y tế Thế giới khuyến cáo.\n\nCách ly bệnh nhân nhằm ngăn ngừa sự lây lan sang người nhà bệnh nhân và khách đến thăm.",
    "Kỳ thi Toán học Hà Nội mở rộng lần thứ 15 sẽ diễn ra từ ngày 26 đến hết ngày 30/3.",
    # gifts handed out in a free examination campaign are part of the campaign
    "Cùng ngày, đoàn y, bác sĩ tình nguyện của Trường ĐH Y Dược TP HCM đã phối hợp với Trung tâm Quân dân y kết hợp "
    "huyện Lý Sơn (Quảng Ngãi) đã tổ chức khám, cấp thuốc miễn phí và tặng quà cho người nghèo trên đảo Lý Sơn.",
    "Ngoài việc trao cờ, ngư dân còn được tặng quà, khám bệnh, cấp phát thuốc miễn phí.",
    # an opening still to come; a machine put into use opens nothing
    "Các ban, ngành đang ráo riết triển khai để sớm đưa cơ sở vào hoạt động, phục vụ nhu cầu người bệnh.",
    "Bệnh viện đã đưa máy chụp cắt lớp 128 dãy vào sử dụng từ đầu năm.",
    # an act that only marks when a span of time began
    "Công trình có tổng mức đầu tư là 4 tỷ đồng. Thời gian thi công là 4 tháng kể từ ngày khởi công.",
    # honouring as the purpose of a contest honours no one
    "Nhằm tôn vinh các chị em đang công tác tại Bệnh viện Đa Khoa Hồng Đức III nhân ngày 20-10, Ban Giám Đốc, Công "
    "đoàn bệnh viện đã tổ chức Hội thi cắm hoa Chào mừng ngày Phụ nữ Việt Nam 20-10.",
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_plans_background_and_generic_mentions_are_not_events(text: str, rules: RuleSet) -> None:
    ann = annotated(text, rules, "2018-03-27")
    assert run(ann, Entities()) == []


def test_document_issue_date_is_not_the_event_date(rules: RuleSet) -> None:
    text = (
        "Ngày 14/6, Cục Công nghệ thông tin (Bộ Y tế) đã tổ chức lễ khởi động xây dựng phần mềm hồ sơ sức khỏe "
        "điện tử (EHM).\n\nTại lễ khởi động, PGS.TS Trần Quý Tường cho biết, thực hiện Nghị quyết số 20-NQ/TW "
        "ngày 25/10/2017 của Ban Chấp hành Trung ương khóa XII."
    )
    [event] = run(annotated(text, rules, "2018-06-22"), Entities())
    assert (event.type, event.date, event.name) == (
        "ceremony",
        "2018-06-14",
        "lễ khởi động xây dựng phần mềm hồ sơ sức khỏe điện tử",
    )


def test_organizations_take_part_by_position(rules: RuleSet) -> None:
    text = (
        "Sáng ngày 24/3/2018, tại thị trấn Chi Đông, UBND huyện Mê Linh và TTYT huyện Mê Linh phối hợp tổ chức "
        "phát động chiến dịch vệ sinh môi trường chủ động phòng, chống sốt xuất huyết và dịch bệnh năm 2018."
    )
    ann = annotated(text, rules, "2018-07-03")
    entities = entities_from_gold(
        ann.text, [], [{"name": "TTYT huyện Mê Linh", "kind": "health_center"}], organizations=("UBND huyện Mê Linh",)
    )
    [event] = run(ann, entities)
    assert (event.type, event.date, event.part_of_day, event.location) == (
        "ceremony",
        "2018-03-24",
        "morning",
        "thị trấn Chi Đông",
    )
    assert [(p.ref, p.role) for p in event.participants] == [("O1", "organizer"), ("F1", "organizer")]


def test_sentences_from_the_doc_when_it_has_them(rules: RuleSet) -> None:
    import spacy

    text = normalize_text(SEEDS["003_c1a174a331de74c0.txt"]["main_text"])
    nlp = spacy.blank("xx")
    plain = AnnotatedArticle(CleanedArticle(body=text), text, len(text), nlp(text), rules, None)
    assert split_sentences(plain) == split_text(text)  # no boundaries: the rule splitter
    nlp.add_pipe("sentencizer")
    with_doc = AnnotatedArticle(CleanedArticle(body=text), text, len(text), nlp(text), rules, None)
    sentences = split_sentences(with_doc)
    assert sentences and all(text[s.start:s.end] == s.text for s in sentences)
    assert all("\n" not in s.text for s in sentences)


def test_every_trigger_declares_its_type_and_strength(rules: RuleSet) -> None:
    # Matching its own examples is checked for every rule file in test_rules_general.
    for rule in rules.rules("event_triggers"):
        assert rule.meta.get("type") in {"signing", "visit", "award", "ceremony"}, rule.id
        assert rule.meta.get("strength") in {"head", "verb", "attach", "anaphoric"}, rule.id


@pytest.mark.parametrize(
    "text, expected",
    [
        # A year before the trigger dates history; a year after it belongs to the event's name.
        ("Năm 2019, hai đơn vị đã ký kết thỏa thuận hợp tác hỗ trợ chuyên môn.", []),
        ("Sở Y tế Hà Nội vừa tổ chức Hội nghị tổng kết công tác y tế năm 2024.", [("ceremony", None)]),
    ],
)
def test_years_before_a_trigger_make_history(text: str, expected: list, rules: RuleSet) -> None:
    assert [(e.type, e.date) for e in run(annotated(text, rules, None), Entities())] == expected


def test_a_signing_months_before_an_undated_review_is_background(rules: RuleSet) -> None:
    text = ("Vừa qua, Phó Chủ tịch UBND tỉnh đã có cuộc làm việc với Trường Đại học Y Dược Cần Thơ sơ kết sau gần 8 "
            "tháng ký Bản ghi nhớ Thiết lập hợp tác toàn diện.\n\nBản ghi nhớ hợp tác được ký kết ngày 16-8-2022 và có "
            "thời hạn 5 năm.")
    assert [(e.type, e.date) for e in run(annotated(text, rules, "2023-04-25"), Entities())] == [("visit", None)]


def test_an_agreement_carried_out_was_signed_before(rules: RuleSet) -> None:
    text = ("Thực hiện biên bản ghi nhớ hợp tác hỗ trợ giữa hai đơn vị đã được ký kết, ngày 28/6, chiều 1/7, đã diễn ra "
            "“Hội nghị triển khai kế hoạch hợp tác giữa Viện Y dược học dân tộc TP HCM và Bệnh viện Y học cổ truyền Nghệ An”.")
    assert [e.type for e in run(annotated(text, rules, "2022-07-02"), Entities())] == ["ceremony"]


def test_units_in_the_quoted_name_of_the_event_take_part(rules: RuleSet) -> None:
    text = ("Ngày 1/7, đã diễn ra “Hội nghị triển khai kế hoạch hợp tác giữa Viện Y dược học dân tộc TP HCM và "
            "Bệnh viện Y học cổ truyền Nghệ An”.")
    assert _events_at_hospitals(text, ["Viện Y dược học dân tộc TP HCM", "Bệnh viện Y học cổ truyền Nghệ An"],
                                rules, "2022-07-02") == [
        ("ceremony", "2022-07-01", {"viện y dược học dân tộc tp hcm", "bệnh viện y học cổ truyền nghệ an"})]


# Held-out sentences: the article's own event, with its type and date (no publication date given).
ARTICLE_EVENTS = [
    # A unit's review of its year or half-year is a meeting; a report's review is a document.
    (
        "Ngày 14 tháng 7 năm 2018 vừa qua, Bệnh viện Trường Đại học Y Dược Huế đã tổ chức lễ sơ kết 6 tháng đầu năm, "
        "nhằm đánh giá tình hình thực hiện nhiệm vụ chuyên môn.",
        [("ceremony", "2018-07-14")],
    ),
    (
        "(BL-CK) Chiều 10/2/2015, Bệnh viện Đa khoa tỉnh tổng kết công tác năm 2014, triển khai nhiệm vụ năm 2015.\n\n"
        "Theo báo cáo tổng kết công tác năm 2014, bệnh viện đã khám chữa bệnh gần 571.000 lượt.",
        [("ceremony", "2015-02-10")],
    ),
    # A hospital launching a new site holds a ceremony; a film's premiere is no event of the story.
    (
        "Sáng 31.12.2025, Bệnh viện Nhân dân Gia Định ra mắt cơ sở 2 tại số 25 Lê Lợi, phường Bến Thành.\n\n"
        "Phim tài liệu của đạo diễn ra mắt tại Liên hoan phim Tài liệu châu Âu – Việt Nam.",
        [("ceremony", "2025-12-31")],
    ),
    # A meeting is a ceremony; its date is written in parentheses after "chiều nay".
    (
        "Đó là yêu cầu của Phó Chủ tịch UBND tỉnh tại cuộc họp đánh giá tình hình triển khai thực hiện Trung tâm "
        "điều hành thông minh tỉnh vào chiều nay (7/10). Tham dự cuộc họp có đại diện lãnh đạo các sở, ngành.\n\n"
        "Ngày 3/12/2021, UBND tỉnh đã tổ chức hội nghị triển khai Đề án.",
        [("ceremony", "2021-10-07"), ("ceremony", "2021-12-03")],
    ),
    # A conference dated by a day whose year its sentence states.
    (
        "Sáng 1/6, Ban Tuyên giáo Tỉnh ủy phối hợp với Sở Thông tin và Truyền thông tổ chức Hội nghị Giao ban "
        "báo chí tháng 6 năm 2023. Dự hội nghị có đồng chí Trưởng Ban Tuyên giáo Tỉnh ủy.",
        [("ceremony", "2023-06-01")],
    ),
    # A meeting held to sign is the signing, however often the article comes back to it.
    (
        "Chiều 12/1/2026, Bộ CHQS tỉnh và Sở Y tế Thanh Hóa tổ chức hội nghị ký kết quy chế phối hợp công tác giữa 2 cơ "
        "quan. Đại tá Vũ Văn Tùng, Chỉ huy trưởng Bộ CHQS tỉnh và bác sĩ Lê Văn Cường, Giám đốc Sở Y tế đồng chủ trì "
        "hội nghị.\n\nTại hội nghị, các đại biểu đã nghe báo cáo dự thảo Quy chế phối hợp.\n\nPhát biểu tại hội nghị, "
        "lãnh đạo hai cơ quan thống nhất đánh giá việc ký kết Quy chế là cơ sở quan trọng.",
        [("signing", "2026-01-12")],
    ),
    # Prize-giving is an award, dated by the lead.
    (
        "Sáng ngày 13/11, TTYT huyện đã tổ chức vòng chung khảo hội thi điều dưỡng giỏi lần thứ nhất năm 2017.\n\n"
        "Kết quả, Ban tổ chức đã trao giải nhất cho thí sinh Nguyễn Thị A, khoa Y tế công cộng, trao giải nhì "
        "cho thí sinh Nguyễn Thị B; giải ba cho thí sinh Trần Thị C và 9 giải khuyến khích cho 9 thí sinh còn lại.",
        [("award", "2017-11-13")],
    ),
]


@pytest.mark.parametrize("text, expected", ARTICLE_EVENTS)
def test_meetings_conferences_and_prizes_are_events(text: str, expected: list, rules: RuleSet) -> None:
    assert [(e.type, e.date) for e in run(annotated(text, rules, None), Entities())] == expected


# Someone else's campaign, in a relative clause, is background.
BACKGROUND_AGENT_CLAUSES = [
    "Nằm trong chuỗi hoạt động do Bộ Y tế phát động chiến dịch “Tầm soát ung thư vú ngay khi sang tuổi 40”, "
    "ngay trong quý I/2018 TTYT huyện phối hợp với Hội Liên hiệp Phụ nữ huyện tổ chức khám sàng lọc.",
    "Hưởng ứng cuộc vận động do Ủy ban nhân dân thành phố phát động, Trung tâm Y tế tổ chức khám miễn phí.",
]


@pytest.mark.parametrize("text", BACKGROUND_AGENT_CLAUSES)
def test_acts_of_others_in_relative_clauses_are_background(text: str, rules: RuleSet) -> None:
    assert run(annotated(text, rules, None), Entities()) == []


@pytest.mark.parametrize("text", [
    "Ngày 5/3/2019, Đoàn công tác do Thứ trưởng Bộ Y tế dẫn đầu đã đến thăm Bệnh viện Đa khoa tỉnh A.",
    # "do" names the head of the delegation; "đã" makes the visit the sentence's own act
    "Ngày 5/3/2019, Đoàn của Hội Bảo trợ bệnh nhân nghèo tỉnh do bà Võ Thị Chín – Chủ tịch Hội đã đến thăm và "
    "tặng quà Tết cho các bệnh nhân đang điều trị tại Trung tâm Y tế huyện Châu Thành.",
    # a visit that also examines and hands out medicine is still a visit
    "Sáng 5/3/2019, đoàn công tác Tổng cục Hậu cần và Bệnh viện Quân y 87 do Trung tướng Lê Văn Hoàng làm trưởng "
    "đoàn đã thăm, tặng quà, khám bệnh, cấp thuốc miễn phí cho đối tượng chính sách xã Ba Cụm Nam.",
])
def test_a_delegation_led_by_someone_still_visits(text: str, rules: RuleSet) -> None:
    assert [(e.type, e.date) for e in run(annotated(text, rules, None), Entities())] == [("visit", "2019-03-05")]


@pytest.mark.parametrize("text, expected", [
    # an arts festival held for an anniversary; a programme named by its capitalised head
    ("Chiều ngày 23/5/2019, Công đoàn Bệnh viện Hữu nghị Việt Nam- Cuba tổ chức hội diễn văn nghệ hướng tới kỷ niệm "
     "50 năm thành lập bệnh viện (18/6/1969-18/6/2019).", [("ceremony", "2019-05-23")]),
    ("Tối ngày 14/9/2016, Bệnh viện Đa khoa huyện Vũ Thư phối hợp với Nhóm Thiện nguyện Thái Bình tổ chức chương "
     "trình Đêm hội cung trăng và trao quà cho các cháu thiếu nhi đang điều trị tại bệnh viện.",
     [("ceremony", "2016-09-14")]),
    ("Năm 2019, Công đoàn tổ chức hội diễn văn nghệ cho đoàn viên vào các dịp lễ.", []),
])
def test_festivals_held_for_an_occasion_are_ceremonies(text: str, expected: list, rules: RuleSet) -> None:
    ann = annotated(text, rules, None)
    entities = entities_from_gold(ann.text, [], [{"name": "Bệnh viện Hữu nghị Việt Nam- Cuba", "kind": "hospital"},
                                                  {"name": "Bệnh viện Đa khoa huyện Vũ Thư", "kind": "hospital"}])
    assert [(e.type, e.date) for e in run(ann, entities)] == expected


def test_an_organizers_own_launch_stays_an_event(rules: RuleSet) -> None:
    text = "Sáng ngày 24/3/2018, UBND huyện phối hợp tổ chức phát động chiến dịch vệ sinh môi trường."
    assert [(e.type, e.date) for e in run(annotated(text, rules, None), Entities())] == [("ceremony", "2018-03-24")]


def test_prize_giving_organizer_and_workplaces_of_recipients(rules: RuleSet) -> None:
    """The contest's organizer in the lead takes part; a unit written as a
    recipient's workplace ("thí sinh A, khoa …", "B, cán bộ Trạm y tế …") does not."""
    text = (
        "Sáng ngày 13/11, Trung tâm Y tế huyện A đã tổ chức vòng chung khảo hội thi điều dưỡng giỏi lần thứ nhất "
        "năm 2017.\n\nKết quả, Ban tổ chức đã trao giải nhất cho thí sinh Nguyễn Thị A, khoa Y tế công cộng; giải "
        "ba cho thí sinh Trần Thị C, cán bộ Trạm y tế xã B."
    )
    ann = annotated(text, rules, None)
    entities = entities_from_gold(
        ann.text,
        [{"name": "Nguyễn Thị A"}, {"name": "Trần Thị C"}],
        [
            {"name": "Trung tâm Y tế huyện A", "kind": "health_center"},
            {"name": "khoa Y tế công cộng", "kind": "department"},
            {"name": "Trạm y tế xã B", "kind": "health_station"},
        ],
    )
    [event] = run(ann, entities)
    assert (event.type, event.date) == ("award", "2017-11-13")
    assert [(p.ref, p.role) for p in event.participants] == [("F1", "organizer"), ("P1", "recipient"), ("P2", "recipient")]


def test_units_in_reported_speech_and_workplaces_do_not_take_part(rules: RuleSet) -> None:
    text = (
        "Ngày 5/3/2025, quận A tổ chức lễ kỷ niệm 70 năm Ngày Thầy thuốc Việt Nam.\n\n"
        "Phát biểu tại buổi lễ, Phó Chủ tịch Nguyễn Văn A cho biết: Hiện nay, ngành Y tế quận có 244 cán bộ, "
        "nhân viên thuộc Trung tâm Y tế quận A và Phòng Y tế quận A.\n\n"
        "Tham dự buổi lễ có bác sĩ Trần Thị C, Trạm trưởng Trạm Y tế phường B."
    )
    ann = annotated(text, rules, None)
    entities = entities_from_gold(
        ann.text,
        [{"name": "Nguyễn Văn A"}, {"name": "Trần Thị C"}],
        [
            {"name": "Trung tâm Y tế quận A", "kind": "health_center"},
            {"name": "Phòng Y tế quận A", "kind": "other"},
            {"name": "Trạm Y tế phường B", "kind": "health_station"},
        ],
    )
    [event] = run(ann, entities)
    assert (event.type, event.date) == ("ceremony", "2025-03-05")
    assert [(p.ref, p.role) for p in event.participants] == [("P1", "speaker"), ("P2", "attendee")]


# The day of a visit: a lunar day's solar day in brackets; a patient visited at the hospital of
# the day's visit is that visit; a tour over two days leaves each visit's day unknown.
VISITS_AND_THEIR_DAYS = [
    ("Ngay trong đêm giao thừa Tết Đinh Dậu (27-1), bà Nguyễn Thị Thu, Phó chủ tịch UBND TP.HCM cùng các lãnh đạo "
     "sở Y Tế đến Bệnh viện Phụ sản Hùng Vương chúc mừng những em bé sinh lúc 0 giờ; đồng thời, chúc Tết và thăm "
     "hỏi các y bác sĩ.", "2017-01-28T10:00:00+07:00",
     ["Nguyễn Thị Thu"], ["Bệnh viện Phụ sản Hùng Vương"], [("visit", "2017-01-27")]),
    ("(BLC) - Sáng nay (11/2/2021), Đoàn công tác của tỉnh do đồng chí Tống Thanh Hải làm Trưởng đoàn đến thăm hỏi và "
     "chúc tết các bệnh nhân đang điều trị tại Bệnh viện Đa khoa tỉnh.\n\n"
     "Đồng chí Tống Thanh Hải cùng Đoàn công tác thăm, tặng quà bệnh nhân Đỗ Khoa Hào (tổ 1, phường Đoàn Kết) đang "
     "điều trị tại Bệnh viện Đa khoa tỉnh do bị tai biến.", None,
     ["Tống Thanh Hải", "Đỗ Khoa Hào"], ["Bệnh viện Đa khoa tỉnh"], [("visit", "2021-02-11")]),
    ("Trong 2 ngày 24 và 25-2, Bộ tư lệnh Quân khu tổ chức các đoàn công tác đến thăm, tặng hoa và chúc mừng "
     "các đơn vị gồm: Bệnh viện Quân y 110, Bệnh viện Quân y 91.", "2022-02-26",
     [], ["Bệnh viện Quân y 110", "Bệnh viện Quân y 91"], [("visit", None), ("visit", None)]),
]


# A lead that opens on the day something takes effect ("Từ 1/10, …") or on the day a document was issued
# ("Ngày 29/1/2018, UBND tỉnh … vừa ban hành Quyết định …") does not date the article's event;
# a stay over days ("Từ ngày 26 - 29/6") takes its first day.
LEADS_FROM_A_DAY = [
    ("Ngày 29/1/2018, UBND tỉnh Cao Bằng vừa ban hành Quyết định số 82/QĐ-UBND về việc công nhận và công nhận lại "
     "23 xã, thị trấn đạt Tiêu chí quốc gia về y tế năm 2017.\n\nĐoàn công tác Sở Y tế kiểm tra hoạt động chuyên môn "
     "tại Trạm Y tế xã Phan Thanh (Bảo Lạc).", None, [], ["Trạm Y tế xã Phan Thanh"], [("visit", None)]),
    ("Từ 1/10, PGS.TS Vũ Bá Quyết sẽ thôi làm nhiệm vụ Giám đốc Bệnh viện Phụ sản Trung ương (Hà Nội) để làm công tác "
     "chuyên môn, người kế nhiệm là PGS.TS Trần Danh Cường.\n\nBộ trưởng Y tế Nguyễn Thị Kim Tiến vừa trao quyết định "
     "bổ nhiệm chức vụ Giám đốc Bệnh viện Phụ sản Trung ương cho PGS.TS Trần Danh Cường nhiệm kỳ 2018-2023.\n\n"
     "Bộ trưởng Tiến trao quyết định bổ nhiệm cho PGS Cường.",
     "2018-09-20T10:12:00+07:00", ["Nguyễn Thị Kim Tiến", "Trần Danh Cường"], ["Bệnh viện Phụ sản Trung ương"],
     [("ceremony", None)]),
    ("Từ ngày 26 - 29/6, tại tỉnh Phông-Sa-Lỳ nước CHDCND Lào, đoàn công tác của Sở Y tế tỉnh Điện Biên do BSCKII "
     "Vừ A Sử, Phó Giám đốc Sở Y tế làm trưởng đoàn tham dự Hội đàm trao đổi kinh nghiệm về lĩnh vực y tế với Sở Y tế "
     "3 tỉnh.\n\nTại buổi Hội đàm, hai bên đã ký kết biên bản Hội đàm.", "2022-06-29", ["Vừ A Sử"], [],
     [("visit", "2022-06-26"), ("signing", "2022-06-26")]),
]


@pytest.mark.parametrize("text, published, people, hospitals, expected", LEADS_FROM_A_DAY)
def test_a_lead_from_a_day_on(text: str, published: str, people: list, hospitals: list, expected: list,
                              rules: RuleSet) -> None:
    ann = annotated(text, rules, published)
    entities = entities_from_gold(ann.text, [{"name": n} for n in people],
                                  [{"name": h, "kind": "hospital"} for h in hospitals])
    assert [(e.type, e.date) for e in run(ann, entities)] == expected


@pytest.mark.parametrize("text, published, people, hospitals, expected", VISITS_AND_THEIR_DAYS)
def test_the_day_of_a_visit(text: str, published: Optional[str], people: list, hospitals: list, expected: list,
                            rules: RuleSet) -> None:
    ann = annotated(text, rules, published)
    entities = entities_from_gold(ann.text, [{"name": n} for n in people],
                                  [{"name": h, "kind": "hospital"} for h in hospitals])
    assert [(e.type, e.date) for e in run(ann, entities)] == expected


def test_a_survey_told_as_on_an_earlier_day_is_an_undated_visit(rules: RuleSet) -> None:
    # "Trước đó, đoàn công tác … đã thực hiện khảo sát …" goes back before the signing's day; its photo's
    # caption is the same survey.
    ann = annotated(
        "Sáng 13/7/2023, Bệnh viện Đa khoa tỉnh Lào Cai và Bệnh viện Nhiệt đới Trung ương ký hợp đồng chuyển giao "
        "lớp đào tạo chẩn đoán, điều trị và quản lý bệnh nhân viêm gan B, C mạn tính theo Đề án 1816.\n\n"
        "Đoàn công tác thực hiện khảo sát tại Khoa Khám bệnh – BVĐK tỉnh Lào Cai\n\n"
        "Trước đó, đoàn công tác Bệnh viện Nhiệt đới Trung ương đã thực hiện khảo sát các trang thiết bị, cơ sở vật "
        "chất và nhân lực hiện có tại các khoa Truyền nhiễm, Xét nghiệm, khoa Khám bệnh Bệnh viện Đa khoa tỉnh Lào "
        "Cai.", rules, None)
    entities = entities_from_gold(ann.text, [], [
        {"name": "Bệnh viện Đa khoa tỉnh Lào Cai", "kind": "hospital", "aliases": ["BVĐK tỉnh Lào Cai"]},
        {"name": "Bệnh viện Nhiệt đới Trung ương", "kind": "hospital"}])
    events = run(ann, entities)
    assert [(e.type, e.date) for e in events] == [("signing", "2023-07-13"), ("visit", None)]
    assert {(p.ref, p.role) for p in events[1].participants} == {("F2", "visitor"), ("F1", "host")}


def test_a_visited_persons_former_workplace_is_not_visited(rules: RuleSet) -> None:
    text = (
        "Ngày 25-2-2025, Bí thư Tỉnh ủy Cà Mau, ông Nguyễn Hồ Hải đã đến thăm các nguyên lãnh đạo Sở Y tế.\n\n"
        "Đoàn đã đến thăm BS Trương Minh Thắng, Thầy thuốc Nhân dân, nguyên Giám đốc Sở Y tế tỉnh Cà Mau; BS Nhan Văn "
        "Đấu, nguyên Giám đốc Bệnh viện Đa khoa Cà Mau."
    )
    ann = annotated(text, rules, None)
    entities = entities_from_gold(
        ann.text,
        [{"name": "Nguyễn Hồ Hải"}, {"name": "Trương Minh Thắng"}, {"name": "Nhan Văn Đấu"}],
        [{"name": "Bệnh viện Đa khoa Cà Mau", "kind": "hospital"}],
    )
    events = run(ann, entities)
    assert [(e.type, e.date) for e in events] == [("visit", "2025-02-25")] * 2  # a call on each doctor
    assert not any(p.ref.startswith("F") for e in events for p in e.participants)


# What a sentence opening "Tại buổi lễ" / "Nhân dịp này" reports happened at the ceremony.
AT_THE_OCCASION = [
    # a ceremony named by its head inside an occasion's sentence is dated by that sentence
    (
        "Bệnh viện Quốc tế Hạnh Phúc vừa nhận 2 giải thưởng tại Hội nghị Quản lý bệnh viện châu Á lần thứ 18.\n\n"
        "Trong khuôn khổ hội nghị, đã diễn ra Lễ trao giải thưởng Quản lý chất lượng bệnh viện vào tối 12/9/2019.",
        [("award", "2019-09-12"), ("ceremony", "2019-09-12")],
    ),
    (
        "Sáng 27/2/2024, Bệnh viện Đa khoa tỉnh Thái Bình tổ chức lễ kỷ niệm 69 năm Ngày Thầy thuốc Việt Nam.\n\n"
        "Tại buổi lễ, Phó Chủ tịch UBND tỉnh trao Bằng khen của UBND tỉnh cho 5 tập thể và 10 cá nhân.",
        [("ceremony", "2024-02-27"), ("award", "2024-02-27")],
    ),
    (
        "Sáng 27/2/2024, Bệnh viện Đa khoa tỉnh Thái Bình tổ chức lễ kỷ niệm 69 năm Ngày Thầy thuốc Việt Nam.\n\n"
        "Nhân dịp này, 15 cá nhân có thành tích xuất sắc được nhận Giấy khen của Giám đốc Sở Y tế.",
        [("ceremony", "2024-02-27"), ("award", "2024-02-27")],
    ),
    # A past honour, not pointed at the occasion, is background.
    (
        "Sáng 27/2/2024, Bệnh viện Đa khoa tỉnh Thái Bình tổ chức lễ kỷ niệm 69 năm Ngày Thầy thuốc Việt Nam.\n\n"
        "Bệnh viện đã vinh dự được nhận Huân chương Lao động hạng Ba và nhiều Bằng khen của Thủ tướng Chính phủ.",
        [("ceremony", "2024-02-27")],
    ),
    # An event over several days takes the first day of the range.
    (
        "Từ ngày 6 - 10/6/2016, đoàn công tác của Bệnh viện Răng hàm mặt Trung ương đã làm việc với Bệnh viện "
        "Đa khoa tỉnh Gia Lai.",
        [("visit", "2016-06-06")],
    ),
    # A festive day a health centre holds for its young patients; the gifts handed out are part of it.
    (
        "Nhân dịp kỷ niệm ngày Quốc tế thiếu nhi 1-6, tối 31-5-2024, Trung tâm Y tế huyện Chiêm Hóa phối hợp với các "
        "nhà hảo tâm trên địa bàn huyện tổ chức ngày Quốc tế thiếu nhi và tặng quà cho các em nhỏ.\n\n"
        "Tại chương trình, các đại biểu, nhà hảo tâm đã trao tặng gần 90 suất quà cho các em nhỏ đang điều trị.",
        [("ceremony", "2024-05-31")],
    ),
    # A festival held under its own quoted name.
    (
        "Ngày 7-2-2026, Đoàn Bệnh viện Ung Bướu cùng các đơn vị, nhà hảo tâm tổ chức ngày hội “Xuân yêu thương”.\n\n"
        "Trong chương trình, ban tổ chức trao tặng gần 900 bao lì xì cho bệnh nhi đang điều trị tại bệnh viện.",
        [("ceremony", "2026-02-07")],
    ),
]


@pytest.mark.parametrize("text, expected", AT_THE_OCCASION)
def test_acts_at_the_occasion_happened_at_the_ceremony(text: str, expected: list, rules: RuleSet) -> None:
    assert [(e.type, e.date) for e in run(annotated(text, rules, None), Entities())] == expected


def test_the_body_after_cua_gives_the_commendation(rules: RuleSet) -> None:
    text = normalize_text(
        "Sáng 27/2/2024, Bệnh viện Đa khoa tỉnh Thái Bình tổ chức lễ kỷ niệm Ngày Thầy thuốc Việt Nam.\n\n"
        "Nhân dịp này, 15 cá nhân được nhận Giấy khen của Giám đốc Sở Y tế."
    )
    ann = annotated(text, rules, None)
    entities = entities_from_gold(text, [], [{"name": "Bệnh viện Đa khoa tỉnh Thái Bình", "kind": "hospital"}], ("Sở Y tế",))
    award = next(e for e in run(ann, entities) if e.type == "award")
    # the hospital holding the ceremony organises the award handed out at it
    assert [(p.ref, p.role) for p in award.participants] == [("O1", "giver"), ("F1", "organizer")]


# Held-out passages: background written later in the article, a lunar-year date, a second visit on "Dịp này".
BACKGROUND_AND_OCCASIONS = [
    # a launch dated more than a month before the lead's day is background
    (
        "Sáng 7/4/2019, Bộ Y tế tổ chức Lễ mít tinh hưởng ứng Chương trình Sức khỏe Việt Nam do Thủ tướng Chính phủ "
        "phát động và Tuyên dương Thầy thuốc trẻ Việt Nam tiêu biểu lần thứ VIII.\n\n"
        "Ngày 27/2/2019, Thủ tướng Chính phủ đã phát động Chương trình Sức khỏe Việt Nam.",
        [("ceremony", "2019-04-07"), ("award", "2019-04-07")],
    ),
    # "Tại buổi gặp mặt" recalls history: its date does not make a second meeting
    (
        "Sáng ngày 27/02/2026, Học viện đã tổ chức buổi gặp mặt chúc mừng đội ngũ y, bác sĩ.\n\n"
        "Tại buổi gặp mặt, các đại biểu đã cùng nhau ôn lại lịch sử ý nghĩa của ngày 27/2 – ngày thư gửi "
        "Hội nghị cán bộ y tế toàn quốc năm 1955.",
        [("ceremony", "2026-02-27")],
    ),
    # the year of a lunar new year's name dates the day; "đến chúc tết" a place is a second visit
    (
        "Nhân dịp Tết Nguyên đán Bính Ngọ 2026, sáng ngày 11/2, Bí thư Đảng ủy xã đã đến thăm, tặng quà Tết cụ Phạm Văn Khâu.\n\n"
        "Dịp này, đoàn đến chúc tết Trung tâm Y tế khu vực Châu Thành A.",
        [("visit", "2026-02-11"), ("visit", "2026-02-11")],
    ),
]


@pytest.mark.parametrize("text, expected", BACKGROUND_AND_OCCASIONS)
def test_background_occasions_and_second_visits(text: str, expected: list, rules: RuleSet) -> None:
    ann = annotated(text, rules, None)
    entities = entities_from_gold(
        ann.text, [{"name": "Phạm Văn Khâu"}], [{"name": "Trung tâm Y tế khu vực Châu Thành A", "kind": "health_center"}]
    )
    assert [(e.type, e.date) for e in run(ann, entities)] == expected


UNSEEN_EVENTS = [
    # a facility that receives a commendation is an award's recipient, even undated
    ("Bệnh viện Bệnh Nhiệt Đới và Bệnh viện Chợ Rẫy được nhận bằng khen từ UBND TPHCM.", [("award", None)]),
    # a speaker's recollection and a signing dated to a past year are background
    ("Sau ký kết hợp tác vào năm 2017 giữa hai đơn vị, ngày 22/6/2018, đoàn đã đến thăm Bệnh viện Bệnh Nhiệt Đới.\n\n"
     "Giám đốc Bệnh viện cho biết: “Trong Lễ Khai giảng năm học 2017 - 2018, tôi đã được mời vào dự lễ và ký kết hợp tác.”",
     [("visit", "2018-06-22")]),
    ("Chiều ngày 22/09/2023, Bệnh viện Chợ Rẫy đã tổ chức Lễ ra viện cho 10 bệnh nhân.", [("ceremony", "2023-09-22")]),
    # an undated commendation handed to a named facility, outside the lead, is an award
    ("Đây là năm thứ 8 liên tiếp hai đơn vị tổ chức khám bệnh, phát thuốc miễn phí cho người nghèo.\n\n"
     "Phó chủ tịch UBND tỉnh Nguyễn Quốc Hùng (bên phải) trao Bằng khen cho Bệnh viện Chợ Rẫy.", [("award", None)]),
    ("Đây là năm thứ 8 liên tiếp hai đơn vị tổ chức khám bệnh, phát thuốc miễn phí cho người nghèo.\n\n"
     "Phó chủ tịch UBND tỉnh trao Bằng khen cho nhiều cá nhân có thành tích, trong đó có bác sĩ Bệnh viện Chợ Rẫy.", []),
    # commendations handed out later in the body of a ceremony's report were given at it
    ("Chiều 26/2, Bệnh viện Sản nhi tỉnh Phú Thọ tổ chức kỷ niệm 71 năm Ngày Thầy thuốc Việt Nam (27/2/1955 - 27/2/2026).\n\n"
     "Cán bộ, thầy thuốc, y bác sĩ, người lao động Bệnh viện đã ôn lại truyền thống vẻ vang của ngành Y tế Việt Nam.\n\n"
     "Thừa ủy quyền, lãnh đạo Sở Y tế trao Bằng khen của Chủ tịch UBND tỉnh tặng các cá nhân có thành tích xuất sắc.",
     [("ceremony", "2026-02-26"), ("award", "2026-02-26")]),
    # honouring in general words names no honour
    ("Bệnh viện Phổi tỉnh gặp mặt các thế hệ thầy thuốc nhân kỷ niệm 68 năm ngày Thầy thuốc Việt Nam.\n\n"
     "Đây là dịp để các đơn vị được bày tỏ sự trân trọng, tôn vinh và tri ân, cảm ơn sâu sắc tới những thầy thuốc.",
     [("ceremony", None)]),
]


@pytest.mark.parametrize("text, expected", UNSEEN_EVENTS)
def test_recipients_recollections_and_discharge_ceremonies(text: str, expected: list, rules: RuleSet) -> None:
    ann = annotated(text, rules, None)
    entities = entities_from_gold(ann.text, [], [{"name": "Bệnh viện Bệnh Nhiệt Đới", "kind": "hospital"},
                                                  {"name": "Bệnh viện Chợ Rẫy", "kind": "hospital"}])
    assert [(e.type, e.date) for e in run(ann, entities)] == expected


def test_an_honour_named_at_length_before_its_receiving_facility(rules: RuleSet) -> None:
    text = ("BV 19-8 được thành lập trên cơ sở sáp nhập hai bệnh viện.\n"
            "Thượng tướng Tô Lâm (áo xanh) Ủy viên Bộ chính trị, Bộ trưởng Bộ Công an trao Huân chương Bảo vệ Tổ quốc "
            "hạng Nhất cho BV 19-8")
    # a state honour handed over is conferred at a ceremony: a ceremony and an award
    assert _events_at_hospitals(text, ["BV 19-8"], rules) == [("award", None, {name_key("BV 19-8")}),
                                                             ("ceremony", None, {name_key("BV 19-8")})]


STATE_HONOURS_HANDED_OVER = [
    ("Phó Chủ tịch Nước Đặng Thị Ngọc Thịnh trao danh hiệu Anh hùng Lao động thời kỳ đổi mới tặng "
     "Bệnh viện Trung ương Thái Nguyên.", [("award", None), ("ceremony", None)]),
    # a Bằng khen may be handed over anywhere: an award alone
    ("Phó chủ tịch UBND tỉnh trao Bằng khen cho Bệnh viện Trung ương Thái Nguyên.", [("award", None)]),
    # granted, not handed over: an award alone
    ("Bệnh viện Trung ương Thái Nguyên vinh dự được Chủ tịch nước phong tặng Huân chương Lao động hạng Ba.",
     [("award", None)]),
]


@pytest.mark.parametrize("text, expected", STATE_HONOURS_HANDED_OVER)
def test_a_state_honour_handed_over_is_conferred_at_a_ceremony(text: str, expected: list, rules: RuleSet) -> None:
    found = _events_at_hospitals(text, ["Bệnh viện Trung ương Thái Nguyên"], rules)
    assert [(kind, date) for kind, date, _ in found] == expected


def test_a_meeting_the_article_keeps_mentioning_is_its_event(rules: RuleSet) -> None:
    text = ("Lựa chọn thuốc hợp lý, an toàn, hiệu quả trong điều trị.\n\n"
            "Tham dự Hội nghị có PGS.TS Nguyễn Thị A, Chủ tịch Tổng hội Y học Việt Nam.\n\n"
            "Phát biểu tại Hội nghị, Thứ trưởng Bộ Y tế cho biết ngành Y tế đã đạt được nhiều thành tựu.")
    assert [(e.type, e.date) for e in run(annotated(text, rules, None), Entities())] == [("ceremony", None)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # gifts handed to patients of a facility: a visit with gifts
        ("Sáng ngày 14/09/2024, đại diện Công ty phối hợp Tổ Công tác xã hội đã trao tặng những món quà thiết thực "
         "cho các em nhỏ đang điều trị tại Bệnh viện Chợ Rẫy.", [("visit", "2024-09-14")]),
        # households pledging to isolate do not sign an agreement
        ("Sáng ngày 14/09/2024, 100% hộ gia đình đã ký cam kết thực hiện cách ly tại nhà.", []),
        # gifts written in the passive
        ("Hơn 50 suất quà Tết được Hội Chữ thập đỏ TP Hà Nội trao tới các bệnh nhân có hoàn cảnh khó khăn đang điều "
         "trị tại Bệnh viện Chợ Rẫy trong chiều 11/2/2026.", [("visit", "2026-02-11")]),
        # a hospital handing gifts to its own patients visits no one
        ("Trong hai ngày 30 và 31-8, được sự ủy quyền của nhà hảo tâm, đại diện Bệnh viện Chợ Rẫy đã trao 232 suất "
         "quà (500.000 đồng tiền mặt/suất) đến các bệnh nhân nghèo, khó khăn đang điều trị tại Bệnh viện.", []),
    ],
)
def test_gifts_to_patients_and_pledges(text: str, expected: list, rules: RuleSet) -> None:
    ann = annotated(text, rules, None)
    entities = entities_from_gold(ann.text, [], [{"name": "Bệnh viện Chợ Rẫy", "kind": "hospital"}])
    assert [(e.type, e.date) for e in run(ann, entities)] == expected


def test_a_hospital_s_gift_to_a_child_it_treats_visits_no_one(rules: RuleSet) -> None:
    text = ("Hòa chung với không khí tươi vui đó, tại bệnh viện Đa khoa Hà Nội, đại diện ban lãnh đạo Tổng Giám đốc "
            "Chuyên môn GS.TS.BS. Lê Trung Hải tặng quà cho cháu Hà Việt Hùng, 19 tháng tuổi đang nằm điều trị tại "
            "bệnh viện với hi vọng món quà không lớn nhưng sẽ là nguồn động viên cho Hùng.")
    assert _run_on_people_and_hospitals(text, ["Lê Trung Hải", "Hà Việt Hùng"], ["bệnh viện Đa khoa Hà Nội"],
                                        rules) == []


def test_a_department_takes_part_with_its_facility(rules: RuleSet) -> None:
    text = normalize_text("Sáng ngày 14/09/2024, Hội Phụ nữ đã trao tặng hơn 100 suất cơm cho các bệnh nhân đang điều trị "
                          "tại Khoa A6 của Bệnh viện Quân y 4.")
    ann = annotated(text, rules, None)
    entities = entities_from_gold(ann.text, [], [{"name": "Khoa A6", "kind": "department"},
                                                  {"name": "Bệnh viện Quân y 4", "kind": "hospital"}])
    (visit,) = run(ann, entities)
    assert {(p.ref, p.role) for p in visit.participants} >= {("F1", "host"), ("F2", "host")}


# Visits of one trip: a further stop "on this occasion" is a visit of its own; the speaker named
# after "Phát biểu tại buổi làm việc," is not the place visited.
TRIP_VISITS = [
    (
        "Nhân dịp Tết Nguyên đán Bính Ngọ 2026, sáng ngày 11/2, ông Lê Hoàng Xuyên - Bí thư Đảng ủy xã Tân Hòa đã đến "
        "thăm, tặng quà Tết và chúc thọ cụ tròn 100 tuổi và trên 100 tuổi hiện đang thường trú tại xã.\n\n"
        "Tại buổi thăm, ông Lê Hoàng Xuyên đã trân trọng trao quà mừng thọ của Chủ tịch nước.\n\n"
        "Dịp này, đoàn đến chúc tết Trung tâm y tế khu vực Châu Thành A, biểu dương những nỗ lực của tập thể Trung tâm Y tế.",
        ["Lê Hoàng Xuyên"], ["Trung tâm y tế khu vực Châu Thành A"],
        [("visit", "2026-02-11", set()), ("visit", "2026-02-11", {"trung tâm y tế khu vực châu thành a"})], None,
    ),
    (
        "Ngày 5/4/2019, Đoàn công tác của Đại sứ quán Ấn Độ đã có buổi làm việc tại Quảng Ninh. Cùng tiếp tại buổi làm "
        "việc còn có lãnh đạo Bệnh viện Phục hồi chức năng Quảng Ninh.\n\n"
        "Thông tin tại buổi làm việc, Đại sứ Ấn Độ Rajiv Bodwade cho biết dự án đã giúp hơn 500 người khuyết tật.\n\n"
        "Phát biểu tại buổi làm việc, đồng chí Nguyễn Tiến Hưng, Phó Giám đốc Sở Y tế Quảng Ninh đã gửi lời cảm ơn.",
        ["Rajiv Bodwade", "Nguyễn Tiến Hưng"], ["Bệnh viện Phục hồi chức năng Quảng Ninh"],
        [("visit", "2019-04-05", {"bệnh viện phục hồi chức năng quảng ninh"})], None,
    ),
]


TRIP_VISITS.append(
    (
        "Thành phố Hồ Chí Minh, ngày 30/5/2023, đại diện Ban Giám đốc và nhân viên Shinhan Life Việt Nam đã đến thăm và "
        "tặng quà cho các bệnh nhi tại Bệnh viện nhi đồng 2 TP.HCM.\n\n"
        "Ngoài ra, đại diện công ty cũng ghé thăm và gửi tặng 200 suất quà cho các em nhỏ đang điều trị tại khoa Ung "
        "Bướu của bệnh viện.",
        [], [{"name": "Bệnh viện nhi đồng 2 TP.HCM", "kind": "hospital"}, {"name": "Khoa Ung Bướu", "kind": "department"}],
        [("visit", "2023-05-30", {"bệnh viện nhi đồng 2 tp.hcm", "khoa ung bướu"})], None,
    )
)


# "Trước đó" opens background, except an earlier stop of the same round of visits ("cũng đã đến thăm").
TRIP_VISITS.append(
    (
        "Ngày 11-2, Giám đốc Sở Y tế Lê Quang Hùng đã đến thăm và trao tặng 120 suất quà cho các bệnh nhi có hoàn "
        "cảnh khó khăn đang điều trị tại Bệnh viện Nhi tỉnh Gia Lai.\n\n"
        "Trước đó, ngày 10-2, Giám đốc Sở Y tế cũng đã đến thăm và trao 120 phần quà đến các bệnh nhân có hoàn cảnh "
        "khó khăn đang điều trị tại Bệnh viện Đa khoa Gia Lai.",
        ["Lê Quang Hùng"], ["Bệnh viện Nhi tỉnh Gia Lai", "Bệnh viện Đa khoa Gia Lai"],
        [("visit", "2026-02-11", {"bệnh viện nhi tỉnh gia lai"}), ("visit", "2026-02-10", {"bệnh viện đa khoa gia lai"})],
        "2026-02-11",
    )
)


@pytest.mark.parametrize("text, people, facilities, expected, published", TRIP_VISITS)
def test_visits_of_one_trip(text: str, people: list, facilities: list, expected: list, published: Optional[str],
                            rules: RuleSet) -> None:
    ann = annotated(text, rules, published)
    entities = entities_from_gold(ann.text, [{"name": n} for n in people],
                                  [f if isinstance(f, dict) else {"name": f} for f in facilities])
    events = run(ann, entities)
    assert [(e.type, e.date, _facility_names(e, entities)) for e in events] == expected


# A signing whose one party's delegation is named: that party came to the other, and the working
# session is a visit too, on the signing's day. Delegations to be sent are no visit.
SIGNING_SESSIONS = [
    (
        "Tại chương trình, đại diện cho 2 đơn vị, ông Mai Minh Hiền - Giám đốc Bệnh viện Lao và bệnh phổi Pleiku và "
        "ông Đỗ Phúc Thanh - Phó giám đốc phụ trách Bệnh viện Lao và bệnh phổi Quy Nhơn đã ký kết Thỏa thuận hợp tác."
        "\n\nĐoàn công tác của Bệnh viện Lao và bệnh phổi Quy Nhơn do Thầy thuốc Ưu tú, bác sĩ CKII Đỗ Phúc Thanh - "
        "Phó Giám đốc phụ trách Bệnh viện làm trưởng đoàn. Ảnh: Như Nguyện",
        ["Bệnh viện Lao và bệnh phổi Pleiku", "Bệnh viện Lao và bệnh phổi Quy Nhơn"],
        [("signing", None, {"bệnh viện lao và bệnh phổi pleiku", "bệnh viện lao và bệnh phổi quy nhơn"}),
         ("visit", None, {"bệnh viện lao và bệnh phổi pleiku", "bệnh viện lao và bệnh phổi quy nhơn"})],
    ),
    (
        "Chiều 13/11/2025 tại Hội An, Bệnh viện Da liễu Trung ương và Bệnh viện Hữu nghị Khmer-Xô Viết tổ chức lễ ký "
        "kết Biên bản ghi nhớ hợp tác trong lĩnh vực da liễu.\n\nĐặc biệt, hai nước sẽ có chương trình trao đổi bác "
        "sĩ trẻ; tổ chức các đoàn công tác, giảng dạy, tư vấn chuyên môn và phẫu thuật chuyên đề giữa hai bệnh viện.",
        ["Bệnh viện Da liễu Trung ương", "Bệnh viện Hữu nghị Khmer-Xô Viết"],
        [("signing", "2025-11-13", {"bệnh viện da liễu trung ương", "bệnh viện hữu nghị khmer-xô viết"})],
    ),
]


@pytest.mark.parametrize("text, facilities, expected", SIGNING_SESSIONS)
def test_a_signing_partys_delegation_visits_the_other(text: str, facilities: list, expected: list,
                                                      rules: RuleSet) -> None:
    ann = annotated(text, rules, None)
    entities = entities_from_gold(ann.text, [], [{"name": f} for f in facilities])
    events = run(ann, entities)
    assert [(e.type, e.date, _facility_names(e, entities)) for e in events] == expected
    visits = [e for e in events if e.type == "visit"]
    assert all(e.evidence[0].rule == "context.delegation.doan" for e in visits)


# A tour: one visiting verb that lists several places is one visit per place; those listed as
# present at one working session are one visit.
TOURS = [
    (
        # each place's ward in brackets between the listed places
        "Ngày 2-2-2026, đoàn lãnh đạo Thành ủy đã đến thăm Bệnh viện Đa khoa Gò Vấp (phường Thông Tây Hội) và Bệnh viện "
        "Quân y 175 (phường Hạnh Thông).",
        ["Bệnh viện Đa khoa Gò Vấp", "Bệnh viện Quân y 175"],
        [("visit", "2026-02-02", {"bệnh viện đa khoa gò vấp"}), ("visit", "2026-02-02", {"bệnh viện quân y 175"})],
    ),
    (
        "Đoàn do đồng chí Nguyễn Thành Tâm, Phó Bí thư Tỉnh ủy làm Trưởng đoàn đã đến thăm các đơn vị: Bệnh viện Đa "
        "khoa tỉnh, Bệnh viện Y học cổ truyền, Bệnh viện Lao và Bệnh phổi và các đồng chí nguyên lãnh đạo ngành y tế.",
        ["Bệnh viện Đa khoa tỉnh", "Bệnh viện Y học cổ truyền", "Bệnh viện Lao và Bệnh phổi"],
        [("visit", None, {"bệnh viện đa khoa tỉnh"}), ("visit", None, {"bệnh viện y học cổ truyền"}),
         ("visit", None, {"bệnh viện lao và bệnh phổi"})],
    ),
    (
        "Nhân dịp tết Nhâm Thìn, các đồng chí lãnh đạo tỉnh đã đến thăm, tặng quà, chúc Tết cán bộ, nhân viên y tế và "
        "bệnh nhân đang điều trị tại Bệnh viện Sản Nhi, Bệnh viện Đa khoa tỉnh.",
        ["Bệnh viện Sản Nhi", "Bệnh viện Đa khoa tỉnh"],
        [("visit", None, {"bệnh viện sản nhi"}), ("visit", None, {"bệnh viện đa khoa tỉnh"})],
    ),
    (
        "Tham dự buổi làm việc có đồng chí Bùi Huy Thọ, Phó chủ tịch HĐND xã; Cán bộ và nhân viên Trạm Y tế Mỹ Lộc, "
        "Trạm Y tế Đồng Lộc.",
        ["Trạm Y tế Mỹ Lộc", "Trạm Y tế Đồng Lộc"],
        [("visit", None, {"trạm y tế mỹ lộc", "trạm y tế đồng lộc"})],
    ),
    # bodies received at the subject's place: one meeting, however many are listed; attendees named
    # after "Tham dự buổi làm việc" do not make it another
    (
        "Chiều ngày 09/10, Trường ĐH Cửu Long có buổi tiếp và làm việc với lãnh đạo Sở Y tế Vĩnh Long, Bệnh viện Đa khoa "
        "Vĩnh Long, Bệnh viện Xuyên Á Vĩnh Long.\n\nTham dự buổi làm việc có Bác sĩ CK2 Nguyễn Thanh Truyền – Giám đốc "
        "Bệnh viện Đa khoa Vĩnh Long.\n\nQuang cảnh buổi làm việc",
        ["Bệnh viện Đa khoa Vĩnh Long", "Bệnh viện Xuyên Á Vĩnh Long"],
        [("visit", None, {"bệnh viện đa khoa vĩnh long", "bệnh viện xuyên á vĩnh long"})],
    ),
]


def test_a_round_table_and_the_honours_given_in_a_caption_at_its_occasion(rules: RuleSet) -> None:
    body = normalize_text("Tại buổi tọa đàm, các y, bác sĩ, nhân viên y tế bệnh viện cùng ôn lại truyền thống của "
                          "ngành Y tế.\n\nTại tọa đàm, các y, bác sĩ cùng xem lại video Thư Bác Hồ gửi ngành Y tế.")
    caption = normalize_text("Dịp này, Bệnh viện Nhi tỉnh Gia Lai cũng đã công bố các quyết định và khen thưởng cho "
                             "các tập thể, cá nhân có thành tích xuất sắc trong năm 2025. Ảnh: Mai Linh")
    text = body + "\n\n" + caption
    ann = AnnotatedArticle(CleanedArticle(body=body, captions=(caption,)), text, len(body), None, rules, None)
    assert [e.type for e in run(ann, Entities())] == ["ceremony", "award"]


@pytest.mark.parametrize("body, expected", [
    # a page whose text is only a photo's caption: the caption is all it reports
    ("", [("ceremony", None, {"bệnh viện mắt hà nội 2"})]),
    # beside a body, a caption shows what the body reports
    ("Bệnh viện Mắt Hà Nội 2 có 50 giường bệnh.", []),
])
def test_a_page_of_captions_alone_reports_what_they_show(body: str, expected: list, rules: RuleSet) -> None:
    caption = normalize_text("Bộ trưởng Bộ Y tế Nguyễn Thị Kim Tiến (giữa) tại lễ khai trương Bệnh viện Mắt Hà Nội 2 "
                             "(Ảnh: BVCC)")
    text = body + "\n\n" + caption if body else caption
    ann = AnnotatedArticle(CleanedArticle(body=body, captions=(caption,)), text, len(body), None, rules, None)
    entities = entities_from_gold(text, [], [{"name": "Bệnh viện Mắt Hà Nội 2", "kind": "hospital"}])
    assert [(e.type, e.date, _facility_names(e, entities)) for e in run(ann, entities)] == expected


@pytest.mark.parametrize("text, facilities, expected", TOURS)
def test_a_tour_is_one_visit_per_place(text: str, facilities: list, expected: list, rules: RuleSet) -> None:
    ann = annotated(text, rules, None)
    entities = entities_from_gold(ann.text, [], [{"name": f, "kind": "hospital"} for f in facilities])
    events = run(ann, entities)
    assert [(e.type, e.date, _facility_names(e, entities)) for e in events] == expected
    assert [e.id for e in events] == [f"E{i}" for i in range(1, len(events) + 1)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a handover of donated equipment, and the commendation given "on this occasion"
        ("Chiều 9/1/2024, Ủy ban MTTQ Việt Nam tỉnh tổ chức tiếp nhận thiết bị y tế từ nguồn hỗ trợ của Công ty TNHH "
         "Thương mại Phúc Phú Cường và bàn giao cho các bệnh viện trên địa bàn tỉnh.\n\n"
         "Dịp này, Ủy ban MTTQ Việt Nam tỉnh đã trao Bằng khen cho tập thể Công ty về những đóng góp, hỗ trợ.",
         [("ceremony", "2024-01-09"), ("award", "2024-01-09")]),
        # a conference where prizes are handed out
        ("Sáng ngày 20/12/2024, Trung tâm y tế huyện đã tổ chức hội nghị hưởng ứng Ngày Dân số Việt Nam; trao thưởng "
         "cho tập thể, cá nhân điển hình có thành tích trong công tác Dân số và phát triển.",
         [("ceremony", "2024-12-20"), ("award", "2024-12-20")]),
        # equipment a hospital says it received from donors: a handover, which the guide makes a ceremony
        ("Ngày 11-8-2021, đại diện Bệnh viện Đa khoa tỉnh cho biết đã tiếp nhận thêm nhiều trang thiết bị, vật tư y tế "
         "do các nhà hảo tâm trao tặng.", [("ceremony", "2021-08-11")]),
        # "lễ trao tặng" that names nothing given is the handover the article reports, not an award
        # a building put into service: an opening, which the guide makes a ceremony
        ("Sáng 1-2-2021, Bệnh viện Đa khoa Bình Phước đã chính thức đưa tòa nhà 9 tầng vào vận hành sau 2 năm khởi "
         "công xây dựng.", [("ceremony", "2021-02-01")]),
        ("Ngày15/9/2021 vừa qua, BTC tiếp tục trao tặng máy thở cao tần dành riêng cho bệnh nhi và trẻ sơ sinh cho "
         "Bệnh viện Hùng Vương.\n\nLễ trao tặng có sự góp mặt của PGS-TS-BS Hoàng Thị Diễm Tuyết – Giám đốc Bệnh viện "
         "Hùng Vương.", [("ceremony", "2021-09-15")]),
    ],
)
def test_handovers_and_prizes_at_conferences(text: str, expected: list, rules: RuleSet) -> None:
    ann = annotated(text, rules, None)
    assert sorted((e.type, e.date) for e in run(ann, Entities())) == sorted(expected)


def test_bodies_after_the_last_listed_place_are_its_owners(rules: RuleSet) -> None:
    # "và" joins the last place: the bodies a comma adds after it are that hospital's owners
    text = ("Sáng 26/2, đoàn công tác của Bộ Chỉ huy Quân sự tỉnh đã đến thăm, tặng hoa chúc mừng Sở Y tế Nghệ An; Bệnh "
            "viện Hữu nghị Đa khoa Nghệ An và Bệnh viện Quân y 4, Cục Hậu cần, Quân khu 4.")
    ann = annotated(text, rules, "2025-02-26")
    facilities = [{"name": "Bệnh viện Hữu nghị Đa khoa Nghệ An", "kind": "hospital"},
                  {"name": "Bệnh viện Quân y 4", "kind": "hospital"}]
    entities = entities_from_gold(ann.text, [], facilities, ("Sở Y tế Nghệ An", "Cục Hậu cần", "Quân khu 4"))
    events = run(ann, entities)
    assert [(e.type, _facility_names(e, entities)) for e in events] == [
        ("visit", set()), ("visit", {"bệnh viện hữu nghị đa khoa nghệ an"}), ("visit", {"bệnh viện quân y 4"})]


def test_every_place_of_two_tours_is_a_visit(rules: RuleSet) -> None:
    text = ("Đoàn do đồng chí Nguyễn Thành Tâm làm Trưởng đoàn đã đến thăm các đơn vị: Bệnh viện Đa khoa tỉnh, Bệnh "
            "viện Y học cổ truyền.\n\nĐoàn do đồng chí Phạm Văn Tân làm Trưởng đoàn đã đến thăm các đơn vị: Bệnh xá "
            "Công an tỉnh, Bệnh viện Phục hồi chức năng.")
    places = ["Bệnh viện Đa khoa tỉnh", "Bệnh viện Y học cổ truyền", "Bệnh xá Công an tỉnh", "Bệnh viện Phục hồi chức năng"]
    ann = annotated(text, rules, None)
    entities = entities_from_gold(ann.text, [], [{"name": p, "kind": "hospital"} for p in places])
    assert [_facility_names(e, entities) for e in run(ann, entities)] == [{p.casefold()} for p in places]


@pytest.mark.parametrize(
    "text, facilities, organizations",
    [
        # a working session with a provincial board, then two places inspected before it
        ("Ngày 20/6/2021, Đoàn công tác của Bộ Y tế đã về làm việc với Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh "
         "Nghệ An. Trước giờ làm việc, đoàn đã tới kiểm tra thực tế tại Bệnh viện Đa khoa thành phố Vinh và Trung "
         "tâm Kiểm soát Bệnh tật tỉnh Nghệ An.", ["Bệnh viện Đa khoa thành phố Vinh"],
         ("Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh Nghệ An", "Trung tâm Kiểm soát Bệnh tật tỉnh Nghệ An")),
        # a delegation received on behalf of the province's committee, then surveying two places
        ("(THTG) Ngày 12/8, tại Trung tâm Hội nghị tỉnh, thừa ủy quyền Thường trực UBND tỉnh Tiền Giang, đại diện "
         "lãnh đạo các Sở đã tiếp Đoàn Tiểu ban Thượng viện Hoa Kỳ đến thăm và làm việc tại tỉnh Tiền Giang.\n\n"
         "Sau buổi làm việc tại Trung tâm hội nghị, Đoàn đã đến khảo sát thực tế hoạt động y tế tại Trung tâm y tế "
         "dự phòng Thị xã Cai Lậy và Trạm y tế xã Mỹ Hạnh Trung.",
         ["Trung tâm y tế dự phòng Thị xã Cai Lậy", "Trạm y tế xã Mỹ Hạnh Trung"], ("UBND tỉnh Tiền Giang",)),
    ],
)
def test_a_body_met_in_a_sentence_of_its_own_is_a_visit_besides_the_tour(
    text: str, facilities: list, organizations: tuple, rules: RuleSet
) -> None:
    ann = annotated(text, rules, None)
    entities = entities_from_gold(ann.text, [], [{"name": f, "kind": "hospital"} for f in facilities], organizations)
    names = {o.id: o.name for o in entities.organizations} | {f.id: f.name for f in entities.facilities}
    hosts = [[names[p.ref] for p in e.participants if p.role == "host"] for e in run(ann, entities)]
    places = sorted([*facilities, *organizations[1:]], key=text.index)
    assert hosts == [[organizations[0]]] + [[place] for place in places]


def test_each_visit_of_a_tour_is_at_its_own_place(rules: RuleSet) -> None:
    text = ("Nhân dịp tết Nhâm Thìn, các đồng chí lãnh đạo tỉnh đã đến thăm, tặng quà, chúc Tết cán bộ, nhân viên y tế "
            "và bệnh nhân đang điều trị tại Bệnh viện Sản Nhi, Bệnh viện Đa khoa tỉnh.")
    ann = annotated(text, rules, None)
    places = ["Bệnh viện Sản Nhi", "Bệnh viện Đa khoa tỉnh"]
    entities = entities_from_gold(ann.text, [], [{"name": p, "kind": "hospital"} for p in places])
    assert [e.location for e in run(ann, entities)] == places


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # the day of an occasion named in the sentence does not date the event
        ("Sáng ngày 20/12, Trung tâm y tế huyện đã tổ chức hội nghị hưởng ứng Ngày Dân số Việt Nam 26/12/2024; trao "
         "thưởng cho tập thể, cá nhân điển hình.", "2024-12-21", [("ceremony", "2024-12-20"), ("award", "2024-12-20")]),
        # a date decades before publication is history, even in the lead
        ("Trung tâm Kiểm soát bệnh tật tỉnh vừa tổ chức họp mặt kỷ niệm 64 năm Ngày Thầy thuốc Việt Nam. Các đại biểu "
         "đã ôn lại Thư Bác Hồ gửi Hội nghị cán bộ y tế ngày 27-2-1955.", "2019-02-24", [("ceremony", None)]),
        # the first and last days of a term of office are not the day of the appointment
        ("Tại hội nghị, Sở Y tế đã công bố Quyết định điều động và bổ nhiệm ông Thái Văn Tuấn giữ chức vụ Giám đốc. "
         "Thời hạn bổ nhiệm là 5 năm, từ ngày 1/12/2025 đến ngày 30/11/2030.", "2025-12-02", [("ceremony", None)]),
    ],
)
def test_days_of_occasions_and_of_history_date_nothing(text: str, published: str, expected: list, rules: RuleSet) -> None:
    assert [(e.type, e.date) for e in run(annotated(text, rules, published), Entities())] == expected


@pytest.mark.parametrize(
    "text, facilities, expected",
    [
        # a survey naming two places right after its noun: two visits
        ("Sáng 20/9/2023, Đoàn đại biểu Quốc hội tỉnh đã có buổi khảo sát Bệnh viện đa khoa tỉnh và Trung tâm Y tế "
         "thành phố Thủ Dầu Một về việc thực hiện cơ chế tự chủ.",
         ["Bệnh viện đa khoa tỉnh", "Trung tâm Y tế thành phố Thủ Dầu Một"],
         [("visit", "2023-09-20", {"bệnh viện đa khoa tỉnh"}),
          ("visit", "2023-09-20", {"trung tâm y tế thành phố thủ dầu một"})]),
        # gifts sent to a named centre; New Year wishes taken to a named body
        ("Ngày 10/8/2021, lãnh đạo của huyện cũng gửi đến Trung tâm Y tế huyện phần quà động viên đội ngũ cán bộ.",
         ["Trung tâm Y tế huyện"], [("visit", "2021-08-10", {"trung tâm y tế huyện"})]),
        ("Ngày 2/2/2024, lãnh đạo Sở Y tế tỉnh bạn tặng hoa chúc tết Bệnh viện Đa khoa tỉnh.",
         ["Bệnh viện Đa khoa tỉnh"], [("visit", "2024-02-02", {"bệnh viện đa khoa tỉnh"})]),
        # experts who come to support a named hospital stay at it: their hospital visits it
        ("(GLO)- Ngày 4-10, đoàn chuyên gia Bệnh viện Chợ Rẫy (TP. Hồ Chí Minh) đã đến hỗ trợ nâng cao năng lực "
         "chuyên môn cho đội ngũ y-bác sĩ Bệnh viện Hùng Vương Gia Lai và hỗ trợ phẫu thuật cho 6 ca bệnh nặng đang "
         "điều trị tại đây.", ["Bệnh viện Chợ Rẫy", "Bệnh viện Hùng Vương Gia Lai"],
         [("visit", None, {"bệnh viện chợ rẫy", "bệnh viện hùng vương gia lai"})]),
    ],
)
def test_surveys_support_gifts_and_new_year_wishes_are_visits(text: str, facilities: list, expected: list,
                                                           rules: RuleSet) -> None:
    assert _events_at_hospitals(text, facilities, rules) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a working session held at the centres of two districts, their head written once
        ("Ngày 27/6/2024, Đoàn công tác của Sở Y tế do Ths.Bs Phạm Văn Mẫn, Phó Giám đốc Sở Y tế làm Trưởng đoàn đã có "
         "buổi làm việc về công tác y tế tại Trung tâm Y tế các huyện Nậm Pồ và Mường Nhé.",
         [{"trung tâm y tế huyện nậm pồ"}, {"trung tâm y tế huyện mường nhé"}]),
        # two charity clinics visited in turn
        ("Chiều 21/02/2023, đoàn đại biểu Ủy ban MTTQ Việt Nam TPHCM đến thăm và chúc mừng Phòng thuốc nam Phước Thiện, "
         "trực thuộc Tổ đình Hưng Minh Tự (Phường 10, Quận 6) và Phòng thuốc từ thiện Nguyễn Đình Chiểu, trực thuộc "
         "Thánh thất Đô Thành (Phường 12, Quận 6).",
         [{"phòng thuốc nam phước thiện"}, {"phòng thuốc từ thiện nguyễn đình chiểu"}]),
        # a survey of a hospital's second site and of a centre, the survey written right before them
        ("Chiều 16-10-2025, ông Đồng Văn Thanh, Chủ tịch HĐND TP Cần Thơ; cùng lãnh đạo Sở Y tế thành phố, các sở, "
         "ban, ngành khảo sát cơ sở 2 của Bệnh viện Ung bướu TP Cần Thơ và Trung tâm Y tế huyện Phong Điền (cũ).",
         [{"bệnh viện ung bướu tp cần thơ"}, {"trung tâm y tế huyện phong điền"}]),
    ],
)
def test_a_session_at_several_places_is_one_visit_per_place(text: str, expected: list, rules: RuleSet) -> None:
    ann = annotated(text, rules, None)
    entities = extract_entities(ann)
    assert [_facility_names(e, entities) for e in run(ann, entities) if e.type == "visit"] == expected


def test_an_agreement_signed_at_talks_is_a_signing(rules: RuleSet) -> None:
    text = ("Từ ngày 26 - 29/6/2022, đoàn công tác của Sở Y tế tỉnh tham dự Hội đàm trao đổi kinh nghiệm về lĩnh vực y tế "
            "với Sở Y tế 3 tỉnh bạn.\n\nTại buổi Hội đàm, hai bên đã trao đổi, thống nhất nội dung và ký kết biên bản "
            "Hội đàm.")
    assert sorted(e.type for e in run(annotated(text, rules, None), Entities())) == ["signing", "visit"]


def test_a_tour_stop_visited_again_is_one_visit(rules: RuleSet) -> None:
    text = ("Đoàn đã đến thăm hỏi bệnh nhân tại Bệnh viện Đa khoa tỉnh, Bệnh viện Nhi.\n\n"
            "Tại Bệnh viện Nhi, đoàn đã trao tặng quà cho các bệnh nhi đang điều trị tại Bệnh viện Nhi.")
    ann = annotated(text, rules, None)
    entities = entities_from_gold(ann.text, [], [{"name": "Bệnh viện Đa khoa tỉnh", "kind": "hospital"},
                                                  {"name": "Bệnh viện Nhi", "kind": "hospital"}])
    assert [_facility_names(e, entities) for e in run(ann, entities)] == [{"bệnh viện đa khoa tỉnh"}, {"bệnh viện nhi"}]


def test_a_construction_start_recalled_is_no_ceremony(rules: RuleSet) -> None:
    text = ("Sáng 6/1/2014, UBND tỉnh tổ chức lễ khánh thành Trạm Y tế xã Xuân Lộc.\n\nTrạm Y tế xã Xuân Lộc được khởi "
            "công xây dựng vào ngày 7/1/2013 với tổng kinh phí hơn 457.271,73 USD.")
    assert [(e.type, e.date) for e in run(annotated(text, rules, None), Entities())] == [("ceremony", "2014-01-06")]


def test_gifts_at_the_organizers_own_gathering_are_no_visit(rules: RuleSet) -> None:
    text = ("Ngày 22/12/2023, Bệnh viện thành phố Thủ Đức tổ chức họp mặt, tặng quà viên chức, người lao động là Bộ đội "
            "phục viên kỷ niệm 79 năm ngày Thành lập Quân đội nhân dân Việt Nam.")
    ann = annotated(text, rules, None)
    entities = entities_from_gold(ann.text, [], [{"name": "Bệnh viện thành phố Thủ Đức", "kind": "hospital"}])
    assert [(e.type, e.date) for e in run(ann, entities)] == [("ceremony", "2023-12-22")]


CEREMONY_AND_AWARD = [
    # the honours named by the ceremony itself: a ceremony and an award
    ("Ngày 27-12, tại Hà Nội, Tổng Bí thư đã tới dự lễ đón nhận danh hiệu Anh hùng Lao động của Bệnh viện Hữu Nghị.",
     "2017-12-28", [("award", "2017-12-27", {"bệnh viện hữu nghị"}), ("ceremony", "2017-12-27", {"bệnh viện hữu nghị"})]),
    # the day of the award is the day of the ceremony at which it was handed out, and the facility honoured
    # takes part in both
    ("Sáng 24-2, Bệnh viện Tâm thần Thái Bình kỷ niệm 40 năm thành lập và đón nhận Huân chương Lao động hạng Ba.\n\n"
     "Tại buổi lễ, thừa ủy quyền của Chủ tịch nước, đồng chí Chủ tịch UBND tỉnh đã trao Huân chương Lao động hạng Ba "
     "cho Bệnh viện Tâm thần Thái Bình.", "2016-02-24",
     [("award", "2016-02-24", {"bệnh viện tâm thần thái bình"}),
      ("ceremony", "2016-02-24", {"bệnh viện tâm thần thái bình"})]),
]


@pytest.mark.parametrize("text, published, expected", CEREMONY_AND_AWARD)
def test_a_ceremony_and_the_honours_handed_out_at_it_share_day_and_units(text: str, published: str, expected: list,
                                                                         rules: RuleSet) -> None:
    ann = annotated(text, rules, published)
    facilities = [{"name": n, "kind": "hospital"} for n in ("Bệnh viện Hữu Nghị", "Bệnh viện Tâm thần Thái Bình")
                  if n in text]
    entities = entities_from_gold(ann.text, [], facilities)
    found = sorted((e.type, e.date, _facility_names(e, entities)) for e in run(ann, entities))
    assert found == expected


def test_two_ceremonies_keep_their_own_days(rules: RuleSet) -> None:
    text = ("Sáng 20/3/2024, Bệnh viện tổ chức Lễ kỷ niệm 20 năm thành lập. Chiều 21/3/2024, Bệnh viện tổ chức lễ "
            "khánh thành khu điều trị mới. Tại buổi lễ, Giám đốc Sở Y tế trao Bằng khen cho 5 tập thể.")
    dates = sorted((e.type, e.date) for e in run(annotated(text, rules, None), Entities()))
    assert ("ceremony", "2024-03-20") in dates and ("ceremony", "2024-03-21") in dates


OPENINGS = [
    # the facility opened is named in the headline; the ceremony's sentences only say who came
    ("Khánh thành Trung tâm Sản Nhi",
     "Tới dự lễ khánh thành có Bộ trưởng Bộ Y tế.\n\nĐồng chí Chủ tịch UBND tỉnh khẳng định việc đưa Trung tâm Sản nhi "
     "– Bệnh viện Đa khoa tỉnh vào hoạt động là bước tiến mới của Bệnh viện Đa khoa tỉnh.",
     ["Trung tâm Sản Nhi", "Bệnh viện Đa khoa tỉnh"], {"trung tâm sản nhi"}),
    # no headline: the facility the article is about
    (None,
     "Trạm Y tế xã An Hải được xây dựng trên diện tích 253 m2.\n\nTại lễ khánh thành, Công ty Lọc hóa dầu Bình Sơn "
     "đã trao tài trợ cho UBND huyện 500 triệu đồng.",
     ["Trạm Y tế xã An Hải"], {"trạm y tế xã an hải"}),
    # the headline reports the opening; the body says only "Tại buổi lễ"
    ("Sóc Trăng: Đưa vào sử dụng bệnh viện đa khoa hiện đại hàng đầu khu vực ĐBSCL",
     "Bệnh viện đa khoa tỉnh Sóc Trăng có quy mô 700 giường bệnh nội trú.\n\nTại buổi lễ, ông Trần Văn Chuyện, Chủ "
     "tịch UBND tỉnh Sóc Trăng yêu cầu ngành y tế nâng cao chất lượng khám chữa bệnh.",
     ["Bệnh viện đa khoa tỉnh Sóc Trăng"], {"bệnh viện đa khoa tỉnh sóc trăng"}),
    # a numbered site launched, named in full elsewhere
    (None,
     "Bệnh viện Nhân dân Gia Định cơ sở 2 có một \"view khám bệnh triệu đô\".\n\nSáng 31.12, Bệnh viện Nhân dân Gia "
     "Định ra mắt cơ sở 2 tại số 25 Lê Lợi, phường Bến Thành (Bệnh viện đa khoa Sài Gòn cũ).",
     ["Bệnh viện Nhân dân Gia Định cơ sở 2", "Bệnh viện Nhân dân Gia Định", "Bệnh viện đa khoa Sài Gòn"],
     {"bệnh viện nhân dân gia định cơ sở 2", "bệnh viện nhân dân gia định"}),
]


@pytest.mark.parametrize("title, text, facilities, expected", OPENINGS)
def test_an_inauguration_takes_the_facility_it_opens(title: Optional[str], text: str, facilities: list,
                                                     expected: set, rules: RuleSet) -> None:
    ann = annotated(text, rules, None)
    ann = AnnotatedArticle(CleanedArticle(body=ann.text, title=title), ann.text, ann.body_length, None, rules, None)
    entities = entities_from_gold(ann.text, [], [{"name": f, "kind": "other"} for f in facilities])
    ceremony = next(e for e in run(ann, entities) if e.type == "ceremony")
    assert expected <= _facility_names(ceremony, entities)


HANDOVERS_AND_SPELLINGS = [
    # "kí" is a spelling of "ký"
    ("Chiều ngày 28/6/2019, Lễ kí kết biên bản hợp tác, hỗ trợ giữa Viện Y dược học dân tộc TP Hồ Chí Minh và Bệnh "
     "viện Y học cổ truyền Nghệ An đã diễn ra.", None, [("signing", "2019-06-28")]),
    # an appointment handed over is a ceremony; "Cần" in a city's name is no "cần" (must) of a plan,
    # and the day a decision takes effect is not the day of the ceremony
    ("(CTO) - Ngày 5-8, Sở Y tế TP Cần Thơ công bố và trao quyết định bổ nhiệm lại ông Huỳnh Minh Trúc.\n\n"
     "Sở Y tế cũng trao Quyết định bổ nhiệm lại ông Võ Chí Đại, có thời hạn 5 năm, kể từ ngày 26-7-2025.",
     "2025-08-06", [("ceremony", "2025-08-05")]),
    ("Ngày 27/11/2008, tại Bộ Y tế, Bộ trưởng Bộ Y tế đã trao quyết định điều động, bổ nhiệm lãnh đạo các đơn vị "
     "trực thuộc Bộ Y tế.", None, [("ceremony", "2008-11-27")]),
    # equipment handed over
    ("Chiều 4-11-2020, Sở Y tế tỉnh Gia Lai tiến hành trao 29 máy thở xâm nhập của Bộ Y tế cấp cho các đơn vị.",
     None, [("ceremony", "2020-11-04")]),
    ("Ngày 17/6/2023, Tổng giám đốc Tập đoàn đã trao tặng hệ thống thiết bị y tế cho Trung tâm Y tế huyện đảo Phú Quý.",
     None, [("ceremony", "2023-06-17")]),
    # the receiving hospital written between the verb and the equipment; a ceremony handing over equipment
    ("Quỹ Fred Hollows (FHF) vừa tặng Bệnh viện Mắt Phú Yên một kính hiển vi phẫu thuật. Phó Giám đốc Sở Y tế và "
     "Trưởng đại diện FHF Việt Nam tham dự lễ trao tặng thiết bị.", None, [("ceremony", None)]),
    # a ceremony that hands over a vehicle gives no honours
    ("Ngày 5/3/2024, Công an tỉnh Nghệ An tổ chức Lễ trao xe ô tô cứu thương cho Trung tâm Y tế huyện Kỳ Sơn.",
     None, [("ceremony", "2024-03-05")]),
    # a founding decision handed over; a flag-raising ceremony
    ("Ngày 14/12/2020, tại Bệnh viện Đa khoa tỉnh Kiên Giang, ông Hà Văn Phúc, Giám đốc Sở Y tế trao quyết định thành "
     "lập Bệnh viện Sản - Nhi tỉnh Kiên Giang.", None, [("ceremony", "2020-12-14")]),
    ("Sáng ngày 02/03/2024, đoàn công tác Bệnh viện Đa khoa tỉnh Vĩnh Phúc đã tham dự lễ Thượng cờ tại cột cờ Quốc gia "
     "Lũng Cú.", None, [("ceremony", "2024-03-02")]),
]


def test_the_delegation_leader_and_a_bare_head_are_not_the_place_inspected(rules: RuleSet) -> None:
    text = ("Ngày 06/1/2021 đoàn kiểm tra chấm điểm chất lượng Bệnh viện do Ông Đặng Huy Du, Phó giám đốc Bệnh viện Đa "
            "khoa tỉnh Lạng Sơn làm trưởng đoàn đã đến kiểm tra, chấm điểm phúc tra chất lượng Bệnh viện năm 2020 tại "
            "Trung tâm Y tế huyện Văn Quan.\n\nĐoàn kiểm tra làm việc tại Trung tâm Y tế huyện Văn Quan")
    ann = annotated(text, rules, None)
    entities = entities_from_gold(ann.text, [{"name": "Đặng Huy Du"}], [
        {"name": "Bệnh viện Đa khoa tỉnh Lạng Sơn", "kind": "hospital", "aliases": ["Bệnh viện"]},
        {"name": "Trung tâm Y tế huyện Văn Quan", "kind": "health_center"}])
    visits = [e for e in run(ann, entities) if e.type == "visit"]
    assert [(e.date, "trung tâm y tế huyện văn quan" in _facility_names(e, entities)) for e in visits] == [
        ("2021-01-06", True)]


def test_a_delegation_at_named_facilities_visits_each(rules: RuleSet) -> None:
    text = ("Ngày 27/7/2025, Đoàn công tác của Sở Y tế Nghệ An do đồng chí Lê Thị Hoài Chung – Giám đốc Sở Y tế Nghệ An "
            "dẫn đầu đã trực tiếp chỉ đạo, hỗ trợ công tác khắc phục hậu quả lũ lụt tại Trung tâm Y tế Tương Dương và "
            "Trạm Y tế Mỹ Lý.")
    ann = annotated(text, rules, None)
    entities = entities_from_gold(ann.text, [], [{"name": "Trung tâm Y tế Tương Dương", "kind": "health_center"},
                                                 {"name": "Trạm Y tế Mỹ Lý", "kind": "health_station"}])
    assert sorted((e.type, e.date, tuple(_facility_names(e, entities))) for e in run(ann, entities)) == [
        ("visit", "2025-07-27", ("trung tâm y tế tương dương",)), ("visit", "2025-07-27", ("trạm y tế mỹ lý",))]


@pytest.mark.parametrize("joining", [
    "Tham gia cùng đoàn có lãnh đạo Bệnh viện Ung bướu Nghệ An và Bệnh viện Chấn thương Chỉnh hình Nghệ An.",
    "Cùng đi có các đồng chí lãnh đạo Bệnh viện Ung bướu Nghệ An, Bệnh viện Chấn thương Chỉnh hình Nghệ An.",
])
def test_units_joining_a_delegation_visit_with_it(joining: str, rules: RuleSet) -> None:
    text = ("Ngày 27/7/2025, Đoàn công tác của Sở Y tế Nghệ An do đồng chí Lê Thị Hoài Chung – Giám đốc Sở Y tế Nghệ An "
            "dẫn đầu đã trực tiếp chỉ đạo, hỗ trợ công tác khắc phục hậu quả lũ lụt tại Trung tâm Y tế Tương Dương. "
            + joining)
    ann = annotated(text, rules, None)
    names = ["Trung tâm Y tế Tương Dương", "Bệnh viện Ung bướu Nghệ An", "Bệnh viện Chấn thương Chỉnh hình Nghệ An"]
    entities = entities_from_gold(ann.text, [], [{"name": name, "kind": "hospital"} for name in names])
    [visit] = run(ann, entities)
    assert _facility_names(visit, entities) == {name.lower() for name in names}
    assert {p.role for p in visit.participants if p.ref == entities.facilities[0].id} == {"host"}


def test_a_delegation_s_own_hospital_is_not_the_place_it_visits(rules: RuleSet) -> None:
    text = ("Chiều 25/4/2025, đoàn công tác Bệnh viện Hữu nghị Việt Nam Cuba Hà Nội đã có chuyến thăm và làm việc tại "
            "Bệnh viện Hữu nghị Việt Nam Cuba Đồng Hới (Quảng Bình).")
    ann = annotated(text, rules, None)
    entities = entities_from_gold(ann.text, [], [{"name": "Bệnh viện Hữu nghị Việt Nam Cuba Hà Nội", "kind": "hospital"},
                                                 {"name": "Bệnh viện Hữu nghị Việt Nam Cuba Đồng Hới", "kind": "hospital"}])
    assert [e.type for e in run(ann, entities)] == ["visit"]


def test_the_acting_trigger_gives_a_sentence_its_roles(rules: RuleSet) -> None:
    text = ("Trong 2 ngày 24 và 25-2-2022, Bộ tư lệnh Quân khu tổ chức các đoàn công tác đến thăm, tặng hoa và chúc "
            "mừng các cơ quan, đơn vị gồm: Bệnh viện Quân y 110; Bệnh viện Quân y 91; Bệnh xá 43.")
    ann = annotated(text, rules, None)
    names = ["Bệnh viện Quân y 110", "Bệnh viện Quân y 91", "Bệnh xá 43"]
    entities = entities_from_gold(ann.text, [], [{"name": name, "kind": "hospital"} for name in names])
    visits = [e for e in run(ann, entities) if e.type == "visit"]
    assert sorted(tuple(_facility_names(e, entities)) for e in visits) == sorted((name.lower(),) for name in names)


@pytest.mark.parametrize("text, people, facilities, expected", [
    # the trip the sentence opens with is its occasion: who comes after its comma visits
    ("Ngày 26-2, nhân chuyến thăm và làm việc tại tỉnh Quảng Trị, Phó Thủ tướng Vũ Đức Đam đã tới thăm, chúc mừng "
     "đội ngũ y, bác sĩ Bệnh viện Đa khoa huyện Hướng Hóa.", ["Vũ Đức Đam"], ["Bệnh viện Đa khoa huyện Hướng Hóa"],
     {"P1": "visitor", "F1": "host"}),
    # the session the sentence opens after: the places checked after its comma are visited
    ("Sau buổi làm việc tại Trung tâm hội nghị, Đoàn đã đến kiểm tra tại Trung tâm Y tế dự phòng thị xã Cai Lậy và "
     "Trạm Y tế xã Mỹ Hạnh Trung.", [], ["Trung tâm Y tế dự phòng thị xã Cai Lậy", "Trạm Y tế xã Mỹ Hạnh Trung"],
     {"F1": "host"}),
])
def test_the_occasion_a_sentence_opens_with_gives_it_no_roles(text: str, people: list, facilities: list,
                                                              expected: dict, rules: RuleSet) -> None:
    first = _run_on_people_and_hospitals(text, people, facilities, rules)[0]
    assert {p.ref: p.role for p in first.participants} == expected


LEADS_WITHOUT_A_DAY = [
    # a summary without a date, then the report opens with its day
    ("Tổng giám đốc Tập đoàn trao tặng hệ thống thiết bị y tế cho Trung tâm Y tế huyện đảo Phú Quý.\n\n"
     "Ngày 17/6/2023, Chủ tịch nước đã có chuyến thăm và làm việc tại huyện đảo Phú Quý, tỉnh Bình Thuận.\n\n"
     "Nhân dịp này, Tổng giám đốc Tập đoàn đã trao tặng hệ thống thiết bị y tế cho Trung tâm Y tế huyện đảo Phú Quý.",
     ["2023-06-17"]),
    # the lead's own day without a year: a founding date further on dates nothing
    ("(SGGP).- Ngày 27-12, Tổng Bí thư đã tới dự lễ đón nhận danh hiệu Anh hùng Lao động của Bệnh viện Hữu Nghị.\n\n"
     "Được thành lập ngày 28-3-1958, Bệnh viện Hữu Nghị đã trở thành địa chỉ khám, chữa bệnh tin cậy của nhân dân.",
     [None]),
]


@pytest.mark.parametrize("text, dates", LEADS_WITHOUT_A_DAY)
def test_the_day_a_report_opens_with_dates_an_undated_summary(text: str, dates: list, rules: RuleSet) -> None:
    assert sorted({e.date for e in run(annotated(text, rules, None), Entities())}, key=str) == dates


HANDOVERS_AND_SPELLINGS.extend([
    # equipment handed to a hospital written "BV", the day written with a full stop
    ("Chiều 1.9, Tập đoàn Phương Trang cũng đến trao tặng BV Thống Nhất 10 máy thở xâm lấn và 10 máy thở chức năng "
     "cao; trao tặng BV Dã chiến Tân Bình 100 máy tạo ô xy, tổng trị giá tương đương 10 tỉ đồng.", "2021-09-02",
     [("ceremony", "2021-09-01")]),
    # a commendation handed over with a gift is an award, no visit
    ("Ngày 12-10-2017, Chủ tịch UBND Q.11 tặng giấy khen và quà cho tập thể Bệnh viện Q.11 và hai bác sĩ.", None,
     [("award", "2017-10-12")]),
    # a signing ceremony shown only in a photo's caption
    ("Ba bên đã thống nhất phối hợp triển khai 4 lĩnh vực hợp tác trọng yếu.\n\n"
     "Lễ ký kết thỏa thuận hợp tác giữa Trường Đại học Y Hà Nội với Hệ thống Y tế Vinmec và Trường Đại học VinUni "
     "(Ảnh: BTC).", "2025-10-04", [("signing", None)]),
])


@pytest.mark.parametrize("text, published, expected", HANDOVERS_AND_SPELLINGS)
def test_handovers_appointments_and_spellings(text: str, published: Optional[str], expected: list,
                                              rules: RuleSet) -> None:
    assert [(e.type, e.date) for e in run(annotated(text, rules, published), Entities())] == expected


VISITS_NAMING_THE_PLACE = [
    # the place visited between "đến" and the greeting; "thăm khám" is a medical examination
    ("Ngày 27/1/2017, Phó chủ tịch UBND thành phố đến Bệnh viện Phụ sản Hùng Vương chúc mừng những em bé sinh lúc 0 giờ.",
     [("visit", "2017-01-27", {"bệnh viện phụ sản hùng vương"})]),
    ("Ngày 29/6/2025, gia đình đưa con đến Bệnh viện Phụ sản Hùng Vương thăm khám.", []),
    # "thăm chúc tết" without a comma; the staff named before the hospital
    ("Chiều 6/2/2024, Phó Chủ tịch HĐND TP thăm chúc tết cán bộ, y bác sĩ Bệnh viện Phụ sản Hùng Vương.",
     [("visit", "2024-02-06", {"bệnh viện phụ sản hùng vương"})]),
]


@pytest.mark.parametrize("text, expected", VISITS_NAMING_THE_PLACE)
def test_visits_naming_the_place(text: str, expected: list, rules: RuleSet) -> None:
    assert _events_at_hospitals(text, ["Bệnh viện Phụ sản Hùng Vương"], rules) == expected


def test_people_after_the_occasion_a_sentence_opens_with_are_no_hosts(rules: RuleSet) -> None:
    text = ("Chiều 6/2/2024, đoàn thăm chúc tết Bệnh viện Phụ sản Hùng Vương.\n\nTại buổi làm việc, ông Phạm Đức Hải "
            "ghi nhận những nỗ lực của tập thể y bác sĩ.")
    ann = annotated(text, rules, None)
    entities = entities_from_gold(ann.text, [{"name": "Phạm Đức Hải", "titles": [], "positions": []}],
                                  [{"name": "Bệnh viện Phụ sản Hùng Vương", "kind": "hospital"}])
    roles = {p.ref: p.role for p in run(ann, entities)[0].participants}
    assert roles["P1"] != "host" and roles["F1"] == "host"


def test_a_body_in_a_listed_tour_is_a_visit_of_its_own(rules: RuleSet) -> None:
    text = ("Ngày 10/2/2026, đoàn đã đến thăm, chúc tết Bệnh viện Đa khoa Bưu Điện, Viện Y tế công cộng TPHCM, Bệnh "
            "viện Đa khoa Chánh Hưng.")
    ann = annotated(text, rules, None)
    entities = entities_from_gold(ann.text, [], [{"name": "Bệnh viện Đa khoa Bưu Điện", "kind": "hospital"},
                                                  {"name": "Bệnh viện Đa khoa Chánh Hưng", "kind": "hospital"}],
                                  ("Viện Y tế công cộng TPHCM",))
    visits = run(ann, entities)
    assert [(e.type, e.date) for e in visits] == [("visit", "2026-02-10")] * 3
    assert [_facility_names(e, entities) for e in visits] == [{"bệnh viện đa khoa bưu điện"}, set(),
                                                               {"bệnh viện đa khoa chánh hưng"}]


def test_the_day_of_an_occasion_named_in_lowercase_dates_no_event(rules: RuleSet) -> None:
    text = ("Chiều ngày 26/2/2024. Bệnh viện Bãi Cháy tổ chức Hội nghị tuyên dương các tập thể, cá nhân đạt nhiều thành "
            "tích trong công tác năm 2023, nhân dịp 69 năm ngày thầy thuốc Việt Nam 27/2.")
    dates = {e.date for e in run(annotated(text, rules, "2024-02-26"), Entities())}
    assert "2024-02-27" not in dates


UNITS_OF_HANDOVERS_AND_APPOINTMENTS = [
    # the units that receive the equipment are listed in a later sentence
    ("Chiều 4-11-2020, Sở Y tế tỉnh Gia Lai tiến hành trao 29 máy thở xâm nhập của Bộ Y tế cấp cho các đơn vị.\n\n"
     "Theo đó, 29 máy thở được cấp cho 3 bệnh viện gồm: Bệnh viện Đa khoa tỉnh, Bệnh viện 331, Bệnh viện Nhi và 14 "
     "trung tâm y tế các huyện.",
     ["Bệnh viện Đa khoa tỉnh", "Bệnh viện 331", "Bệnh viện Nhi"],
     {"bệnh viện đa khoa tỉnh", "bệnh viện 331", "bệnh viện nhi"}),
    # medical supplies handed over, the stations named after "trao tặng cho"
    ("Sáng ngày 30/9/2021, Ủy ban Mặt trận Tổ quốc Việt Nam thành phố đã tổ chức trao tặng vật tư y tế cho 10 Trạm Y "
     "tế các xã phường.\n\nTheo đó, Ủy ban Mặt trận đã trao tặng cho Trạm Y tế phường Vĩnh Nguyên và Trạm Y tế Vĩnh Hải.",
     ["Trạm Y tế phường Vĩnh Nguyên", "Trạm Y tế Vĩnh Hải"], {"trạm y tế phường vĩnh nguyên", "trạm y tế vĩnh hải"}),
    # an appointment ceremony: the units the decisions move leaders from and to
    ("Sáng 6/11/2024, UBND TP. Hải Phòng đã tổ chức Hội nghị công bố Quyết định của Chủ tịch UBND thành phố về công "
     "tác cán bộ.\n\nChủ tịch UBND TP. Hải Phòng điều động và bổ nhiệm ông Phạm Văn Hoàng, Giám đốc Trung tâm Y tế "
     "huyện Cát Hải giữ chức vụ Giám đốc Bệnh viện Đa khoa Đôn Lương.",
     ["Trung tâm Y tế huyện Cát Hải", "Bệnh viện Đa khoa Đôn Lương"],
     {"trung tâm y tế huyện cát hải", "bệnh viện đa khoa đôn lương"}),
    # the appointments are written before the ceremony is named
    ("Bác sĩ Vi Thị Hương – Phó Giám đốc Bệnh viện Đa khoa khu vực Tây Nam Nghệ An được giao chức vụ Giám đốc Trung "
     "tâm Y tế Con Cuông.\n\nPhát biểu tại buổi lễ, lãnh đạo Sở Y tế bày tỏ sự tin tưởng.",
     ["Bệnh viện Đa khoa khu vực Tây Nam Nghệ An", "Trung tâm Y tế Con Cuông"],
     {"bệnh viện đa khoa khu vực tây nam nghệ an", "trung tâm y tế con cuông"}),
]


@pytest.mark.parametrize("text, facilities, expected", UNITS_OF_HANDOVERS_AND_APPOINTMENTS)
def test_units_receiving_equipment_or_new_leaders_take_part(text: str, facilities: list, expected: set,
                                                             rules: RuleSet) -> None:
    ann = annotated(text, rules, None)
    entities = entities_from_gold(ann.text, [], [{"name": f, "kind": "hospital"} for f in facilities])
    ceremonies = [e for e in run(ann, entities) if e.type == "ceremony"]
    assert len(ceremonies) == 1 and expected <= _facility_names(ceremonies[0], entities)


HEALTH_AGENCIES_VISITED = [
    # a health agency visited is a place of its own; the staff greeted stand before it
    ("Ngày 24-2-2025, Đoàn do đồng chí Vũ Hồng Văn, Bí thư Tỉnh ủy Đồng Nai đã đến thăm, tặng hoa và chúc mừng Ban "
     "Giám đốc, công chức, nhân viên Sở Y tế.\n\nĐoàn do đồng chí Võ Tấn Đức, Chủ tịch UBND tỉnh đã đến thăm và chúc "
     "mừng viên chức, nhân viên Bệnh viện ĐK Thống Nhất.",
     ["Sở Y tế"], 2),
    ("Ngày 17/1/2023, đoàn đại biểu TP.HCM đã đến thăm và chúc Tết tại Trung tâm Kiểm soát bệnh tật TPHCM.\n\n"
     "Tiếp đó, đoàn đã đến thăm và chúc Tết tại Bệnh viện đa khoa khu vực Thủ Đức.",
     ["Trung tâm Kiểm soát bệnh tật TPHCM"], 2),
    # the agency of the delegation's leader is no place visited
    ("Ngày 24/9/2025, đoàn công tác do TS.BS. Nguyễn Đức Toàn – Giám đốc Sở Y tế làm trưởng đoàn đã có buổi thăm và "
     "làm việc tại Bệnh viện Đa khoa Khu vực Mai Sơn.\n\nTại buổi làm việc, Đồng chí Giám đốc Sở Y tế đã ghi nhận.",
     ["Sở Y tế"], 1),
    # so is an army post greeted on the same trip
    ("Ngày 27/2/2018, Phó Chủ tịch nước Đặng Thị Ngọc Thịnh đến thăm, làm việc tại Bệnh viện Sản - Nhi Cà Mau.\n\n"
     "Sáng cùng ngày, Phó Chủ tịch nước Đặng Thị Ngọc Thịnh đến thăm, nói chuyện với cán bộ, chiến sỹ Đồn Biên phòng "
     "Đất Mũi, xã Đất Mũi, huyện Ngọc Hiển.",
     ["Đồn Biên phòng Đất Mũi"], 2),
    # a culture centre and a police team greeted at Tết are places of a tour, beside the hospital
    ("Chiều 27/01/2021, đồng chí Lê Văn Chiến, Chủ tịch UBND Quận 4 đã dẫn đoàn đến thăm, tặng quà và chúc Tết các "
     "đơn vị gồm: Trung tâm Văn hóa Quận 4, Bệnh viện Quận 4, Đội Cảnh sát phòng cháy và chữa cháy trên sông.",
     ["UBND Quận 4", "Trung tâm Văn hóa Quận 4", "Đội Cảnh sát phòng cháy và chữa cháy"], 3),
]


def test_a_public_place_inspected_is_a_visit_and_never_the_visitor(rules: RuleSet) -> None:
    text = ("Ngày 30/5/2021, đoàn công tác của Sở Y tế do đồng chí Phạm Giang Nam, Giám đốc Sở làm trưởng đoàn đã đi "
            "kiểm tra công tác phòng chống dịch Covid-19 tại Cảng hàng không Điện Biên Phủ, thăm và tặng quà cho cán "
            "bộ y tế và trẻ em đang được điều trị tại Bệnh viện Dã chiến Điện Biên Phủ.")
    ann = annotated(text, rules, None)
    entities = entities_from_gold(ann.text, [{"name": "Phạm Giang Nam"}],
                                  [{"name": "Bệnh viện Dã chiến Điện Biên Phủ", "kind": "hospital"}],
                                  ("Sở Y tế", "Cảng hàng không Điện Biên Phủ"))
    airport = next(o.id for o in entities.organizations if o.name.startswith("Cảng"))
    visits = [e for e in run(ann, entities) if e.type == "visit"]
    assert len(visits) == 2
    assert all(p.role == "host" for e in visits for p in e.participants if p.ref == airport)


@pytest.mark.parametrize("text, organizations, visits", HEALTH_AGENCIES_VISITED)
def test_a_health_agency_visited_is_a_visit_of_its_own(text: str, organizations: list, visits: int,
                                                       rules: RuleSet) -> None:
    ann = annotated(text, rules, None)
    hospitals = [name for name in ("Bệnh viện ĐK Thống Nhất", "Bệnh viện đa khoa khu vực Thủ Đức",
                                   "Bệnh viện Đa khoa Khu vực Mai Sơn", "Bệnh viện Sản - Nhi Cà Mau",
                                   "Bệnh viện Quận 4") if name in text]
    entities = entities_from_gold(ann.text, [], [{"name": h, "kind": "hospital"} for h in hospitals],
                                  tuple(organizations))
    assert len([e for e in run(ann, entities) if e.type == "visit"]) == visits


RECEPTIONS = [
    # the place that receives a delegation stands before "tiếp đoàn"; the body after it is the visitor's
    ("Trung tâm Y tế khu vực Cà Mau tiếp đoàn Sở Y tế kiểm tra, đánh giá chất lượng hoạt động năm 2025\n\n"
     "Ngày 11/12/2025, Trung tâm Y tế (TTYT) khu vực Cà Mau tiếp Đoàn kiểm tra, đánh giá của Sở Y tế tỉnh.\n\n"
     "Tại buổi làm việc, TTYT khu vực Cà Mau báo cáo tổng quan hoạt động trong năm 2025.",
     ["Trung tâm Y tế khu vực Cà Mau"], ["Sở Y tế"], "Trung tâm Y tế khu vực Cà Mau"),
    # a delegation received "to visit … at" a campus written another way is still the one visit
    ("Ngày 25/3/2024, UBND tỉnh Thừa Thiên Huế và Bệnh viện Trung ương Huế vinh dự đón tiếp Đoàn Đại biểu Quốc hội "
     "Hàn Quốc đến thăm, tìm hiểu đầu tư giai đoạn 2 tại Bệnh viện Trung Huế (Cơ sở 2).",
     ["Bệnh viện Trung ương Huế", "Bệnh viện Trung Huế"], ["UBND tỉnh Thừa Thiên Huế"], "Bệnh viện Trung ương Huế"),
]


@pytest.mark.parametrize("text, facilities, organizations, host", RECEPTIONS)
def test_a_delegation_received_is_one_visit_to_its_host(text: str, facilities: list, organizations: list, host: str,
                                                        rules: RuleSet) -> None:
    ann = annotated(text, rules, None)
    entities = entities_from_gold(ann.text, [], [{"name": f, "kind": "hospital"} for f in facilities],
                                  tuple(organizations))
    visits = [e for e in run(ann, entities) if e.type == "visit"]
    assert len(visits) == 1
    hosted = next(f.id for f in entities.facilities if f.name == host)
    assert any(p.ref == hosted and p.role == "host" for p in visits[0].participants)


VISITS_AND_THEIR_MEETINGS = [
    # "Tại buổi gặp mặt" right after a visit is the visit's meeting, not a ceremony of its own
    ("Sáng ngày 24 tháng 2 năm 2023, Đảng ủy phường Hiệp Bình Phước đã đến thăm và chúc mừng cán bộ, nhân viên Trạm Y "
     "tế phường Hiệp Bình Phước.\n\nTại buổi gặp mặt đồng chí Phạm Hoài Minh Tân đại diện Đoàn đã bày tỏ tình cảm chân "
     "thành.", "Trạm Y tế phường Hiệp Bình Phước", [("visit", "2023-02-24")]),
    # … also with a sentence on who came along between
    ("Sáng ngày 6/2/2024, phái đoàn tổng lãnh sự quán Nhật Bản đã có chuyến thăm Bệnh viện Ung bướu Đà Nẵng. Đi cùng "
     "Tổng lãnh sự có ông TERADO Hirotsugu, Lãnh sự phụ trách Kinh tế – Văn Hoá và cộng sự.\nTrong buổi gặp mặt, Ông "
     "MORI Takero đã gửi lời chúc mừng năm mới.", "Bệnh viện Ung bướu Đà Nẵng", [("visit", "2024-02-06")]),
    # … or with a paragraph of background and a photo's caption between
    ("Sáng 5/7/2021, Đại tá Nguyễn Quang Huy, Phó Giám đốc Công an tỉnh Thanh Hóa đã đến thăm hỏi, tặng quà động viên CBCS "
     "Bệnh viện Công an tỉnh Thanh Hóa được nhận nhiệm vụ tăng cường chi viện cho TP. Hồ Chí Minh.\n\n"
     "Thực hiện ý kiến chỉ đạo của Cục Y tế Bộ Công an, bệnh viện đã chọn ra 5 CBCS đi tăng cường chống dịch.\n\n"
     "Đại tá Nguyễn Quang Huy động viên các CBCS nhận nhiệm vụ tăng cường chi viện cho TP Hồ Chí Minh.\n\n"
     "Tại buổi gặp mặt, Đại tá Nguyễn Quang Huy đã đánh giá cao tinh thần sẵn sàng nhận nhiệm vụ của các cán bộ, chiến sỹ.\n\n"
     "Ngay sau buổi gặp mặt, đoàn thiện nguyện đã trao tặng đoàn công tác 4 triệu đồng.",
     "Bệnh viện Công an tỉnh Thanh Hóa", [("visit", "2021-07-05")]),
    # an official who inspects a unit at a named facility visits it
    ("Sáng 29-4-2021, đồng chí Hoàng Việt Phương, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh kiểm tra khu cách ly tại Trung "
     "tâm Y tế huyện Sơn Dương.", "Trung tâm Y tế huyện Sơn Dương", [("visit", "2021-04-29")]),
]


@pytest.mark.parametrize("text, facility, expected", VISITS_AND_THEIR_MEETINGS)
def test_visits_inspections_and_their_meetings(text: str, facility: str, expected: list, rules: RuleSet) -> None:
    ann = annotated(text, rules, None)
    entities = entities_from_gold(ann.text, [], [{"name": facility, "kind": "health_station"}])
    events = run(ann, entities)
    assert [(e.type, e.date) for e in events] == expected
    assert facility.lower() in _facility_names(events[0], entities)


@pytest.mark.parametrize(
    "text, hospitals, others, expected",
    [
        # a visitor hearing reports at two named facilities visits each
        ("Đồng chí Nguyễn Thị Lĩnh - Phó Chủ tịch UBND tỉnh cùng lãnh đạo Sở Y tế đi kiểm tra công tác ứng trực cấp "
         "cứu, chuẩn bị cho Tết Nguyên đán tại một số đơn vị y tế.\n\nTại Bệnh viện Phụ sản Thái Bình và Trung tâm "
         "Cấp cứu 115, đồng chí Phó Chủ tịch UBND tỉnh đã nghe lãnh đạo các đơn vị báo cáo nhanh tình hình khám "
         "chữa bệnh dịp giáp Tết Nguyên đán.",
         ["Bệnh viện Phụ sản Thái Bình"], ["Trung tâm Cấp cứu 115"],
         [(None, {"bệnh viện phụ sản thái bình"}), (None, {"trung tâm cấp cứu 115"})]),
        # a place named inside a quoted plan is not visited
        ("Ngày 23/3/2015, Đoàn cán bộ Sở Y tế tỉnh ChămPaSắc, Lào sang thăm chính thức Bệnh viện Phong-Da liễu "
         "Trung ương Quy Hòa.\n\n"
         "Trong buổi làm việc, hai bên đã thảo luận chi tiết và ký kết kế hoạch hợp tác “Nâng cao chất lượng khám, "
         "chữa bệnh tại Bệnh viện Đa khoa ChămPaSắc, Lào giai đoạn 2015 – 2017”.",
         ["Bệnh viện Phong-Da liễu Trung ương Quy Hòa", "Bệnh viện Đa khoa ChămPaSắc"], [],
         [("2015-03-23", {"bệnh viện phong-da liễu trung ương quy hòa"})]),
    ],
)
def test_the_places_a_visit_names(text: str, hospitals: list, others: list, expected: list, rules: RuleSet) -> None:
    ann = annotated(text, rules, None)
    entities = entities_from_gold(ann.text, [], [{"name": n, "kind": "hospital"} for n in hospitals]
                                  + [{"name": n, "kind": "other"} for n in others])
    visits = [e for e in run(ann, entities) if e.type == "visit"]
    assert [(e.date, _facility_names(e, entities)) for e in visits] == expected


def test_an_occasion_in_the_line_above_does_not_make_the_day_an_occasion_s(rules: RuleSet) -> None:
    text = ("Lễ kỷ niệm ngày Điều dưỡng thế giới\n\nChiều ngày 09/5, Bệnh viện Nhi đồng 2 đã tổ chức lễ kỷ niệm ngày "
            "Điều dưỡng thế giới (12/5) nhằm tôn vinh những đóng góp của đội ngũ Điều dưỡng.")
    ann = annotated(text, rules, "2019-05-10")
    entities = entities_from_gold(ann.text, [], [{"name": "Bệnh viện Nhi đồng 2", "kind": "hospital"}])
    assert ("ceremony", "2019-05-09") in [(e.type, e.date) for e in run(ann, entities)]


def test_staff_working_at_a_hospital_is_no_visit(rules: RuleSet) -> None:
    text = ("Chiều ngày 09/5, Bệnh viện Nhi đồng 2 tổ chức lễ kỷ niệm. Các thế hệ Điều dưỡng đã và đang làm việc tại "
            "Bệnh viện Nhi đồng 2 chia sẻ kinh nghiệm.")
    ann = annotated(text, rules, "2019-05-10")
    entities = entities_from_gold(ann.text, [], [{"name": "Bệnh viện Nhi đồng 2", "kind": "hospital"}])
    assert [e.type for e in run(ann, entities)] == ["ceremony"]


# A call on several people at home is one visit per person; a list of a hospital's staff or of
# patients in a hospital is a visit of the hospital.
HOME_VISITS = [
    ("Ngày 25-2-2025, Bí thư Tỉnh ủy đã đến thăm BS Trương Minh Thắng, Thầy thuốc Nhân dân, nguyên Giám đốc Sở Y "
     "tế tỉnh Cà Mau; BS Nhan Văn Đấu, nguyên Giám đốc Bệnh viện Đa khoa Cà Mau và BS Võ Anh Hoang, Thầy thuốc "
     "Nhân dân, nguyên Giám đốc Sở Y tế tỉnh Cà Mau.",
     ["Trương Minh Thắng", "Nhan Văn Đấu", "Võ Anh Hoang"], ["Bệnh viện Đa khoa Cà Mau"], 3),
    ("Đoàn đã đến thăm, chúc tết và tặng quà các gia đình thương, bệnh binh, gồm: gia đình ông Mồng Văn Nhì, ông "
     "Nguyễn Đức Xuyên ở xã Thanh Chăn; gia đình ông Nguyễn Quốc Hùng, gia đình ông Vũ Quốc Doanh và ông Nguyễn "
     "Quang Tuyến ở xã Thanh Hưng. Đoàn cũng đã đến thăm, tặng quà Trung tâm Y tế huyện Điện Biên.",
     ["Mồng Văn Nhì", "Nguyễn Đức Xuyên", "Nguyễn Quốc Hùng", "Vũ Quốc Doanh", "Nguyễn Quang Tuyến"],
     ["Trung tâm Y tế huyện Điện Biên"], 6),
    ("Ngày 24-2, đoàn đại biểu do Phó Bí thư Thành ủy Nguyễn Hồ Hải làm trưởng đoàn đã đến thăm, chúc mừng bác sĩ Tạ "
     "Thị Chung, Anh hùng Lao động, nguyên Phó Giám đốc Bệnh viện Từ Dũ; thăm, chúc mừng bác sĩ Trương Xuân Liễu, "
     "nguyên Giám đốc Sở Y tế TP HCM.", ["Tạ Thị Chung", "Trương Xuân Liễu"], ["Bệnh viện Từ Dũ"], 2),
    ("Đoàn đã đến thăm, tặng quà bệnh nhân Nguyễn Văn An và bệnh nhân Trần Thị Bích đang điều trị tại Bệnh viện "
     "Đa khoa tỉnh.", ["Nguyễn Văn An", "Trần Thị Bích"], ["Bệnh viện Đa khoa tỉnh"], 1),
    ("Đoàn đã đến thăm ông Nguyễn Văn An, Giám đốc Bệnh viện Đa khoa tỉnh và ông Trần Văn Bình.",
     ["Nguyễn Văn An", "Trần Văn Bình"], ["Bệnh viện Đa khoa tỉnh"], 1),
    # the list may open with the former office those called on share
    ("Dịp này, Đoàn đã đến thăm, chúc Tết các đồng chí là nguyên Chủ tịch UBND Quận 4 qua các thời kỳ: đồng chí Trần "
     "Hoàng Quân, đồng chí Trần Quang Phượng, đồng chí Lê Kim Dung, đồng chí Trần Thị Ánh Nguyệt.",
     ["Trần Hoàng Quân", "Trần Quang Phượng", "Lê Kim Dung", "Trần Thị Ánh Nguyệt"], [], 4),
]


@pytest.mark.parametrize("text, people, facilities, visits", HOME_VISITS)
def test_a_call_on_several_people_is_a_visit_to_each(text: str, people: list, facilities: list, visits: int,
                                                     rules: RuleSet) -> None:
    events = _run_on_people_and_hospitals(text, people, facilities, rules)
    assert [e.type for e in events] == ["visit"] * visits
    if visits > 1:
        called_on = [[p.ref for p in e.participants if p.role == "host" and p.ref.startswith("P")] for e in events]
        assert sorted(ref for refs in called_on for ref in refs) == [f"P{i}" for i in range(1, len(people) + 1)]


@pytest.mark.parametrize("text, facilities, expected", [
    # gifts a programme hands out to people at large: a campaign, no one visited
    ("Sáng 29-1, Hội Chữ thập đỏ TPHCM phối hợp với Bệnh viện mắt Sài Gòn Bình Dương tổ chức chương trình khám mắt "
     "chuyên sâu và tặng quà cho hộ nghèo, có hoàn cảnh khó khăn và người cao tuổi ở phường Tân Uyên.",
     ["Bệnh viện mắt Sài Gòn Bình Dương"], []),
    # a hospital's programme for its patients is held at the hospital
    ("Ngày 6-2-2024, Bệnh viện Đa khoa tỉnh Phú Yên tổ chức chương trình Tết sum vầy - Tết cho người bệnh, nhằm tặng "
     "quà cho bệnh nhân dịp Tết Giáp Thìn 2024 thông qua mô hình gian hàng 0 đồng.",
     ["Bệnh viện Đa khoa tỉnh Phú Yên"], ["ceremony"]),
    # a programme organised to hand gifts to a hospital's patients is a gathering held there
    ("Sáng 11/2, Hội Chữ thập đỏ tỉnh phối hợp với Bệnh viện Đa khoa tỉnh Phú Thọ tổ chức chương trình trao quà Tết "
     "tặng bệnh nhân có hoàn cảnh khó khăn đang điều trị tại bệnh viện nhân dịp Tết Nguyên đán Bính Ngọ 2026.",
     ["Bệnh viện Đa khoa tỉnh Phú Thọ"], ["ceremony"]),
    ("Hôm nay, ngày 02/10/2025, Phòng Công tác xã hội phối hợp cùng Đoàn Thanh niên Bệnh viện Tâm thần Trung ương 1, "
     "đã tổ chức chương trình trao quà Trung thu cho các em nhỏ tại Khoa Tâm lý và Khoa Nhi của Bệnh viện.",
     ["Bệnh viện Tâm thần Trung ương 1"], ["ceremony"]),
    # a children's day held for the patients; the gifts said of it later are still its own
    ("Nhân dịp ngày Quốc thiếu nhi, tối 30/5, Công đoàn Trung Tâm y tế huyện Chiêm Hóa đã tổ chức Tết thiếu nhi và "
     "tặng quà cho các em nhỏ là bệnh nhân đang điều trị tại Bệnh viện.\n\nViệc tổ chức tết thiếu nhi và tặng quà cho "
     "các em nhỏ, đặc biệt là đối với các em là bệnh nhân đang điều trị tại Trung tâm y tế huyện là hoạt động ý nghĩa.",
     ["Trung Tâm y tế huyện Chiêm Hóa"], ["ceremony"]),
])
def test_gifts_a_programme_hands_out_are_no_visit(text: str, facilities: list, expected: list, rules: RuleSet) -> None:
    ann = annotated(text, rules, None)
    entities = entities_from_gold(ann.text, [], [{"name": n, "kind": "hospital"} for n in facilities])
    assert [e.type for e in run(ann, entities)] == expected


COUNTED_HOMES = [
    # a visit of a facility, then homes counted: the facility's visit and one per home
    ("Sáng ngày 26-2, đồng chí Nguyễn Minh Tâm - Phó Chủ tịch UBND xã Long Hải cùng đại diện các ban ngành của xã "
     "đến thăm, chúc mừng đội ngũ cán bộ, y bác sĩ và nhân viên Trạm Y tế xã và thăm, tặng quà 4 cán bộ hưu trí "
     "ngành y tế đang sinh sống trên địa bàn nhân Ngày Thầy thuốc Việt Nam (27-2).",
     ["Nguyễn Minh Tâm"], ["Trạm Y tế xã"], 5),
    # homes counted in a sentence that is neither dated nor the lead still make the visits
    ("Ngày 27/9/2013, tại Trung tâm Phòng chống bệnh xã hội tỉnh, đoàn y, bác sĩ Bệnh viện Nguyễn Trãi đã phẫu "
     "thuật, điều trị mắt miễn phí cho 100 người mù nghèo trong tỉnh.\n\nĐoàn làm từ thiện cũng đã đến thăm hỏi, "
     "động viên và hỗ trợ 6 gia đình bị sập nhà do ảnh hưởng lốc xoáy với số tiền trên 20 triệu đồng.",
     [], ["Trung tâm Phòng chống bệnh xã hội tỉnh", "Bệnh viện Nguyễn Trãi"], 6),
    # patients are met where they are treated: one visit of the hospital
    ("Ngày 20/1, đoàn đã đến thăm và tặng quà cho 60 bệnh nhân nghèo tại Bệnh viện Đa khoa tỉnh Tiền Giang.",
     [], ["Bệnh viện Đa khoa tỉnh Tiền Giang"], 1),
]


@pytest.mark.parametrize("text, people, facilities, visits", COUNTED_HOMES)
def test_homes_counted_are_a_visit_each(text: str, people: list, facilities: list, visits: int,
                                        rules: RuleSet) -> None:
    events = _run_on_people_and_hospitals(text, people, facilities, rules)
    assert [e.type for e in events] == ["visit"] * visits
    assert len({e.date for e in events}) == 1


def test_an_act_on_a_day_written_without_a_year_is_an_undated_event(rules: RuleSet) -> None:
    text = ("Trong lúc không khí Trung thu tràn ngập phố phường, hàng ngàn em nhỏ vẫn phải đối mặt với bệnh tật.\n\n"
            "Để giúp các bệnh nhi có được một Tết Trung thu vui vẻ, ngày 7/9, Bệnh viện Nhi Trung ương đã phối hợp với "
            "các tình nguyện viên để thực hiện chương trình đặc biệt dành cho các bệnh nhi với tên gọi “Trung thu hồng”.")
    ann = annotated(text, rules, None)
    entities = entities_from_gold(ann.text, [], [{"name": "Bệnh viện Nhi Trung ương", "kind": "hospital"}])
    events = run(ann, entities)
    assert [(e.type, e.date) for e in events] == [("ceremony", None)]
    assert _facility_names(events[0], entities) == {"bệnh viện nhi trung ương"}


RECOGNITIONS_HANDOVERS_AND_MEETINGS = [
    # a certificate of the national standard handed to stations is an award they receive
    ("Sở Y tế tỉnh Lâm Đồng vừa cấp bằng công nhận đạt chuẩn Bộ tiêu chí quốc gia về y tế cho 2 trạm y tế của huyện "
     "Đam Rông là Trạm Y tế xã Đạ Tông và Trạm Y tế xã Đạ M’rông, nâng tổng số trạm y tế được công nhận lên 6/8.",
     None, [("award", None, {"trạm y tế xã đạ tông", "trạm y tế xã đạ m’rông"})]),
    # a meeting held to rank the year's emulation is a ceremony of its day
    ("Sáng ngày 08/01/2019, Cụm thi đua khen thưởng (khối 4) trong khối thi đua ngành Y tế huyện, thị, thành phố "
     "trong tỉnh An Giang họp bình xét thi đua năm 2018 các Trung tâm Y tế 2 chức năng.\n\n"
     "Đến tham dự hội nghị, gồm có đại diện lãnh đạo Sở Y tế An Giang.",
     "2019-01-11", [("ceremony", "2019-01-08", set())]),
    # donors' equipment given "cho" a named hospital: a handover
    ("Ngày 11-8-2021, các nhà hảo tâm đã trao tặng cho Bệnh viện Đa khoa Sa Đéc 4 máy thở lưu lượng cao.",
     None, [("ceremony", "2021-08-11", {"bệnh viện đa khoa sa đéc"})]),
    # an anniversary ceremony whose "kỷ" the page misspells
    ("Ngày 10/11/2015, Bệnh viện Đa khoa Sa Đéc tổ chức Lễ kỹ niệm 110 năm ngày thành lập Bệnh viện.",
     None, [("ceremony", "2015-11-10", {"bệnh viện đa khoa sa đéc"})]),
]


@pytest.mark.parametrize("text, published, expected", RECOGNITIONS_HANDOVERS_AND_MEETINGS)
def test_recognitions_handovers_and_ranking_meetings(text: str, published: Optional[str], expected: list,
                                                     rules: RuleSet) -> None:
    ann = annotated(text, rules, published)
    entities = entities_from_gold(ann.text, [], [{"name": "Trạm Y tế xã Đạ Tông", "kind": "health_station"},
                                                  {"name": "Trạm Y tế xã Đạ M’rông", "kind": "health_station"},
                                                  {"name": "Bệnh viện Đa khoa Sa Đéc", "kind": "hospital"}])
    assert [(e.type, e.date, _facility_names(e, entities)) for e in run(ann, entities)] == expected


def test_visiting_verbs_listed_together_share_the_place_the_last_names(rules: RuleSet) -> None:
    # "đến thăm, tặng quà … ở Bệnh viện B": both verbs are the visit to B, not a further act of the visit to A
    text = ("Sáng 24-1-2024, Hội Bảo trợ bệnh nhân nghèo tỉnh tổ chức đoàn đến thăm và tặng quà cho 60 bệnh nhân nghèo "
            "tại Bệnh viện Chợ Rẫy.\n\nĐồng thời, Hội cũng đã đến thăm và tặng 260 phần quà cho bệnh nhân nghèo.\n\n"
            "Đoàn đến thăm, tặng quà cho các bệnh nhân ở Bệnh viện Bệnh Nhiệt Đới.")
    ann = annotated(text, rules, None)
    entities = entities_from_gold(ann.text, [], [{"name": "Bệnh viện Chợ Rẫy", "kind": "hospital"},
                                                  {"name": "Bệnh viện Bệnh Nhiệt Đới", "kind": "hospital"}])
    hosts = [[p.ref for p in e.participants if p.role == "host"] for e in run(ann, entities)]
    assert hosts[0] == ["F1"] and "F2" in hosts[1]


@pytest.mark.parametrize("text, expected", [
    # the hospital holds a gift programme for the patients it treats: its ceremony
    ("Tối 16/2/2026, Bệnh viện Tâm thần Phú Thọ (phường Âu Cơ) tổ chức buổi thăm hỏi, trao quà Tết nhằm động viên, "
     "chia sẻ với những bệnh nhân và người thân ở lại điều trị trong dịp Tết Nguyên đán.",
     [("ceremony", "2026-02-16", ["organizer"])]),
    # its leaders going round the wards to greet the patients: a visit
    ("Sáng 30/1/2022, Ban lãnh đạo, Công đoàn của Bệnh viện Tâm thần Phú Thọ đã đến từng khoa để thăm hỏi, động viên "
     "và tặng quà hơn 100 bệnh nhân đang điều trị nội trú tại bệnh viện.",
     [("visit", "2022-01-30", None)]),
])
def test_a_gift_programme_for_a_facility_s_own_patients_is_its_ceremony(text: str, expected: list,
                                                                         rules: RuleSet) -> None:
    ann = annotated(text, rules, None)
    entities = entities_from_gold(ann.text, [], [{"name": "Bệnh viện Tâm thần Phú Thọ", "kind": "hospital"}])
    found = [(e.type, e.date, [p.role for p in e.participants] if e.type == "ceremony" else None)
             for e in run(ann, entities)]
    assert found == expected


@pytest.mark.parametrize("text, facilities, expected", [
    # what the agreement provides for names its beneficiary; the plan word after it is the agreement's, not the act's
    ("Theo nội dung ký kết, BIDV sẽ tài trợ hơn 9,8 tỷ đồng để đầu tư thiết bị y tế cho Bệnh viện Đa khoa tỉnh theo "
     "danh mục đã được phê duyệt. Phát biểu tại buổi lễ ký kết, đồng chí Võ Đại, Phó Chủ tịch UBND tỉnh gửi lời cảm ơn.",
     ["Bệnh viện Đa khoa tỉnh"], [("signing", None, {"bệnh viện đa khoa tỉnh"})]),
    # a report-of-achievements ceremony for the staff of a field hospital before its mission
    ("Ngày 7-11, Cục Gìn giữ hòa bình Việt Nam đã tổ chức lễ báo công dâng Bác tại Quảng trường Ba Đình cho cán bộ, "
     "y - bác sĩ của Bệnh viện Dã chiến cấp 2 số 2 trước khi lên đường làm nhiệm vụ.",
     ["Bệnh viện Dã chiến cấp 2 số 2"], [("ceremony", None, {"bệnh viện dã chiến cấp 2 số 2"})]),
])
def test_an_agreement_s_content_and_a_report_ceremony(text: str, facilities: list, expected: list,
                                                      rules: RuleSet) -> None:
    assert _events_at_hospitals(text, facilities, rules) == expected


def test_a_named_gift_programme_for_patients_is_the_hospital_s_ceremony(rules: RuleSet) -> None:
    text = ("Ngày 6-2, Bệnh viện Đa khoa tỉnh Phú Yên tổ chức chương trình Tết sum vầy - Tết cho người bệnh, nhằm tặng "
            "quà cho bệnh nhân dịp Tết Giáp Thìn 2024 thông qua mô hình gian hàng 0 đồng.")
    ann = annotated(text, rules, None)
    entities = entities_from_gold(ann.text, [], [{"name": "Bệnh viện Đa khoa tỉnh Phú Yên", "kind": "hospital"}])
    assert [(e.type, e.date, [p.role for p in e.participants]) for e in run(ann, entities)] == [
        ("ceremony", "2024-02-06", ["organizer"])]


def test_a_handover_to_a_named_facility_is_reported_and_an_earlier_day_dates_nothing(rules: RuleSet) -> None:
    # equipment given "cho" a named hospital is an event even undated and out of the lead; the paragraph
    # "Trước đó, chiều 10-4, …" goes back to the day before, so its day is not the report's
    text = ("Thay mặt lãnh đạo Bộ Y tế, Bộ trưởng Nguyễn Thanh Long gửi lời chúc mừng tập thể cán bộ của bệnh viện và "
            "nhân dân tỉnh Nghệ An đã có một bệnh viện tuyến cuối trên địa bàn.\n\n"
            "Nhân dịp này, Chủ tịch Quốc hội Vương Đình Huệ đã trao hoa và tặng 2 máy thở cao cấp cho Bệnh viện Hữu "
            "nghị Đa khoa Nghệ An.\n\n"
            "Trước đó, chiều 10-4, tại Khu Di tích quốc gia đặc biệt Kim Liên, huyện Nam Đàn, Chủ tịch Quốc hội và Đoàn "
            "công tác đã tới dâng hoa, dâng hương.")
    assert _events_at_hospitals(text, ["Bệnh viện Hữu nghị Đa khoa Nghệ An"], rules, published="2021-04-11") == [
        ("ceremony", None, {"bệnh viện hữu nghị đa khoa nghệ an"})]


def test_a_facility_that_receives_equipment_holds_the_handover(rules: RuleSet) -> None:
    # told from the receiving side, undated and under a headline taken as the first paragraph
    text = ("Bệnh viện Phổi tỉnh: Tiếp nhận hệ thống xe X-quang kỹ thuật số lưu động\n\n"
            "Vừa qua, Bệnh viện Phổi tỉnh Hậu Giang đã tiếp nhận hệ thống xe chụp X-quang kỹ thuật số lưu động do "
            "Chương trình chống lao quốc gia tài trợ.")
    assert _events_at_hospitals(text, ["Bệnh viện Phổi tỉnh Hậu Giang"], rules) == [
        ("ceremony", None, {"bệnh viện phổi tỉnh hậu giang"})]


def test_a_lead_opening_with_an_earlier_day_does_not_date_the_report(rules: RuleSet) -> None:
    # a page cut above its lead: the first paragraph tells of the decision taken days before the ceremony
    text = ("Trước đó, ngày 28/5/2020, UBND huyện Hương Khê đã có quyết định số 2159/QĐ-UBND về việc hợp nhất Trung tâm "
            "Y tế dự phòng và Trung tâm Dân số - Kế hoạch hóa gia đình huyện thành Trung tâm Y tế huyện Hương Khê.\n\n"
            "Các đại biểu tham dự buổi lễ.\n\n"
            "Đồng chí Trần Quốc Bảo, Phó Chủ tịch UBND huyện phát biểu tại buổi lễ.")
    assert [(kind, date) for kind, date, _ in _events_at_hospitals(text, ["Trung tâm Y tế huyện Hương Khê"], rules)] == [
        ("ceremony", None)]


AGREEMENT_SCOPE_AND_HEADLINE_SIGNING = [
    # the headline names the signing ceremony that "buổi lễ" refers back to; a meeting listed in
    # what one side will provide is no event
    ("Lễ ký kết hỗ trợ toàn diện giữa Bệnh viện Y học cổ truyền TPHCM và Bệnh viện Y học cổ truyền Bà Rịa - Vũng Tàu",
     [("signing", None, {name_key("Bệnh viện Y học cổ truyền TPHCM"),
                         name_key("Bệnh viện Y học cổ truyền Bà Rịa - Vũng Tàu")})]),
    ("Bệnh viện Y học cổ truyền TPHCM hỗ trợ Bệnh viện Y học cổ truyền Bà Rịa - Vũng Tàu",
     [("ceremony", None, set())]),
]


@pytest.mark.parametrize("title, expected", AGREEMENT_SCOPE_AND_HEADLINE_SIGNING)
def test_the_headlines_signing_ceremony_and_an_agreements_scope(title: str, expected: list, rules: RuleSet) -> None:
    text = normalize_text(
        "Theo đó, Bệnh viện Y học cổ truyền TPHCM sẽ hỗ trợ toàn diện cho Bệnh viện Y học cổ truyền Bà Rịa - Vũng Tàu "
        "trên các lĩnh vực: đào tạo và chuyển giao kỹ thuật chuyên sâu, tổ chức hội thảo - đào tạo liên tục, phát triển "
        "dược liệu.\n\nPhát biểu tại buổi lễ, PGS.TS.BS Nguyễn Anh Dũng, Phó Giám đốc Sở Y tế TPHCM ghi nhận nỗ lực "
        "chủ động hợp tác giữa hai bệnh viện. Lãnh đạo Sở Y tế yêu cầu hai đơn vị khẩn trương triển khai các nội dung "
        "đã ký kết.")
    ann = AnnotatedArticle(CleanedArticle(body=text, title=title), text, len(text), None, rules, None)
    hospitals = ["Bệnh viện Y học cổ truyền TPHCM", "Bệnh viện Y học cổ truyền Bà Rịa - Vũng Tàu"]
    entities = entities_from_gold(ann.text, [], [{"name": f, "kind": "hospital"} for f in hospitals])
    assert [(e.type, e.date, _facility_names(e, entities)) for e in run(ann, entities)] == expected


def test_a_signing_between_two_hospitals_is_of_hospitals(rules: RuleSet) -> None:
    # "hai bệnh viện" names no party: the parties are facilities, not the bodies that received the delegation
    text = ("Sáng 03/12/2025, Đoàn đã đến chào xã giao UBND tỉnh Lào Cai. Tại buổi gặp, lãnh đạo tỉnh bày tỏ vui mừng "
            "chào đón đoàn.\n\nNgay sau đó, Đoàn tiếp tục đến làm việc tại Sở Y tế tỉnh Lào Cai. Hai bên trao đổi chi "
            "tiết về các nội dung hợp tác với Sở Y tế tỉnh Lào Cai.\n\nĐoàn công tác thảo luận, ký điều chỉnh thỏa "
            "thuận hợp tác giữa hai bệnh viện\n\nTại Bệnh viện Đa khoa số 1 tỉnh Lào Cai, Ban Giám đốc bệnh viện cùng "
            "lãnh đạo các khoa/phòng đã tiếp và làm việc với đoàn.")
    ann = annotated(text, rules, None)
    entities = entities_from_gold(ann.text, [], [{"name": "Bệnh viện Đa khoa số 1 tỉnh Lào Cai", "kind": "hospital"}],
                                  ("UBND tỉnh Lào Cai", "Sở Y tế tỉnh Lào Cai"))
    names = {o.id: o.name for o in entities.organizations} | {f.id: f.name for f in entities.facilities}
    signings = [e for e in run(ann, entities) if e.type == "signing"]
    assert [[names[p.ref] for p in e.participants if p.role == "party"] for e in signings] == [
        ["Bệnh viện Đa khoa số 1 tỉnh Lào Cai"]]


ONE_MORE_CEREMONY_OF_THE_OCCASION = [
    # a ceremony held "as well, on this occasion" is one more event, on a day the article does not give
    ("Nhân dịp kỷ niệm 70 năm ngày thành lập (4/8/1955- 4/8/2025), chiều ngày 1/8/2025, Bệnh viện Đa khoa Khu vực "
     "Vĩnh Linh đã tổ chức Lễ dâng hương, dâng hoa tưởng niệm các anh hùng liệt sĩ.\n\nPhát biểu tại buổi lễ, đồng "
     "chí Phó Giám đốc đã bày tỏ lòng tri ân sâu sắc.\n\nCũng nhân dịp này, Bệnh viện Đa khoa Khu vực Vĩnh Linh đã "
     "tổ chức Lễ cắt băng khánh thành công trình kỷ niệm 70 năm thành lập.", ["2025-08-01", None]),
    # what is launched at the ceremony itself is still the ceremony
    ("Chiều ngày 1/8/2025, Bệnh viện Đa khoa Khu vực Vĩnh Linh đã tổ chức Lễ kỷ niệm 70 năm ngày thành lập.\n\n"
     "Tại buổi lễ, Bệnh viện Đa khoa Khu vực Vĩnh Linh cũng phát động phong trào thi đua.", ["2025-08-01"]),
]


@pytest.mark.parametrize("text, ceremony_dates", ONE_MORE_CEREMONY_OF_THE_OCCASION)
def test_a_ceremony_held_as_well_on_the_occasion_is_one_more(text: str, ceremony_dates: list, rules: RuleSet) -> None:
    found = _events_at_hospitals(text, ["Bệnh viện Đa khoa Khu vực Vĩnh Linh"], rules)
    assert [date for kind, date, _ in found if kind == "ceremony"] == ceremony_dates


def test_goods_handed_over_as_well_to_another_facility_are_one_more_handover(rules: RuleSet) -> None:
    text = ("(LĐ online) – Sáng nay, 13/4, đoàn công tác của Cơ quan Khối Đảng – Đoàn thể huyện Đạ Tẻh đã đến Trung tâm "
            "Kiểm soát bệnh tật (CDC) Lâm Đồng trao tặng 2.500 chiếc mũ ngăn giọt bắn phòng chống dịch bệnh Covid-19.\n\n"
            "Đoàn cũng trao tặng cho Phòng khám Tuệ Tĩnh Đường Linh Quang 100 cái mũ ngăn giọt bắn để phục vụ công tác "
            "khám chữa bệnh phòng dịch Covid-19.")
    clinic = "Phòng khám Tuệ Tĩnh Đường Linh Quang"
    assert _events_at_hospitals(text, [clinic], rules) == [("ceremony", None, set()),
                                                          ("ceremony", None, {name_key(clinic)})]


def test_a_delegation_shown_round_a_facility_visits_it(rules: RuleSet) -> None:
    text = ("Ngày 10-9, Lễ ký kết Biên bản ghi nhớ hợp tác (MOU) giữa Bệnh viện Ung bướu TPHCM và Bệnh viện Quốc tế "
            "Becamex đã diễn ra.\n\nÔng Nguyễn Tấn Lợi, Chủ tịch Hội đồng quản trị Bệnh viện Quốc tế Becamex dẫn đoàn "
            "tham quan các phòng chuyên môn hiện đại tại Bệnh viện Quốc tế Becamex")
    found = _events_at_hospitals(text, ["Bệnh viện Ung bướu TPHCM", "Bệnh viện Quốc tế Becamex"], rules)
    assert [(kind, date) for kind, date, _ in found] == [("signing", None), ("visit", None)]
    # the hospital shown round hosts; the other party of that day's signing is the visitor
    assert found[1][2] == {name_key("Bệnh viện Quốc tế Becamex"), name_key("Bệnh viện Ung bướu TPHCM")}
