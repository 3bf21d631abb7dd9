"""Event attributes: agreement and scope, award counts and names, gifts, occasion, name, place."""

from __future__ import annotations

from typing import Optional

import pytest

from pipeline.document import AnnotatedArticle, CleanedArticle, Entities
from pipeline.extract.dates import extract_dates
from pipeline.extract.events import extract_events
from pipeline.rules import RuleSet
from pipeline.textnorm import normalize_text


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return RuleSet.load()


def events_of(text: str, rules: RuleSet, published: Optional[str] = None):
    text = normalize_text(text)
    ann = AnnotatedArticle(CleanedArticle(body=text), text, len(text), None, rules, published)
    return extract_events(ann, Entities(), extract_dates(ann))


SIGNING = (
    "Nhằm nâng cao chất lượng chăm sóc sức khỏe ban đầu cho nhân dân, ngày 23/10, Bệnh viện Đa khoa Đức Giang "
    "đã tổ chức Lễ ký kết thỏa thuận hợp tác hỗ trợ chuyên môn trong khám, chữa bệnh với Trạm Y tế phường Long Biên."
    "\n\nTheo nội dung thỏa thuận, hai bên sẽ hợp tác toàn diện trong các lĩnh vực: Đào tạo, tập huấn, cập nhật "
    "kiến thức chuyên môn; Chuyển giao kỹ thuật lâm sàng và cận lâm sàng; Xây dựng, chuẩn hóa quy trình chuyên "
    "môn; Phối hợp trong lĩnh vực xét nghiệm, thuốc và vật tư y tế; Ứng dụng công nghệ thông tin, liên thông dữ "
    "liệu y tế; Hỗ trợ nhân lực trình độ cao khi cần thiết..."
)


def test_signing_agreement_name_and_scope(rules: RuleSet) -> None:
    [event] = events_of(SIGNING, rules, "2025-10-24T14:21:00+07:00")
    assert event.name == "Lễ ký kết thỏa thuận hợp tác hỗ trợ chuyên môn trong khám, chữa bệnh"
    assert event.attributes.agreement == "thỏa thuận hợp tác hỗ trợ chuyên môn trong khám, chữa bệnh"
    assert event.attributes.scope == [
        "Đào tạo, tập huấn, cập nhật kiến thức chuyên môn",
        "Chuyển giao kỹ thuật lâm sàng và cận lâm sàng",
        "Xây dựng, chuẩn hóa quy trình chuyên môn",
        "Phối hợp trong lĩnh vực xét nghiệm, thuốc và vật tư y tế",
        "Ứng dụng công nghệ thông tin, liên thông dữ liệu y tế",
        "Hỗ trợ nhân lực trình độ cao khi cần thiết",
    ]


@pytest.mark.parametrize(
    "text, agreement",
    [
        (
            "Chiều ngày 17/4/2024, hai đơn vị ký kết hợp đồng nguyên tắc hợp tác hỗ trợ toàn diện về công tác khám "
            "chữa bệnh, đào tạo và chuyển giao kỹ thuật.",
            "hợp đồng nguyên tắc hợp tác hỗ trợ toàn diện về công tác khám chữa bệnh, đào tạo và chuyển giao kỹ thuật",
        ),
        (
            "Sáng ngày 24/3/2018, đại diện các xã, thị trấn ký cam kết với UBND huyện về việc triển khai có hiệu quả "
            "các biện pháp phòng, chống dịch bệnh.",
            "cam kết",
        ),
    ],
)
def test_agreement_runs_to_the_other_party_or_the_end(text: str, agreement: str, rules: RuleSet) -> None:
    [event] = events_of(text, rules)
    assert (event.type, event.attributes.agreement) == ("signing", agreement)


@pytest.mark.parametrize(
    "text, collective, individual",
    [
        ("Cũng tại buổi lễ, quận Bắc Từ Liêm đã biểu dương, tôn vinh 37 tập thể, 79 cá nhân ngành Y tế.", 37, 79),
        ("Lãnh đạo quận Bắc Từ Liêm khen thưởng các điển hình tiên tiến.", None, None),
    ],
)
def test_award_recipient_counts(text: str, collective: Optional[int], individual: Optional[int], rules: RuleSet) -> None:
    award = next(e for e in events_of(text, rules) if e.type == "award")
    assert (award.attributes.recipients_collective, award.attributes.recipients_individual) == (collective, individual)


def test_award_name(rules: RuleSet) -> None:
    # The corpus has no commendation by name yet; the sentence follows the seeds' style.
    text = "Ngày 26/2/2025, Chủ tịch UBND quận trao Bằng khen của Chủ tịch UBND thành phố cho 5 tập thể."
    [award] = events_of(text, rules)
    assert (award.type, award.date) == ("award", "2025-02-26")
    assert award.attributes.award_name == "Bằng khen của Chủ tịch UBND thành phố"
    assert award.attributes.recipients_collective == 5


def test_visit_with_gifts(rules: RuleSet) -> None:
    text = (
        "Nhân kỷ niệm 70 năm Ngày Thầy thuốc Việt Nam (27-2-1955 - 27-2-2025), sáng 18-2, đồng chí Lê Khắc Nam, "
        "Phó chủ tịch UBND thành phố đi thăm, trao quà tặng của Thành ủy, HĐND, UBND, Ủy ban MTTQ Việt Nam thành "
        "phố đến một số tập thể, cá nhân tiêu biểu ngành Y tế."
    )
    [visit] = events_of(text, rules)
    assert (visit.type, visit.date, visit.attributes.gifts) == ("visit", "2025-02-18", True)


def test_visit_without_gifts_leaves_gifts_unknown(rules: RuleSet) -> None:
    text = "Chiều ngày 19/3, Phó Chủ tịch UBND TP Hà Nội Ngô Văn Quý đã có buổi làm việc với Sở Y tế Hà Nội."
    [visit] = events_of(text, rules, "2018-03-27")
    assert (visit.type, visit.date, visit.attributes.gifts) == ("visit", "2018-03-19", None)


def test_ceremony_occasion_from_the_lead(rules: RuleSet) -> None:
    text = (
        "Nhân dịp kỷ niệm 70 năm Ngày Thầy thuốc Việt Nam (27/2/1955 – 27/2/2025), chiều 25/2, quận Hoàng Mai "
        "tổ chức gặp mặt cán bộ, công chức, viên chức, người lao động ngành y tế."
    )
    [ceremony] = events_of(text, rules, "2025-02-26T11:37:00+07:00")
    assert (ceremony.type, ceremony.date, ceremony.part_of_day) == ("ceremony", "2025-02-25", "afternoon")
    assert ceremony.attributes.occasion == "70 năm Ngày Thầy thuốc Việt Nam"


@pytest.mark.parametrize(
    "text, location",
    [
        ("Sáng ngày 24/3/2018, tại thị trấn Chi Đông, UBND huyện phát động chiến dịch vệ sinh môi trường.", "thị trấn Chi Đông"),
        ("Phát biểu tại buổi lễ, Phó Chủ tịch Ủy ban nhân dân quận cho biết.", None),
    ],
)
def test_location(text: str, location: Optional[str], rules: RuleSet) -> None:
    [event] = events_of(text, rules, "2018-07-03")
    assert event.location == location


PRIZES = (
    "Sáng ngày 13/11, Trung tâm Y tế huyện A đã tổ chức vòng chung khảo hội thi điều dưỡng giỏi lần thứ nhất "
    "năm 2017.\n\nKết quả, Ban tổ chức đã trao giải nhất cho thí sinh Nguyễn Thị A, khoa Y tế công cộng, trao "
    "giải nhì cho thí sinh Nguyễn Thị B, khoa Chăm sóc sức khỏe sinh sản; giải ba cho thí sinh Trần Thị C, cán bộ "
    "Trạm y tế xã B và 9 giải khuyến khích cho 9 thí sinh còn lại."
)


@pytest.mark.parametrize(
    "text, expected",
    [
        (PRIZES, 12),
        ("Ngày 5/3/2019, Ban tổ chức trao giải nhất cho thí sinh Nguyễn Văn A.", 1),
        # A count of individuals written out wins over counting prizes.
        ("Ngày 5/3/2019, Sở Y tế trao Bằng khen cho 15 cá nhân và trao giải nhất cho thí sinh Nguyễn Văn A.", 15),
    ],
)
def test_prizes_given_to_individuals_are_counted(text: str, expected: int, rules: RuleSet) -> None:
    [event] = events_of(text, rules)
    assert (event.type, event.attributes.recipients_individual) == ("award", expected)
