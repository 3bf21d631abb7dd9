"""Date mentions: values as precise as the text, years from the article, never guessed."""

from __future__ import annotations

from typing import Optional

import pytest

from pipeline.document import AnnotatedArticle, CleanedArticle
from pipeline.extract.dates import extract_dates
from pipeline.rules import RuleSet
from pipeline.textnorm import normalize_text


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return RuleSet.load()


def annotated(text: str, rules: RuleSet, published: Optional[str] = None) -> AnnotatedArticle:
    text = normalize_text(text)
    return AnnotatedArticle(CleanedArticle(body=text), text, len(text), None, rules, published)


def values(text: str, rules: RuleSet, published: Optional[str] = None) -> list[tuple[str, Optional[str]]]:
    return [(d.value, d.part_of_day) for d in extract_dates(annotated(text, rules, published))]


# (sentence from the corpus, publication date, expected (value, part of day) in order)
CASES = [
    (
        "Nhằm nâng cao chất lượng chăm sóc sức khỏe ban đầu cho nhân dân, ngày 23/10, Bệnh viện Đa khoa "
        "Đức Giang đã tổ chức Lễ ký kết thỏa thuận hợp tác hỗ trợ chuyên môn trong khám, chữa bệnh.",
        "2025-10-24T14:21:00+07:00",
        [("2025-10-23", None)],
    ),
    (
        "Nhân dịp kỷ niệm 70 năm Ngày Thầy thuốc Việt Nam (27/2/1955 – 27/2/2025), chiều 25/2, quận Hoàng Mai "
        "tổ chức gặp mặt cán bộ, công chức, viên chức, người lao động ngành y tế.",
        "2025-02-26T11:37:00+07:00",
        [("1955-02-27", None), ("2025-02-27", None), ("2025-02-25", "afternoon")],
    ),
    # No publication date: the year comes from the anniversary range.
    (
        "Nhân kỷ niệm 70 năm Ngày Thầy thuốc Việt Nam (27-2-1955 - 27-2-2025), sáng 18-2, đồng chí Lê Khắc Nam, "
        "Phó chủ tịch UBND thành phố đi thăm, trao quà tặng.",
        None,
        [("1955-02-27", None), ("2025-02-27", None), ("2025-02-18", "morning")],
    ),
    (
        "Chiều ngày 17/4/2024, Đoàn công tác của Bệnh viện Bãi Cháy (BVBC) đã có buổi làm việc với Trung tâm "
        "Y tế thị xã Đông Triều.",
        "2024-04-19T01:17:00+07:00",
        [("2024-04-17", "afternoon")],
    ),
    (
        "Năm 2020, Trung tâm Y tế quận được đầu tư xây mới và hoàn thành vào năm 2022, phục vụ công tác chăm "
        "sóc sức khỏe nhân dân.",
        None,
        [("2020", None), ("2022", None)],
    ),
    (
        "Sau hơn 2 tuần triển khai chiến dịch khám sàng lọc ung thư đại trực tràng từ ngày 10/7/2018 tính đến "
        "nay 27/7/2018 tại 18 xã, thị trấn trên địa bàn huyện.",
        "2018-08-07",
        [("2018-07-10", None), ("2018-07-27", None)],
    ),
    ("Được sự quan tâm của Sở Y tế Hà Nội, trong tháng 7/2018, TTYT huyện Mê Linh triển khai xét nghiệm.", None, [("2018-07", None)]),
    (
        "Với chủ đề của năm 2018 các hoạt động chính được triển khai, thời gian từ ngày 15/4 - 20/4/2018.",
        "2018-03-27",
        [("2018", None), ("2018-04-15", None), ("2018-04-20", None)],
    ),
    ("Theo lộ trình, từ tháng 1-6/2019 sẽ triển khai và hoàn thiện phần mềm.", "2018-06-22", [("2019-01", None), ("2019-06", None)]),
    (
        "Kết quả, sau 3 ngày 1-2/6 và ngày 4/6, số trẻ từ 6 – 36 tháng tuổi được uống Vitamin A liều cao.",
        "2018-06-30",
        [("2018-06-01", None), ("2018-06-02", None), ("2018-06-04", None)],
    ),
    (
        "Đặc biệt, trong giai đoạn 2020-2022, toàn bộ hệ thống chính trị và Nhân dân quận Hoàng Mai đã đồng hành.",
        None,
        [("2020", None), ("2022", None)],
    ),
    (
        "Thực hiện Kế hoạch số 35/KH-UBND, ngày 17/1/2019 của UBND huyện Mê Linh, ngày 31/1/2019 Trung tâm Y "
        "tế huyện Mê Linh đã tiến hành phun môi trường.",
        None,
        [("2019-01-17", None), ("2019-01-31", None)],
    ),
    # Relative days count from the publication date.
    (
        "Kết thúc ngày 23/12, các doanh nghiệp lớn tại Hà Nội niêm yết giá vàng miếng SJC. So với giá mở cửa "
        "phiên hôm qua, mỗi lượng vàng đã tăng 200.000 đồng. Trong khi đó, sáng nay, giá kim loại quý giao ngay "
        "trên Kitco ở mức 1.798,5 USD/ounce.",
        "2022-12-24",
        [("2022-12-23", None), ("2022-12-24", "morning")],
    ),
    # A report early in January about late December is about the year before.
    ("Kết thúc ngày 23/12, các doanh nghiệp lớn tại Hà Nội niêm yết giá vàng miếng SJC.", "2023-01-02", [("2022-12-23", None)]),
    ("Hà Nội, ngày 23 tháng 10 năm 2025", None, [("2025-10-23", None)]),
]

# Sentences with no date, or a day whose year the article does not give.
NO_DATE = [
    "Sáng 19/5, thông tin từ sở Y tế Đồng Tháp cho biết, dựa vào các triệu chứng lâm sàng.",
    "100% phường duy trì tiêu chí chuẩn quốc gia về y tế tuyến xã; 8/13 phường duy trì tiêu chí.",
    "Mỗi bệnh viện cử một tổ y tế cấp cứu ngoại viện thường trực cấp cứu 24/24 giờ tại bệnh viện.",
    "số trẻ từ 6 – 36 tháng tuổi được uống Vitamin A liều cao là 15.329/15.352 trẻ, đạt tỷ lệ 99,9%.",
    "ngành y tế xây dựng và áp dụng tiêu chuẩn Việt Nam ISO 9001:2008 trong quy trình tiếp nhận.",
    "Trước đó, đã có 5/41 bệnh viện đã thực hiện tự chủ chi thường xuyên, 5 đơn vị do ngân sách bảo toàn.",
    "Nhân dịp kỷ niệm 70 năm Ngày Thầy thuốc Việt Nam, lãnh đạo quận tặng hoa chúc mừng.",
    "trẻ từ 1-2 tuổi chưa được tiêm vắc xin sởi",
]


@pytest.mark.parametrize("text, published, expected", CASES)
def test_date_values(text: str, published: Optional[str], expected: list, rules: RuleSet) -> None:
    assert values(text, rules, published) == expected


@pytest.mark.parametrize("text", NO_DATE)
def test_no_date_is_guessed(text: str, rules: RuleSet) -> None:
    assert values(text, rules) == []


def test_one_entry_per_value_with_every_mention(rules: RuleSet) -> None:
    text = (
        "Ngày 14/6, Cục Công nghệ thông tin (Bộ Y tế) đã tổ chức lễ khởi động.\n\n"
        "Tại lễ khởi động ngày 14/6, PGS.TS Trần Quý Tường cho biết."
    )
    ann = annotated(text, rules, "2018-06-22")
    [date] = extract_dates(ann)
    assert date.value == "2018-06-14"
    assert date.text == "Ngày 14/6"
    assert [ann.text[m.start:m.end] for m in date.mentions] == ["Ngày 14/6", "ngày 14/6"]


def test_part_of_day_separates_entries_and_mentions_cover_it(rules: RuleSet) -> None:
    text = "Chiều ngày 17/4/2024, Đoàn công tác đến làm việc. Ngày 17/4/2024 cũng là ngày ký kết."
    ann = annotated(text, rules)
    dates = extract_dates(ann)
    assert [(d.value, d.part_of_day) for d in dates] == [("2024-04-17", "afternoon"), ("2024-04-17", None)]
    assert ann.text[dates[0].mentions[0].start:dates[0].mentions[0].end] == "Chiều ngày 17/4/2024"


def test_relative_day_needs_the_publication_date(rules: RuleSet) -> None:
    text = "So với giá mở cửa phiên hôm qua, mỗi lượng vàng đã tăng 200.000 đồng."
    assert values(text, rules, None) == []
    assert values(text, rules, "2022-12-24") == [("2022-12-23", None)]


def test_bad_publication_date_is_ignored(rules: RuleSet) -> None:
    assert values("Chiều 25/2, quận Hoàng Mai tổ chức gặp mặt.", rules, "not a date") == []


@pytest.mark.parametrize("kind", ["dates"])
def test_rule_examples(kind: str, rules: RuleSet) -> None:
    for rule in rules.rules(kind):
        for example in rule.examples:
            assert rule.regex.search(example), f"{rule.id} misses its example {example!r}"
        for counter in rule.counter_examples:
            assert not rule.regex.search(counter), f"{rule.id} matches its counter-example {counter!r}"


def test_cited_document_dates_do_not_give_the_year(rules: RuleSet) -> None:
    text = (
        "Ngày 14/6, Cục Công nghệ thông tin (Bộ Y tế) đã tổ chức lễ khởi động xây dựng phần mềm hồ sơ sức khỏe "
        "điện tử (EHM). Tại lễ khởi động, PGS.TS Trần Quý Tường cho biết, thực hiện Nghị quyết số 20-NQ/TW ngày "
        "25/10/2017 của Ban Chấp hành Trung ương khóa XII."
    )
    # Without a publication date the year of 14/6 is unknown: the only full date is a document's.
    assert values(text, rules) == [("2017-10-25", None)]
    assert values(text, rules, "2018-06-22") == [("2018-06-14", None), ("2017-10-25", None)]
