"""Facilities: kinds by head word, names completed by their unit, short forms resolved within
the article, generic phrases left out, and one canonical key per facility."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.document import AnnotatedArticle, CleanedArticle
from pipeline.extract.entities import canonical_key, extract_entities
from pipeline.rules import RuleSet
from pipeline.textnorm import normalize_text


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return RuleSet.load()


def facilities_of(text: str, rules: RuleSet):
    text = normalize_text(text)
    ann = AnnotatedArticle(article=CleanedArticle(body=text), text=text, body_length=len(text), doc=None, rules=rules)
    return extract_entities(ann).facilities


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ngày 23/10, Bệnh viện Đa khoa Đức Giang đã tổ chức Lễ ký kết thỏa thuận hợp tác với Trạm Y tế phường Long Biên.",
         [("Bệnh viện Đa khoa Đức Giang", "hospital"), ("Trạm Y tế phường Long Biên", "health_station")]),
        ("Đồng chí Lê Khắc Nam, Phó chủ tịch UBND thành phố trao hoa, quà tặng Trung tâm Y tế huyện Kiến Thụy.",
         [("Trung tâm Y tế huyện Kiến Thụy", "health_center")]),
        ("Khám sức khỏe răng miệng cho người dân tại Trạm y tế phường Cầu Diễn, quận Nam Từ Liêm.",
         [("Trạm y tế phường Cầu Diễn", "health_station")]),
        ("Gia đình đưa bé đến Bệnh viện đa khoa Đồng Tháp điều trị nhưng đã tử vong sau đó.",
         [("Bệnh viện đa khoa Đồng Tháp", "hospital")]),
        ("vào tối ngày 20/7/2015, bệnh viện đa khoa huyện Trạm Tấu (Yên Bái) tiếp nhận bốn bệnh nhân",
         [("Bệnh viện đa khoa huyện Trạm Tấu", "hospital")]),
        ("Ngành y tế sẽ tích cực để hoàn thành dự án xây dựng Bệnh viện Nhi Hà Nội, Bệnh viện Tim Hà Nội.",
         [("Bệnh viện Nhi Hà Nội", "hospital"), ("Bệnh viện Tim Hà Nội", "hospital")]),
        ("Thu về gần 23.000 mẫu được chuyển lên Trung tâm Kỹ thuật cao và Tiêu hóa Hà Nội phân tích.",
         [("Trung tâm Kỹ thuật cao và Tiêu hóa Hà Nội", "other")]),
        # lists sharing one head
        ("Trung tâm cấp cứu 115, Bệnh viện đa khoa Xanh Pôn, Hòe Nhai, Hà Đông, Đức Giang và Bệnh viện Thanh Nhàn bố trí các tổ thường trực.",
         [("Trung tâm cấp cứu 115", "other"), ("Bệnh viện đa khoa Xanh Pôn", "hospital"), ("Bệnh viện đa khoa Hòe Nhai", "hospital"),
          ("Bệnh viện đa khoa Hà Đông", "hospital"), ("Bệnh viện đa khoa Đức Giang", "hospital"), ("Bệnh viện Thanh Nhàn", "hospital")]),
        ("xây dựng mô hình kiểu mẫu về kiểm soát nhiễm khuẩn tại 6 bệnh viện là: Bạch Mai, Chợ Rẫy, Trung ương Huế và Bệnh viện Nhi đồng 1.",
         [("Bệnh viện Bạch Mai", "hospital"), ("Bệnh viện Chợ Rẫy", "hospital"), ("Bệnh viện Trung ương Huế", "hospital"),
          ("Bệnh viện Nhi đồng 1", "hospital")]),
        # a plural head before a list of full names is the first of them
        ("phân bổ cho các Bệnh viện Đa khoa tỉnh Bình Thuận, Bệnh viện Đa khoa khu vực Bắc Bình Thuận mỗi đơn vị 2 máy thở.",
         [("Bệnh viện Đa khoa tỉnh Bình Thuận", "hospital"), ("Bệnh viện Đa khoa khu vực Bắc Bình Thuận", "hospital")]),
        # a fixed phrase after the proper name is what the facility does, not its name
        ("Các y, bác sĩ Trạm xá quân dân y Vĩnh Gia khám, chữa bệnh cho người dân xã biên giới Vĩnh Gia.",
         [("Trạm xá quân dân y Vĩnh Gia", "health_station")]),
        # a list of communes whose last item names its own unit
        ("Đồng thời, đề xuất cải tạo Trạm Y tế 2 xã Khánh An, Khánh Bình và thị trấn Long Bình; kiến nghị cải tạo.",
         [("Trạm Y tế xã Khánh An", "health_station"), ("Trạm Y tế xã Khánh Bình", "health_station"),
          ("Trạm Y tế thị trấn Long Bình", "health_station")]),
        # a number before what it counts is no unit's name
        ("Đợt này, các nhà hảo tâm đã trao tặng cho Bệnh viện đa khoa tỉnh 4 máy thở lưu lượng cao.",
         [("Bệnh viện đa khoa tỉnh", "hospital")]),
        # an abbreviated head before a number is spelled out
        ("gồm: Bệnh viện Trung ương Quân đội 108, Bệnh viện Quân y (BVQY) 103 (Học viện Quân y), BVQY 354 (Tổng cục Hậu cần).",
         [("Bệnh viện Trung ương Quân đội 108", "hospital"), ("Bệnh viện Quân y 103", "hospital"),
          ("Bệnh viện Quân y 354", "hospital")]),
        # generic phrases are not facilities
        ("Ngoài ra, địa bàn quận có 6 bệnh viện, 540 cơ sở hành nghề y, dược tư nhân.", []),
        ("Củng cố mạng lưới trạm y tế theo hướng tích hợp mô hình bác sĩ gia đình, các bệnh viện đa khoa trực thuộc Sở Y tế.", []),
        ("Hà Nội sẽ mở rộng phòng khám bác sĩ gia đình tại 100% phòng khám đa khoa khu vực và 50% trạm y tế.", []),
        ("Nguồn ảnh: (Ảnh: Khoa Nguyễn)", []),
        ("Điều trị lưu tại Trạm Y tế tuyến xã, Phòng khám đa khoa khu vực.", []),
        ("Phòng khám đa khoa khu vực Minh Đức tiếp nhận bệnh nhân.", [("Phòng khám đa khoa khu vực Minh Đức", "clinic")]),
        # "toàn bộ" is the whole of one body, not a quantifier; verbs and "sang" end a department's name
        ("Trung tâm Y tế huyện Đăk Song cũng đã di chuyển toàn bộ khoa Nội sang nơi khác để hình thành khu cách ly.",
         [("Trung tâm Y tế huyện Đăk Song", "health_center"), ("Khoa Nội", "department")]),
        ("Phòng Kế hoạch - Nghiệp vụ Y chịu trách nhiệm cập nhật các văn bản chỉ đạo của Bộ Y tế.",
         [("Phòng Kế hoạch - Nghiệp vụ Y", "department")]),
        # regional hospitals named by their region; blood centres; public health institutes are organizations
        ("Các nạn nhân được cấp cứu, điều trị tại Bệnh viện đa khoa khu vực miền núi phía Bắc Quảng Nam.",
         [("Bệnh viện đa khoa khu vực miền núi phía Bắc Quảng Nam", "hospital")]),
        ("TS.BS. Nguyễn Bá Khanh – Phó Giám đốc Trung tâm Máu quốc gia, Viện Huyết học – Truyền máu Trung ương.",
         [("Trung tâm Máu quốc gia", "other"), ("Viện Huyết học – Truyền máu Trung ương", "other")]),
        ("Bệnh viện Bạch Mai hỗ trợ từ xa và Viện Pasteur Nha Trang đã tìm hiểu nguyên nhân dịch tễ các trường hợp ngộ độc.",
         [("Bệnh viện Bạch Mai", "hospital")]),
        # care centres keep lowercase words in their names; cosmetic clinics
        ("Tổng Bí thư Tô Lâm tới thăm, tặng quà thương binh, bệnh binh tại Trung tâm Điều dưỡng thương binh Thuận Thành "
         "(phường Ninh Xá, tỉnh Bắc Ninh).", [("Trung tâm Điều dưỡng thương binh Thuận Thành", "other")]),
        ("Đoàn công tác đã có buổi đến thăm và làm việc tại Trung tâm Chăm sóc ở cữ VinNest - Bệnh viện Vinmec Smart City.",
         [("Trung tâm Chăm sóc ở cữ VinNest", "other"), ("Bệnh viện Vinmec Smart City", "hospital")]),
        ("Hoa hậu Hà Kiều Anh chính thức khai trương Thẩm mỹ viện JK Imperial Beauty Center, ngày 18/09.",
         [("Thẩm mỹ viện JK Imperial Beauty Center", "clinic")]),
        ("Tổng đài viên của Trung tâm Chăm sóc khách hàng hướng dẫn người dân.", []),
    ],
)
def test_facilities(text, expected, rules):
    assert [(f.name, f.kind) for f in facilities_of(text, rules)] == expected


def test_unit_completes_a_short_name(rules):
    text = (
        "Hiện nay, ngành Y tế quận Bắc Từ Liêm có 244 cán bộ, nhân viên thuộc Trung tâm Y tế và Phòng Y tế quận. "
        "Năm 2020, Trung tâm Y tế quận được đầu tư xây mới và hoàn thành vào năm 2022."
    )
    facilities = facilities_of(text, rules)
    assert [(f.name, f.aliases) for f in facilities] == [("Trung tâm Y tế quận Bắc Từ Liêm", ["Trung tâm Y tế quận"])]


def test_short_forms_are_aliases_of_one_facility(rules):
    text = (
        "Chiều ngày 17/4/2024, Đoàn công tác của Bệnh viện Bãi Cháy (BVBC) đã có buổi làm việc với Trung tâm Y tế thị xã Đông Triều.\n\n"
        "Tiếp và làm việc với đoàn, về phía TTYT TX ĐT có Bác sĩ CKII Lê Kỳ Trường - Giám đốc.\n\n"
        "BSCKI Hà Duy Nam - Phó giám đốc TTYT ĐT báo cáo những thuận lợi, khó khăn của Trung tâm.\n\n"
        "Qua đánh giá thực trạng cơ sở vật chất của TTYTTXĐT, Đoàn công tác của BVBC đã thảo luận."
    )
    facilities = facilities_of(text, rules)
    assert [f.name for f in facilities] == ["Bệnh viện Bãi Cháy", "Trung tâm Y tế thị xã Đông Triều"]
    assert facilities[0].aliases == ["BVBC"]
    assert set(facilities[1].aliases) == {"TTYT TX ĐT", "TTYT ĐT", "TTYTTXĐT"}
    normalised = normalize_text(text)
    assert [normalised[m.start:m.end] for m in facilities[0].mentions].count("BVBC") == 2


@pytest.mark.parametrize(
    "text, expected",
    [
        # every syllable's initial, lowercase ones too, and the unit left out
        ("Bệnh viện Y học cổ truyền tỉnh Thanh Hóa tổ chức hội nghị. Giám đốc BV YHCT cho biết.",
         [("Bệnh viện Y học cổ truyền tỉnh Thanh Hóa", ["BV YHCT"])]),
        # a number in the name stays whole
        ("Sáng 5/3, Bệnh viện Quân y 175 tổ chức hội nghị tổng kết. Giám đốc BVQY175 cho biết bệnh viện đã khám "
         "cho hàng nghìn bệnh nhân.", [("Bệnh viện Quân y 175", ["BVQY175"])]),
        # initials joined by a full stop end the name (HA.GL), and the name's acronym keeps them
        ("Khai trương từ tháng 1-2012, đến nay Bệnh viện Đại học Y Dược-HA.GL (BV ĐHYD-HA.GL) đã đi vào hoạt động "
         "được hơn 4 tháng.", [("Bệnh viện Đại học Y Dược-HA.GL", ["BV ĐHYD-HA.GL"])]),
    ],
)
def test_short_forms_from_every_syllable(text, expected, rules):
    assert [(f.name, f.aliases) for f in facilities_of(text, rules)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the chain's name alone is the article's one hospital of the chain
        ("Thỏa thuận hợp tác được ký kết ngày 27/8. Theo đó, Vinmec sẽ cử chuyên gia trực tiếp tham gia giảng dạy.\n\n"
         "Lễ ký kết hợp tác giữa Vinmec và Đại học Tây Nguyên. Vinmec Nha Trang và Đại học Tây Nguyên triển khai các "
         "đề tài khoa học.", [("Vinmec Nha Trang", ["Vinmec"])]),
        # with two of them it names neither
        ("Vinmec Đà Nẵng và Vinmec Nha Trang tiếp nhận bệnh nhân. Vinmec cho biết.",
         [("Vinmec Đà Nẵng", []), ("Vinmec Nha Trang", [])]),
    ],
)
def test_a_chain_s_name_alone_is_its_one_hospital(text, expected, rules):
    assert [(f.name, f.aliases) for f in facilities_of(text, rules)] == expected


def test_same_facility_in_two_spellings_is_one_entry(rules):
    text = (
        "Bệnh viện Đa khoa Đức Giang đã tổ chức Lễ ký kết.\n\n"
        "Bệnh viện Đức Giang cam kết sẽ tăng cường phối hợp, chia sẻ nguồn lực."
    )
    facilities = facilities_of(text, rules)
    assert [(f.id, f.name, f.aliases) for f in facilities] == [("F1", "Bệnh viện Đa khoa Đức Giang", ["Bệnh viện Đức Giang"])]
    assert len(facilities[0].mentions) == 2


@pytest.mark.parametrize(
    "first, second, kind",
    [
        ("Bệnh viện Đa khoa Đức Giang", "Bệnh viện Đức Giang", "hospital"),
        ("bệnh viện tư nhân Thăng Hoa", "Bệnh viện đa khoa Thăng Hoa", "hospital"),
        ("Bệnh viện Đa khoa tư nhân Cao Văn Chí", "Bệnh viện Cao Văn Chí", "hospital"),
        ("Trung tâm Y tế huyện Mê Linh", "TTYT Mê Linh", "health_center"),
        ("Trung tâm Y tế huyện Kiến Thuỵ", "Trung tâm Y tế huyện Kiến Thụy", "health_center"),
        ("BV Nhi TW", "Bệnh viện Nhi Trung ương", "hospital"),
        ("Bệnh viện ĐH Y dược TP.HCM", "Bệnh viện Đại học Y dược thành phố Hồ Chí Minh", "hospital"),
        ("UBND TP Hà Nội", "Ủy ban nhân dân thành phố Hà Nội", "government"),
    ],
)
def test_canonical_key_groups_spellings(first, second, kind):
    assert canonical_key(first, kind) == canonical_key(second, kind)


@pytest.mark.parametrize(
    "first, second, kind",
    [
        ("Bệnh viện Nhi Hà Nội", "Bệnh viện Tim Hà Nội", "hospital"),
        ("Trạm Y tế phường Long Biên", "Trung tâm Y tế quận Long Biên", "health_station"),
    ],
)
def test_canonical_key_keeps_different_bodies_apart(first, second, kind):
    assert canonical_key(first, kind) != canonical_key(second, kind)


# Sentences of articles outside the development corpus (held-out check).
@pytest.mark.parametrize(
    "text, expected",
    [
        # a count of one before a capitalised head and its name counts one named facility
        ("Huyện có 1 trung tâm y tế và 22 trạm y tế xã, thị trấn; 1 Bệnh viện Đa khoa Lộc Hà có quy mô 140 giường bệnh.",
         [("Bệnh viện Đa khoa Lộc Hà", "hospital")]),
        ("Tỉnh có 1 Bệnh viện Đa khoa tỉnh và 8 trung tâm y tế với 1.200 giường bệnh.", []),
        # a date before an abbreviated head is no quantifier
        ("ngay trong quý I/2018 TTYT Mê Linh phối hợp với Hội Liên hiệp Phụ nữ huyện tổ chức khám sàng lọc",
         [("Trung tâm Y tế Mê Linh", "health_center")]),
        # lowercase departments and the offices of a health centre
        ("trao giải nhất cho thí sinh Nguyễn Thị Thành, khoa Y tế công cộng, trao giải nhì cho thí sinh Nguyễn Thị Hải, "
         "khoa Chăm sóc sức khỏe sinh sản; giải ba",
         [("Khoa Y tế công cộng", "department"), ("Khoa Chăm sóc sức khỏe sinh sản", "department")]),
        ("04 tập thể đạt danh hiệu là TTYT huyện Mê Linh, Phòng Hành chính tổ chức tài vụ, Trạm Y tế xã Văn Khê",
         [("Trung tâm Y tế huyện Mê Linh", "health_center"), ("Phòng Hành chính tổ chức tài vụ", "department"),
          ("Trạm Y tế xã Văn Khê", "health_station")]),
        # a name never continues over "và" and a number; with no district named, the district's own centre
        ("Bí thư Đảng ủy Trung tâm Y tế huyện và 37 đảng viên.", [("Trung tâm Y tế huyện", "health_center")]),
        # "Nhi khoa" is one word of the name; "vùng" names an area inside a name
        ("1 bệnh nhân đang được điều trị tại Trung tâm Nhi khoa.", [("Trung tâm Nhi khoa", "other")]),
        ("Bé được chuyển lên Bệnh viện Đa khoa vùng Tây Nguyên điều trị.",
         [("Bệnh viện Đa khoa vùng Tây Nguyên", "hospital")]),
        # a person after a hospital and "và" is no second hospital of the same head
        ("nguyên Giám đốc Bệnh viện Đa khoa Cà Mau và BS Võ Anh Hoang, Thầy thuốc Nhân dân, nguyên Giám đốc Sở Y tế",
         [("Bệnh viện Đa khoa Cà Mau", "hospital")]),
        # a listed word that runs on in lowercase begins another phrase, not a sibling hospital
        ("Bệnh viện Quân y 110; Bệnh viện Quân y 91; Phòng Quân y, Trung tâm Y học dự phòng và Bệnh xá 43",
         [("Bệnh viện Quân y 110", "hospital"), ("Bệnh viện Quân y 91", "hospital"), ("Bệnh xá 43", "other")]),
        ("Chúc mừng Bệnh viện Xanh Pôn, Thanh Nhàn và Hòe Nhai đã hoàn thành nhiệm vụ.",
         [("Bệnh viện Xanh Pôn", "hospital"), ("Bệnh viện Thanh Nhàn", "hospital"), ("Bệnh viện Hòe Nhai", "hospital")]),
        # a capitalised syllable and the lowercase one completing its word
        ("trao tặng trang thiết bị cho các bác sĩ và điều dưỡng của Viện Y học Hải quân.",
         [("Viện Y học Hải quân", "other")]),
        ("các quân nhân của bệnh viện Dã chiến cấp 2 số 1.", [("Bệnh viện Dã chiến cấp 2 số 1", "hospital")]),
        # the words after a hospital's kind name it, even when they look like a person's name
        ("ngành y tế Bến Tre nói chung và Bệnh viện Đa khoa khu vực Cù Lao Minh nói riêng.",
         [("Bệnh viện Đa khoa khu vực Cù Lao Minh", "hospital")]),
        # care centres named by what they do, in lowercase and over fixed phrases
        ("trao thiết bị y tế cho bà Nguyễn Thị Bạch Tuyết, Trung tâm chăm sóc người cao tuổi Tuyết Thái.",
         [("Trung tâm chăm sóc người cao tuổi Tuyết Thái", "other")]),
        ("Đoàn đến thăm Trung tâm phục hồi chức năng trẻ khuyết tật huyện Quảng Ninh và Trung tâm Điều dưỡng "
         "thương binh và bảo trợ xã hội tỉnh Quảng Trị.",
         [("Trung tâm phục hồi chức năng trẻ khuyết tật huyện Quảng Ninh", "other"),
          ("Trung tâm Điều dưỡng thương binh và bảo trợ xã hội tỉnh Quảng Trị", "other")]),
    ],
)
def test_facilities_in_held_out_sentences(text, expected, rules):
    assert [(f.name, f.kind) for f in facilities_of(text, rules)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the one province the article names, closing a school's name
        ("Sáng 22/12, Bệnh viện Đa khoa tỉnh và Trường Cao đẳng Lào Cai đã tổ chức Lễ ký kết thỏa thuận hợp tác.",
         ["Bệnh viện Đa khoa tỉnh Lào Cai"]),
        # a centrally run city has no provincial hospital; a province after a capitalised word may be a person's
        ("Hội thiện nguyện đến từ thành phố Hà Nội đã thăm hỏi bệnh nhân đang điều trị tại Bệnh viện đa khoa tỉnh.",
         ["Bệnh viện đa khoa tỉnh"]),
        ("Bác sĩ Trương Hòa Bình đã thăm hỏi bệnh nhân đang điều trị tại Bệnh viện Đa khoa tỉnh.",
         ["Bệnh viện Đa khoa tỉnh"]),
    ],
)
def test_a_provincial_hospital_in_the_one_province_named(text, expected, rules):
    assert [f.name for f in facilities_of(text, rules)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a chain's hospital named by the chain and its site; the chain alone is no facility
        ("Song song đó, bệnh viện trực thuộc Hệ thống Y tế Vinmec tại miền Trung như Vinmec Đà Nẵng và Vinmec Nha "
         "Trang giữ vai trò quan trọng.", [("Vinmec Đà Nẵng", []), ("Vinmec Nha Trang", [])]),
        # the short name ends the full one: one hospital
        ("Ngày 27/8 tại Đắk Lắk, Vinmec Nha Trang và Trường Đại học Tây Nguyên ký kết hợp tác. Giám đốc Bệnh viện Đa "
         "khoa Quốc tế Vinmec Nha Trang nhấn mạnh.",
         [("Bệnh viện Đa khoa Quốc tế Vinmec Nha Trang", ["Vinmec Nha Trang"])]),
    ],
)
def test_a_chains_hospital_named_without_its_head(text, expected, rules):
    assert [(f.name, f.aliases) for f in facilities_of(text, rules)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a kind word after the head, then the provinces listed: one hospital per province
        ("BV Ung bướu Đà Nẵng là 1 trong 6 BV vệ tinh của BV Ung bướu TP. Hồ Chí Minh, cùng với BV đa khoa các tỉnh: "
         "Bình Định, Đồng Nai, Kiên Giang. Mục tiêu của đề án là tăng cường chất lượng.",
         [("Bệnh viện Ung bướu Đà Nẵng", "hospital"), ("Bệnh viện Ung bướu TP. Hồ Chí Minh", "hospital"),
          ("Bệnh viện đa khoa tỉnh Bình Định", "hospital"), ("Bệnh viện đa khoa tỉnh Đồng Nai", "hospital"),
          ("Bệnh viện đa khoa tỉnh Kiên Giang", "hospital")]),
        ("Đoàn làm việc với Bệnh viện Đa khoa các tỉnh Bình Định và Phú Yên.",
         [("Bệnh viện Đa khoa tỉnh Bình Định", "hospital"), ("Bệnh viện Đa khoa tỉnh Phú Yên", "hospital")]),
    ],
)
def test_a_plural_of_provinces_after_a_head_and_its_kind(text, expected, rules):
    assert [(f.name, f.kind) for f in facilities_of(text, rules)] == expected


def test_unit_of_a_facility_written_with_its_proper_name_is_one_entry(rules):
    text = ("3 bệnh nhân đang được điều trị tại Trung tâm Chống độc. Bé được chuyển về Trung tâm Chống độc và "
            "Trung tâm Nhi khoa, Bệnh viện Bạch Mai. TS.BS. Nguyễn Trung Nguyên - Giám đốc Trung tâm Chống độc "
            "Bạch Mai cho biết")
    found = {f.name: f.aliases for f in facilities_of(text, rules)}
    assert found["Trung tâm Chống độc"] == ["Trung tâm Chống độc Bạch Mai"]
    assert "Trung tâm Chống độc Bạch Mai" not in found


def test_unit_with_a_proper_name_stays_apart_without_context(rules):
    text = "Trung tâm Chống độc Bạch Mai tiếp nhận. Trung tâm Chống độc của Bệnh viện Chợ Rẫy"
    names = [f.name for f in facilities_of(text, rules)]
    assert "Trung tâm Chống độc Bạch Mai" in names and "Trung tâm Chống độc" in names


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Đoàn công tác đến thăm Trung tâm Y tế huyện Mê Linh.", [("Trung tâm Y tế huyện Mê Linh", "huyện Mê Linh")]),
        ("Bệnh viện Đa khoa tỉnh Quảng Ninh tiếp nhận bệnh nhân từ Trạm Y tế xã Tiền Phong.",
         [("Bệnh viện Đa khoa tỉnh Quảng Ninh", "tỉnh Quảng Ninh"), ("Trạm Y tế xã Tiền Phong", "xã Tiền Phong")]),
        ("Bệnh nhân được chuyển đến Bệnh viện Chợ Rẫy TP.HCM.", [("Bệnh viện Chợ Rẫy TP.HCM", "thành phố HCM")]),
        # a unit elsewhere in the article is not where the facility is
        ("Đoàn công tác tỉnh Quảng Ninh đến thăm Bệnh viện Bạch Mai.", [("Bệnh viện Bạch Mai", None)]),
    ],
)
def test_facility_location_is_the_unit_in_its_name(text, expected, rules):
    assert [(f.name, f.location) for f in facilities_of(text, rules)] == expected


def test_a_facility_name_stops_before_the_titles_of_a_name(rules):
    found = facilities_of("Giám đốc Bệnh viện Bạch Mai PGS.TS Đào Xuân Cơ cho biết bệnh viện đã sẵn sàng.", rules)
    assert [f.name for f in found] == ["Bệnh viện Bạch Mai"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Trong thời gian điều trị tại Khoa Cơ xương khớp (BV Bạch Mai), Hiếu cố gắng học tập.",
         [("Khoa Cơ xương khớp", "department"), ("Bệnh viện Bạch Mai", "hospital")]),
        ("Học viện đã tổ chức buổi gặp mặt đội ngũ y, bác sĩ đang công tác tại Trạm Y tế Học viện nhân kỷ niệm 71 năm.",
         [("Trạm Y tế Học viện", "health_station")]),
        # the province's general hospital, no province named: a facility of its own
        ("Bệnh viện Quốc tế Becamex điều trị 300 ca. Tiến sĩ Văn Quang Tân, Giám đốc Bệnh viện Đa khoa tỉnh cho biết.",
         [("Bệnh viện Quốc tế Becamex", "hospital"), ("Bệnh viện Đa khoa tỉnh", "hospital")]),
        # a department of two specialities joined by a dash, the second one named in words
        ("Bác sĩ Nguyễn Văn Sơn, Trưởng khoa Lao – Bệnh phổi, Bệnh viện Mắt – Da liễu.",
         [("Khoa Lao – Bệnh phổi", "department"), ("Bệnh viện Mắt – Da liễu", "hospital")]),
        ("Bệnh viện có 8 chuyên khoa gồm: khoa Cấp cứu – Hồi sức tích cực chống độc; khoa Bệnh phổi; khoa Cận lâm sàng.",
         [("Khoa Cấp cứu – Hồi sức tích cực chống độc", "department"), ("Khoa Bệnh phổi", "department"),
          ("Khoa Cận lâm sàng", "department")]),
        # a one-word department before a comma is no given name; "phòng" written lowercase after an office
        ("Đi cùng 3 đoàn là Tiến sĩ, Bác sĩ – Trưởng khoa Nhi, Trưởng khoa Răng Hàm Mặt, Trưởng phòng Quản lý chất "
         "lượng, Phó Trưởng khoa Mắt cùng nhiều bác sĩ giàu kinh nghiệm.",
         [("Khoa Nhi", "department"), ("Khoa Răng Hàm Mặt", "department"),
          ("Phòng Quản lý chất lượng", "department"), ("Khoa Mắt", "department")]),
        # "xin" (would like to) opens what the department says, not more of its name
        ("Phòng Công tác xã hội xin được gửi lời cảm ơn tới Công ty TNHH Vương Việt Anh Hà Nội.",
         [("Phòng Công tác xã hội", "department")]),
    ],
)
def test_departments_institution_stations_and_unnamed_provincial_hospitals(text, expected, rules):
    assert [(f.name, f.kind) for f in facilities_of(text, rules)] == expected


def test_a_station_with_its_district_and_in_another_case_is_one(rules):
    found = facilities_of(
        "Việc đầu tư xây dựng Trạm Y tế tại các xã Keo Lôm và xã Tìa Dình nhằm đáp ứng nhu cầu. Trạm y tế xã Tìa Dình "
        "huyện Điện Biên Đông đang xuống cấp nghiêm trọng.", rules)
    assert [(f.name, f.aliases) for f in found] == [
        ("Trạm Y tế xã Keo Lôm", []),
        ("Trạm y tế xã Tìa Dình huyện Điện Biên Đông", ["Trạm Y tế xã Tìa Dình"]),
    ]


def test_a_facility_with_and_without_its_city_is_one(rules):
    found = facilities_of(
        "Bác sĩ Nguyễn Văn Vĩnh Châu, Giám đốc Bệnh viện Bệnh Nhiệt đới TP HCM, cho biết bệnh nhân điều trị ở khoa Hồi sức "
        "Tích cực Chống độc Người lớn. Sau đó bệnh viện Bệnh Nhiệt đới chuyển bệnh nhân.", rules)
    assert [(f.name, f.aliases) for f in found] == [
        ("Bệnh viện Bệnh Nhiệt đới TP HCM", ["Bệnh viện Bệnh Nhiệt đới", "bệnh viện Bệnh Nhiệt đới"]),
        ("Khoa Hồi sức Tích cực Chống độc Người lớn", ["khoa Hồi sức Tích cực Chống độc Người lớn"]),
    ]


def test_a_facility_with_its_city_written_fused_is_one(rules):
    # "TPHCM": the city's unit word and initials written as one word.
    found = facilities_of(
        "Các bác sĩ trẻ được gửi đến Bệnh viện Đại học Y dược TPHCM để học về nội khoa tim mạch. Sau đó, các bác sĩ "
        "của Bệnh viện Đại học Y dược luân phiên mỗi tuần về tại địa phương.", rules)
    assert [(f.name, f.aliases, f.location) for f in found] == [
        ("Bệnh viện Đại học Y dược TPHCM", ["Bệnh viện Đại học Y dược"], "thành phố HCM"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Shinhan Life đã đến thăm và tặng quà cho các bệnh nhi tại Bệnh viện nhi đồng 2 TP.HCM.",
         [("Bệnh viện nhi đồng 2 TP.HCM", [])]),
        ("Ngày 6/10/2023, Khoa Phẫu thuật lồng ngực & Mạch máu - Bệnh viện Bạch Mai đã tổ chức kỷ niệm 5 năm ngày thành lập.",
         [("Khoa Phẫu thuật lồng ngực & Mạch máu", []), ("Bệnh viện Bạch Mai", [])]),
        # one body written with and without its unit word, or with and without the place it is in
        ("Bệnh viện Nhi Hà Nội tiếp nhận bệnh nhi; Bệnh viện Nhi thành phố Hà Nội công bố kết quả.",
         [("Bệnh viện Nhi Hà Nội", ["Bệnh viện Nhi thành phố Hà Nội"])]),
        ("Bệnh viện TNH Việt Yên tại thị xã Việt Yên kỷ niệm 5 năm; Bệnh viện TNH tiếp nhận 300 bệnh nhân.",
         [("Bệnh viện TNH Việt Yên", ["Bệnh viện TNH"])]),
        # a bare unit mention beside the one facility of its kind named by its place alone
        ("Bác sĩ Vi Thị Hương được giao chức vụ Giám đốc Trung tâm Y tế Con Cuông. Đồng thời, Bác sĩ La Văn Liệu - "
         "Giám đốc Trung tâm Y tế huyện được bổ nhiệm Phó Giám đốc Bệnh viện Đa khoa khu vực Tây Nam Nghệ An.",
         [("Trung tâm Y tế Con Cuông", ["Trung tâm Y tế huyện"]), ("Bệnh viện Đa khoa khu vực Tây Nam Nghệ An", [])]),
        ("Ông Liêu Chí Hùng, Giám đốc Bệnh viện Đa khoa Tây Ninh cho biết. Xe được giao cho Bệnh viện Đa khoa tỉnh.",
         [("Bệnh viện Đa khoa Tây Ninh", ["Bệnh viện Đa khoa tỉnh"])]),
        # a university that runs a hospital names it
        ("Bệnh viện Trường Đại học Y-Dược Huế phối hợp. Bệnh viện Trường ĐH Y Dược Huế đã tiếp nhận.",
         [("Bệnh viện Trường Đại học Y-Dược Huế", ["Bệnh viện Trường ĐH Y Dược Huế"])]),
        # care centres and care areas, their kind of care written in either case; "ở" ends a name
        ("Đoàn thăm Trung tâm Điều dưỡng thương binh và Khu điều dưỡng thương binh tâm thần kinh ở Nghệ An.",
         [("Trung tâm Điều dưỡng thương binh", []), ("Khu điều dưỡng thương binh tâm thần kinh", [])]),
        ("Đoàn đã đến thăm Trung tâm Chăm sóc và Điều dưỡng Người có công Bình Định.",
         [("Trung tâm Chăm sóc và Điều dưỡng Người có công Bình Định", [])]),
        # a date naming a hospital, written with a slash or a hyphen
        ("Bệnh viện 30/4 (Bộ Công an) tổ chức lễ kỷ niệm. Tập thể Bệnh viện 30-4 đón nhận Huân chương.",
         [("Bệnh viện 30/4", ["Bệnh viện 30-4"])]),
        # the number of a site is not a count of hospitals
        ("Phó Thủ tướng đã về kiểm tra tiến độ Dự án đầu tư xây dựng cơ sở 2 Bệnh viện Bạch Mai và Bệnh viện Việt Đức.",
         [("Bệnh viện Bạch Mai", []), ("Bệnh viện Việt Đức", [])]),
        # one hospital written with and without its province's name
        ("Đơn vị thụ hưởng xe là Bệnh viện Lao và bệnh phổi Tây Ninh. Bà trao chìa khoá xe cho lãnh đạo Bệnh viện Lao và bệnh phổi.",
         [("Bệnh viện Lao và bệnh phổi Tây Ninh", ["Bệnh viện Lao và bệnh phổi"])]),
        # a hospital's centre written in lowercase, named by its hospital after a dash
        ("Sáng 18/9, Sở Y tế Bắc Ninh tổ chức Lễ khánh thành và đưa Trung tâm kĩ thuật chuyên sâu – BVĐK tỉnh vào hoạt "
         "động. Bệnh viện Đa khoa tỉnh Bắc Ninh là bệnh viện hạng I.",
         [("Trung tâm kĩ thuật chuyên sâu", []), ("Bệnh viện Đa khoa tỉnh Bắc Ninh", ["BVĐK tỉnh"])]),
        ("Hội thiện nguyện đến từ thành phố Hà Nội đã tổ chức thăm hỏi, động viên và tặng quà cho bệnh nhân ung thư tại "
         "Trung tâm ung bướu - Bệnh viện đa khoa tỉnh.",
         [("Trung tâm ung bướu", []), ("Bệnh viện đa khoa tỉnh", [])]),
        # … and with its country's name, beside a foreign partner
        ("Ngày 23/11, Bệnh viện Trung ương 103 Quân đội nhân dân Lào và Bệnh viện Trung ương Quân đội 108 Việt Nam đã "
         "tiếp tục ký kết hợp tác y tế năm 2023. Về phía Bệnh viện Trung ương Quân đội 108 có Giám đốc bệnh viện.",
         [("Bệnh viện Trung ương 103 Quân đội nhân dân Lào", []),
          ("Bệnh viện Trung ương Quân đội 108 Việt Nam", ["Bệnh viện Trung ương Quân đội 108"])]),
        ("trao Quyết định nghỉ hưu đối với đồng chí Dương Văn Tuấn - Giám đốc Bệnh viện Bảo vệ sức khỏe tâm thần Quảng Ninh.",
         [("Bệnh viện Bảo vệ sức khỏe tâm thần Quảng Ninh", [])]),
        # a private hospital is not the province's own
        ("Bệnh viện Đa khoa Hồng Ngọc và Bệnh viện Đa khoa tỉnh cùng tham gia.",
         [("Bệnh viện Đa khoa Hồng Ngọc", []), ("Bệnh viện Đa khoa tỉnh", [])]),
        # a centre against one disease and a speciality's station (not an HIV/AIDS agency)
        ("Đến năm 2006, Trạm da liễu Nghệ An được nâng cấp thành Trung tâm chống Phong - Da liễu Nghệ An.",
         [("Trạm da liễu Nghệ An", []), ("Trung tâm chống Phong - Da liễu Nghệ An", [])]),
        ("Trung tâm Phòng, chống HIV/AIDS tỉnh tổ chức truyền thông.", []),
        # a military institute that treats patients; a hospital's head written without "Bệnh"
        ("Đồng thời, tổ chức đón nhận danh hiệu Anh hùng LLVT cho Viện Quân y 112.", [("Viện Quân y 112", [])]),
        ("Đoàn đến thăm Bệnh viện Quân y 4. Đoàn biểu dương đội ngũ y sỹ, bác sỹ Viện Quân y 4.",
         [("Bệnh viện Quân y 4", ["Viện Quân y 4"])]),
        # a provincial malaria centre listed with a school and a forensic centre, which are organizations
        ("đến thăm, chúc mừng các đơn vị: Trường Trung cấp Y tế, Trung tâm Phòng chống sốt rét – Ký sinh trùng và côn "
         "trùng, Bệnh viện Mắt, Trung tâm Giám định Pháp y.",
         [("Trung tâm Phòng chống sốt rét – Ký sinh trùng và côn trùng", []), ("Bệnh viện Mắt", [])]),
        # the disease a centre fights names it, written lowercase and without the centre's unit
        ("Phó Chủ tịch HĐND tỉnh thăm, tặng hoa chúc mừng cán bộ, viên chức Trung tâm Phòng chống bệnh xã hội.",
         [("Trung tâm Phòng chống bệnh xã hội", [])]),
        # a word written without its marks in a caption: the same facility
        ("Hội Chữ thập đỏ trao quà tại Bệnh viện Đa khoa Xanh Pôn. Ảnh: trao quà tại bệnh viện Đa khoa Xanh Pon.",
         [("Bệnh viện Đa khoa Xanh Pôn", ["Bệnh viện Đa khoa Xanh Pon", "bệnh viện Đa khoa Xanh Pon"])]),
        # a word written without its mark, the dash before it spaced another way: the same facility
        ("Đoàn cán bộ của Bệnh viện Phong - Da liễu TW Quy Hoa đón tiếp đoàn. Bệnh viện Phong – Da liễu TW Quy Hòa sẽ "
         "hỗ trợ, chuyển giao kỹ thuật.",
         [("Bệnh viện Phong – Da liễu TW Quy Hòa", ["Bệnh viện Phong - Da liễu TW Quy Hoa"])]),
        # a caption cut off between two words of the name
        ("Sáng 9-2, Hội Chữ thập đỏ tổ chức chương trình tại Bệnh viện Phục hồi chức năng Hương Sen.\n\n"
         "Các đại biểu trao quà cho bệnh nhân đang điều trị tại Bệnh viện Phục",
         [("Bệnh viện Phục hồi chức năng Hương Sen", [])]),
        # the same name once with its province set off by a dash
        ("Ngày 19-11, Bệnh viện Đa khoa Xuyên Á – Long An tổ chức lễ khánh thành. Bác sĩ tại Bệnh viện Đa khoa Xuyên Á "
         "tình nguyện về làm việc.",
         [("Bệnh viện Đa khoa Xuyên Á – Long An", ["Bệnh viện Đa khoa Xuyên Á"])]),
        # a number before what it counts is no part of the name
        ("Đợt này, công ty gửi tặng Bệnh viện Đa khoa vùng Tây Nguyên 2 máy thở với mong muốn chung tay.",
         [("Bệnh viện Đa khoa vùng Tây Nguyên", [])]),
    ],
)
def test_numbers_ampersands_and_one_facility_under_two_names(text, expected, rules):
    assert [(f.name, f.aliases) for f in facilities_of(text, rules)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("4 công dân đang điều trị tại khu cách ly của Trung tâm Y tế huyện, 161 người đang cách ly tại nhà.",
         [("Trung tâm Y tế huyện", "health_center")]),
        ("Hội Phụ nữ trao tặng hơn 100 suất cơm cho các bệnh nhân đang điều trị tại Khoa A6 và Khoa A14.",
         [("Khoa A6", "department"), ("Khoa A14", "department")]),
    ],
)
def test_unnamed_district_centres_and_lettered_departments(text, expected, rules):
    assert [(f.name, f.kind) for f in facilities_of(text, rules)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Lễ ký kết giữa Bệnh viện Chợ Rẫy và Vạn Khang SOS diễn ra sáng nay.", [("Bệnh viện Chợ Rẫy", "hospital")]),
        ("Đại hội đã bầu Ban Chấp hành Đoàn Trường Cao đẳng Y tế An Giang nhiệm kỳ 2022-2024.", []),
    ],
)
def test_va_between_two_bodies_and_colleges(text, expected, rules):
    assert [(f.name, f.kind) for f in facilities_of(text, rules)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an owner, a private hospital named after its founder, a date, a saint, a site of a hospital
        ("Đoàn đã đến thăm các đơn vị: Bệnh xá Công an tỉnh, BVĐK tư nhân Cao Văn Chí và các đồng chí nguyên lãnh đạo.",
         [("Bệnh xá Công an tỉnh", "other"), ("Bệnh viện Đa khoa tư nhân Cao Văn Chí", "hospital")]),
        ("Đại học Y Hà Nội ký kết hợp tác với Bệnh viện 19-8 về đào tạo thực hành.", [("Bệnh viện 19-8", "hospital")]),
        ("Bệnh viện Trung ương Thái Nguyên và Bệnh viện ST. Mary’s Nhật Bản đã ký kết biên bản ghi nhớ.",
         [("Bệnh viện Trung ương Thái Nguyên", "hospital"), ("Bệnh viện ST. Mary’s Nhật Bản", "hospital")]),
        ("Các thỏa thuận với Bệnh viện Đại học Y Dược - cơ sở Linh Đàm được ký sáng nay.",
         [("Bệnh viện Đại học Y Dược - cơ sở Linh Đàm", "hospital")]),
        # the head misspelt; a provincial hospital whose unit word is left unnamed
        ("Thiết bị được trang bị cho Bệnh viên Đa Khoa tỉnh và Bệnh viện Sản- Nhi tỉnh để phục vụ xét nghiệm máu.",
         [("Bệnh viên Đa Khoa tỉnh", "hospital"), ("Bệnh viện Sản- Nhi tỉnh", "hospital")]),
        # kinds of hospital written in lowercase inside the name
        ("Lãnh đạo Sở Y tế đến thăm người bệnh tại Bệnh viện Suối khoáng Mỹ Lâm tỉnh Tuyên Quang.",
         [("Bệnh viện Suối khoáng Mỹ Lâm tỉnh Tuyên Quang", "hospital")]),
        ("Đoàn đến thăm y, bác sĩ trực thuộc Trung tâm y tế quân dân y Phú Quý.",
         [("Trung tâm y tế quân dân y Phú Quý", "health_center")]),
        # a care centre named by what it does, listed with another centre
        ("4 trung tâm được hợp nhất thành Trung tâm Kiểm soát bệnh tật (Trung tâm Chăm sóc sức khỏe sinh sản và Trung "
         "tâm truyền thông giáo dục sức khỏe).", [("Trung tâm Chăm sóc sức khỏe sinh sản", "other")]),
        # how many communes, not a station's number
        ("Chia sẻ với những vất vả của đội ngũ y, bác sĩ nơi đây nhất là Trạm y tế 3 xã trong mùa dịch.", []),
    ],
)
def test_owners_founders_dates_saints_sites_and_typos_in_names(text, expected, rules):
    assert [(f.name, f.kind) for f in facilities_of(text, rules)] == expected


@pytest.mark.parametrize("text", [
    "Đoàn đã đến thăm BVĐK tư nhân Lê Ngọc Tùng và Bệnh xá Công an tỉnh.",
    # "Anh" after a facility's kind opens its name, no one is addressed
    "Sáng 16/4, Hội Chữ thập đỏ tỉnh tổ chức trao quà cho bệnh nhân khuyết tật đang điều trị tại Bệnh viện Đa khoa "
    "Anh Quất (Tân Yên).",
])
def test_a_name_inside_a_facility_name_is_not_a_person(text, rules):
    text = normalize_text(text)
    ann = AnnotatedArticle(article=CleanedArticle(body=text), text=text, body_length=len(text), doc=None, rules=rules)
    assert [p.name for p in extract_entities(ann).people] == []


def test_the_headline_names_the_unit_of_a_bare_facility(rules):
    text = normalize_text("Ngày 25/01/2021, Đoàn kiểm tra của Sở Y tế đã tổ chức kiểm tra tại Bệnh viện Đa khoa tỉnh.")
    article = CleanedArticle(body=text, title="Đánh giá chất lượng Bệnh viện Đa khoa tỉnh Vĩnh Phúc cuối năm 2020")
    ann = AnnotatedArticle(article=article, text=text, body_length=len(text), doc=None, rules=rules)
    assert [(f.name, f.aliases) for f in extract_entities(ann).facilities] == [
        ("Bệnh viện Đa khoa tỉnh Vĩnh Phúc", ["Bệnh viện Đa khoa tỉnh"])]


HEADLINE_FACILITIES = [
    # the body names no facility: the headline's is the article's, and holds the bare office
    ("Bệnh viện Bưu điện đón nhận huân chương Lao động hạng nhất",
     "Vì những nỗ lực trong công tác khám chữa bệnh, bệnh viện (BV) đã được vinh dự đón nhận Huân chương Lao Động "
     "hạng nhất. BS Đỗ Văn Tráng, Phó giám đốc Bệnh viện cho biết BV đã mổ thành công cho 10.000 bệnh nhân.",
     ["Bệnh viện Bưu điện"], [("Phó Giám đốc", "Bệnh viện Bưu điện")]),
    ("Bệnh viện Đa khoa Mỹ Phước tự kiểm tra, đánh giá chất lượng bệnh viện quý I năm 2018",
     "Thực hiện kế hoạch nâng cao chất lượng bệnh viện năm 2018, Ban Giám đốc Bệnh viện đã tổ chức đoàn tự kiểm tra.",
     ["Bệnh viện Đa khoa Mỹ Phước"], []),
    # the body names its own facility: the headline adds none
    ("Bệnh viện Bạch Mai hỗ trợ Bệnh viện Đa khoa tỉnh Lào Cai",
     "Sáng 22/9, đoàn công tác đã làm việc tại Bệnh viện Đa khoa tỉnh Lào Cai.",
     ["Bệnh viện Đa khoa tỉnh Lào Cai"], []),
]


@pytest.mark.parametrize("title, body, facilities, positions", HEADLINE_FACILITIES)
def test_a_body_naming_no_facility_is_about_the_headlines(title, body, facilities, positions, rules):
    text = normalize_text(body)
    ann = AnnotatedArticle(article=CleanedArticle(body=text, title=title), text=text, body_length=len(text), doc=None,
                           rules=rules)
    entities = extract_entities(ann)
    assert [f.name for f in entities.facilities] == facilities
    assert [(q.title, q.organization) for p in entities.people for q in p.positions] == positions


@pytest.mark.parametrize("body, first_mention", [
    # the head the writer abbreviates for later is the article's facility
    (HEADLINE_FACILITIES[0][1], "bệnh viện"),
    # a count before the head: hospitals of the province, not the article's
    ("Có 12/18 bệnh viện (BV) trong tỉnh đạt danh hiệu xuất sắc. BS Đỗ Văn Tráng, Phó giám đốc Bệnh viện cho biết.",
     "Bệnh viện"),
])
def test_a_head_abbreviated_where_it_is_written_is_a_mention(body, first_mention, rules):
    text = normalize_text(body)
    ann = AnnotatedArticle(article=CleanedArticle(body=text, title=HEADLINE_FACILITIES[0][0]), text=text,
                           body_length=len(text), doc=None, rules=rules)
    (facility,) = extract_entities(ann).facilities
    assert text[facility.mentions[0].start:facility.mentions[0].end] == first_mention


def test_a_person_named_after_a_unit_in_the_headline_is_no_place(rules):
    text = normalize_text("Chiều 10/2, đồng chí Bùi Đức Hinh - Phó Bí thư Tỉnh uỷ, Chủ tịch HĐND tỉnh đến thăm, chúc Tết "
                          "cán bộ, y, bác sĩ, nhân viên y tế Bệnh viện đa khoa tỉnh.")
    article = CleanedArticle(body=text, title="Phó Bí thư Tỉnh uỷ, Chủ tịch HĐND tỉnh Bùi Đức Hinh thăm, chúc Tết Bệnh "
                                              "viện đa khoa tỉnh")
    ann = AnnotatedArticle(article=article, text=text, body_length=len(text), doc=None, rules=rules)
    assert [f.name for f in extract_entities(ann).facilities] == ["Bệnh viện đa khoa tỉnh"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Đồng chí Phó Bí thư đã đến thăm các đơn vị Y tế gồm: phòng Y tế, trạm Y tế các xã Nghĩa Lâm, Nghĩa Sơn.",
         ["Trạm Y tế xã Nghĩa Lâm", "Trạm Y tế xã Nghĩa Sơn"]),
        # the communes counted
        ("Đoàn đến thăm, tặng quà Trạm Y tế 2 xã Khánh An, Khánh Bình.", ["Trạm Y tế xã Khánh An", "Trạm Y tế xã Khánh Bình"]),
        ("Đoàn đến thăm Trạm Y tế hai xã Khánh An và Khánh Bình.", ["Trạm Y tế xã Khánh An", "Trạm Y tế xã Khánh Bình"]),
        # a count of stations given things, no names
        ("Đoàn đã trao tặng Trạm Y tế 3 xã 100 bộ trang phục.", []),
        # "tại" before the communes; an item repeating the unit word
        ("Việc đầu tư xây dựng Trạm Y tế tại các xã Keo Lôm, Tìa Dình và xã Luân Gíoi của huyện Điện Biên Đông.",
         ["Trạm Y tế xã Keo Lôm", "Trạm Y tế xã Tìa Dình", "Trạm Y tế xã Luân Gíoi"]),
        # a count before the head, then the districts after a colon
        ("Sở Y tế tổ chức lễ giao 5 xe cứu thương cho 5 Trung tâm Y tế các huyện: Ia Pa, Đức Cơ, Chư Pah, Chư Pưh và "
         "Bệnh viện Đa khoa thị xã Ayun Pa.",
         ["Trung tâm Y tế huyện Ia Pa", "Trung tâm Y tế huyện Đức Cơ", "Trung tâm Y tế huyện Chư Pah",
          "Trung tâm Y tế huyện Chư Pưh", "Bệnh viện Đa khoa thị xã Ayun Pa"]),
        # the communes owning the stations; a district's stations are named after it
        ("Trong đó, 03 trạm y tế của xã Sa Nghĩa, Sa Nhơn và Ya Ly đã thẩm định lại đầu năm nay.",
         ["Trạm y tế xã Sa Nghĩa", "Trạm y tế xã Sa Nhơn", "Trạm y tế xã Ya Ly"]),
        ("Sở Y tế trao bằng công nhận cho 2 trạm y tế của huyện Đam Rông là Trạm Y tế xã Đạ Tông và Trạm Y tế xã "
         "Đạ M’rông.", ["Trạm Y tế xã Đạ Tông", "Trạm Y tế xã Đạ M’rông"]),
    ],
)
def test_a_head_before_listed_communes_names_one_station_each(text, expected, rules):
    assert [f.name for f in facilities_of(text, rules)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # lowercase words inside names; island districts and special zones as units
        ("Cho đến nay, Trạm Quân dân y kết hợp Lai Hòa (Bộ đội Biên phòng tỉnh Sóc Trăng) đã thành lập được 10 năm.",
         ["Trạm Quân dân y kết hợp Lai Hòa"]),
        ("Phó Giám đốc Bệnh viện Chuyên khoa Tâm thần tỉnh cho biết.", ["Bệnh viện Chuyên khoa Tâm thần tỉnh"]),
        ("Phó Chủ tịch thăm các bệnh nhân đang điều trị tại Bệnh viện Đa khoa trung tâm tỉnh Gia Lai.",
         ["Bệnh viện Đa khoa trung tâm tỉnh Gia Lai"]),
        ("Ngày 23/9/2023, tại Bệnh viện Nhân dân huyện Hà Khẩu, hai bên đã gặp mặt.",
         ["Bệnh viện Nhân dân huyện Hà Khẩu"]),
        ("Đoàn thăm Trung tâm Y tế quân dân y đặc khu Côn Đảo và Trung tâm Y tế huyện đảo Phú Quý.",
         ["Trung tâm Y tế quân dân y đặc khu Côn Đảo", "Trung tâm Y tế huyện đảo Phú Quý"]),
        ("Các đoàn đến thăm, tặng quà tại Trung tâm Điều dưỡng thương, bệnh binh Nghệ An.",
         ["Trung tâm Điều dưỡng thương, bệnh binh Nghệ An"]),
        # a numbered hospital; a care area for war invalids
        ("Đoàn thăm Bệnh viện Đa khoa số 1 tỉnh Lào Cai.", ["Bệnh viện Đa khoa số 1 tỉnh Lào Cai"]),
        ("Đoàn đến thăm Khu Điều dưỡng thương binh tâm thần kinh tỉnh Nghệ An.",
         ["Khu Điều dưỡng thương binh tâm thần kinh tỉnh Nghệ An"]),
        # a head alone before "và" and another body; a day after a dash starts the report
        ("Hai bên phối hợp chặt chẽ giữa Bệnh viện và Trường trong xây dựng chương trình.", []),
        ("Ông A phụ trách Bệnh viện Đa khoa Quảng Nam ĐNO - Ngày 13/8, Bệnh viện Đa khoa Quảng Nam tổ chức hội nghị.",
         ["Bệnh viện Đa khoa Quảng Nam ĐNO", "Bệnh viện Đa khoa Quảng Nam"]),
        # Tây y, Đông y say what kind a clinic is, as đa khoa does; a name must follow
        ("Trạm Y tế xã An Hải gồm các hạng mục: Phòng sơ cấp cứu, phòng khám Tây y, phòng khám cổ truyền.",
         ["Trạm Y tế xã An Hải"]),
        ("Đoàn đến thăm Phòng khám Đông y Hoàng Gia và Bệnh viện Đông y Hòa Bình.",
         ["Phòng khám Đông y Hoàng Gia", "Bệnh viện Đông y Hòa Bình"]),
        # the prize a department wins is no part of its name; departments written by their acronym
        ("Kết quả, Khoa Khám bệnh đoạt giải nhất; Khoa Chẩn đoán hình ảnh giải nhì. Giải độc, lạ sáng tạo thuộc về "
         "Phòng Tổ chức hành chính.", ["Khoa Khám bệnh", "Khoa Chẩn đoán hình ảnh", "Phòng Tổ chức hành chính"]),
        ("- Giải nhì (2 giải) : Tổ 15 - Khoa XN, Tổ 7.1 - Khoa Khám bệnh. Giải ba: Tổ 24 - Khoa KSNK",
         ["Khoa XN", "Khoa Khám bệnh", "Khoa KSNK"]),
    ],
)
def test_lowercase_words_units_and_ends_of_names(text, expected, rules):
    assert [f.name for f in facilities_of(text, rules)] == expected


def test_an_abbreviated_head_is_spelled_out_and_kept_as_an_alias(rules):
    found = facilities_of("BVĐK các huyện Kon Rẫy, Đắk Tô mỗi đơn vị được phân bổ 7 tỷ đồng.", rules)
    assert [(f.name, f.aliases) for f in found] == [
        ("Bệnh viện Đa khoa huyện Kon Rẫy", ["BVĐK huyện Kon Rẫy"]),
        ("Bệnh viện Đa khoa huyện Đắk Tô", ["BVĐK huyện Đắk Tô"])]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Đồng chí Nguyễn Huy Ngọc đã đi thăm Trạm Y tế Tử Du (xã Lập Thạch) và các trung tâm Y tế khu vực Lập Thạch, "
         "Tam Dương và Vĩnh Tường.",
         ["Trạm Y tế Tử Du", "Trung tâm Y tế khu vực Lập Thạch", "Trung tâm Y tế khu vực Tam Dương",
          "Trung tâm Y tế khu vực Vĩnh Tường"]),
        ("Đoàn đã đến thăm các bệnh viện Bạch Mai, Việt Đức và Thanh Nhàn.",
         ["Bệnh viện Bạch Mai", "Bệnh viện Việt Đức", "Bệnh viện Thanh Nhàn"]),
        # a capitalised head before a plural of units or places and their names
        ("Ủy ban Mặt trận Tổ quốc thành phố đã trao tặng cho Trạm Y tế các địa phương gồm: Ngọc Hiệp, Vĩnh Hải, "
         "Vĩnh Ngọc.", ["Trạm Y tế Ngọc Hiệp", "Trạm Y tế Vĩnh Hải", "Trạm Y tế Vĩnh Ngọc"]),
        ("Đoàn kiểm tra Trung tâm Y tế các huyện Mê Linh, Sóc Sơn.",
         ["Trung tâm Y tế huyện Mê Linh", "Trung tâm Y tế huyện Sóc Sơn"]),
        # a plural head and a colon; its modifiers before "như"; a place in brackets after an item
        ("Đó là các bệnh viện: Bạch Mai, Bỏng quốc gia, Nhi đồng I (TP.HCM), Đa khoa Phú Phong (Bình Định)... Đại "
         "diện cho nhóm.", ["Bệnh viện Bạch Mai", "Bệnh viện Bỏng quốc gia", "Bệnh viện Nhi đồng I",
                            "Bệnh viện Đa khoa Phú Phong"]),
        ("Ngoài ra các phòng khám đa khoa khu vực như Đắk Ring, Ngô Mây được phân bổ trên 3,5 tỷ đồng.",
         ["Phòng khám đa khoa khu vực Đắk Ring", "Phòng khám đa khoa khu vực Ngô Mây"]),
        # one name listed after a facility, then "và" and another head
        ("Đoàn đã hỗ trợ khắc phục hậu quả lũ lụt tại Trung tâm Y tế Tương Dương, Kỳ Sơn và các Trạm Y tế Mỹ Lý, "
         "Châu Khê, Bồng Khê.", ["Trung tâm Y tế Tương Dương", "Trung tâm Y tế Kỳ Sơn", "Trạm Y tế Mỹ Lý",
                                "Trạm Y tế Châu Khê", "Trạm Y tế Bồng Khê"]),
        # a plural head without a list names nothing
        ("Đoàn đã đến thăm các bệnh viện tuyến Trung ương.", []),
    ],
)
def test_a_plural_head_before_listed_names_names_each(text, expected, rules):
    assert [f.name for f in facilities_of(text, rules)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a misspelt head and the right spelling are one hospital
        ("Đoàn đến thăm Bệnh viên Mắt tỉnh. Tại Bệnh viện Mắt tỉnh, đoàn trao quà.", 1),
        # one name with and without its province, with a comma inside
        ("Trao quà tại Bệnh viện Chấn thương Chỉnh hình. Thăm hỏi bệnh nhân tại Bệnh viện Chấn thương, chỉnh hình "
         "Nghệ An.", 1),
        # the city as "TP.HCM" and as "TP.Hồ Chí Minh"; the misspelt head of the short name
        ("BTNO - Bệnh viện Thống Nhất TP.HCM đã đến thăm hỏi và trao tặng vật tư y tế. Thấu hiểu được những khó khăn, "
         "Bệnh viện Thống Nhất TP.Hồ Chí Minh đã đến thăm. Bà Phạm Thị Hồng Hà, Trưởng phòng Công tác xã hội Bệnh "
         "viên Thống Nhất mong rằng những vật chất trao tặng.", 1),
        # words written by their initials
        ("PTSC đã trao tặng 1 xe cứu thương cho Bệnh viện Đại học Y Dược TP HCM. Với việc trao tặng xe cứu thương cho "
         "Bệnh viện ĐHYD TP HCM lần này, Petrovietnam mong muốn.", 1),
        # "Hữu nghị" left out
        ("Bệnh viện Việt Nam - Cuba Đồng Hới mãi là biểu tượng của tình hữu nghị. Ông đến thăm Bệnh viện Hữu nghị "
         "Việt Nam - Cuba Đồng Hới.", 1),
        # the province by its unit word
        ("Dự buổi lễ về phía tỉnh Nghệ An có Ban giám đốc Bệnh viện Hữu nghị đa khoa tỉnh. Bệnh viện Hữu nghị Đa khoa "
         "Nghệ An vinh dự được Bộ trưởng Bộ Y tế tặng Bằng khen.", 1),
        # a former name with the present one in brackets
        ("Nhân dịp Kỷ niệm 63 năm ngày Thầy Thuốc Việt Nam. Trung tâm Y tế dự phòng huyện Hậu Lộc ( nay là Trung tâm Y "
         "tế huyện Hậu Lộc) trân trọng giới thiệu truyền thống của đơn vị.", 1),
        # a renaming written out in the sentence
        ("Năm 2005, khi Bệnh viện Đa khoa Cần Thơ đổi tên thành Bệnh viện Đa khoa Trung ương Cần Thơ trực thuộc Bộ Y "
         "tế, khoa được thành lập.", 1),
    ],
)
def test_spellings_of_one_hospital_are_one_entry(text, expected, rules):
    # departments named on the way (Trưởng phòng Công tác xã hội) are entries of their own
    assert len([f for f in facilities_of(text, rules) if f.kind != "department"]) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an institute of traditional medicine treats patients; its name runs on in lowercase
        ("Viện Y dược học dân tộc TP Hồ Chí Minh ký kết hợp tác với Bệnh viện YHCT Nghệ An.",
         [("Viện Y dược học dân tộc TP Hồ Chí Minh", "other"), ("Bệnh viện YHCT Nghệ An", "hospital")]),
        # public health, forensic and assessment bodies give no care; an association named after
        # hospitals is no hospital
        ("Đoàn đã đến thăm, chúc tết Bệnh viện Đa khoa Bưu Điện, Viện Y tế công cộng TPHCM.",
         [("Bệnh viện Đa khoa Bưu Điện", "hospital")]),
        ("Trung tâm Pháp y tỉnh làm Cụm trưởng.", []),
        ("Ông Phạm Văn Học - Phó Chủ tịch Hiệp hội Bệnh viện tư nhân Việt Nam phát biểu.", []),
    ],
)
def test_institutes_that_treat_and_bodies_that_do_not(text, expected, rules):
    assert [(f.name, f.kind) for f in facilities_of(text, rules)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a word of the name lowercased by the writer
        ("Sáng 26/2, Sở Y tế tổ chức lễ khánh thành Bệnh viện đa khoa vùng Tây Nguyên (đường Trần Quý Cáp). Bệnh "
         "viện đa khoa vùng Tây nguyên được đầu tư hơn 1.100 tỷ đồng.", ["Bệnh viện đa khoa vùng Tây Nguyên"]),
        ("Điều động ông Bùi Văn Việt, Giám đốc Trung tâm Y tế huyện Thủy Nguyên. Trung tâm Y tế huyện Thủy nguyên "
         "đã có nhiều nỗ lực.", ["Trung tâm Y tế huyện Thủy Nguyên"]),
        # a page cut off in the middle of the name's last word
        ("Các bác sĩ được cử đến tăng cường cho Trung tâm Y tế Quân dân y Côn Đảo.\n\nChương trình luân phiên "
         "bác sĩ công tác tại Trung tâm Y tế Quân dân y C", ["Trung tâm Y tế Quân dân y Côn Đảo"]),
        # a shorter name that goes on with other words is another facility
        ("Bệnh viện Nhi Trung ương và Bệnh viện Nhi đã ký kết.", ["Bệnh viện Nhi Trung ương", "Bệnh viện Nhi"]),
    ],
)
def test_a_name_cut_short_is_the_full_name_of_the_article(text, expected, rules):
    assert [f.name for f in facilities_of(text, rules)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Đoàn đến thăm Trung tâm nuôi dưỡng và phục hồi chức năng người tâm thần Vĩnh Phúc.",
         ["Trung tâm nuôi dưỡng và phục hồi chức năng người tâm thần Vĩnh Phúc"]),
        # a bare unit word ends a care centre's name (the province's, the city's own)
        ("Tham dự có Thành đoàn, Trung tâm CSSKSS thành phố, bệnh viện Từ Dũ.",
         ["Trung tâm CSSKSS thành phố", "Bệnh viện Từ Dũ"]),
        ("Đoàn thăm Trung tâm Nuôi dưỡng và phục hồi chức năng người tâm thần tỉnh.",
         ["Trung tâm Nuôi dưỡng và phục hồi chức năng người tâm thần tỉnh"]),
        # a country's hospitals, in lowercase, name none
        ("Giải thưởng năm 2012 đã có 4 giải dành cho các cá nhân và bệnh viện Việt Nam.", []),
        # a numbered site written without a dash ends the name
        ("Đoàn đã đến thăm, tặng quà tại Trung tâm Nuôi dưỡng và Điều dưỡng người có công cơ sở 2 vào sáng nay.",
         ["Trung tâm Nuôi dưỡng và Điều dưỡng người có công cơ sở 2"]),
        # a department's name is shorter: a clause after it is not read into it
        ("Bệnh nhân được chuyển về khoa Nội hô hấp nhờ sức khỏe tiến triển tốt.", ["Khoa Nội hô hấp"]),
        # two kinds of care written with a comma between them are one name
        ("Đoàn đến thăm, tặng quà các đối tượng tại Trung tâm Nuôi dưỡng, điều dưỡng người có công Thanh Hóa.",
         ["Trung tâm Nuôi dưỡng, điều dưỡng người có công Thanh Hóa"]),
    ],
)
def test_care_centres_named_by_their_care(text, expected, rules):
    assert [f.name for f in facilities_of(text, rules)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "T.Ư" (Trung ương) and a unit abbreviated against the name (H.Hiệp Đức, P.Tân Định) are in the name
        ("Đoàn y bác sĩ Bệnh viện Răng hàm mặt T.Ư (TP.HCM) đến Trung tâm y tế H.Hiệp Đức khám bệnh.",
         ["Bệnh viện Răng hàm mặt T.Ư", "Trung tâm y tế H.Hiệp Đức"]),
        ("Đoàn đến thăm Trạm Y tế P.Tân Định.", ["Trạm Y tế P.Tân Định"]),
        # a numbered field hospital, written in lowercase (a field hospital without a number or name is a kind)
        ("Bộ trưởng Y tế kiểm tra bệnh viện dã chiến số 1 tỉnh Bắc Giang, một đơn vị của Cục.",
         ["Bệnh viện dã chiến số 1 tỉnh Bắc Giang"]),
        ("Bộ Y tế đề nghị thành lập bệnh viện dã chiến tại TP. Hồ Chí Minh.", []),
        # a field hospital named after its site, or by level and number
        ("Ngày 30.8, Bộ Công an tổ chức khánh thành Bệnh viện dã chiến Phước Lộc (H.Nhà Bè, TP.HCM).",
         ["Bệnh viện dã chiến Phước Lộc"]),
        ("cho cán bộ, y - bác sĩ của Bệnh viện Dã chiến cấp 2 số 2 (BVDC 2.2) trước khi lên đường.",
         ["Bệnh viện Dã chiến cấp 2 số 2"]),
        # the quoted name of an honour is no facility
        ("Bệnh viện Nhi đồng 2 vinh dự được nhận danh hiệu “Bệnh viện Xanh năm 2020” do Hiệp hội trao.",
         ["Bệnh viện Nhi đồng 2"]),
        # an acronym after "P." is a hospital's office, not a ward
        ("ThS Nguyễn Văn Còn – P.TCCB", []),
        # initials with Trung ương as TW and the hospital's number after them, the head spelled out
        ("hơn 20 em nhỏ đang điều trị tại Bệnh viện Tâm Thần Trung Ương đã nhận được những phần quà. Tặng quà cho trẻ "
         "nhi thuộc Bệnh viện TTTW1.", ["Bệnh viện Tâm Thần Trung Ương"]),
    ],
)
def test_abbreviations_inside_names(text, expected, rules):
    assert [f.name for f in facilities_of(text, rules)] == expected


def test_a_university_listed_after_a_plural_head_is_its_hospital(rules):
    text = ("Chương trình kiểm soát nhiễm khuẩn tại 6 bệnh viện là: Bạch Mai, Chợ Rẫy, Trung ương Huế, Đại học Y Dược "
            "TP Hồ Chí Minh và Bệnh viện Nhi đồng 1.")
    assert "Bệnh viện Đại học Y Dược TP Hồ Chí Minh" in [f.name for f in facilities_of(text, rules)]


@pytest.fixture(scope="module")
def processor():
    from pipeline.process import ArticleProcessor
    return ArticleProcessor(layers=())


@pytest.mark.parametrize(
    "text, expected",
    [
        # the segmenter's words (Tổng hợp, Cán bộ, Sức khỏe, Phong-Da liễu) are read whole
        ("Tập thể Khoa Nội Tổng hợp và Khoa Nội Cán bộ – Lão khoa được tặng Bằng khen.",
         ["Khoa Nội Tổng hợp", "Khoa Nội Cán bộ – Lão khoa"]),
        ("Ông là Phó Viện trưởng Viện Sức khỏe Tâm thần, Bệnh viện Bạch Mai.",
         ["Viện Sức khỏe Tâm thần", "Bệnh viện Bạch Mai"]),
        ("Đoàn đã thăm Bệnh viện Phong-Da liễu Trung ương Quy Hòa.", ["Bệnh viện Phong-Da liễu Trung ương Quy Hòa"]),
        # not a word the rules already read, nor a letter or an acronym before a verb
        ("Bệnh viện Đa khoa huyện Đắk Hà được phân bổ 3 tỷ đồng.", ["Bệnh viện Đa khoa huyện Đắk Hà"]),
        ("Phòng Kế hoạch - Nghiệp vụ Y chịu trách nhiệm tổng hợp.", ["Phòng Kế hoạch - Nghiệp vụ Y"]),
        # a care centre's name, with an acronym joining two with a dash, written inside the name
        ("Ngày 14-3, Trung tâm Phục hồi chức năng - Giáo dục trẻ em (PHCN-GDTE) khuyết tật tỉnh Khánh Hòa phối hợp "
         "tổ chức trao tặng 40 xe lăn.",
         ["Trung tâm Phục hồi chức năng - Giáo dục trẻ em khuyết tật tỉnh Khánh Hòa"]),
    ],
)
def test_a_name_is_read_to_the_end_of_the_segmenters_word(text, expected, processor):
    ann = processor.annotate(CleanedArticle(body=normalize_text(text)))
    assert [f.name for f in extract_entities(ann).facilities] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "Q.11": the district's abbreviation touches its number
        ("Bà Trần Thị Bích Liên, chủ tịch UBND Q.11, trao giấy khen cho tập thể Bệnh viện Q.11.", ["Bệnh viện Q.11"]),
        # field hospitals named by their number or code; a hospital named after a date written with a full stop
        ("Máy thở được chia sẻ cho BV Bình Chánh, BV dã chiến 5D, BV 30.4 - Bộ Công an, BV Q.8, BV dã chiến số 13.",
         ["Bệnh viện Bình Chánh", "Bệnh viện dã chiến 5D", "BV 30.4", "BV Q.8", "Bệnh viện dã chiến số 13"]),
        # an infirmary of soldiers and civilians, a herbal clinic written with capitals
        ("Bộ Tư lệnh Quân khu 9 vừa cấp 1 xe cứu thương mới cho Bệnh xá quân - dân y Thổ Chu, thuộc xã Thổ Châu.",
         ["Bệnh xá quân - dân y Thổ Chu"]),
        ("Tập thể nhân viên Phòng Chẩn trị Y học Cổ truyền Tòng Sơn được khen thưởng.",
         ["Phòng Chẩn trị Y học Cổ truyền Tòng Sơn"]),
        # a department's capitalised name after its head's office, not a person's given name
        ("Cụ thể người được khen thưởng là Trưởng khoa Khám bệnh Trịnh Quang Thứ, cùng 2 nhân viên điều dưỡng.",
         ["Khoa Khám bệnh"]),
        # a number after a bare head that counts something (functions, floors) names no unit
        ("Năm 2018 là năm đầu tiên cho 10 huyện thị thực hiện Trung tâm Y tế 2 chức năng, Trạm Y tế phường 12 "
         "đạt chuẩn.", ["Trạm Y tế phường 12"]),
        # a hospital's class after a bare head is not its name
        ("Năm 2022, Bệnh viện Đa khoa tỉnh Điện Biên đã thực hiện tốt các nhiệm vụ. Bệnh viện đã được công nhận "
         "Bệnh viện Hạng I, đây là minh chứng cho sự phát triển toàn diện.", ["Bệnh viện Đa khoa tỉnh Điện Biên"]),
    ],
)
def test_numbered_units_abbreviated_districts_and_infirmaries(text, expected, rules):
    assert [f.name for f in facilities_of(text, rules)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a centre of military and civilian medicine, named by its district
        ("Bệnh viện quận 2 đã phối hợp với Trung tâm Quân dân y kết hợp huyện Lý Sơn (Quảng Ngãi) tổ chức khám bệnh.",
         ["Bệnh viện quận 2", "Trung tâm Quân dân y kết hợp huyện Lý Sơn"]),
        # "kết hợp" before "quân dân y" is part of the kind, the village names the clinic
        ("Mỗi tháng, phòng khám kết hợp quân dân y Huồi Bắc đón, khám, cấp thuốc miễn phí.",
         ["Phòng khám kết hợp quân dân y Huồi Bắc"]),
        # the post is named by the border post it is combined with, which is no body of its own here
        ("Hoạt động khám chữa bệnh tại Trạm xá Quân dân y kết hợp Đồn Biên phòng Phú Gia.",
         ["Trạm xá Quân dân y kết hợp Đồn Biên phòng Phú Gia"]),
    ],
)
def test_military_and_civilian_posts(text, expected, rules):
    assert [f.name for f in facilities_of(text, rules)] == expected


def test_short_forms_are_added_in_the_same_order_in_every_run():
    # A set's iteration order follows the interpreter's hash seed: the aliases must not.
    script = (
        "import sys; from tests.test_facilities import facilities_of; from pipeline.rules import RuleSet; "
        "text = 'Trung tâm Y tế thị xã Đông Triều (TTYT TX ĐT) phối hợp. TTYTTXĐT và TTYT ĐT cùng thực hiện.'; "
        "print([f.aliases for f in facilities_of(text, RuleSet.load())])"
    )
    runs = {
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": str(seed)}, cwd=Path(__file__).resolve().parent.parent).stdout
        for seed in (1, 2, 3, 4)
    }
    assert len(runs) == 1 and "TTYTTXĐT" in runs.pop()
