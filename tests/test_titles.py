"""Titles before a name, in the contract's canonical atomic form (sentences from the seeds and the development corpus)."""

from __future__ import annotations

import pytest

from pipeline.document import AnnotatedArticle, CleanedArticle
from pipeline.extract.entities import extract_entities
from pipeline.extract.lexicon import Lexicon
from pipeline.extract.titles import find_title_chains
from pipeline.rules import RuleSet
from pipeline.textnorm import normalize_text


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return RuleSet.load()


def people_of(text: str, rules: RuleSet) -> dict:
    text = normalize_text(text)
    ann = AnnotatedArticle(article=CleanedArticle(body=text), text=text, body_length=len(text), doc=None, rules=rules)
    return {person.name: person for person in extract_entities(ann).people}


@pytest.mark.parametrize(
    "sentence, name, titles",
    [
        ("Tham dự buổi lễ, về phía Bệnh viện Đa khoa Đức Giang có PGS.TS Đỗ Đình Tùng - Giám đốc Bệnh viện; các đồng chí trong Ban Giám đốc.",
         "Đỗ Đình Tùng", ["PGS", "TS"]),
        ("Về phía phường Long Biên có ThS.BS Nguyễn Khắc Thúy - Trưởng Trạm Y tế phường cùng đại diện lãnh đạo.",
         "Nguyễn Khắc Thúy", ["ThS", "BS"]),
        ("Đoàn công tác của Bệnh viện Bãi Cháy (BVBC) do TTND.BSCKII Lê Ngọc Dũng - Giám đốc Bệnh viện làm trưởng đoàn.",
         "Lê Ngọc Dũng", ["TTND", "BSCKII"]),
        # titles before a profession that is no title: "lương y", a healer of traditional medicine
        ("Thầy thuốc ưu tú, lương y Nguyễn Thị Sắc – Phó Chủ tịch Hội Đông y Việt Nam phát biểu.",
         "Nguyễn Thị Sắc", ["TTƯT"]),
        ("Tham gia đoàn còn có đồng chí BSCKI Hoàng Đình Thành - Phó giám đốc cùng 11 đồng chí.", "Hoàng Đình Thành", ["BSCKI"]),
        # two titles written as one word
        ("Đặc biệt, TSBS. Võ Văn Kha, Giám đốc Bệnh viện Ung bướu thành phố Cần Thơ được vinh danh.", "Võ Văn Kha",
         ["TS", "BS"]),
        ("Tiếp và làm việc với đoàn, về phía TTYT TX ĐT có Bác sĩ CKII Lê Kỳ Trường - Giám đốc cùng 02 đồng chí Phó giám đốc.",
         "Lê Kỳ Trường", ["BSCKII"]),
        ("Đoàn công tác đã được nghe BS CKI Hà Duy Nam - Phó giám đốc TTYT ĐT báo cáo.", "Hà Duy Nam", ["BSCKI"]),
        ("Đến thăm và tặng quà bác sĩ Trần Thị Thu, Trạm trưởng Trạm Y tế phường Tràng Cát (quận Hải An).", "Trần Thị Thu", ["BS"]),
        ("Xúc động bởi câu chuyện, PGS-TS Trịnh Hồng Sơn, Giám đốc Trung tâm Điều phối hiến ghép tạng quốc gia, cho biết.",
         "Trịnh Hồng Sơn", ["PGS", "TS"]),
        ("Phát biểu tại lễ khởi động, GS.TS Nguyễn Viết Tiến, Thứ trưởng Bộ Y tế nhấn mạnh.", "Nguyễn Viết Tiến", ["GS", "TS"]),
        ("Theo như đánh giá của TS Nguyễn Khắc Hiền, Giám đốc Sở Y tế Hà Nội, việc kiểm tra này rất cần thiết.",
         "Nguyễn Khắc Hiền", ["TS"]),
        ("PGS. TS Trần Qúy Tường cho biết, ý nghĩa của việc xây dựng hồ sơ sức khỏe điện tử.", "Trần Quý Tường", ["PGS", "TS"]),
        ("Về phía phường Long Biên có đồng chí Phạm Thị Bích Hằng - Ủy viên Ban Thường vụ Đảng ủy.", "Phạm Thị Bích Hằng", []),
        ("Theo ông Đỗ Duy Phi, Chủ tịch Hiệp hội Tinh dầu hương liệu Mỹ phẩm Việt Nam (Hiệp hội), năm 2014.", "Đỗ Duy Phi", []),
        ("GS.TS.Bác Sĩ Trần Quán Anh khám cho bệnh nhân.", "Trần Quán Anh", ["GS", "TS", "BS"]),
        ("Thầy thuốc ưu tú BSCC.TS.BSCKII Nguyễn Văn Dũng, Phó viện trưởng Viện sức khỏe tâm thần cho biết.",
         "Nguyễn Văn Dũng", ["TTƯT", "BSCC", "TS", "BSCKII"]),
        # titles written after the name, set off by a comma; not those of a next name
        ("Sau lời chào mừng, ông Trần Minh Điển, Phó giáo sư Tiến sĩ – Giám đốc bệnh viện, đã trình bày chương trình.",
         "Trần Minh Điển", ["PGS", "TS"]),
        ("Dự có ông Lê Văn Hùng, TS Nguyễn Văn Nam và bà Trần Thị Hoa.", "Lê Văn Hùng", []),
        # … or by dashes, before a former office written with a capital ("Nguyên" is no name)
        ("Đến tham dự có ông Phạm Vũ Khánh – Phó Giáo sư, Tiến sĩ, Bác sĩ – Nguyên Cục trưởng Cục quản lý Y, Dược cổ "
         "truyền – Bộ Y tế; ông Nguyễn Văn Phước – Giáo sư, Tiến sĩ – Chủ tịch Liên hiệp các Hội Khoa học và Kỹ thuật "
         "thành phố Hồ Chí Minh.", "Phạm Vũ Khánh", ["PGS", "TS", "BS"]),
        ("Đến tham dự có ông Phạm Vũ Khánh – Phó Giáo sư, Tiến sĩ, Bác sĩ – Nguyên Cục trưởng Cục quản lý Y, Dược cổ "
         "truyền – Bộ Y tế; ông Nguyễn Văn Phước – Giáo sư, Tiến sĩ – Chủ tịch Liên hiệp các Hội Khoa học và Kỹ thuật "
         "thành phố Hồ Chí Minh.", "Nguyễn Văn Phước", ["GS", "TS"]),
        # an abbreviation written in mixed case after another
        ("Về phía bệnh viện có BSCKII. Ths. Bùi Hoàng Thảo - Phó Trưởng khoa Ngoại tiết niệu.", "Bùi Hoàng Thảo",
         ["BSCKII", "ThS"]),
        # a specialist degree includes the general one named later
        ("Phát biểu nhận nhiệm vụ, BSCKII. Thái Văn Tuấn cảm ơn lãnh đạo. Bác sĩ Tuấn nhấn mạnh nhiệm vụ.",
         "Thái Văn Tuấn", ["BSCKII"]),
        # a specialist degree written with a lowercase "s"
        ("Hiện nay, Bs.CKII Nguyễn Thị Minh Thy đảm nhiệm vai trò Trưởng khoa, tiền nhiệm là Bs.CKI Nguyễn Ngọc Huỳnh.",
         "Nguyễn Thị Minh Thy", ["BSCKII"]),
        ("Hiện nay, Bs.CKII Nguyễn Thị Minh Thy đảm nhiệm vai trò Trưởng khoa, tiền nhiệm là Bs.CKI Nguyễn Ngọc Huỳnh.",
         "Nguyễn Ngọc Huỳnh", ["BSCKI"]),
    ],
)
def test_titles_of_a_person(sentence, name, titles, rules):
    people = people_of(sentence, rules)
    assert name in people, f"{name} not found in {list(people)}"
    assert people[name].titles == titles


@pytest.mark.parametrize(
    "text, atoms",
    [
        ("PGS.TS", ("PGS", "TS")),
        ("ThS.BS", ("ThS", "BS")),
        ("TTND.BSCKII", ("TTND", "BSCKII")),
        ("Bác sĩ CKII", ("BSCKII",)),
        ("BS CKI", ("BSCKI",)),
        ("GS.TSKH", ("GS", "TSKH")),
        ("TTƯT.BSCKII", ("TTƯT", "BSCKII")),
    ],
)
def test_title_chain_atoms(text, atoms, rules):
    chains = find_title_chains(normalize_text(text + " Nguyễn Văn A"), Lexicon.from_rules(rules))
    assert [chain.atoms for chain in chains] == [atoms]


@pytest.mark.parametrize(
    "text",
    [
        "các bác sĩ đã khẩn trương tiến hành các biện pháp như hút đờm",
        "Đồng chí nhấn mạnh: Ngay từ khi thành lập",
        "TTYTTXĐT đồng thời tiếp thu những ý kiến",
    ],
)
def test_no_title_person_without_a_name(text, rules):
    assert people_of(text, rules) == {}


def test_doctor_of_merit_and_senior_lecturer():
    from pipeline.document import AnnotatedArticle, CleanedArticle
    from pipeline.extract.entities import extract_entities
    from pipeline.rules import RuleSet
    from pipeline.textnorm import normalize_text

    rules = RuleSet.load()
    text = normalize_text("BS ưu tú Nguyễn Tri Thức, Giám đốc Bệnh viện Chợ Rẫy và GVC.BS Huỳnh Khắc Cường phát biểu.")
    people = extract_entities(AnnotatedArticle(CleanedArticle(body=text), text, len(text), None, rules)).people
    assert [(p.name, p.titles) for p in people] == [("Nguyễn Tri Thức", ["BS", "TTƯT"]), ("Huỳnh Khắc Cường", ["GVC", "BS"])]


def test_a_spelled_out_title_before_a_full_stop_ends_the_sentence(rules):
    from pipeline.document import AnnotatedArticle, CleanedArticle
    from pipeline.extract.entities import extract_entities
    from pipeline.textnorm import normalize_text
    text = normalize_text("Đồng chí Vừ A Bằng trao tặng danh hiệu và hoa chúc mừng cho các thầy thuốc ưu tú. Ảnh: Song An.")
    ann = AnnotatedArticle(article=CleanedArticle(body=text), text=text, body_length=len(text), doc=None, rules=rules)
    assert [p.name for p in extract_entities(ann).people] == ["Vừ A Bằng"]
