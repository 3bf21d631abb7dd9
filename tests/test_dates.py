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
    # two days, or a range of days, with the month written once after a hyphen
    ("Trong hai ngày 30 và 31-8, đại diện Bệnh viện đã trao 232 suất quà.", "2025-08-31",
     [("2025-08-30", None), ("2025-08-31", None)]),
    ("Từ ngày 25 đến 31-1, Bệnh viện Đa khoa tỉnh Gia Lai đã trao 221 suất quà.", "2024-02-01",
     [("2024-01-25", None), ("2024-01-31", None)]),
    # … in brackets, a space before the hyphen
    ("Trong 2 ngày (19 và 20 -10), đã diễn ra Đại hội đại biểu Hội Đông y tỉnh An Giang lần thứ VI.", "2020-10-20",
     [("2020-10-19", None), ("2020-10-20", None)]),
    (
        "(BLC) - Sáng nay (11/2, tức ngày 30 tết Nguyên đán Tân Sửu 2021), Đoàn công tác của tỉnh đến thăm hỏi và "
        "chúc tết các bệnh nhân.",
        None,
        [("2021-02-11", "morning"), ("2021", None)],
    ),
    (
        "Nhân dịp kỷ niệm 68 năm Ngày thành lập Quân đội nhân dân Việt Nam, chiều nay 19/12, Đoàn công tác của Bộ tư "
        "lệnh Quân khu 4 đã tới thăm Bệnh viện Quân y 4.",
        "2012-12-19T18:36:00+07:00",
        [("2012-12-19", "afternoon")],
    ),
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
        "Lần đầu tiên, một đoàn công tác của Liên Hợp Quốc và Chính phủ đã tới thăm tỉnh Ninh Thuận từ ngày 21 đến 23 "
        "tháng 8 năm 2013.",
        None,
        [("2013-08-21", None), ("2013-08-23", None)],
    ),
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
    # a lunar day with its solar day in brackets
    ("Ngay trong đêm giao thừa Tết Đinh Dậu (27-1), bà Nguyễn Thị Thu, Phó chủ tịch UBND TP.HCM đến Bệnh viện Phụ sản "
     "Hùng Vương chúc mừng những em bé sinh lúc 0 giờ.", "2017-01-28T10:00:00+07:00", [("2017-01-27", None)]),
    # three days sharing one month, "ngày" written again before the last
    ("-    Thời gian di dời: Ngày 17, 18 và ngày 19-11-2023 (thứ sáu, thứ bảy và chủ nhật);", None,
     [("2023-11-17", None), ("2023-11-18", None), ("2023-11-19", None)]),
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


def test_cited_document_dates_do_not_give_the_year(rules: RuleSet) -> None:
    text = (
        "Ngày 14/6, Cục Công nghệ thông tin (Bộ Y tế) đã tổ chức lễ khởi động xây dựng phần mềm hồ sơ sức khỏe "
        "điện tử (EHM). Tại lễ khởi động, PGS.TS Trần Quý Tường cho biết, thực hiện Nghị quyết số 20-NQ/TW ngày "
        "25/10/2017 của Ban Chấp hành Trung ương khóa XII."
    )
    # Without a publication date the year of 14/6 is unknown: the only full date is a document's.
    assert values(text, rules) == [("2017-10-25", None)]
    assert values(text, rules, "2018-06-22") == [("2018-06-14", None), ("2017-10-25", None)]


# No publication date: the year a day or a month takes from its own sentence or the article.
YEAR_FROM_THE_ARTICLE = [
    # The sentence states the event's year.
    (
        "Sáng ngày 13/11, TTYT huyện Mê Linh đã tổ chức vòng chung khảo hội thi điều dưỡng, hộ sinh giỏi, "
        "thanh lịch và an toàn tiêm chủng lần thứ nhất năm 2017.",
        [("2017-11-13", "morning"), ("2017", None)],
    ),
    # A month-year of the same month.
    # the occasion the paragraph opens with gives the day its year; a year written after the day does not
    (
        "Để động viên các cháu thiếu niên nhi đồng nhân dịp Tết Trung thu 2022. Chiều ngày 10/9, đồng chí Phạm Văn Hoài "
        "đã đi thăm và tặng quà các cháu đang điều trị tại Trung tâm Y tế Tiên Yên.",
        [("2022", None), ("2022-09-10", "afternoon")],
    ),
    (
        "Sáng 1/6, Ban Tuyên giáo Tỉnh ủy phối hợp với Sở Thông tin và Truyền thông tổ chức Hội nghị Giao ban "
        "báo chí tháng 6 năm 2023.",
        [("2023-06-01", "morning"), ("2023-06", None)],
    ),
    # A written date wins over "chiều nay"; a document issued on a day is a lower bound
    # of the article's year, taken because the article states that year.
    (
        "Đó là yêu cầu của Phó Chủ tịch UBND tỉnh tại cuộc họp vào chiều nay (7/10).\n\n"
        "Ngày 3/12/2020, UBND tỉnh đã ban hành Kế hoạch số 694/KH-UBND về triển khai Đề án và ban hành "
        "Quyết định số 482/QĐ-UBND ngày 26/02/2021 về Quy chế quản lý.\n\n"
        "Trước mắt, từ tháng 11, Trung tâm điều hành thông minh sẽ từng bước triển khai.\n\n"
        "Kết quả 9 tháng đầu năm 2021.",
        [("2021-10-07", "afternoon"), ("2020-12-03", None), ("2021-02-26", None), ("2021-11", None), ("2021", None)],
    ),
    # The lunar new year the article wishes, later on, dates a day of January to March.
    (
        "(QBĐT) - Sáng 31-1, đồng chí Trương An Ninh, Phó Chủ tịch HĐND tỉnh đã đến thăm Trung tâm phục hồi chức "
        "năng trẻ khuyết tật huyện Quảng Ninh.\n\nNhân dịp này, đồng chí đã gửi lời chúc mừng nhân dịp năm mới Kỷ "
        "hợi 2019.",
        [("2019-01-31", "morning"), ("2019", None)],
    ),
    # A congress for a term that starts in the year of the plan that called it.
    (
        "Kế hoạch 26-KH/ĐUBVPSN ngày 11/5/2020 của Ban Thường vụ Đảng ủy Bệnh viện về việc tổ chức Đại hội Đảng bộ "
        "Bệnh viện lần thứ III, nhiệm kỳ 2020-2025. Đại hội Đảng bộ phiên thứ nhất diễn ra vào ngày 19/5.",
        [("2020-05-11", None), ("2020-05-19", None)],
    ),
]

# Days and months whose year the text does not settle, and counts that are not dates.
NO_YEAR_GUESSED = [
    # A target year and the year of reviewed work are not the event's year.
    ("Sáng 10/1, Sở Y tế tổ chức Hội nghị tổng kết công tác năm 2024.", [("2024", None)]),
    ("Sáng 10/1, Sở Y tế tổ chức Hội nghị tổng kết công tác y tế năm 2024.", [("2024", None)]),
    ("Sáng 5/3, tỉnh ban hành Nghị quyết về phát triển tỉnh đến năm 2030.", [("2030", None)]),
    # The year a cooperation covers, often signed the year before.
    ("Ngày 23/11, Bệnh viện Trung ương 103 Quân đội nhân dân Lào và Bệnh viện Trung ương Quân đội 108 Việt Nam đã "
     "tiếp tục ký kết hợp tác y tế năm 2023.", [("2023", None)]),
    # Two different years: no choice.
    ("Ngày 12/5, hội thi lần thứ nhất năm 2017 và lần thứ hai năm 2018 được tổng kết.", [("2017", None), ("2018", None)]),
    # A document's year not stated as the article's year stays a document's.
    (
        "Chiều ngày 19/3, đoàn đến làm việc. Thực hiện Quyết định số 12/QĐ-UBND ngày 24/2/2017, trong năm 2018 "
        "huyện triển khai.",
        [("2017-02-24", None), ("2018", None)],
    ),
    # A lunar new year says nothing of a day in December (the year before, or the year itself).
    ("Ngày 28/12, đoàn đến thăm Bệnh viện Đa khoa tỉnh. Chúc Tết Bính Ngọ 2026.", [("2026", None)]),
    # Two lunar years named: no choice.
    ("Ngày 28/1, đoàn thăm bệnh viện. Xuân Ất Tỵ 2025 và Xuân Bính Ngọ 2026.", [("2025", None), ("2026", None)]),
    # A range of counts is not a day-month.
    (
        "Ngày 11/9/2018, cán bộ tham gia hiến máu. Hàng năm Trung tâm vận động cán bộ nhân viên tham gia từ 2- 3 đợt.",
        [("2018-09-11", None)],
    ),
    # A lunar day beside the solar one is not a second date.
    (
        "Trung tâm Y tế đã tặng 225 suất quà cho các cháu thiếu nhi vào chiều ngày 16/9/2024( tức ngày 14/8 âm lịch).",
        [("2024-09-16", "afternoon")],
    ),
]


@pytest.mark.parametrize("text, expected", YEAR_FROM_THE_ARTICLE + NO_YEAR_GUESSED)
def test_year_from_the_sentence_or_the_article_never_guessed(text: str, expected: list, rules: RuleSet) -> None:
    assert values(text, rules) == expected


def test_publication_date_comes_before_the_sentence_year(rules: RuleSet) -> None:
    text = "Sáng ngày 13/11, Trung tâm tổ chức hội thi lần thứ nhất năm 2017."
    assert values(text, rules, "2018-11-20") == [("2018-11-13", "morning"), ("2017", None)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("chào mừng Kỷ niệm 70 năm ngày Truyền thống Bệnh viện (7/10/1956-7/10/2026), bảo đảm tốt Hậu cần.",
         ["1956-10-07", "2026-10-07"]),
        # a birth year is not the year of the day in its sentence
        ("Bác sĩ cho biết bệnh nhân sinh năm 1980, được chuyển đến viện ngày 6/6 do suy hô hấp.", ["1980"]),
        # the day an anniversary is kept gives the year, not an old year the sentence names
        ("Ngày 25-2, Bệnh viện Trung ương Thái Nguyên tổ chức kỷ niệm 64 năm Ngày Thầy thuốc Việt Nam (27/2/1955 – "
         "27/2/2019), nghe thư của Bác Hồ gửi cán bộ y tế năm 1955.",
         ["2019-02-25", "1955-02-27", "2019-02-27", "1955"]),
    ],
)
def test_anniversary_ranges_and_birth_years(text, expected, rules):
    assert sorted(value for value, _ in values(text, rules)) == sorted(expected)


def test_an_admissions_year_still_dates_its_sentence(rules):
    text = "Sáng ngày 22/4, Trường Đại học Kiên Giang đã tổ chức ngày hội tư vấn tuyển sinh năm 2018 và ký kết thỏa thuận."
    assert sorted(value for value, _ in values(text, rules)) == ["2018", "2018-04-22"]


def test_a_nearby_month_of_the_sentence_gives_the_year(rules):
    text = ("Ngày 1/7, dưới sự chủ trì của Thủ tướng, Chính phủ họp phiên thường kỳ tháng 6/2021, thảo luận về nhiệm vụ "
            "6 tháng cuối năm 2021.")
    assert sorted(value for value, _ in values(text, rules)) == ["2021", "2021-06", "2021-07-01"]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # a founding date does not lend its year to a day written without one
        ("Ngày 27-12, tại Hà Nội, Tổng Bí thư đã tới dự lễ đón nhận danh hiệu Anh hùng Lao động của Bệnh viện.\n\n"
         "Được thành lập ngày 28-3-1958, trải qua gần 60 năm xây dựng và phát triển.", None, [("1958-03-28", None)]),
        ("Sáng 6/1, UBND tỉnh tổ chức lễ khánh thành Trạm Y tế xã.\n\nTrạm Y tế xã được khởi công xây dựng vào ngày "
         "7/1/2013 với tổng kinh phí hơn 457.271,73 USD.", None, [("2013-01-07", None)]),
        # a day and month written with a full stop after a time of day
        ("Chiều 22.8, tại Bệnh viện Chấn thương chỉnh hình, Phó giáo sư A nhận quyết định bổ nhiệm.", "2025-08-22",
         [("2025-08-22", "afternoon")]),
        # "chiều qua" before a dotted day: the day written is the date
        ("Chiều qua 11.2, đoàn công tác của tỉnh đã có buổi khảo sát thực tế tại Trung tâm Y tế huyện Thăng Bình.",
         "2020-02-12", [("2020-02-11", "afternoon")]),
        # two hyphenated dates joined by a slash; the day after them takes the later year
        ("Nhân kỷ niệm 71 năm Ngày Thương binh-Liệt sĩ (27-7-1947/27-7-2018), sáng 16-7, đoàn công tác đã thăm.", None,
         [("1947-07-27", None), ("2018-07-27", None), ("2018-07-16", "morning")]),
        # an 1800s date in an anniversary range
        ("Nhân kỷ niệm 132 năm ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 – 19/5/2022), Trung tâm phát động Tết trồng cây.",
         None, [("1890-05-19", None), ("2022-05-19", None)]),
        # a month and year joined by a full stop
        ("Công trình dự kiến sẽ hoàn thành trong tháng 4.2023.", "2022-06-01", [("2023-04", None)]),
        # the later year of an anniversary kept on the day; a 1700s birth year
        ("(QNO) - Ngày 22/2, Hội Đông y huyện Núi Thành tổ chức lễ giỗ đức Y tổ Hải Thượng Lãn Ông - Lê Hữu Trác nhân "
         "kỷ niệm 300 năm ngày sinh của ông (1724 - 2024), và tổng kết hoạt động đông y năm 2023.", None,
         [("2024-02-22", None), ("1724", None), ("2024", None), ("2023", None)]),
        # an occasion's day after its lowercase name
        ("Bệnh viện tuyên dương các tập thể nhân dịp 69 năm ngày thầy thuốc Việt Nam 27/2.", "2024-02-26",
         [("2024-02-27", None)]),
    ],
)
def test_founding_dates_dotted_days_and_old_anniversaries(text, published, expected, rules):
    assert values(text, rules, published) == expected
