"""Organizations: UBND, HĐND, Sở/Bộ/Cục, party committees, associations, companies, foreign bodies,
with their kind and their names completed from the units the article names."""

from __future__ import annotations

import pytest

from pipeline.document import AnnotatedArticle, CleanedArticle
from pipeline.extract.entities import extract_entities
from pipeline.rules import RuleSet
from pipeline.textnorm import normalize_text


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return RuleSet.load()


def organizations_of(text: str, rules: RuleSet):
    text = normalize_text(text)
    ann = AnnotatedArticle(article=CleanedArticle(body=text), text=text, body_length=len(text), doc=None, rules=rules)
    return extract_entities(ann).organizations


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sở Y tế Hà Nội vừa xây dựng và triển khai kế hoạch công tác cải cách hành chính năm 2018.",
         [("Sở Y tế Hà Nội", "government")]),
        ("Ngày 12/3, tại Hà Nội, Cục Quản lý Khám, chữa bệnh (Bộ Y tế) tổ chức khóa đào tạo quản lý bệnh viện.",
         [("Cục Quản lý Khám, chữa bệnh", "government"), ("Bộ Y tế", "government")]),
        # a lowercase phrase goes on after the closing word of a name (Quốc gia)
        ("Đoàn công tác của Bộ Y tế do Thứ trưởng Đỗ Xuân Tuyên - Phó Trưởng ban Chỉ đạo Quốc gia phòng, chống dịch "
         "Covid-19 dẫn đầu đã về làm việc với tỉnh Nghệ An.",
         [("Bộ Y tế", "government"), ("Ban Chỉ đạo Quốc gia phòng, chống dịch Covid-19", "government")]),
        ("Ngày 14/6, Cục Công nghệ thông tin (Bộ Y tế) đã tổ chức lễ khởi động.",
         [("Cục Công nghệ thông tin", "government"), ("Bộ Y tế", "government")]),
        ("Sáng ngày 24/3/2018, tại thị trấn Chi Đông, UBND huyện Mê Linh và TTYT huyện Mê Linh phối hợp tổ chức phát động.",
         [("UBND huyện Mê Linh", "government")]),
        ("ông Đoàn Văn Trọng, Phó Bí thư Huyện ủy, Chủ tịch UBND huyện Mê Linh nhấn mạnh.",
         [("Huyện ủy Mê Linh", "party"), ("UBND huyện Mê Linh", "government")]),
        ("Theo ông Nguyễn Quốc Hiệp - Chủ tịch Hiệp hội Nhà thầu Xây dựng Việt Nam (VACC), thị trường bất động sản dù biến động.",
         [("Hiệp hội Nhà thầu Xây dựng Việt Nam", "association")]),
        ("kiểm tra xưởng sản xuất trà sữa trân châu tại Ngọc Hồi (Hoàng Mai) thuộc sở hữu của Công ty TNHH Cảm Xúc do người Đài Loan làm chủ.",
         [("Công ty TNHH Cảm Xúc", "company")]),
        ("Tổ chức Y tế Thế giới (WHO) đã đưa ra 5 khuyến cáo cần thực hành.", [("Tổ chức Y tế Thế giới", "foreign")]),
        # a name ends at a closing word, at a sentence's end, or at a verb
        ("trong đó giao Bộ Y tế chủ trì phối hợp với các Bộ, ngành, địa phương.", [("Bộ Y tế", "government")]),
        ("thực hiện đúng kế hoạch của UBND TP. Sở Y tế thực hiện giao quyền tự chủ.",
         [("UBND TP", "government"), ("Sở Y tế", "government")]),
        ("Bí thư Quận uỷ gửi lời chúc mừng tốt đẹp nhất đến toàn thể cán bộ.", [("Quận ủy", "party")]),
        ("Chi Cục Quản lý Thị trường thành phố Hà Nội vừa thực hiện kiểm tra và phát hiện hàng loạt các cửa hàng.",
         [("Chi Cục Quản lý Thị trường thành phố Hà Nội", "government")]),
        # "và" before a lowercase word goes on with the clause, not the name
        ("Thủ tướng Phạm Minh Chính đến thăm Công ty Dược phẩm Sanofi và chứng kiến lễ ký kết biên bản ghi nhớ.",
         [("Công ty Dược phẩm Sanofi", "company")]),
        # a police team named by its work (phòng cháy và chữa cháy is one phrase)
        ("Đoàn đến thăm Đội Cảnh sát phòng cháy và chữa cháy trên sông.",
         [("Đội Cảnh sát phòng cháy và chữa cháy", "government")]),
        # a disease control centre is a public health agency, not a place of care
        ("Theo Trung tâm Kiểm soát Bệnh tật TP HCM (HCDC), bệnh nhân đã được cách ly.",
         [("Trung tâm Kiểm soát Bệnh tật TP HCM", "government")]),
        # "cơ sở y tế" is any health facility, not the Department of Health
        ("Tại các cơ sở Y tế này, đoàn đã trao 65 phần quà, mỗi phần trị giá 500.000đ.", []),
        # a command's number ends its name before "và" and the delegation
        ("Thiếu tướng Nguyễn Văn Học thay mặt Bộ tư lệnh Quân khu 4 và Đoàn công tác đã ân cần thăm hỏi.",
         [("Quân khu 4", "government")]),
        # a dateline after the newspaper's name starts the report
        ("Báo Cà Mau Ngày 25/4, Sở Y tế tỉnh Cà Mau tổ chức lễ khánh thành hệ thống oxy lỏng.",
         [("Báo Cà Mau", "other"), ("Sở Y tế tỉnh Cà Mau", "government")]),
        # a verb after the name ends it: who manages, who assigns, who examines, who operates
        ("Một bệnh viện đa khoa do Quân khu 7 quản lý là Bệnh viện Quân dân y miền Đông.",
         [("Quân khu 7", "government")]),
        ("Tập thể y bác sĩ đồng lòng, nhất trí thực hiện thắng lợi các nhiệm vụ Bộ Công an giao, cống hiến vì sự phát triển.",
         [("Bộ Công an", "government")]),
        ("Trạm y tế phối hợp với Hội Người cao tuổi khám bệnh cho các cụ ông, cụ bà.",
         [("Hội Người cao tuổi", "association")]),
        ("Tổ chức Tokyo Smile Foudation và Đại học Dalhousie phẫu thuật miễn phí cho bệnh nhân.",
         [("Đại học Dalhousie", "other")]),
        # the unit word written twice is one unit
        ("Đồng chí Phó Chủ tịch Thường trực UBND tỉnh tỉnh - Nguyễn Lê Huy tặng hoa chúc mừng.",
         [("UBND tỉnh", "government")]),
        # but a police team's work named in lowercase stays in its name
        ("Đoàn đến thăm Đội Cảnh sát quản lý hành chính về trật tự xã hội.",
         [("Đội Cảnh sát quản lý hành chính về trật tự xã hội", "government")]),
    ],
)
def test_organizations(text, expected, rules):
    assert [(o.name, o.kind) for o in organizations_of(text, rules)] == expected


def test_short_names_completed_by_the_ward(rules):
    text = (
        "Về phía phường Long Biên có đồng chí Phạm Thị Bích Hằng - Ủy viên Ban Thường vụ Đảng ủy, Phó Chủ tịch UBND phường. "
        "Đảng ủy - HĐND - UBND phường Long Biên luôn xác định công tác chăm sóc sức khỏe nhân dân là nhiệm vụ trọng tâm."
    )
    organizations = organizations_of(text, rules)
    names = [(o.id, o.name) for o in organizations]
    assert ("O1", "Đảng ủy phường Long Biên") in names
    ubnd = [o for o in organizations if o.name == "UBND phường Long Biên"]
    assert len(ubnd) == 1 and len(ubnd[0].mentions) == 2


def test_party_committee_completed_by_its_district(rules):
    text = "Phó Bí thư Thường trực Quận ủy Nguyễn Tiến Thành và lãnh đạo quận tặng hoa chúc mừng ngành Y tế quận Bắc Từ Liêm."
    assert [o.name for o in organizations_of(text, rules)] == ["Quận ủy Bắc Từ Liêm"]


def test_an_acronym_before_another_place_is_another_body(rules):
    text = ("Sở Y tế bổ nhiệm lại ông A, giữ chức vụ Giám đốc Trung tâm Kiểm soát bệnh tật (CDC) TP Cần Thơ. Sau khi "
            "hợp nhất, CDC Cần Thơ, CDC Hậu Giang, CDC Sóc Trăng là 3 đơn vị trực thuộc Sở Y tế.")
    names = {o.name: o.aliases for o in organizations_of(text, rules)}
    assert "CDC Hậu Giang" in names and "CDC Sóc Trăng" in names
    assert "CDC Cần Thơ" in names["Trung tâm Kiểm soát bệnh tật TP Cần Thơ"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the only province the article names is in a hospital's name
        ("Đồng chí Nguyễn Văn A, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh trao Huân chương Lao động hạng Nhì cho "
         "Bệnh viện Tâm thần Thái Bình.", ["Tỉnh ủy Thái Bình", "UBND tỉnh Thái Bình"]),
        # two provinces: which one is meant is not said
        ("Phó Chủ tịch UBND tỉnh thăm Bệnh viện Đa khoa Tây Ninh và Bệnh viện Đa khoa Long An.", ["UBND tỉnh"]),
        # a centrally run city has no province's bodies
        ("Phó Chủ tịch UBND tỉnh thăm Bệnh viện Đa khoa Thái Bình và Bệnh viện Bạch Mai ở Hà Nội.", ["UBND tỉnh"]),
    ],
)
def test_province_bodies_completed_by_the_one_province_named(text, expected, rules):
    assert [o.name for o in organizations_of(text, rules)] == expected
