"""Positions: the office alone as title, the organization as complete as the article allows,
linked to its facility or organization (sentences and passages from the seeds and the development corpus)."""

from __future__ import annotations

import pytest

from pipeline.document import AnnotatedArticle, CleanedArticle
from pipeline.extract.entities import extract_entities
from pipeline.rules import RuleSet
from pipeline.textnorm import normalize_text


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return RuleSet.load()


def positions_of(text: str, rules: RuleSet) -> dict[str, list[tuple[str, str | None]]]:
    text = normalize_text(text)
    ann = AnnotatedArticle(article=CleanedArticle(body=text), text=text, body_length=len(text), doc=None, rules=rules)
    return {p.name: [(x.title, x.organization) for x in p.positions] for p in extract_entities(ann).people}


BOARD_LISTED = ("Ban Giám đốc Sở Y tế gồm 7 thành viên, đứng đầu là Phó Giáo sư, Tiến sĩ Lê Minh Quang (Giám đốc), cùng 6 "
                "Phó Giám đốc: Trần Quang Cảnh, Nguyễn Thị Trung Chính, Nhữ Hữu Nhuần, Phạm Hữu Thanh, Phan Huy Thục và "
                "Trần Quốc Trinh.")


@pytest.mark.parametrize(
    "text, name, positions",
    [
        # the organization completed from the article: "Giám đốc Bệnh viện" about Bệnh viện Đa khoa Đức Giang
        ("Tham dự buổi lễ, về phía Bệnh viện Đa khoa Đức Giang có PGS.TS Đỗ Đình Tùng - Giám đốc Bệnh viện; các đồng chí trong Ban Giám đốc.",
         "Đỗ Đình Tùng", [("Giám đốc", "Bệnh viện Đa khoa Đức Giang")]),
        # two offices after one name; short organizations completed by the ward named before
        ("Về phía phường Long Biên có đồng chí Phạm Thị Bích Hằng - Ủy viên Ban Thường vụ Đảng ủy, Phó Chủ tịch UBND phường; "
         "ThS.BS Nguyễn Khắc Thúy - Trưởng Trạm Y tế phường cùng đại diện lãnh đạo. Trạm Y tế phường Long Biên phát triển.",
         "Phạm Thị Bích Hằng", [("Ủy viên Ban Thường vụ", "Đảng ủy phường Long Biên"), ("Phó Chủ tịch", "UBND phường Long Biên")]),
        ("Về phía phường Long Biên có ThS.BS Nguyễn Khắc Thúy - Trưởng Trạm Y tế phường cùng đại diện lãnh đạo. "
         "Trạm Y tế phường Long Biên phát triển toàn diện.",
         "Nguyễn Khắc Thúy", [("Trưởng Trạm", "Trạm Y tế phường Long Biên")]),
        # the side named once covers every item of a list set off by semicolons
        ("Về phía trường ĐH Cửu Long có Nhà giáo ưu tú, PGS.TS Lương Minh Cừ – Bí thư Đảng uỷ, Hiệu trưởng; "
         "TS. Nguyễn Thanh Dũng – Phó Hiệu trưởng; lãnh đạo các đơn vị trực thuộc.",
         "Nguyễn Thanh Dũng", [("Phó Hiệu trưởng", "Trường ĐH Cửu Long")]),
        # an office "in charge" with qualifiers before its body; the bare committee before it is that body's
        ("Tham dự có TS.BS Vũ Trí Thanh, Bí thư Đảng ủy, Phó Giám đốc phụ trách quản lý điều hành Bệnh viện TP Thủ Đức; "
         "Thượng úy Nguyễn Văn Ninh, Đội Cảnh sát quản lý hành chính về trật tự Công an TP Thủ Đức.",
         "Vũ Trí Thanh", [("Bí thư", "Đảng ủy Bệnh viện TP Thủ Đức"), ("Phó Giám đốc", "Bệnh viện TP Thủ Đức")]),
        # a board whose members the sentence lists: an office in brackets, a count before a listed office
        (BOARD_LISTED, "Lê Minh Quang", [("Giám đốc", "Sở Y tế")]),
        (BOARD_LISTED, "Trần Quốc Trinh", [("Phó Giám đốc", "Sở Y tế")]),
        # a surname of the Central Highlands' peoples ends the department's name
        ("Giám đốc Sở Y tế Nay Phi La đã trao Quyết định số 1027/QĐ-SYT ngày 4/10/2025 về việc phân công ông Nguyễn "
         "Ngọc Thịnh điều hành Bệnh viện Đa khoa vùng Tây Nguyên.", "Nay Phi La", [("Giám đốc", "Sở Y tế")]),
        # an office held part-time or full-time keeps its body
        ("Tham dự có đồng chí Hà Thị Khiết, Phó Chủ tịch không chuyên trách Ủy ban Trung ương MTTQ Việt Nam.",
         "Hà Thị Khiết", [("Phó Chủ tịch không chuyên trách", "Ủy ban Trung ương MTTQ Việt Nam")]),
        # a name right after a speciality hospital's province (the speciality is no surname)
        ("Giám đốc Bệnh viện Mắt Phú Yên Huỳnh Phúc Nhĩ báo cáo khái quát kết quả hoạt động của bệnh viện.",
         "Huỳnh Phúc Nhĩ", [("Giám đốc", "Bệnh viện Mắt Phú Yên")]),
        # a name joined to its first office by a hyphen
        ("Dự lễ bàn giao có ông Mai Xuân Hải-Tỉnh ủy viên, Giám đốc Sở Y tế cùng đại diện của Ban Quản lý Dự án.",
         "Mai Xuân Hải", [("Tỉnh ủy viên", None), ("Giám đốc", "Sở Y tế")]),
        # a lowercase "quyền" after a comma: the acting office of the name before it
        ("Dự lễ khánh thành có ông Nguyễn Thanh Long, quyền Bộ trưởng Bộ y tế, ông Nguyễn Hữu Đông, Bí thư Tỉnh ủy Sơn La.",
         "Nguyễn Thanh Long", [("Quyền Bộ trưởng", "Bộ y tế")]),
        # an office inside a delegation: the delegation's hospital
        ("Đoàn công tác của Bệnh viện Bãi Cháy (BVBC) do TTND.BSCKII Lê Ngọc Dũng - Giám đốc Bệnh viện làm trưởng đoàn đã có buổi làm việc "
         "với Trung tâm Y tế thị xã Đông Triều.\n\nTham gia đoàn còn có đồng chí BSCKI Hoàng Đình Thành - Phó giám đốc cùng 11 đồng chí "
         "Trưởng, Phó khoa, phòng của Bệnh viện.",
         "Hoàng Đình Thành", [("Phó Giám đốc", "Bệnh viện Bãi Cháy")]),
        # "về phía" names the body; the short form TTYT TX ĐT is the same health centre
        ("đã có buổi làm việc với Trung tâm Y tế thị xã Đông Triều.\n\nTiếp và làm việc với đoàn, về phía TTYT TX ĐT có Bác sĩ CKII "
         "Lê Kỳ Trường - Giám đốc cùng 02 đồng chí Phó giám đốc.",
         "Lê Kỳ Trường", [("Giám đốc", "Trung tâm Y tế thị xã Đông Triều")]),
        # office and organization before the name
        ("Bí thư Quận ủy Hoàng Mai Nguyễn Xuân Linh phát biểu chỉ đạo tại gặp mặt.", "Nguyễn Xuân Linh", [("Bí thư", "Quận ủy Hoàng Mai")]),
        ("Phát biểu tại khóa đào tạo, Bộ trưởng Bộ Y tế Nguyễn Thị Kim Tiến cho biết.", "Nguyễn Thị Kim Tiến", [("Bộ trưởng", "Bộ Y tế")]),
        ("Công văn do Phó Cục trưởng Cục Quản lý Dược Đỗ Văn Đông ký.", "Đỗ Văn Đông", [("Phó Cục trưởng", "Cục Quản lý Dược")]),
        ("Theo PGS.TS Lương Ngọc Khuê, Cục trưởng Cục Quản lý Khám, chữa bệnh (Bộ Y tế), hiện ngành y tế đang phải đối mặt.",
         "Lương Ngọc Khuê", [("Cục trưởng", "Cục Quản lý Khám, chữa bệnh")]),
        # two offices, the second with its unit's name
        ("Phát biểu tại buổi lễ, ông Đoàn Văn Trọng, Phó Bí thư Huyện ủy, Chủ tịch UBND huyện Mê Linh nhấn mạnh.",
         "Đoàn Văn Trọng", [("Phó Bí thư", "Huyện ủy Mê Linh"), ("Chủ tịch", "UBND huyện Mê Linh")]),
        ("Bà Lê Thị Tú Anh, Trưởng phòng y tế TP. Vĩnh Long, Trưởng đoàn kiểm tra cho biết.",
         "Lê Thị Tú Anh", [("Trưởng phòng", "Phòng y tế TP. Vĩnh Long")]),
        ("tặng quà bác sĩ Trần Thị Thu, Trạm trưởng Trạm Y tế phường Tràng Cát (quận Hải An).",
         "Trần Thị Thu", [("Trạm trưởng", "Trạm Y tế phường Tràng Cát")]),
        # a clinic's head is named by the clinic's head word, as a station's is
        ("Theo bác sĩ Vàng A Lử, Trưởng phòng khám Đa khoa khu vực Xá Nhè cho biết, hiện có 2 bác sĩ tại phòng khám.",
         "Vàng A Lử", [("Trưởng phòng khám", "Phòng khám Đa khoa khu vực Xá Nhè")]),
        ("Tổng thống Mỹ Joe Biden tiếp người đồng cấp.", "Joe Biden", [("Tổng thống", "Mỹ")]),
        # a department and the facility it belongs to, both kept
        ("BSCKII Nguyễn Văn An, Trưởng khoa Cấp cứu, Bệnh viện Bạch Mai cho biết.",
         "Nguyễn Văn An", [("Trưởng khoa", "Khoa Cấp cứu, Bệnh viện Bạch Mai")]),
        # a bracketed acronym inside the organization's name
        ("Giám đốc Trung tâm Kiểm soát bệnh tật (CDC) Hà Nội Nguyễn Văn Tiến cho biết.",
         "Nguyễn Văn Tiến", [("Giám đốc", "Trung tâm Kiểm soát bệnh tật Hà Nội")]),
        # a bare head resolved to the body the article named before
        ("Thay mặt lãnh đạo Sở Y tế, đồng chí Hoàng Văn Minh - Phó Giám đốc Sở đã trao quyết định bổ nhiệm.",
         "Hoàng Văn Minh", [("Phó Giám đốc", "Sở Y tế")]),
        ("Theo BSCKII Nguyễn Trung Nguyên, Giám đốc Trung tâm Chống độc, Bệnh viện Bạch Mai, bệnh nhân nhập viện.",
         "Nguyễn Trung Nguyên", [("Giám đốc", "Trung tâm Chống độc")]),
        # lowercase organizations after an office
        ("Về phía nhà trường, có cô giáo Nguyễn Thị Hà – Bí thư chi bộ, Hiệu trưởng nhà trường, các thầy cô trong Ban Giám hiệu.",
         "Nguyễn Thị Hà", [("Bí thư", "Chi bộ"), ("Hiệu trưởng", "Nhà trường")]),
        # offices in brackets or after "là"
        ("Ông Nguyễn Văn Tám (Giám đốc Bệnh viện Đa khoa huyện Gia Lâm) cho biết bệnh viện đã tiếp nhận 20 ca.",
         "Nguyễn Văn Tám", [("Giám đốc", "Bệnh viện Đa khoa huyện Gia Lâm")]),
        ("Người phát biểu là ông Trần Văn Bảy, hiện là Phó Chủ tịch UBND xã Tân Lập.",
         "Trần Văn Bảy", [("Phó Chủ tịch", "UBND xã Tân Lập")]),
        # an office between dashes after a name, and the next name's own cue
        ("Trao đổi với PV ngày 18/5, bà Trần Thị Phương Hoa - Bí thư Quận ủy Cầu Giấy - xác nhận, ông Đỗ Ngọc Anh - "
         "Chủ tịch UBND phường Yên Hòa - vừa bị kỷ luật.",
         "Trần Thị Phương Hoa", [("Bí thư", "Quận ủy Cầu Giấy")]),
        # names listed before one office share it
        ("Tham dự có các đồng chí Nguyễn Văn An và Trần Văn Bình, Phó Chủ tịch UBND tỉnh.",
         "Nguyễn Văn An", [("Phó Chủ tịch", "UBND tỉnh")]),
        # an office after a name that belongs to the next name is not the first person's
        ("Chủ tịch Ủy ban nhân dân quận Bắc Từ Liêm Nguyễn Hữu Tuyên, Phó Bí thư Thường trực Quận ủy Nguyễn Tiến Thành và lãnh đạo quận.",
         "Nguyễn Hữu Tuyên", [("Chủ tịch", "Ủy ban nhân dân quận Bắc Từ Liêm")]),
    ],
)
def test_positions(text, name, positions, rules):
    found = positions_of(text, rules)
    assert name in found, f"{name} not in {list(found)}"
    assert found[name] == positions


def test_position_links_its_facility(rules):
    text = normalize_text(
        "Về phía Bệnh viện Đa khoa Đức Giang có PGS.TS Đỗ Đình Tùng - Giám đốc Bệnh viện.\n\n"
        "PGS.TS Đỗ Đình Tùng - Giám đốc Bệnh viện Đa khoa Đức Giang phát biểu tại Lễ ký kết"
    )
    ann = AnnotatedArticle(article=CleanedArticle(body=text), text=text, body_length=len(text), doc=None, rules=rules)
    entities = extract_entities(ann)
    assert [f.id for f in entities.facilities] == ["F1"]
    person = entities.people[0]
    assert [(p.title, p.org_ref) for p in person.positions] == [("Giám đốc", "F1")]


# Sentences of articles outside the development corpus (held-out check).
@pytest.mark.parametrize(
    "text, name, positions",
    [
        # BTV is Ban Thường vụ; a named board is part of the office, the committee after it the organization;
        # the membership office written without its committee is held in the next office's committee
        ("Dự hội nghị có đồng chí Nguyễn Thị Thu Hường - Uỷ viên BTV, Trưởng Ban Tuyên giáo Tỉnh ủy.",
         "Nguyễn Thị Thu Hường", [("Ủy viên Ban Thường vụ", "Tỉnh ủy"), ("Trưởng Ban Tuyên giáo", "Tỉnh ủy")]),
        ("Đồng chí Phạm Ngọc Cảnh - Phó Trưởng Ban Tuyên giáo Tỉnh uỷ phát biểu tại Hội nghị.",
         "Phạm Ngọc Cảnh", [("Phó Trưởng Ban Tuyên giáo", "Tỉnh ủy")]),
        # a dash touching the name; a lowercase committee followed by the next name
        ("đồng chí Lỗ Xuân Hòa– Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức huyện ủy đồng chí Trần Văn Bình phát biểu",
         "Lỗ Xuân Hòa", [("Ủy viên Ban Thường vụ", "Huyện ủy"), ("Trưởng Ban Tổ chức", "Huyện ủy")]),
        # the party committee of a facility, and the same office written with Đảng bộ: one position
        ("đồng chí Nguyễn Kiến Dụ- Bí thư Đảng ủy Trung tâm Y tế huyện và 37 đảng viên.",
         "Nguyễn Kiến Dụ", [("Bí thư", "Đảng ủy Trung tâm Y tế huyện")]),
        # a province named after an abbreviated head is never cut in two by a name after it
        ("Tại buổi lễ, Giám đốc BVĐK Tây Ninh Liêu Chí Hùng trân trọng cảm ơn các nhà hảo tâm.",
         "Liêu Chí Hùng", [("Giám đốc", "Bệnh viện Đa khoa Tây Ninh")]),
        # after a hospital's kind the words name the hospital; the person follows them
        ("Ông Trần Văn Ba, Giám đốc Bệnh viện Đa khoa khu vực Cù Lao Minh cho biết bệnh viện đã sẵn sàng.",
         "Trần Văn Ba", [("Giám đốc", "Bệnh viện Đa khoa khu vực Cù Lao Minh")]),
        # the board of directors is a body, not the office of the person speaking for it
        ("Thay mặt Đảng ủy, Ban Giám đốc Bệnh viện, đồng chí Lê Anh Tuấn – Phó Giám đốc Bệnh viện phát biểu.",
         "Lê Anh Tuấn", [("Phó Giám đốc", "Bệnh viện")]),
        ("Thay mặt Ban Giám đốc, ông Nguyễn Văn An phát biểu cảm ơn.", "Nguyễn Văn An", []),
        # a company named after a province is no person, and the office after a name is that name's
        ("đề nghị ông Đoàn Nguyên Đức, Chủ tịch Tập đoàn Hoàng Anh Gia Lai nên phối hợp với Bệnh viện.",
         "Đoàn Nguyên Đức", [("Chủ tịch", "Tập đoàn Hoàng Anh Gia Lai")]),
        # a capitalised syllable and the lowercase one completing its word stay in the organization
        ("Ông Trần Văn Bình, Trưởng phòng Hậu cần Bệnh viện Quân y 4 cho biết.",
         "Trần Văn Bình", [("Trưởng phòng", "Phòng Hậu cần Bệnh viện Quân y 4")]),
        ("Ông Kenji Inoue, Bí thư Ban Kinh tế, đại diện Đại sứ quán Nhật Bản tới dự buổi lễ.",
         "Kenji Inoue", [("Bí thư", "Ban Kinh tế")]),
        # a disease-control centre named without its place is the article's own
        ("Sáng ngày 27/11, Trung tâm Kiểm soát bệnh tật tổ chức hội nghị. Dự có đồng chí Lê Hoàng Nam, Giám đốc "
         "Trung tâm cùng các cán bộ.", "Lê Hoàng Nam", [("Giám đốc", "Trung tâm Kiểm soát bệnh tật")]),
    ],
)
def test_positions_in_held_out_sentences(text, name, positions, rules):
    found = positions_of(text, rules)
    assert name in found, f"{name} not in {list(found)}"
    assert found[name] == positions


# Military offices and commands, and Central Committee membership before the office.
@pytest.mark.parametrize(
    "text, name, office",
    [
        ("Trung tướng Trịnh Văn Quyết, UVTW Đảng, Phó Chủ nhiệm Tổng cục Chính trị, Trưởng ban chỉ đạo liên hoan.",
         "Trịnh Văn Quyết", ("Phó Chủ nhiệm", "Tổng cục Chính trị")),
        ("Đoàn cán bộ Quân khu 7 do Thiếu tướng Nguyễn Trường Thắng, Ủy viên Trung ương Đảng, Tư lệnh Quân khu 7 "
         "làm trưởng đoàn đã đến thăm.", "Nguyễn Trường Thắng", ("Tư lệnh", "Quân khu 7")),
        ("Đại tá Trần Văn Khương, Chính ủy Bộ CHQS tỉnh Lâm Đồng trao quà cho các gia đình.",
         "Trần Văn Khương", ("Chính ủy", "Bộ CHQS tỉnh Lâm Đồng")),
    ],
)
def test_military_offices(text, name, office, rules):
    found = positions_of(text, rules)
    assert name in found, f"{name} not in {list(found)}"
    assert office in found[name]


@pytest.mark.parametrize(
    "text, name, positions",
    [
        ("Dự có đồng chí Trần Văn Bình - Ủy viên BCH Đảng bộ tỉnh, Phó Chủ tịch HĐND tỉnh.",
         "Trần Văn Bình", [("Ủy viên Ban Chấp hành", "Đảng bộ tỉnh"), ("Phó Chủ tịch", "HĐND tỉnh")]),
        ("Ông Lê Văn Cường, Trưởng ban Dân vận Huyện ủy, Chủ tịch Ủy ban MTTQ huyện phát biểu.",
         "Lê Văn Cường", [("Trưởng Ban Dân vận", "Huyện ủy"), ("Chủ tịch", "Ủy ban MTTQ huyện")]),
        ("bà Phạm Thị Dung - Phó Trưởng Ban Kinh tế - Ngân sách HĐND tỉnh cho biết",
         "Phạm Thị Dung", [("Phó Trưởng Ban Kinh tế - Ngân sách", "HĐND tỉnh")]),
        ("đồng chí Hoàng Văn Em - Phó Chủ tịch UBND huyện, Trưởng BCĐ phòng chống dịch huyện phát biểu.",
         "Hoàng Văn Em", [("Phó Chủ tịch", "UBND huyện"), ("Trưởng Ban", "BCĐ phòng chống dịch huyện")]),
        ("Ông Hoàng Văn Em, Trưởng Ban Chỉ đạo phòng, chống dịch tỉnh cho biết",
         "Hoàng Văn Em", [("Trưởng Ban", "Ban Chỉ đạo phòng, chống dịch tỉnh")]),
        ("Đến tham dự hội diễn có TS.BS Nguyễn Đình Phúc- Giám đốc Bệnh viện; BSCKII Trương Ngọc Sơn- PGĐ Bệnh viện "
         "Hữu nghị Việt Nam- Cuba.", "Trương Ngọc Sơn", [("Phó Giám đốc", "Bệnh viện Hữu nghị Việt Nam- Cuba")]),
        ("Phó GĐ Sở Y tế Trần Văn Bình phát biểu.", "Trần Văn Bình", [("Phó Giám đốc", "Sở Y tế")]),
    ],
)
def test_abbreviated_offices_and_boards(text, name, positions, rules):
    assert positions_of(text, rules)[name] == positions


def test_acronyms_joined_by_an_ampersand_are_one_organization(rules):
    found = positions_of("Phó Giám đốc Sở TT&TT Phan Văn Hào báo cáo kết quả.", rules)
    assert found["Phan Văn Hào"] == [("Phó Giám đốc", "Sở TT&TT")]


# Sentences from real articles outside the repository (news portals, hospital sites, party and
# government portals) whose offices the extractor first missed or misread.
UNSEEN_ARTICLE_POSITIONS = [
    # — offices in apposition and inside names —
    # the office and its organization set off by a comma before the name's titles
    ("Giám đốc Bệnh viện Đa khoa tỉnh Phú Thọ, BSCKII Trần Văn Giang cho biết bệnh viện đã triển khai nhiều kỹ thuật mới.",
     "Trần Văn Giang", [("Giám đốc", "Bệnh viện Đa khoa tỉnh Phú Thọ")]),
    ("Giám đốc Sở Y tế, bà Nguyễn Thị Hà chúc mừng đội ngũ y bác sĩ.", "Nguyễn Thị Hà", [("Giám đốc", "Sở Y tế")]),
    # a profession written inside the organization's name is not the name's cue
    ("Chủ tịch Hội Điều dưỡng Việt Nam Phạm Đức Mục chúc mừng các điều dưỡng.",
     "Phạm Đức Mục", [("Chủ tịch", "Hội Điều dưỡng Việt Nam")]),
    # "phụ trách" before the body it is held in qualifies the office, as written
    ("Đến dự có đồng chí Nguyễn Thị Lan, Phó Giám đốc phụ trách Sở Y tế tỉnh Bắc Giang.",
     "Nguyễn Thị Lan", [("Phó Giám đốc phụ trách", "Sở Y tế tỉnh Bắc Giang")]),
    # an elected body's term belongs to it, and the next office follows
    ("Ông Lê Quang Hùng - Đại biểu Quốc hội khóa XV, Phó Giám đốc Sở Y tế tỉnh Nghệ An phát biểu.",
     "Lê Quang Hùng", [("Đại biểu Quốc hội", "Quốc hội"), ("Phó Giám đốc", "Sở Y tế tỉnh Nghệ An")]),
    ("Tiến sĩ Kidong Park, Trưởng Đại diện Tổ chức Y tế Thế giới tại Việt Nam phát biểu tại hội thảo.",
     "Kidong Park", [("Trưởng Đại diện", "Tổ chức Y tế Thế giới")]),
    ("Điều dưỡng trưởng Nguyễn Thị Dung và Kỹ thuật viên trưởng Trần Văn Khoa đã nhận giấy khen.",
     "Trần Văn Khoa", [("Kỹ thuật viên trưởng", None)]),
    # a seat on a state corporation's board is an office
    ("Ông Huỳnh Quang Liêm - Phó Bí thư Đảng ủy, Thành viên Hội đồng thành viên, Tổng Giám đốc Tập đoàn Bưu chính "
     "Viễn thông Việt Nam (VNPT); ông Lê Đắc Kiên - Thành viên Hội đồng thành viên VNPT; ông Hoàng Đức Sơn - Phó Bí thư.",
     "Lê Đắc Kiên", [("Thành viên Hội đồng thành viên", "Tập đoàn Bưu chính Viễn thông Việt Nam")]),
    # — titles between organization and name —
    ("Giám đốc Bệnh viện Bạch Mai PGS.TS Đào Xuân Cơ cho biết bệnh viện đã sẵn sàng.",
     "Đào Xuân Cơ", [("Giám đốc", "Bệnh viện Bạch Mai")]),
    ("Thứ trưởng Bộ Y tế GS.TS Trần Văn Thuấn chủ trì hội nghị.", "Trần Văn Thuấn", [("Thứ trưởng", "Bộ Y tế")]),
    ("Trao quà cho Trưởng khoa Nhi ThS Nguyễn Thị Hoa và các điều dưỡng.", "Nguyễn Thị Hoa", [("Trưởng khoa", "Khoa Nhi")]),
    # "và" links two people: the office is not the doctor's
    ("Tham dự có Giám đốc Bệnh viện và bác sĩ Nguyễn Văn An cùng các khoa phòng.", "Nguyễn Văn An", []),
    # — party state and diplomatic offices —
    ("Ngày 27/2/2019, Thủ tướng Chính phủ Nguyễn Xuân Phúc đã phát động Chương trình Sức khỏe Việt Nam.",
     "Nguyễn Xuân Phúc", [("Thủ tướng", "Chính phủ")]),
    ("Tới dự có đồng chí Trương Thị Mai - Ủy viên Bộ chính trị, Bí thư Trung ương Đảng, Trưởng ban Dân vận Trung ương.",
     "Trương Thị Mai", [("Ủy viên Bộ Chính trị", None), ("Bí thư Trung ương Đảng", None), ("Trưởng Ban Dân vận", "Trung ương")]),
    # a leader's name inside a body's name is no person, and does not take the office
    ("Ông Lê Quốc Phong - Ủy viên Dự khuyết Trung ương Đảng, Bí thư thứ nhất Trung ương Đoàn TNCS Hồ Chí Minh, đại diện các ban ngành.",
     "Lê Quốc Phong", [("Ủy viên dự khuyết Trung ương Đảng", None), ("Bí thư thứ nhất", "Trung ương Đoàn TNCS Hồ Chí Minh")]),
    ("Thông tin tại buổi làm việc, Đại sứ Ấn Độ Rajiv Bodwade cho biết dự án được tổ chức thành công.",
     "Rajiv Bodwade", [("Đại sứ", "Ấn Độ")]),
    # a hyphen touching both the name and a lowercase office
    ("Cùng đi có ông Bùi Công Mến-phó chủ tịch thường trực UBND xã.", "Bùi Công Mến", [("Phó Chủ tịch Thường trực", "UBND xã")]),
    # names joined by "và" share the office after the last, titles between them
    ("Tham dự có TS.BS. Hoàng Việt Anh và ThS.BS. Vũ Văn Nhân - Phó giám đốc Trung tâm Đào tạo, các giảng viên.",
     "Hoàng Việt Anh", [("Phó Giám đốc", "Trung tâm Đào tạo")]),
    # — organizations with va and lowercase words —
    ("Tham dự có Phó Giám đốc Trung tâm Đào tạo và Chỉ đạo tuyến Vũ Văn Nhân, TS. Vương Ánh Dương - Phó Cục trưởng "
     "Cục Quản lý Khám chữa bệnh.", "Vũ Văn Nhân", [("Phó Giám đốc", "Trung tâm Đào tạo và Chỉ đạo tuyến")]),
    ("Tham dự có Phó Giám đốc Trung tâm Đào tạo và Chỉ đạo tuyến Vũ Văn Nhân, TS. Vương Ánh Dương - Phó Cục trưởng "
     "Cục Quản lý Khám chữa bệnh.", "Vương Ánh Dương", [("Phó Cục trưởng", "Cục Quản lý Khám chữa bệnh")]),
    ("Bệnh viện Quốc tế Becamex điều trị 300 ca. Tiến sĩ Văn Quang Tân, Giám đốc Bệnh viện Đa khoa tỉnh cho biết.",
     "Văn Quang Tân", [("Giám đốc", "Bệnh viện Đa khoa tỉnh")]),
    # — va inside an organization after a name —
    ("PGS.TS. Vũ Văn Giáp - Phó giám đốc Bệnh viện Bạch Mai, Giám đốc Trung tâm Đào tạo và Chỉ đạo tuyến; TS.BS. Hoàng Việt Anh.",
     "Vũ Văn Giáp", [("Phó Giám đốc", "Bệnh viện Bạch Mai"), ("Giám đốc", "Trung tâm Đào tạo và Chỉ đạo tuyến")]),
    ("Ông Trần Văn An, Giám đốc Sở Giáo dục và Đào tạo cho biết.", "Trần Văn An", [("Giám đốc", "Sở Giáo dục và Đào tạo")]),
    # "và" before another person ends the organization
    ("Ông Trần Văn An, Giám đốc Sở Y tế và Nguyễn Văn Bình, Phó Giám đốc Sở Y tế dự lễ.", "Trần Văn An", [("Giám đốc", "Sở Y tế")]),
    # — lists ranks and offices of the article facility —
    ("Đến dự lễ có các đồng chí: Dương Thành Trung - Chủ tịch UBND tỉnh; Quảng Trọng Ninh - Trưởng Ban Dân vận Tỉnh ủy, "
     "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh.", "Quảng Trọng Ninh",
     [("Trưởng Ban Dân vận", "Tỉnh ủy"), ("Chủ tịch", "Ủy ban MTTQ Việt Nam tỉnh")]),
    # a rank after "và" starts the next person; an office without its body, in an article about one hospital
    ("Bệnh viện Quân y 4 tổ chức hội nghị. Đại tá Nguyễn An Giang, Giám đốc và Đại tá Trương Quang Thắng, Phó Giám đốc "
     "trao Giấy khen cho các tập thể.", "Trương Quang Thắng", [("Phó Giám đốc", "Bệnh viện Quân y 4")]),
    ("Bệnh viện Quân y 4 tổ chức hội nghị. Tại buổi lễ, Thượng tá Võ Xuân Thành – Chủ nhiệm Chính trị, đã thay mặt "
     "Đảng ủy phát động phong trào thi đua.", "Võ Xuân Thành", [("Chủ nhiệm Chính trị", None)]),
    ("Tham dự có Thượng tướng Phạm Trường Sơn, Phó tổng Tham mưu trưởng QĐND Việt Nam; lãnh đạo các đơn vị.",
     "Phạm Trường Sơn", [("Phó Tổng Tham mưu trưởng", "QĐND Việt Nam")]),
    ("Sáng 10-9, ông Nguyễn Văn Lợi, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Trưởng đoàn Đại biểu Quốc hội tỉnh, "
     "Trưởng ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh đã có chuyến thăm.", "Nguyễn Văn Lợi",
     [("Ủy viên Trung ương Đảng", None), ("Bí thư", "Tỉnh ủy"), ("Trưởng đoàn", "Đoàn Đại biểu Quốc hội tỉnh"),
      ("Trưởng Ban", "Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh")]),
    # a lowercase head after an office refers to the hospital named before
    ("Giáo sư Nguyễn Quang Tuấn - Giám đốc Bệnh viện Bạch Mai đã cử đoàn công tác. Ê-kíp do Phó giáo sư, tiến sĩ "
     "Đào Xuân Cơ - Phó giám đốc bệnh viện - làm trưởng đoàn.", "Đào Xuân Cơ", [("Phó Giám đốc", "Bệnh viện Bạch Mai")]),
    # — heads of state and organizations ending at a verb —
    # "thư" of "Bí thư" is no letter of a commemoration; a two-syllable name right after the office
    ("Nhân kỷ niệm 78 năm ngày Thương binh - Liệt sỹ, Tổng Bí thư Tô Lâm chiều nay cùng đoàn công tác tới thăm.",
     "Tô Lâm", [("Tổng Bí thư", None)]),
    ("Giám đốc Bệnh viện, BS ưu tú Nguyễn Tri Thức cho biết.", "Nguyễn Tri Thức", [("Giám đốc", "Bệnh viện")]),
    ("Chiều 17/6, ông Nguyễn Thành Phong, Chủ tịch UBND TPHCM tới thăm nam phi công đang điều trị tại Bệnh viện Chợ Rẫy.",
     "Nguyễn Thành Phong", [("Chủ tịch", "UBND TPHCM")]),
    # — offices listed before a name and foreign names —
    # offices listed before one name
    ("Ngoài ra còn có Bí thư Trung ương Đảng, Chánh Văn phòng Trung ương Đảng Lê Hoài Trung; Phó Thủ tướng Lê Thành Long.",
     "Lê Hoài Trung", [("Bí thư Trung ương Đảng", None), ("Chánh Văn phòng", "Trung ương Đảng")]),
    ("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Nguyễn Văn Hòa phát biểu.", "Nguyễn Văn Hòa",
     [("Phó Bí thư", "Tỉnh ủy"), ("Chủ tịch", "UBND tỉnh")]),
    # an office that has its own name before the comma stays that name's
    ("Chủ tịch Ủy ban nhân dân quận Bắc Từ Liêm Nguyễn Hữu Tuyên, Phó Bí thư Thường trực Quận ủy Nguyễn Tiến Thành "
     "và lãnh đạo quận tặng hoa.", "Nguyễn Tiến Thành", [("Phó Bí thư Thường trực", "Quận ủy Bắc Từ Liêm")]),
    # a hyphenated foreign name after "Ngài"
    ("Vắc xin do Ngài Hans-Peter Glanzer, Đại sứ Áo tại Việt Nam thay mặt Chính phủ Cộng hoà Áo trao tặng.",
     "Hans-Peter Glanzer", [("Đại sứ", "Áo")]),
    # — no name inside trung uong and cua before a company —
    ("Cùng đi có Bí thư Trung ương Đảng, Trưởng Ban Tổ chức Trung ương Lê Minh Hưng; Đại tướng Phan Văn Giang.",
     "Lê Minh Hưng", [("Bí thư Trung ương Đảng", None), ("Trưởng Ban Tổ chức", "Trung ương")]),
    ("Ông Bae Seung Jun – Phó Tổng Giám đốc của Shinhan Life Việt Nam chia sẻ.", "Bae Seung Jun",
     [("Phó Tổng Giám đốc", "Shinhan Life Việt Nam")]),
    # — list items: an office after a name and a comma is that name's —
    ("Cùng dự có các đồng chí Lê Đức Thắng, Phó Chủ tịch thường trực UBND huyện, Tống Thị Hương Giang, Phó Chủ tịch UBND huyện.",
     "Lê Đức Thắng", [("Phó Chủ tịch Thường trực", "UBND huyện")]),
    ("Cùng dự có các đồng chí Lê Đức Thắng, Phó Chủ tịch thường trực UBND huyện, Tống Thị Hương Giang, Phó Chủ tịch UBND huyện.",
     "Tống Thị Hương Giang", [("Phó Chủ tịch", "UBND huyện")]),
    ("Tại buổi lễ, TGĐ Trịnh Đức Mậu đã có đôi lời chia sẻ về các hoạt động của công ty.", "Trịnh Đức Mậu", [("Tổng Giám đốc", None)]),
    # — a steering committee written in lowercase after its office —
    ("Ông Lê Văn Hà, Trưởng phòng Y tế huyện, Phó Trưởng ban chỉ đạo phòng chống dịch huyện cho biết.",
     "Lê Văn Hà", [("Trưởng phòng", "Phòng Y tế huyện"), ("Phó Trưởng Ban", "Ban chỉ đạo phòng chống dịch huyện")]),
    # — military and standing committee offices, a name set off by dashes, "Bác sỹ" —
    ("Dự Hội nghị có Thượng tướng Lê Huy Vịnh, Ủy viên Trung ương Đảng, Ủy viên Quân ủy Trung ương, Thứ trưởng Bộ Quốc "
     "phòng, Phó Trưởng ban Thường trực Ban Chỉ đạo của Bộ Quốc phòng về phát triển khoa học.", "Lê Huy Vịnh",
     [("Ủy viên Trung ương Đảng", None), ("Ủy viên Quân ủy Trung ương", None), ("Thứ trưởng", "Bộ Quốc phòng"),
      ("Phó Trưởng Ban Thường trực", "Ban Chỉ đạo")]),
    ("Dự lễ có đồng chí Ma Thị Thúy, Tỉnh ủy viên, Phó trưởng đoàn chuyên trách Đoàn ĐBQH tỉnh Tuyên Quang.", "Ma Thị Thúy",
     [("Tỉnh ủy viên", None), ("Phó Trưởng đoàn chuyên trách", "Đoàn ĐBQH tỉnh Tuyên Quang")]),
    ("Bác sỹ CKI Phạm Văn Trúc – Phó Giám đốc TTYT, Phó Ban chỉ đạo phòng chống dịch huyện Đắk Song cho biết.", "Phạm Văn Trúc",
     [("Phó Giám đốc", "TTYT"), ("Phó Ban", "Ban chỉ đạo phòng chống dịch huyện Đắk Song")]),
    ("UBND huyện đã tạm dừng công tác điều hành đối với hiệu trưởng THCS Phù Ủng - Nhữ Mạnh Phong - và giáo viên chủ nhiệm.",
     "Nhữ Mạnh Phong", [("Hiệu trưởng", "THCS Phù Ủng")]),
    # — courts, Politburo membership in lowercase, specialities with capitals —
    ("Dự lễ kỷ niệm có ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Tuyên giáo Trung ương Võ Văn Thưởng; "
     "Bí thư Trung ương Đảng, Chánh án TANDTC Nguyễn Hòa Bình cùng đại diện các bộ.", "Nguyễn Hòa Bình",
     [("Bí thư Trung ương Đảng", None), ("Chánh án", "TANDTC")]),
    ("BS Nguyễn Thị Thu Hà, Trưởng khoa Phụ Sản Bệnh viện Hùng Vương.", "Nguyễn Thị Thu Hà",
     [("Trưởng khoa", "Khoa Phụ Sản Bệnh viện Hùng Vương")]),
    # — acting offices; a speaker list with the office on the line under the name —
    ("Quyền Bộ trưởng Y tế Nguyễn Thanh Long khẳng định sẽ tập trung hết sức phòng chống bệnh bạch hầu.",
     "Nguyễn Thanh Long", [("Quyền Bộ trưởng", "Bộ Y tế")]),
    ("Trước thềm chuyến thăm, chính quyền Tổng thống Mỹ Joe Biden công bố gói viện trợ mới.", "Joe Biden",
     [("Tổng thống", "Mỹ")]),
    ("Diễn giả:\n\n🔹 BS.CKII. Đỗ Thị Ngọc Diệp\n\nPhó Chủ tịch Hội Dinh dưỡng Việt Nam; Nguyên Giám đốc Trung tâm "
     "Dinh dưỡng TP.HCM", "Đỗ Thị Ngọc Diệp",
     [("Phó Chủ tịch", "Hội Dinh dưỡng Việt Nam"), ("Giám đốc", "Trung tâm Dinh dưỡng TP.HCM")]),
    ("👩⚕️ Chủ đề 1: Bé yêu đang lớn đúng chuẩn hay chậm hơn tuổi thai?\n\nThS.BS.CKII Nguyễn Thị Thu Hà\n\n"
     "Trưởng khoa Phụ Sản", "Nguyễn Thị Thu Hà", [("Trưởng khoa", "Khoa Phụ Sản")]),
    ("Bệnh viện cảm ơn ông Nguyễn Văn Bình đã đồng hành cùng chương trình từ nhiều năm nay, ông Nguyễn Văn Bình\n\n"
     "Giám đốc Bệnh viện phát biểu.", "Nguyễn Văn Bình", []),
    # — after "tỉnh" the place is a province or nothing; two offices without a comma; abbreviated
    # committee memberships; an office chained after another name's is not the next name's —
    ("Tham dự có Phó Chủ tịch UBND tỉnh Võ Phiên; Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Bùi Đức Thọ.", "Võ Phiên",
     [("Phó Chủ tịch", "UBND tỉnh")]),
    ("Phó Chủ tịch UBND tỉnh Thái Bình Nguyễn Văn Hùng phát biểu tại buổi lễ.", "Nguyễn Văn Hùng",
     [("Phó Chủ tịch", "UBND tỉnh Thái Bình")]),
    ("Các đồng chí Lê Văn Dung - Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh; Tống Quang Thìn – tỉnh uỷ viên Giám đốc Sở Y "
     "tế đã đến thăm.", "Tống Quang Thìn", [("Tỉnh ủy viên", None), ("Giám đốc", "Sở Y tế")]),
    ("Về phía huyện có đồng chí Võ Tá Cương, HUV, Phó chủ tịch Uỷ ban nhân dân huyện; đồng chí Nguyễn Tiến Dũng.",
     "Võ Tá Cương", [("Huyện ủy viên", None), ("Phó Chủ tịch", "Ủy ban nhân dân huyện")]),
    ("Tham dự buổi làm việc có đồng chí Bùi Huy Thọ, UV BTV, Phó chủ tịch HĐND xã và các đồng chí trong ban.",
     "Bùi Huy Thọ", [("Ủy viên Ban Thường vụ", None), ("Phó Chủ tịch", "HĐND xã")]),
    ("Tham dự có đồng chí Trương Hòa Bình, Phó Thủ tướng Thường trực Chính phủ.", "Trương Hòa Bình",
     [("Phó Thủ tướng Thường trực", "Chính phủ")]),
    ("Chiều 24/2, đồng chí Lê Hồng Lợi – Phó Bí thư Thường trực Huyện ủy – Chủ tịch HĐND huyện Phú Quý, ông Tạ Minh "
     "Nhựt – Phó chủ tịch UBND huyện Phú Quý đã có buổi đến thăm.", "Tạ Minh Nhựt",
     [("Phó Chủ tịch", "UBND huyện Phú Quý")]),
    ("Về dự có đồng chí Phan Trường Sang, chi cục trưởng Chi cục Dân số tỉnh.", "Phan Trường Sang",
     [("Chi cục trưởng", "Chi cục Dân số tỉnh")]),
    ("Đ/c Lê Thị Xuân Hương, Trưởng phòng Dân số - truyền thông&GDSK thông qua thông điệp về ngày Dân số Việt Nam.",
     "Lê Thị Xuân Hương", [("Trưởng phòng", "Phòng Dân số - truyền thông")]),
    ("Đồng chí Vy Văn Vũ, Ủy viên Ban Thường vụ Tỉnh ủy, Chủ tịch Ủy ban MTTQ tỉnh đến dự.", "Vy Văn Vũ",
     [("Ủy viên Ban Thường vụ", "Tỉnh ủy"), ("Chủ tịch", "Ủy ban MTTQ tỉnh")]),
    # abbreviated standing-committee and central-committee memberships do not end the list
    ("Đồng chí Lê Văn Bình, UVTV Tỉnh ủy, Phó Chủ tịch UBND tỉnh thăm, tặng quà Bệnh xá Biên phòng tỉnh.", "Lê Văn Bình",
     [("Ủy viên Ban Thường vụ", "Tỉnh ủy"), ("Phó Chủ tịch", "UBND tỉnh")]),
    ("Chiều 6-7, đồng chí Nguyễn Hồng Diên - Uỷ viên TƯ Đảng, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh đi kiểm tra tiến "
     "độ thi công.", "Nguyễn Hồng Diên",
     [("Ủy viên Trung ương Đảng", None), ("Phó Bí thư", "Tỉnh ủy"), ("Chủ tịch", "UBND tỉnh")]),
    # a fixed phrase in the organization's name between the office and the name
    ("Phát biểu tại buổi lễ, Chủ tịch Tổng Hội người Việt Nam tại Hàn Quốc Đào Tuấn Hùng cho biết thỏa thuận hợp tác "
     "là bước tiến quan trọng.", "Đào Tuấn Hùng", [("Chủ tịch", "Tổng Hội người Việt Nam tại Hàn Quốc")]),
    ("Chủ tịch Hội người cao tuổi tỉnh Nguyễn Văn An cho biết.", "Nguyễn Văn An",
     [("Chủ tịch", "Hội người cao tuổi tỉnh")]),
    # a standing member of the People's Council, its council named by the next office
    ("Chiều 2-3, đoàn do bà Mai Thị Dung, Ủy viên Thường trực, Trưởng ban Văn hóa - Xã hội HĐND tỉnh làm Trưởng đoàn "
     "đã đến thăm.", "Mai Thị Dung",
     [("Ủy viên Thường trực", "HĐND tỉnh"), ("Trưởng Ban Văn hóa - Xã hội", "HĐND tỉnh")]),
    # a newspaper's editor
    ("Đặc biệt, chương trình còn có sự có mặt Thiếu tướng Phạm Văn Miên, Tổng Biên tập Báo Quân đội nhân dân.",
     "Phạm Văn Miên", [("Tổng Biên tập", "Báo Quân đội nhân dân")]),
    # a board named by a fixed phrase with a comma inside, and what follows the phrase
    ("Tham dự có Thiếu tướng Trần Huy Dụng, Phó trưởng Ban Thường trực Ban Bảo vệ, Chăm sóc Sức khỏe Cán bộ Trung ương.",
     "Trần Huy Dụng", [("Phó Trưởng Ban Thường trực", "Ban Bảo vệ, Chăm sóc Sức khỏe Cán bộ Trung ương")]),
    ("Ông Lê Văn Thành, Trưởng Ban Bảo vệ sức khỏe cán bộ tỉnh phát biểu.", "Lê Văn Thành",
     [("Trưởng Ban", "Ban Bảo vệ sức khỏe cán bộ tỉnh")]),
    # an office taken "giữ chức danh" after one held in the hospital written in lowercase; the
    # hospital's party committee
    ("Đồng chí Trần Minh Cảnh - phó Giám đốc bệnh viện giữ chức danh phó Bí thư Đảng ủy bệnh viện.", "Trần Minh Cảnh",
     [("Phó Giám đốc", "Bệnh viện"), ("Phó Bí thư", "Đảng ủy bệnh viện")]),
    # a former office after titles set off by dashes; a body named with a comma inside (Y, Dược cổ truyền)
    ("Đến tham dự có ông Phạm Vũ Khánh – Phó Giáo sư, Tiến sĩ, Bác sĩ – Nguyên Cục trưởng Cục quản lý Y, Dược cổ "
     "truyền – Bộ Y tế.", "Phạm Vũ Khánh", [("Cục trưởng", "Cục quản lý Y, Dược cổ truyền")]),
    ("ông Nguyễn Văn Phước – Giáo sư, Tiến sĩ – Chủ tịch Liên hiệp các Hội Khoa học và Kỹ thuật thành phố Hồ Chí Minh.",
     "Nguyễn Văn Phước", [("Chủ tịch", "Liên hiệp các Hội Khoa học và Kỹ thuật thành phố Hồ Chí Minh")]),
    # an office before a name whose body has a fixed phrase with a comma inside
    ("Trưởng ban Bảo vệ, chăm sóc sức khỏe cán bộ Trung ương Nguyễn Thị Kim Tiến đã trao cờ thi đua của Chính phủ.",
     "Nguyễn Thị Kim Tiến", [("Trưởng Ban", "Ban Bảo vệ, chăm sóc sức khỏe cán bộ Trung ương")]),
    # the central level of an association written before it; a corporation (Tổng Công ty)
    ("Tiếp đón có PGS.TS Đậu Xuân Cảnh, Chủ tịch TW Hội Đông y Việt Nam; TS Đỗ Thế Lộc.", "Đậu Xuân Cảnh",
     [("Chủ tịch", "TW Hội Đông y Việt Nam")]),
    ("Tham dự có ông Nguyễn Văn Hải, Tổng Giám đốc Tổng Công ty Hàng Kênh.", "Nguyễn Văn Hải",
     [("Tổng Giám đốc", "Tổng Công ty Hàng Kênh")]),
    # the head written twice, as office and as the body's name
    ("Giải thưởng được trao cho PGS. TS. Đặng Thị Cẩm Hà, nguyên Trưởng phòng Phòng Công nghệ sinh học môi trường, "
     "Viện Công nghệ Sinh học.", "Đặng Thị Cẩm Hà", [("Trưởng phòng", "Phòng Công nghệ sinh học môi trường")]),
    # the office someone acts for is not theirs
    ("Thừa ủy quyền của Chủ tịch nước, đồng chí Nguyễn Khắc Lâm, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch Thường "
     "trực HĐND tỉnh đã trao Huân chương Lao động hạng Ba.", "Nguyễn Khắc Lâm",
     [("Ủy viên Ban Thường vụ", "Tỉnh ủy"), ("Phó Chủ tịch Thường trực", "HĐND tỉnh")]),
    ("Thay mặt Giám đốc Bệnh viện, ông Nguyễn Văn An phát biểu chúc mừng.", "Nguyễn Văn An", []),
    # a diplomatic office's organization may say where the mission sits
    ("Đoàn do Tổng lãnh sự Nhật Bản tại Đà Nẵng – ông MORI Takero dẫn đầu đã có chuyến thăm bệnh viện.",
     "MORI Takero", [("Tổng Lãnh sự", "Nhật Bản tại Đà Nẵng")]),
    ("Phát biểu tại sự kiện, Đại sứ Việt Nam tại Vương quốc Campuchia Nguyễn Minh Vũ biểu dương.",
     "Nguyễn Minh Vũ", [("Đại sứ", "Việt Nam tại Vương quốc Campuchia")]),
    # an honorary consul
    ("Đoàn chuyên gia do GS.TS. Nagato Natsume – Giám đốc điều hành JCPF, Lãnh sự Danh dự Việt Nam tại Nagoya làm "
     "trưởng đoàn.", "Nagato Natsume", [("Giám đốc điều hành", "JCPF"), ("Lãnh sự danh dự", "Việt Nam")]),
    # a unit's inspectorate, named by the office; an agency's, named after it
    ("Chánh Thanh tra tỉnh Kiên Giang Ngô Quang Hưởng vừa kết luận thanh tra Ban Quản lý các dự án.",
     "Ngô Quang Hưởng", [("Chánh Thanh tra", "Thanh tra tỉnh Kiên Giang")]),
    ("Ngày 5/6, Chánh Thanh tra Sở Y tế Ngô Quang Hưởng ký kết luận thanh tra.",
     "Ngô Quang Hưởng", [("Chánh Thanh tra", "Sở Y tế")]),
]


@pytest.mark.parametrize("text, name, positions", UNSEEN_ARTICLE_POSITIONS)
def test_positions_in_unseen_articles(text, name, positions, rules):
    found = positions_of(text, rules)
    assert name in found, f"{name} not in {list(found)}"
    assert found[name] == positions


def test_a_hospital_after_va_is_no_person(rules):
    found = positions_of("Bộ trưởng Y tế cho biết khi họp tại BV Bạch Mai, Bộ trưởng và BV Bạch Mai đều mong muốn hỗ trợ.", rules)
    assert found == {}


@pytest.mark.parametrize("name", ["Ksor Hiền", "Trần Hiền"])
def test_a_two_word_name_addressed_elsewhere_follows_the_organization(name, rules):
    # "Sở Y tế" then two capitalised words is read as a place (Sở Y tế Hà Nội) unless the article
    # writes the two words elsewhere after "bà"; a Central Highlands surname (Ksor) counts as any other.
    text = normalize_text(f"(GLO)- Sáng 29-9, bà {name}-Phó Giám đốc Sở Y tế, Giám đốc Quỹ Bảo trợ trẻ em tỉnh Gia Lai đã "
                          f"đến thăm, tặng quà Trung thu.\n\nTại chương trình, Phó Giám đốc Sở Y tế {name} đã trao tặng "
                          "100 suất quà cho các em có hoàn cảnh đặc biệt.")
    ann = AnnotatedArticle(article=CleanedArticle(body=text), text=text, body_length=len(text), doc=None, rules=rules)
    entities = extract_entities(ann)
    assert not any(name in o.name for o in entities.organizations)
    assert [(p.name, len(p.mentions)) for p in entities.people] == [(name, 2)]


@pytest.mark.parametrize("text, name, positions", [
    ("Tiếp nhận món quà từ Hội Chữ thập đỏ tỉnh Nghệ An, Chủ tịch Hội Chữ thập đỏ tỉnh Mai Lê Thuộc bày tỏ sự trân "
     "quý nghĩa cử của các nhà hảo tâm Nghệ An.", "Mai Lê Thuộc", [("Chủ tịch", "Hội Chữ thập đỏ tỉnh")]),
    ("Giám đốc Sở Y tế tỉnh Nguyễn Văn Thành phát biểu tại buổi lễ.", "Nguyễn Văn Thành", [("Giám đốc", "Sở Y tế tỉnh")]),
])
def test_a_unit_word_before_a_name_stays_with_the_organization(text, name, positions, rules):
    assert positions_of(text, rules)[name] == positions


def test_trung_of_trung_uong_is_no_name(rules):
    found = positions_of("Cùng đi có Bí thư Trung ương Đảng, Trưởng Ban Tổ chức Trung ương Lê Minh Hưng; Đại tướng Phan Văn Giang.", rules)
    assert "Trung" not in found


@pytest.mark.parametrize(
    "text, name, positions",
    [
        # an abbreviation that names the committee along with the membership
        ("Các đồng chí: Vy Văn Vũ, Ủy viên Ban TVTU, Chủ tịch Ủy ban MTTQ tỉnh và Nguyễn Thành Trí đã đến dự.",
         "Vy Văn Vũ", [("Ủy viên Ban Thường vụ", "Tỉnh ủy"), ("Chủ tịch", "Ủy ban MTTQ tỉnh")]),
        ("Dự Lễ trao tặng có đồng chí Tống Quang Thìn, TVTU, Phó Chủ tịch Thường trực UBND tỉnh.", "Tống Quang Thìn",
         [("Ủy viên Ban Thường vụ", "Tỉnh ủy"), ("Phó Chủ tịch Thường trực", "UBND tỉnh")]),
        # a ministry whose name opens with a word that heads other bodies
        ("Trung tướng Đặng Hồng Đức, Thứ trưởng Bộ Công an nhấn mạnh ý nghĩa của thỏa thuận.", "Đặng Hồng Đức",
         [("Thứ trưởng", "Bộ Công an")]),
        # an office right after a name, with no comma
        ("Tại đây, đồng chí Sômphone Chănthanasouk Giám đốc Sở Y tế tỉnh bạn bày tỏ lòng cảm ơn.",
         "Sômphone Chănthanasouk", [("Giám đốc", "Sở Y tế")]),
        # a two-syllable name after a province the gazetteer knows
        ("Ngày 15/2, Phó Chủ tịch UBND tỉnh Lâm Đồng Nguyễn Minh cùng đoàn công tác đã thăm bệnh nhân.", "Nguyễn Minh",
         [("Phó Chủ tịch", "UBND tỉnh Lâm Đồng")]),
        # a foreign name with a particle
        ("Mối quan hệ do Giáo sư Charles de Ribeyrolles (Trưởng khoa Phẫu thuật Tim mạch, CHU Clermont-Ferrand) khởi xướng.",
         "Charles de Ribeyrolles", [("Trưởng khoa", "Khoa Phẫu thuật Tim mạch")]),
        # "và" before a title: the lowercase head names no body, the next person begins
        ("Bộ Y tế trao quyết định bổ nhiệm TS Dương Đức Hùng, Phó Giám đốc Bệnh viện Bạch Mai làm Chủ tịch Hội đồng "
         "quản lý bệnh viện và PGS.TS Đào Xuân Cơ, Phó Giám đốc Bệnh viện Bạch Mai làm Giám đốc bệnh viện.",
         "Đào Xuân Cơ", [("Phó Giám đốc", "Bệnh viện Bạch Mai"), ("Giám đốc", "Bệnh viện Bạch Mai")]),
    ],
)
def test_committee_abbreviations_ministries_and_particles(text, name, positions, rules):
    found = positions_of(text, rules)
    assert name in found, f"{name} not in {list(found)}"
    assert found[name] == positions


@pytest.mark.parametrize(
    "text, name, positions",
    [
        # "Thường trực" (or "TT" before the body) written after an office is part of it
        ("Sáng ngày 31/10/2025, bệnh viện đón tiếp Đồng chí Vũ Mạnh Hà – Ủy viên Dự khuyết Trung ương Đảng, Thứ trưởng "
         "Thường trực Bộ Y tế, cùng đoàn công tác.",
         "Vũ Mạnh Hà", [("Ủy viên dự khuyết Trung ương Đảng", None), ("Thứ trưởng Thường trực", "Bộ Y tế")]),
        ("Chiều 8/2, đồng chí Phó Chủ tịch TT UBND TP Hạ Long Nguyễn Tuấn Minh đã tới thăm Bệnh viện.",
         "Nguyễn Tuấn Minh", [("Phó Chủ tịch Thường trực", "UBND TP Hạ Long")]),
        ("Thừa ủy quyền của Chủ tịch nước, Phó trưởng ban Thường trực Ban Tuyên giáo Trung ương Vũ Ngọc Hoàng đã trao "
         "Huân chương.", "Vũ Ngọc Hoàng", [("Phó Trưởng Ban Thường trực", "Ban Tuyên giáo Trung ương")]),
        # a province before a chain of offices is no person; "Tổng Thư ký" is an office
        ("Sáng 31/5, tại Thái Nguyên, Ủy viên Trung ương Đảng, Tổng Thư ký Quốc hội, Chủ nhiệm Văn phòng Quốc hội Bùi "
         "Văn Cường đã tham dự Lễ khởi công.",
         "Bùi Văn Cường", [("Ủy viên Trung ương Đảng", None), ("Tổng Thư ký", "Quốc hội"),
                           ("Chủ nhiệm", "Văn phòng Quốc hội")]),
        # an abbreviated title between the organization and the name
        ("Ngày 25/10/2021, Vụ trưởng Vụ Tổ chức cán bộ Bộ Y tế TS Nguyễn Hồng Sơn đã trao quyết định.",
         "Nguyễn Hồng Sơn", [("Vụ trưởng", "Vụ Tổ chức cán bộ")]),
        ("Giám đốc Bệnh viện Đa khoa tỉnh ThS.BS Nguyễn Văn Hùng phát biểu.",
         "Nguyễn Văn Hùng", [("Giám đốc", "Bệnh viện Đa khoa tỉnh")]),
        # a name right after "TP" when an office's body names no city
        ("Chiều 6/2, Phó Chủ tịch HĐND TP Phạm Đức Hải thăm chúc tết cán bộ.",
         "Phạm Đức Hải", [("Phó Chủ tịch", "HĐND TP")]),
        ("Phó Chủ tịch UBND TP Hồ Chí Minh Võ Văn Hoan thăm bệnh viện.",
         "Võ Văn Hoan", [("Phó Chủ tịch", "UBND TP Hồ Chí Minh")]),
    ],
)
def test_standing_offices_titles_before_names_and_city_bodies(text, name, positions, rules):
    assert positions_of(text, rules)[name] == positions


@pytest.mark.parametrize("text", [
    "Phó Chủ tịch UBND TP Hồ Chí Minh cho biết thành phố đã chuẩn bị.",
    "Sáng 31/5, tại Thái Nguyên, Ủy viên Trung ương Đảng phát biểu.",
    # a country after a title ("Điều dưỡng" is also the title ĐD)
    "Kể từ đó ngày 26/10 hằng năm được lấy là ngày Điều dưỡng Việt Nam nhằm tôn vinh các cán bộ.",
])
def test_cities_and_provinces_are_no_people(text, rules):
    assert positions_of(text, rules) == {}


def test_an_office_before_va_and_a_title_is_not_the_next_names(rules):
    text = ("Sở Y tế trao quyết định bổ nhiệm TS Dương Đức Hùng làm Chủ tịch Hội đồng quản lý bệnh viện và PGS.TS Đào "
            "Xuân Cơ làm Giám đốc bệnh viện.")
    assert all(title != "Chủ tịch" for title, _ in positions_of(text, rules).get("Đào Xuân Cơ", []))


@pytest.mark.parametrize(
    "text, name, positions",
    [
        # a Central Committee member with the committee's term
        ("Đồng chí Vũ Mạnh Hà - Ủy viên dự khuyết BCH Trung ương Đảng khóa XIV, Thứ trưởng Thường trực Bộ Y tế và Phó "
         "Chủ tịch UBND tỉnh Nguyễn Thị Nguyệt cùng tham dự.", "Vũ Mạnh Hà",
         [("Ủy viên dự khuyết Trung ương Đảng", None), ("Thứ trưởng Thường trực", "Bộ Y tế")]),
        ("Ông Lê Văn Hùng, Ủy viên Trung ương Đảng khóa XIII, Bí thư Tỉnh ủy phát biểu.", "Lê Văn Hùng",
         [("Ủy viên Trung ương Đảng", None), ("Bí thư", "Tỉnh ủy")]),
        # a university's teaching department, held in the university written after it
        ("Phó Chủ tịch nước trao danh hiệu cho Phó Giáo sư, Tiến sỹ Trần Hữu Bình, nguyên Trưởng Bộ môn Tâm thần Đại học "
         "Y Hà Nội, nguyên Viện trưởng Viện Sức khỏe Tâm thần, Bệnh viện Bạch Mai.", "Trần Hữu Bình",
         [("Trưởng Bộ môn", "Bộ môn Tâm thần"), ("Viện trưởng", "Viện Sức")]),
        ("Phó Giáo sư, Tiến sỹ Nguyễn Hữu Ước (nguyên Phó trưởng Bộ môn Ngoại Đại học Y Hà Nội.", "Nguyễn Hữu Ước",
         [("Phó Trưởng Bộ môn", "Bộ môn Ngoại")]),
        ("Tham dự có bà Misako Koizumi, Hiệu phó Đại học Điều dưỡng Niigata.", "Misako Koizumi",
         [("Hiệu phó", "Đại học Điều dưỡng Niigata")]),
        # a member university after a dash is part of the school's name
        ("PGS.TS Đào Thanh Trường, Phó Giám đốc Trường Đại học Y Dược - Đại học Quốc gia Hà Nội phát biểu.",
         "Đào Thanh Trường", [("Phó Giám đốc", "Trường Đại học Y Dược - Đại học Quốc gia Hà Nội")]),
    ],
)
def test_committee_terms_and_university_offices(text, name, positions, rules):
    assert positions_of(text, rules)[name] == positions


@pytest.mark.parametrize(
    "text, name, positions",
    [
        # an office taken up: "được bổ nhiệm giữ chức", "được điều động, giữ chức", "làm"
        ("Theo đó, TS.BS. Lương Ngọc Khuê - Phó Cục trưởng Cục Quản lý Khám chữa bệnh được bổ nhiệm giữ chức Cục trưởng "
         "Cục Quản lý Khám chữa bệnh - Bộ Y tế.", "Lương Ngọc Khuê",
         [("Phó Cục trưởng", "Cục Quản lý Khám chữa bệnh"), ("Cục trưởng", "Cục Quản lý Khám chữa bệnh")]),
        ("TS.BS. Nguyễn Mạnh Cường - Phó Chánh văn phòng Bộ Y tế được điều động, giữ chức Phó Vụ trưởng Vụ Hợp tác quốc "
         "tế - Bộ Y tế.", "Nguyễn Mạnh Cường", [("Phó Chánh Văn phòng", "Bộ Y tế"), ("Phó Vụ trưởng", "Vụ Hợp tác quốc tế")]),
        ("Sở Y tế trao quyết định bổ nhiệm bác sĩ Nguyễn Văn An làm Giám đốc Bệnh viện Đa khoa tỉnh.",
         "Nguyễn Văn An", [("Giám đốc", "Bệnh viện Đa khoa tỉnh")]),
        # "hiện đang là"
        ("Bộ trưởng trao quyết định cho TS. BS Cao Việt Tùng hiện đang là Phó Bí thư Đảng ủy.",
         "Cao Việt Tùng", [("Phó Bí thư", "Đảng ủy")]),
        # the body's name ends before "và" and a title
        ("Sở Y tế bổ nhiệm TS Dương Đức Hùng làm Chủ tịch Hội đồng quản lý Bệnh viện Bạch Mai và PGS.TS Đào Xuân Cơ "
         "làm Giám đốc bệnh viện.", "Dương Đức Hùng", [("Chủ tịch Hội đồng quản lý", "Bệnh viện Bạch Mai")]),
        # "được giao chức vụ", "tiếp tục giữ chức vụ", a shared office after ", giữ chức vụ" and ", đều là"
        ("Bác sĩ chuyên khoa 1 Vi Thị Hương – Phó Giám đốc Bệnh viện Đa khoa khu vực Tây Nam Nghệ An được giao chức vụ "
         "Giám đốc Trung tâm Y tế Con Cuông.", "Vi Thị Hương",
         [("Phó Giám đốc", "Bệnh viện Đa khoa khu vực Tây Nam Nghệ An"), ("Giám đốc", "Trung tâm Y tế Con Cuông")]),
        ("Theo đó, PGS.TS Trịnh Hồng Sơn tiếp tục giữ chức vụ Phó Giám đốc Bệnh viện Hữu nghị Việt Đức.",
         "Trịnh Hồng Sơn", [("Phó Giám đốc", "Bệnh viện Hữu nghị Việt Đức")]),
        # an office held until a successor comes
        ("Từ 1/10, PGS.TS Vũ Bá Quyết sẽ thôi làm nhiệm vụ Giám đốc Bệnh viện Phụ sản Trung ương (Hà Nội) để làm công "
         "tác chuyên môn.", "Vũ Bá Quyết", [("Giám đốc", "Bệnh viện Phụ sản Trung ương")]),
        ("Sở Y tế cũng trao Quyết định bổ nhiệm lại ông Võ Chí Đại và ông Lê Văn Chúc, giữ chức vụ Phó Giám đốc CDC "
         "Hậu Giang, có thời hạn 5 năm.", "Lê Văn Chúc", [("Phó Giám đốc", "CDC Hậu Giang")]),
        ("Tham dự có ông Võ Chí Đại và ông Lê Văn Chúc, đều là Phó Giám đốc Bệnh viện Đa khoa Hậu Giang.",
         "Võ Chí Đại", [("Phó Giám đốc", "Bệnh viện Đa khoa Hậu Giang")]),
        # an age between commas before the appointment; "được phân công làm"; a rare surname after a rank
        ("Bác sĩ Trần Hùng Mạnh, 53 tuổi, được bổ nhiệm làm Giám đốc Bệnh viện Bưu điện trong 5 năm kể từ ngày 25/6.",
         "Trần Hùng Mạnh", [("Giám đốc", "Bệnh viện Bưu điện")]),
        ("Đại tá Tiền Thanh Liêm, Phó giám đốc Bệnh viện 30.4 được phân công làm Giám đốc Bệnh viện dã chiến Phước "
         "Lộc.", "Tiền Thanh Liêm",
         [("Phó Giám đốc", "Bệnh viện 30.4"), ("Giám đốc", "Bệnh viện dã chiến Phước Lộc")]),
        # "đảm nhiệm vai trò" takes up an office
        ("Hiện nay, Bs.CKII Nguyễn Thị Minh Thy đảm nhiệm vai trò Trưởng khoa Khoa Huyết học – Truyền máu, tiền nhiệm "
         "là Bs.CKI Nguyễn Ngọc Huỳnh.", "Nguyễn Thị Minh Thy", [("Trưởng khoa", "Khoa Huyết học – Truyền máu")]),
        # a government with its country; the office after a semicolon is the next item's, whose name follows it
        ("Tham dự sự kiện có Phó Thủ tướng Chính phủ Việt Nam Nguyễn Chí Dũng; Phó Thủ tướng Chính phủ Lào Kikeo "
         "Khaykhamphithoune cùng đại diện một số bộ.", "Nguyễn Chí Dũng", [("Phó Thủ tướng", "Chính phủ Việt Nam")]),
        ("Tham dự sự kiện có Phó Thủ tướng Chính phủ Việt Nam Nguyễn Chí Dũng; Phó Thủ tướng Chính phủ Lào Kikeo "
         "Khaykhamphithoune cùng đại diện một số bộ.", "Kikeo Khaykhamphithoune", [("Phó Thủ tướng", "Chính phủ Lào")]),
        # the office named in an appointment handed over is the appointee's, after "cho" or "đối với"
        ("Bộ trưởng Y tế Nguyễn Thị Kim Tiến vừa trao quyết định bổ nhiệm chức vụ Giám đốc Bệnh viện Phụ sản Trung "
         "ương cho PGS.TS Trần Danh Cường nhiệm kỳ 2018-2023.", "Trần Danh Cường",
         [("Giám đốc", "Bệnh viện Phụ sản Trung ương")]),
    ],
)
def test_offices_taken_up(text, name, positions, rules):
    assert positions_of(text, rules)[name] == positions


@pytest.mark.parametrize(
    "text, name, positions",
    [
        ("Hội nghị có sự tham dự của bà Hoàng Thị Thúy Lan - Ủy viên BCH TW, Bí thư Tỉnh ủy Vĩnh Phúc.",
         "Hoàng Thị Thúy Lan", [("Ủy viên Trung ương Đảng", None), ("Bí thư", "Tỉnh ủy Vĩnh Phúc")]),
        ("Phó Chủ tịch nước Đặng Thị Ngọc Thịnh thăm Bệnh viện Sản - Nhi Cà Mau.",
         "Đặng Thị Ngọc Thịnh", [("Phó Chủ tịch nước", None)]),
        # a party committee written bare is the one of the agency the next office is held in
        ("Tham dự buổi lễ có Thiếu tướng Bùi Quang Thanh - Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Đảng ủy, Giám đốc "
         "Công an tỉnh; Vi Hòe - Bí thư Huyện ủy Kỳ Sơn.", "Bùi Quang Thanh",
         [("Ủy viên Ban Thường vụ", "Tỉnh ủy"), ("Bí thư", "Đảng ủy Công an tỉnh"), ("Giám đốc", "Công an tỉnh")]),
        # "phụ trách" before "nhà trường", the school the article is about
        ("Trường Cao đẳng Lạng Sơn tổ chức lễ tốt nghiệp. Tham dự buổi lễ có TS. Phùng Quý Sơn – Phó Hiệu trưởng phụ "
         "trách nhà trường, các đồng chí trong Đảng ủy, Ban Giám hiệu.", "Phùng Quý Sơn",
         [("Phó Hiệu trưởng phụ trách", "Trường Cao đẳng Lạng Sơn")]),
        # an office that names its body takes none from the sentence or the side it is written on
        ("Tham dự lễ có đồng chí Đặng Thị Ngọc Thịnh, Ủy viên Ban Chấp hành Trung ương Đảng, Phó Chủ tịch nước.\n\n"
         "Phó Chủ tịch Nước Đặng Thị Ngọc Thịnh trao Huân chương Độc lập hạng III cho Bệnh viện",
         "Đặng Thị Ngọc Thịnh", [("Ủy viên Trung ương Đảng", None), ("Phó Chủ tịch nước", None)]),
        ("Về phía Bộ Y tế có đồng chí Đào Hồng Lan, Ủy viên Trung ương Đảng, Bộ trưởng Bộ Y tế, các đồng chí lãnh đạo "
         "Bộ.", "Đào Hồng Lan", [("Ủy viên Trung ương Đảng", None), ("Bộ trưởng", "Bộ Y tế")]),
        # the delegation of National Assembly deputies is the body of its head
        ("ông Lê Hữu Trí - Phó Trưởng Đoàn Đại biểu Quốc hội tỉnh đến thăm, chúc mừng Bệnh viện Da liễu.",
         "Lê Hữu Trí", [("Phó Trưởng đoàn", "Đoàn Đại biểu Quốc hội tỉnh")]),
        # a minister's ministry written without "Bộ"
        ("Bộ trưởng Y tế Nguyễn Thanh Long kiểm tra bệnh viện dã chiến số 1 tỉnh Bắc Giang.",
         "Nguyễn Thanh Long", [("Bộ trưởng", "Bộ Y tế")]),
        # the board merged in 2025 keeps both its names
        ("đoàn công tác do đồng chí Nguyễn Việt Long, Phó trưởng Ban Tuyên giáo và Dân vận Thành ủy TPHCM làm "
         "trưởng đoàn", "Nguyễn Việt Long", [("Phó Trưởng Ban Tuyên giáo và Dân vận", "Thành ủy TPHCM")]),
        # a comma lists the fields an organization is named after; a bracket after the name comes before the office
        ("cá nhân được nhận giải là Giáo sư Vũ Văn Đính (79 tuổi, hiện đang công tác tại Bệnh viện Bạch Mai Hà Nội), "
         "Chủ tịch Hội Hồi sức, Cấp cứu và Chống độc Việt Nam. Ông là người sáng lập ngành.",
         "Vũ Văn Đính", [("Chủ tịch", "Hội Hồi sức, Cấp cứu và Chống độc Việt Nam")]),
        ("Bà Đào Ngọc Dung, Bộ trưởng Bộ Lao động, Thương binh và Xã hội phát biểu.",
         "Đào Ngọc Dung", [("Bộ trưởng", "Bộ Lao động, Thương binh và Xã hội")]),
        # "phụ trách" qualifies the office as written; the delegation may be written in full after the office
        ("Tại hội nghị, Phó Giám đốc phụ trách Sở Nội vụ TP Hà Nội Nguyễn Thị Liễu đã công bố các Quyết định.",
         "Nguyễn Thị Liễu", [("Phó Giám đốc phụ trách", "Sở Nội vụ TP Hà Nội")]),
        ("Về phía ngành y tế, có BSCKII. Trần Văn Khải –  Phó Giám đốc Phụ trách Sở Y tế, BSCKII. Nguyễn Thị Lạc – "
         "Giám đốc Bệnh viện Đa khoa tỉnh Sóc Trăng.", "Trần Văn Khải", [("Phó Giám đốc phụ trách", "Sở Y tế")]),
        ("đồng chí Trần Đình Gia, Phó Trưởng đoàn phụ trách Đoàn đại biểu Quốc hội tỉnh đến thăm",
         "Trần Đình Gia", [("Phó Trưởng đoàn phụ trách", "Đoàn đại biểu Quốc hội tỉnh")]),
        # written before the name, the delegation's name holds no office of its own (đại biểu Quốc hội)
        ("Phó Chủ tịch UBND tỉnh Hồ Huy Thành và Phó Trưởng đoàn phụ trách Đoàn đại biểu Quốc hội tỉnh Trần Đình Gia "
         "ân cần thăm hỏi, động viên và trao quà Tết.",
         "Trần Đình Gia", [("Phó Trưởng đoàn phụ trách", "Đoàn đại biểu Quốc hội tỉnh")]),
        # the body as written at the office, when the article also spells its unit another way; one position
        ("Sáng 24/12, Chủ tịch UBND TP Hà Nội Vũ Đại Thắng chủ trì hội nghị. Chủ tịch UBND thành phố Hà Nội Vũ Đại "
         "Thắng phát biểu tại hội nghị.", "Vũ Đại Thắng", [("Chủ tịch", "UBND TP Hà Nội")]),
        # the head of the body that appoints someone holds no office of the person appointed
        ("Theo đó, Chủ tịch UBND thành phố Hà Nội bổ nhiệm ông Nguyễn Trọng Diện, Giám đốc Sở Y tế tỉnh Quảng Ninh.",
         "Nguyễn Trọng Diện", [("Giám đốc", "Sở Y tế tỉnh Quảng Ninh")]),
        ("Ông Nguyễn Trọng Diện về nhận công tác. Ngoài ông Nguyễn Trọng Diện, Chủ tịch UBND thành phố Hà Nội cũng "
         "điều động, bổ nhiệm thêm 4 cán bộ khác.", "Nguyễn Trọng Diện", []),
        # "T.Ư" for Trung ương; the ministry of defence named whole
        ("TP - Trong hai ngày 30 và 31/12/2013, Thượng tướng Nguyễn Thành Cung, Ủy viên T.Ư Đảng, Thứ trưởng Bộ Quốc "
         "phòng dẫn đầu đoàn công tác của Bộ Quốc phòng đến thăm.", "Nguyễn Thành Cung",
         [("Ủy viên Trung ương Đảng", None), ("Thứ trưởng", "Bộ Quốc phòng")]),
        # a fund named with lowercase words
        ("Ông Nguyễn Xuân Tâm, Giám đốc Quỹ Phát triển cộng đồng tỉnh Quảng Trị; Bệnh viện đa khoa khu vực.",
         "Nguyễn Xuân Tâm", [("Giám đốc", "Quỹ Phát triển cộng đồng tỉnh Quảng Trị")]),
        # a foreign body's office in the country, written by its acronym
        ("Quỹ Fred Hollows (FHF) vừa tặng Bệnh viện Mắt Phú Yên một kính hiển vi. Phó Giám đốc Sở Y tế Nguyễn Thanh "
         "Tĩnh và ông Huỳnh Tấn Phúc, Trưởng đại diện FHF Việt Nam tham dự lễ trao tặng thiết bị.", "Huỳnh Tấn Phúc",
         [("Trưởng Đại diện", "FHF Việt Nam")]),
        # the body a person represents holds the office written after the name without one
        ("- Đại diện Trung tâm Y tế dự phòng tỉnh An Giang, Ông Huỳnh Mộng Hùng - Phó Giám Đốc.", "Huỳnh Mộng Hùng",
         [("Phó Giám đốc", "Trung tâm Y tế dự phòng tỉnh An Giang")]),
        # an association's central level written in lowercase, after a healer's profession
        ("Thầy thuốc ưu tú, lương y Nguyễn Thị Sắc – Phó Chủ tịch trung ương Hội Đông y Việt Nam, đại diện lãnh đạo "
         "Ban Tuyên giáo thành ủy dự đại hội.", "Nguyễn Thị Sắc", [("Phó Chủ tịch", "Trung ương Hội Đông y Việt Nam")]),
    ],
)
def test_central_committee_abbreviations_and_state_offices(text, name, positions, rules):
    assert positions_of(text, rules)[name] == positions


@pytest.mark.parametrize(
    "text, name, positions",
    [
        # two offices joined by "kiêm" are held in the body written after the second
        ("Bà Nguyễn Thị Ngọc Hồ, Chủ tịch kiêm Tổng giám đốc Tập đoàn Y tế Phương Châu đón nhận Con dấu vàng.",
         "Nguyễn Thị Ngọc Hồ",
         [("Chủ tịch", "Tập đoàn Y tế Phương Châu"), ("Tổng Giám đốc", "Tập đoàn Y tế Phương Châu")]),
        # a bare unit word ends a body's name, so the office after "kiêm" is read
        ("bà Tô Thị Kim Hoa – Phó Giám đốc Sở Y tế thành phố kiêm Chi cục Trưởng Chi cục DS-KHHGĐ thành phố ký kết.",
         "Tô Thị Kim Hoa",
         [("Phó Giám đốc", "Sở Y tế thành phố"), ("Chi cục trưởng", "Chi cục DS-KHHGĐ thành phố")]),
        # a bare party committee is the committee of the facility the next office is held in
        ("Dự có PGS.TS Đào Xuân Cơ - Bí thư Đảng ủy, Giám đốc Bệnh viện Bạch Mai.", "Đào Xuân Cơ",
         [("Bí thư", "Đảng ủy Bệnh viện Bạch Mai"), ("Giám đốc", "Bệnh viện Bạch Mai")]),
        ("Về phía Bệnh viện Hữu Nghị có PGS.TS Nguyễn Thanh Hà, Bí thư Đảng ủy -Giám đốc bệnh viện.", "Nguyễn Thanh Hà",
         [("Bí thư", "Đảng ủy Bệnh viện Hữu Nghị"), ("Giám đốc", "Bệnh viện Hữu Nghị")]),
        ("Bệnh viện đa khoa tỉnh Sơn La tổ chức lễ chào cờ. Chủ trì buổi sinh hoạt, đ/c Đỗ Xuân Thụ - Bí thư Đảng bộ - "
         "Giám đốc Bệnh viện đã triển khai tuyên truyền.", "Đỗ Xuân Thụ",
         [("Bí thư", "Đảng bộ Bệnh viện đa khoa tỉnh Sơn La"), ("Giám đốc", "Bệnh viện đa khoa tỉnh Sơn La")]),
        # the Youth Union's "Thanh niên" is one word of its name
        ("Bệnh viện Nhi Thái Bình tổ chức lễ. Chị Nguyễn Thị Minh Chính, Bí thư Đoàn Thanh niên, Phó Giám đốc Bệnh "
         "viện phát biểu.", "Nguyễn Thị Minh Chính",
         [("Bí thư", "Đoàn Thanh niên"), ("Phó Giám đốc", "Bệnh viện Nhi Thái Bình")]),
        # … but not of a people's council: the ward's committee is read as before
        ("Tham dự có ông Nguyễn Đông Tùng, Bí thư Đảng ủy, Chủ tịch HĐND phường Phú Nhuận.", "Nguyễn Đông Tùng",
         [("Bí thư", "Đảng ủy phường Phú Nhuận"), ("Chủ tịch", "HĐND phường Phú Nhuận")]),
        # offices joined by a dash after a comma lead the next name's chain, not the name before
        ("Tham dự hội nghị phía Tập đoàn có Chủ tịch - TGĐ Tào Đức Thắng, Bí thư Đảng ủy - Phó TGĐ Tập đoàn "
         "Nguyễn Thanh Nam cùng lãnh đạo các cơ quan, đơn vị.", "Nguyễn Thanh Nam",
         [("Bí thư", "Đảng ủy"), ("Phó Tổng Giám đốc", "Tập đoàn")]),
        ("Tham dự hội nghị phía Tập đoàn có Chủ tịch - TGĐ Tào Đức Thắng, Bí thư Đảng ủy - Phó TGĐ Tập đoàn "
         "Nguyễn Thanh Nam cùng lãnh đạo các cơ quan, đơn vị.", "Tào Đức Thắng",
         [("Chủ tịch", None), ("Tổng Giám đốc", None)]),
        ("Đến dự có Chủ tịch Công đoàn ngành y tế Nguyễn Chí Đông, Bí thư Đảng ủy - Giám đốc BV Nguyễn Đình Chiểu "
         "Trình Minh Hiệp cùng 120 công đoàn viên.", "Nguyễn Chí Đông", [("Chủ tịch", "Công đoàn ngành y tế")]),
        # … while a chain that follows a dash stays with the name before it
        ("Ông Lê Văn An – Phó Bí thư Huyện ủy – Chủ tịch HĐND huyện, ông Tạ Văn Bình phát biểu.", "Lê Văn An",
         [("Phó Bí thư", "Huyện ủy"), ("Chủ tịch", "HĐND huyện")]),
        # a body written lowercase by its first words ("học viện" for Học viện Y – Dược …)
        ("Học viện Y – Dược học cổ truyền Việt Nam ký thỏa thuận. Dự có PGS.TS Nguyễn Quốc Huy - Giám đốc học viện.",
         "Nguyễn Quốc Huy", [("Giám đốc", "Học viện Y – Dược học cổ truyền Việt Nam")]),
        # a lowercase branch of the body named after it
        ("Bác sĩ Phú Thị Diễm Lệ,Bí thư chi đoàn thanh niên Trung Tâm Y Tế Ninh Phước , cho biết mũ bảo hộ có giá "
         "thành chỉ khoảng 5.000 đồng.", "Phú Thị Diễm Lệ",
         [("Bí thư", "Chi đoàn thanh niên Trung Tâm Y Tế Ninh Phước")]),
        # an association or a union named after the body it belongs to
        ("Thiếu tá Nguyễn Thị Thủy, Chủ tịch Hội Phụ nữ Công an thành phố Phúc Yên chia sẻ: \"Những suất ăn mang "
         "tình yêu thương\".", "Nguyễn Thị Thủy", [("Chủ tịch", "Hội Phụ nữ Công an thành phố Phúc Yên")]),
        ("Ông Lê Văn An, Bí thư Đoàn Thanh niên Sở Y tế Hà Nội dự lễ ra quân.", "Lê Văn An",
         [("Bí thư", "Đoàn Thanh niên Sở Y tế Hà Nội")]),
        # a party committee written lowercase after its secretary's office, in the commune of the next office
        ("Tại lễ khánh thành, ông Trần Kim Trung - Phó bí thư đảng ủy, Chủ tịch UBND xã Ngư Thủy Bắc cho biết, Ngư "
         "Thủy Bắc là xã biển bãi ngang.", "Trần Kim Trung",
         [("Phó Bí thư", "Đảng ủy xã Ngư Thủy Bắc"), ("Chủ tịch", "UBND xã Ngư Thủy Bắc")]),
    ],
)
def test_offices_sharing_a_body(text, name, positions, rules):
    assert positions_of(text, rules)[name] == positions


@pytest.mark.parametrize(
    "text, name, positions",
    [
        # titles between the name and its office; "nguyên" (former) and "được bổ nhiệm" without "giữ chức"
        ("Tham dự có BS Võ Anh Hoang, Thầy thuốc Nhân dân, nguyên Giám đốc Sở Y tế tỉnh Cà Mau.",
         "Võ Anh Hoang", [("Giám đốc", "Sở Y tế tỉnh Cà Mau")]),
        ("Bộ trưởng Bộ Y tế chúc mừng TS.BS. Đinh Văn Lượng được bổ nhiệm Giám đốc Bệnh viện Phổi Trung ương.",
         "Đinh Văn Lượng", [("Giám đốc", "Bệnh viện Phổi Trung ương")]),
        # a form of address between the organization and the name
        ("Ngày 06/02, Trưởng Ban Dân vận Trung ương bà Trương Thị Mai chia sẻ với những khó khăn của các gia đình.",
         "Trương Thị Mai", [("Trưởng Ban Dân vận", "Trung ương")]),
        # "Ly" is a surname; "Ủy viên Thường vụ" is "Ủy viên Ban Thường vụ"; "Phó Ban Thường trực"
        ("Dự có Trưởng Ban Nội chính Tỉnh ủy Ly Kiều Vân và Phó Chủ tịch UBND tỉnh Hoàng Nam.",
         "Ly Kiều Vân", [("Trưởng Ban Nội chính", "Tỉnh ủy")]),
        ("Ngày 26-2, đồng chí Trần Minh Lực, Ủy viên Thường vụ Tỉnh ủy, Phó Chủ tịch HĐND tỉnh đến thăm.",
         "Trần Minh Lực", [("Ủy viên Ban Thường vụ", "Tỉnh ủy"), ("Phó Chủ tịch", "HĐND tỉnh")]),
        ("Đi cùng là đồng chí Lâm Tiến Thạch – Tỉnh Ủy viên, Phó Ban Thường trực Ban Tổ chức Tỉnh ủy.",
         "Lâm Tiến Thạch", [("Tỉnh ủy viên", None), ("Phó Ban Thường trực", "Ban Tổ chức Tỉnh ủy")]),
        ("Về phía ngành y tế, có BSCKII. Trần Văn Khải – Phó Giám đốc Phụ trách Sở Y tế.",
         "Trần Văn Khải", [("Phó Giám đốc phụ trách", "Sở Y tế")]),
        # qualifiers of a director's office; a bloc's party committee; a broadcaster's name
        ("Bà Bùi Thị Hải Hà, Tổng Giám đốc điều hành Bệnh viện Mắt Quốc tế Sài Gòn - Gia Lai phát biểu.",
         "Bùi Thị Hải Hà", [("Tổng Giám đốc điều hành", "Bệnh viện Mắt Quốc tế Sài Gòn - Gia Lai")]),
        ("Bà Nguyễn Thị Thanh Phượng, Giám đốc chuyên môn Bệnh viện Mắt Quốc tế Sài Gòn - Gia Lai cho biết.",
         "Nguyễn Thị Thanh Phượng", [("Giám đốc chuyên môn", "Bệnh viện Mắt Quốc tế Sài Gòn - Gia Lai")]),
        ("Ông Trần Xuân Thiện- Bí thư Đảng ủy khối Cơ quan và Doanh nghiệp tỉnh vừa đến thăm.",
         "Trần Xuân Thiện", [("Bí thư", "Đảng ủy khối Cơ quan và Doanh nghiệp tỉnh")]),
        ("Ông Đỗ Tiến Sỹ, Ủy viên Trung ương Đảng, Tổng Giám đốc Đài Tiếng nói Việt Nam phát biểu.",
         "Đỗ Tiến Sỹ", [("Ủy viên Trung ương Đảng", None), ("Tổng Giám đốc", "Đài Tiếng nói Việt Nam")]),
        # consuls and chargés d'affaires; a family name written in capitals
        ("Dự có ông MORI Takero, Tổng Lãnh sự Nhật Bản tại Đà Nẵng và ông TERADO Hirotsugu, Lãnh sự Nhật Bản.",
         "TERADO Hirotsugu", [("Lãnh sự", "Nhật Bản")]),
        ("Ông Alexander Nowakowski, Đại biện lâm thời Đại sứ quán Ba Lan tại Việt Nam phát biểu.",
         "Alexander Nowakowski", [("Đại biện lâm thời", "Đại sứ quán Ba Lan")]),
        # two appointing verbs before the office taken up; "kiêm" between two offices before a name
        ("Phó Giám đốc Bệnh viện Đa khoa Kiên Giang Đỗ Hữu Trí được điều động, bổ nhiệm giữ chức Giám đốc Bệnh viện "
         "Sản - Nhi Kiên Giang.", "Đỗ Hữu Trí",
         [("Phó Giám đốc", "Bệnh viện Đa khoa Kiên Giang"), ("Giám đốc", "Bệnh viện Sản - Nhi Kiên Giang")]),
        ("Bí thư Huyện ủy kiêm Chủ tịch UBND huyện Phú Quý Lê Quang Vinh trân trọng cảm ơn.", "Lê Quang Vinh",
         [("Bí thư", "Huyện ủy Phú Quý"), ("Chủ tịch", "UBND huyện Phú Quý")]),
        # a fixed phrase in lowercase right after the head word; a verb of speech ends the organization
        ("Chiều 17/8 tại BV Việt Đức ông Phạm Văn Tác, Vụ trưởng Vụ tổ chức cán bộ (Bộ Y tế) đã đọc quyết định.",
         "Phạm Văn Tác", [("Vụ trưởng", "Vụ tổ chức cán bộ")]),
        # a semicolon opens the next item when that item's offices end before the next name
        ("Cùng đi với đoàn có Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh Bình Định Nguyễn Tuấn Thanh; Trưởng ban Ban "
         "Dân vận Tỉnh ủy, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Nguyễn Thị Phong Vũ; lãnh đạo Sở Lao động.",
         "Nguyễn Tuấn Thanh", [("Phó Chủ tịch Thường trực", "Ủy ban nhân dân tỉnh Bình Định")]),
        ("Cùng đi với đoàn có Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh Bình Định Nguyễn Tuấn Thanh; Trưởng ban Ban "
         "Dân vận Tỉnh ủy, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Nguyễn Thị Phong Vũ; lãnh đạo Sở Lao động.",
         "Nguyễn Thị Phong Vũ", [("Trưởng Ban Dân vận", "Tỉnh ủy Bình Định"),
                                 ("Chủ tịch", "Ủy ban MTTQ Việt Nam tỉnh Bình Định")]),
        # but a speaker's offices may be listed with semicolons
        ("BS.CKII. Đỗ Thị Ngọc Diệp - Phó Chủ tịch Hội Dinh dưỡng Việt Nam; Nguyên Giám đốc Trung tâm Dinh dưỡng TP.HCM",
         "Đỗ Thị Ngọc Diệp", [("Phó Chủ tịch", "Hội Dinh dưỡng Việt Nam"), ("Giám đốc", "Trung tâm Dinh dưỡng TP.HCM")]),
        # a year of birth in brackets between the name and its office
        ("Bà Nguyễn Thùy Phong (SN 1986), Trưởng phòng Kế hoạch-Dân số và Truyền thông GDSK vừa được bổ nhiệm.",
         "Nguyễn Thùy Phong", [("Trưởng phòng", "Phòng Kế hoạch-Dân số và Truyền thông GDSK")]),
        # a military region's number is part of its name
        ("Thiếu tướng Võ Văn Việt, Chính ủy Bộ Tư lệnh Quân khu 4 đã đến dự.", "Võ Văn Việt",
         [("Chính ủy", "Bộ Tư lệnh Quân khu 4")]),
        # a department's fixed name with a dash inside it
        ("ông Nguyễn Duy Khê - Vụ trưởng Vụ Sức khỏe bà mẹ - trẻ em (Bộ Y tế) đề nghị: Quảng Ngãi cần tăng cường.",
         "Nguyễn Duy Khê", [("Vụ trưởng", "Vụ Sức khỏe bà mẹ - trẻ em")]),
        # a corps written bare is the one the article names with its number
        ("Trung tướng Đào Tuấn Anh - Tư lệnh Quân đoàn 34 đã đến thăm Bệnh viện Quân y 211. Cùng đến thăm có Thiếu "
         "tướng Đỗ Đức Dũng - Chủ nhiệm Chính trị Quân đoàn.", "Đỗ Đức Dũng", [("Chủ nhiệm Chính trị", "Quân đoàn 34")]),
        # a navy region written bare after its commander's office is the one the article numbers
        ("Sáng 26-2, Bộ Tư lệnh Vùng 5 Hải quân tổ chức gặp mặt. Phát biểu tại buổi gặp mặt, Chuẩn Đô đốc Trịnh Xuân "
         "Tùng, Tư lệnh Vùng mong muốn các cán bộ tiếp tục phát huy truyền thống.", "Trịnh Xuân Tùng",
         [("Tư lệnh", "Bộ Tư lệnh Vùng 5 Hải quân")]),
        ("Tham dự có ông Lê Hồng Anh, nguyên Ủy viên Bộ Chính trị, nguyên Thường trực Ban Bí thư, nguyên Bộ trưởng Bộ Công an.",
         "Lê Hồng Anh", [("Ủy viên Bộ Chính trị", None), ("Thường trực Ban Bí thư", None), ("Bộ trưởng", "Bộ Công an")]),
        # a deputy head of a department written short keeps the short form
        ("Chị Trương Thị Thu, Phó phòng Công tác xã hội Bệnh viện đa khoa tỉnh Bình Định cho biết.", "Trương Thị Thu",
         [("Phó phòng", "Phòng Công tác xã hội Bệnh viện đa khoa tỉnh Bình Định")]),
        # the chair of a governing board holds one office, the board's whole name
        ("Bà Ma Thị Hiền, Chủ tịch Hội đồng quản trị chia sẻ về kế hoạch hợp tác.", "Ma Thị Hiền",
         [("Chủ tịch Hội đồng quản trị", None)]),
        ("Về phía Trường Đại học Nam Cần Thơ có GS.TS Nguyễn Tiến Dũng - Chủ tịch Hội đồng Trường Đại học Nam Cần Thơ.",
         "Nguyễn Tiến Dũng", [("Chủ tịch Hội đồng trường", "Trường Đại học Nam Cần Thơ")]),
        # a facility named after a person in a list of directors; a kind of facility that looks like a surname
        ("Đó là: BS Nguyễn Phi Hùng - Giám đốc Bệnh viện Nguyễn Tri Phương, BS Nguyễn Huy Dũng - Giám đốc Bệnh viện "
         "Phạm Ngọc Thạch, BS Trần Sơn Thạch - Giám đốc Bệnh viện Phụ sản Hùng Vương.", "Nguyễn Phi Hùng",
         [("Giám đốc", "Bệnh viện Nguyễn Tri Phương")]),
        ("Đón tiếp đoàn công tác, TS.BS Bùi Vinh Quang – Bí thư Đảng ủy, Giám đốc Bệnh viện Ung Bướu Hà Nội – bày tỏ "
         "sự trân trọng.", "Bùi Vinh Quang", [("Bí thư", "Đảng ủy Bệnh viện Ung Bướu Hà Nội"), ("Giám đốc", "Bệnh viện Ung Bướu Hà Nội")]),
        # a minister without the ministry, in an article that names one ministry; surname Đầu
        ("Thay mặt Bộ Y tế, Thứ trưởng Trần Văn Thuấn gửi lời chúc mừng năm mới.", "Trần Văn Thuấn",
         [("Thứ trưởng", "Bộ Y tế")]),
        ("Bộ Chính trị và Bộ Y tế chỉ đạo. Quyền Bộ trưởng Nguyễn Thanh Long phát biểu.", "Nguyễn Thanh Long",
         [("Quyền Bộ trưởng", "Bộ Y tế")]),
        # a capitalised syllable with the lowercase one that completes its word keeps the body's name going
        ("Ông Nguyễn Hồng Dũng, Chủ tịch Hiệp Hội Điều dưỡng Việt Nam phát biểu.", "Nguyễn Hồng Dũng",
         [("Chủ tịch", "Hiệp Hội Điều dưỡng Việt Nam")]),
        ("Đồng chí Nguyễn Văn An, Trưởng Ban Đối ngoại Trung ương thăm bệnh viện.", "Nguyễn Văn An",
         [("Trưởng Ban Đối ngoại", "Trung ương")]),
        # a plural office over a list after a colon: each name holds it, besides its own
        ("Cùng đi có các ủy viên Bộ Chính trị: Bí thư Trung ương Đảng, Trưởng Ban Tổ chức Trung ương Lê Minh Hưng; "
         "Đại tướng Phan Văn Giang, Bộ trưởng Quốc phòng.", "Phan Văn Giang",
         [("Ủy viên Bộ Chính trị", None), ("Bộ trưởng", "Bộ Quốc phòng")]),
        ("Tham dự có các Phó Chủ tịch UBND tỉnh: Nguyễn Văn An, Trần Văn Bình.", "Trần Văn Bình",
         [("Phó Chủ tịch", "UBND tỉnh")]),
        # former holders of one office, one after another
        ("Dịp này, Đoàn đã đến thăm, chúc Tết các đồng chí là nguyên Chủ tịch UBND Quận 4 qua các thời kỳ: đồng chí "
         "Trần Hoàng Quân, đồng chí Trần Quang Phượng, đồng chí Lê Kim Dung.", "Lê Kim Dung",
         [("Chủ tịch", "UBND Quận 4")]),
        # a rector without the school, in an article that names one university
        ("Ngày 20/4/2019, Hội đồng trường của Trường Đại học Y Hà Nội đã họp phiên thứ Nhất. GS.TS. Tạ Thành Văn, "
         "Hiệu trưởng phát biểu khai mạc.", "Tạ Thành Văn", [("Hiệu trưởng", "Trường Đại học Y Hà Nội")]),
        ("Chiều ngày 07/02/2024, đồng chí Đầu Thanh Tùng – Tỉnh uỷ viên, Phó Chủ tịch UBND tỉnh đến thăm.",
         "Đầu Thanh Tùng", [("Tỉnh ủy viên", None), ("Phó Chủ tịch", "UBND tỉnh")]),
        # "Trung tâm": the first words of the centre the article names; "dự" (attends) ends a name
        ("Ngày 24/2, Đoàn đến thăm Trung tâm Y tế huyện Núi Thành. Về phía Trung tâm Y tế huyện có BSCKI Nguyễn Minh "
         "Thu, Giám đốc Trung tâm; Ông Phan Ngọc Chung, Phó Giám đốc Trung tâm.", "Phan Ngọc Chung",
         [("Phó Giám đốc", "Trung tâm Y tế huyện Núi Thành")]),
        ("Bệnh viện công bố quyết định về Trung tâm Hồi sức Covid-19 Trung ương. PGS.TS Nguyễn Công Hoàng - Giám đốc "
         "Trung tâm dự, trao quyết định.", "Nguyễn Công Hoàng", [("Giám đốc", "Trung tâm Hồi sức Covid-19 Trung ương")]),
        # two offices before a name joined by a dash; "kiêm giữ chức vụ" between two offices after a name
        ("Phó bí thư Thường trực Tỉnh ủy - Chủ tịch HĐND tỉnh Hồ Thị Hoàng Yến đến dự.", "Hồ Thị Hoàng Yến",
         [("Phó Bí thư Thường trực", "Tỉnh ủy"), ("Chủ tịch", "HĐND tỉnh")]),
        ("UBND tỉnh bổ nhiệm ông Lê Xuân Hoàng, Phó Giám đốc Sở Y tế kiêm giữ chức vụ Giám đốc Bệnh viện Đa khoa tỉnh "
         "Hòa Bình kể từ ngày 27/9.", "Lê Xuân Hoàng",
         [("Phó Giám đốc", "Sở Y tế"), ("Giám đốc", "Bệnh viện Đa khoa tỉnh Hòa Bình")]),
        # a unit written in lowercase with a name of two words after "thành phố"
        ("Đến dự chương trình có đồng chí Nông Tiến Cương - Giám đốc Sở Y tế Lào Cai, đồng chí Lê Quang Minh - Chủ tịch "
         "thành phố Lào Cai, cùng nhiều quý vị đại biểu.", "Lê Quang Minh", [("Chủ tịch", "Thành phố Lào Cai")]),
    ],
)
def test_offices_after_titles_addresses_and_qualifiers(text, name, positions, rules):
    found = positions_of(text, rules)
    assert name in found, f"{name} not in {list(found)}"
    assert found[name] == positions


def test_a_qualified_office_and_its_plain_mention_are_one_position(rules):
    text = ("Đồng chí Đặng Huy Hậu, Phó Chủ tịch Thường trực UBND tỉnh Quảng Ninh tới dự. Phó Chủ tịch UBND tỉnh "
            "Đặng Huy Hậu phát biểu.")
    assert positions_of(text, rules)["Đặng Huy Hậu"] == [("Phó Chủ tịch Thường trực", "UBND tỉnh Quảng Ninh")]


def test_an_office_written_short_later_is_the_same_position(rules):
    text = "Chủ tịch nước Lương Cường đã ký quyết định. Thừa ủy quyền, Chủ tịch Lương Cường trao danh hiệu."
    assert positions_of(text, rules)["Lương Cường"] == [("Chủ tịch nước", None)]


def test_an_office_after_one_name_is_not_taken_over_the_next_names_address(rules):
    text = "đồng chí Lỗ Xuân Hòa– Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức huyện ủy đồng chí Trần Văn Bình phát biểu"
    assert positions_of(text, rules).get("Trần Văn Bình", []) == []


@pytest.mark.parametrize("text", [
    "Bộ trưởng Bộ Y tế đã tặng quà bà Nguyễn Thị Hoa tại bệnh viện.",
    "Tham dự có Giám đốc Bệnh viện Bạch Mai cùng ông Lê Văn Tám.",
    "Giám đốc Sở Y tế thăm hỏi ông Lê Văn Tám, bệnh nhân điều trị tại khoa.",
])
def test_an_office_before_a_clause_is_not_the_addressed_persons(text, rules):
    assert all(not positions for positions in positions_of(text, rules).values())
