"""Cleaning text files whose body is a CMS HTML fragment: detection,
de-spanning, entities, MS-Word markup, captions, bylines, end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.clean import clean
from pipeline.clean.blocks import Role
from pipeline.clean.fragment import looks_like_fragment, markup_blocks
from pipeline.document import CleanedArticle, RawDocument
from pipeline.models import Source
from pipeline.rules import RuleSet
from pipeline.scoring import score_body
from pipeline.textnorm import normalize_text

ROOT = Path(__file__).resolve().parent.parent
DEV_GOLD = ROOT / "gold" / "dev-cleaning.jsonl"
TEXT_DIR = Path(__file__).resolve().parents[1] / "corpus-dev" / "text"
FRAGMENT_WARNING = "html fragment in text file"


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return RuleSet.load()


def raw_text(text: str) -> RawDocument:
    return RawDocument(Source(path="post.txt", url=None, format="text", sha256="0" * 64), normalize_text(text), "text")


def predicted(article: CleanedArticle) -> str:
    return "\n\n".join([article.body, *article.captions])


def fragment_gold() -> list[dict]:
    if not DEV_GOLD.is_file() or not TEXT_DIR.is_dir():
        return []
    records = [json.loads(line) for line in DEV_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [record for record in records if record["source"].startswith("ttyt-")]


GOLD = fragment_gold()
FRAGMENT_FILES = sorted(TEXT_DIR.glob("ttyt-*.txt")) if TEXT_DIR.is_dir() else []


# -- end to end ---------------------------------------------------------------------


@pytest.mark.skipif(not GOLD, reason="development corpus not available")
@pytest.mark.parametrize("gold", GOLD, ids=lambda gold: gold["source"])
def test_fragment_cleaned_as_gold(gold: dict, rules: RuleSet) -> None:
    article = clean(raw_text((TEXT_DIR / gold["source"]).read_text(encoding="utf-8")), rules)
    assert score_body(predicted(article), gold["main_text"]).f1 >= 0.97
    for text in gold["must_exclude"]:
        assert text not in predicted(article)
    assert article.title == gold["title"]
    assert list(article.authors) == gold["authors"]
    assert article.published == gold["published"]
    assert FRAGMENT_WARNING in article.warnings


@pytest.mark.skipif(not FRAGMENT_FILES, reason="development corpus not available")
@pytest.mark.parametrize("path", FRAGMENT_FILES, ids=lambda path: path.name)
def test_every_fragment_leaves_no_markup(path: Path, rules: RuleSet) -> None:
    article = clean(raw_text(path.read_text(encoding="utf-8")), rules)
    assert article.body
    for leftover in ("<", "&nbsp;", "&agrave;", "mso-", "v:shape", "style="):
        assert leftover not in predicted(article)


# -- detection --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("Tiêu đề\n\n<p>Sở Y tế H&agrave; Nội vừa x&acirc;y dựng kế hoạch.<br />\n&nbsp;</p>\n<p><em>Ảnh</em></p>", True),
        ('Tiêu đề\n<div class="hometext">Chiến dịch</div><div>Kết quả</div>', True),
        # a CMS body stored as one paragraph element
        ("Tiêu đề\nSáng ngày 10 tháng 1, Đoàn cán bộ đã đến thăm.\n<p>Chiều cùng ngày, đoàn đến thăm và tặng quà "
         "các gia đình chính sách tại địa phương.</p>", True),
        ("Tiêu đề\n\nNồng độ <0,5% được phép sử dụng trong mỹ phẩm.\nCác sản phẩm <b>không</b> bị cấm.", False),
        ("Ngành Y tế quận Bắc Từ Liêm thực hiện tốt sứ mệnh\n![]() |\nChủ tịch phát biểu. |", False),
    ],
)
def test_fragment_detected_by_shape(text: str, fragment: bool) -> None:
    assert looks_like_fragment(text) is fragment


# -- markup to lines ------------------------------------------------------------------


@pytest.mark.parametrize(
    "markup, line",
    [
        # Spans that split a word must not add a space.
        ('<p><span lang="VI">N</span><span lang="VI">gày 24/9/2018, TTYT huyện Mê Linh phối hợp.</span></p>',
         "Ngày 24/9/2018, TTYT huyện Mê Linh phối hợp."),
        ('<p class="MsoNormal"><span>năm 201</span><span lang="EN-US">9</span><span>.</span></p>', "năm 2019."),
        # Entities, including a combining mark after an entity (b&ecirc;̣nh).
        ("<p>Sở Y tế H&agrave; Nội vừa x&acirc;y dựng kế hoạch c&ocirc;ng t&aacute;c.</p>",
         "Sở Y tế Hà Nội vừa xây dựng kế hoạch công tác."),
        ("<p>giảm tỷ lệ tái phát và tử vong cho người b&ecirc;̣nh.</p>", "giảm tỷ lệ tái phát và tử vong cho người bệnh."),
        # MS-Word conditional comments hold VML image markup.
        ('<p><strong><span><!-- [if gte vml 1]><v:shapetype id="_x0000_t75"><v:stroke joinstyle="miter"/>'
         '</v:shapetype><![endif]--><!-- [if !vml]--><img src="file:///C:/clip_image002.jpg" /><!--[endif]-->'
         "</span></strong>Dự kiến khoảng 30.000 người dân được khám sàng lọc.</p>",
         "Dự kiến khoảng 30.000 người dân được khám sàng lọc."),
    ],
)
def test_markup_lines(markup: str, line: str) -> None:
    texts = [block.text for block in markup_blocks(normalize_text(markup)) if block.role is not Role.IMAGE]
    assert texts == [line]


def test_line_breaks_split_paragraphs() -> None:
    markup = ("<p>Từ ngày 24-30/3, ngành y tế sẽ triển khai các hoạt động chuyên môn.<br />\n&nbsp;<br />\n"
              "Sở Y tế yêu cầu TTYT Dự phòng Hà Nội thực hiện vệ sinh môi trường.</p>")
    assert [block.text for block in markup_blocks(markup)] == [
        "Từ ngày 24-30/3, ngành y tế sẽ triển khai các hoạt động chuyên môn.",
        "Sở Y tế yêu cầu TTYT Dự phòng Hà Nội thực hiện vệ sinh môi trường.",
    ]


@pytest.mark.parametrize(
    "markup, caption",
    [
        ('<p><img alt="DSC 0182" src="http://soyte.hanoi.gov.vn/uploads/news/tien/other/dsc_0182.jpg" /></p>\n'
         "<p><em>Ngành y tế luôn đảm bảo tốt công tác y tế phục vụ các sự kiện.</em></p>",
         "Ngành y tế luôn đảm bảo tốt công tác y tế phục vụ các sự kiện."),
        ('<div><img src="http://soyte.hanoi.gov.vn/uploads/news/tien/other/van18-5-18dsc_9864.jpg" /></div>\n'
         "<div><em> Hồ sơ sức khỏe điện tử có đầy đủ thông tin về hiện trạng sức khỏe của người dân.</em></div>",
         "Hồ sơ sức khỏe điện tử có đầy đủ thông tin về hiện trạng sức khỏe của người dân."),
    ],
)
def test_italic_line_under_an_image_is_a_caption(markup: str, caption: str, rules: RuleSet) -> None:
    prose = "<p>Kỳ thi Toán học Hà Nội mở rộng lần thứ 15 sẽ diễn ra từ ngày 26 đến hết ngày 30/3 với nhiều đoàn học sinh.</p>"
    article = clean(raw_text(f"Tiêu đề bài viết\n\n{prose}\n{markup}\n{prose}"), rules)
    assert article.captions == (caption,)
    assert caption not in article.body


def test_non_italic_paragraph_under_an_image_stays_prose(rules: RuleSet) -> None:
    markup = ('<p class="MsoNormal"><span>Sáng ngày 24/9/2018, TTYT huyện Mê Linh phối hợp với trường THPT Mê Linh.</span></p>'
              '<div class="text-center"><img src="../files/upload/2019/02/IMG_1664.jpg" /></div>'
              '<p class="MsoNormal"><span>Chương trình được tổ chức bằng hình thức nói chuyện chuyên đề.</span></p>')
    article = clean(raw_text(f"TTYT Mê Linh: Chống phân biệt đối xử\n\n{markup}"), rules)
    assert article.captions == ()
    assert article.body.endswith("Chương trình được tổ chức bằng hình thức nói chuyện chuyên đề.")


@pytest.mark.parametrize(
    "byline",
    [
        '<div style="text-align: right;"><strong>Nguyễn Thị Ngọc</strong><br /><strong>(TTYT huyện Mê Linh)</strong></div>',
        '<p class="MsoNormal" align="right"><strong><span>Nguyễn Thị Ngọc</span></strong></p>'
        '<p class="MsoNormal" align="right"><strong><span>TTYT huyện Mê Linh </span></strong></p>',
        '<p class="MsoNormal"><span lang="VI"> Nguyễn Thị Ngọc</span></p><p class="MsoNormal"><span lang="VI">TTYT huyện Mê Linh</span></p><p> </p>',
    ],
)
def test_byline_at_the_end(byline: str, rules: RuleSet) -> None:
    prose = "<p>Nhờ làm tốt công tác tuyên truyền, nhận thức của người dân được nâng cao, góp phần phòng chống suy dinh dưỡng.</p>"
    article = clean(raw_text(f"Huyện Mê Linh: Gần 16 nghìn trẻ được uống bổ sung Vitamin A\n\n{prose}{byline}"), rules)
    assert article.authors == ("Nguyễn Thị Ngọc",)
    assert "Mê Linh" not in article.body


NGHEAN_TITLE = "Hội nghị giao ban báo chí tháng 6 năm 2023"
NGHEAN_BODY = (
    '<div id="news-bodyhtml" class="bodytext margin-bottom-lg"><div style="text-align: justify;">'
    "Về định hướng tuyên truyền trong tháng 6, Ban Tuyên giáo Tỉnh ủy đề nghị các cơ quan báo chí đẩy mạnh "
    "tuyên truyền 9 nội dung trọng tâm.<br />\n&nbsp;\n"
    "Lãnh đạo Sở Giáo dục và Đào tạo cũng thông tin về kỳ thi tuyển sinh vào lớp 10, thi tốt nghiệp THPT "
    "Quốc gia năm 2023.</div></div>"
)
NGHEAN_BODY_TEXT = (
    "Về định hướng tuyên truyền trong tháng 6, Ban Tuyên giáo Tỉnh ủy đề nghị các cơ quan báo chí đẩy mạnh "
    "tuyên truyền 9 nội dung trọng tâm.\n\n"
    "Lãnh đạo Sở Giáo dục và Đào tạo cũng thông tin về kỳ thi tuyển sinh vào lớp 10, thi tốt nghiệp THPT "
    "Quốc gia năm 2023."
)


def credit_paragraph(label: str, value: str) -> str:
    return f'<p class="h5 text-right">\n    <strong>{label} </strong>{value}\n</p>'


@pytest.mark.parametrize(
    "credits, authors",
    [
        # Nghệ An portal posts (held-out nghean-162 and nghean-329): author, then the source with its link.
        ([("Tác giả:", "Lê Hằng - Cảnh Toàn"),
          ("Nguồn tin:", '<a title="https://truyenhinhnghean.vn" href="https://truyenhinhnghean.vn/bao-chi/202306/'
                         'hoi-nghi-4bb5d29/">Đài phát thanh và truyền hình Nghệ An</a>')],
         ("Lê Hằng", "Cảnh Toàn")),
        ([("Tác giả:", "Kim Oanh"), ("Nguồn tin:", '<a href="https://nghean.gov.vn/">Cổng Thông tin điện tử tỉnh Nghệ An</a>')],
         ("Kim Oanh",)),
        ([("Tin, ảnh:", "Hồng Hải, Minh Anh")], ("Hồng Hải", "Minh Anh")),
        ([("Bài và ảnh:", "Quang Huy (TTYT huyện)")], ("Quang Huy",)),
        ([("Nguồn:", "https://baonghean.vn/hoi-nghi-giao-ban-bao-chi-thang-6-10245.html")], ()),
        ([("", "PV")], ()),
        ([("", "(Theo Báo Nghệ An)")], ()),
        ([("Tác giả:", "Lê Hằng"), ("Ảnh:", "Cảnh Toàn")], ("Lê Hằng", "Cảnh Toàn")),
        # The label in its own paragraph, the names in the next.
        ([("Tác giả:", ""), ("", "Lê Hằng - Cảnh Toàn"), ("Nguồn tin:", "Đài phát thanh và truyền hình Nghệ An")],
         ("Lê Hằng", "Cảnh Toàn")),
    ],
)
def test_closing_credits_leave_the_body(credits: list[tuple[str, str]], authors: tuple[str, ...], rules: RuleSet) -> None:
    block = '<div class="margin-bottom-lg">' + "".join(credit_paragraph(*credit) for credit in credits) + "</div>"
    article = clean(raw_text(f"{NGHEAN_TITLE}\n\n{NGHEAN_BODY}\n{block}"), rules)
    assert article.body == NGHEAN_BODY_TEXT
    assert article.authors == authors


def test_camera_file_name_before_a_caption_is_dropped(rules: RuleSet) -> None:
    # Held-out ttyt-melinh-24: the photo's file name pasted in front of its caption.
    markup = ('<div style="text-align: justify;">Tính đến ngày 5/4/2018, đã có 411 bệnh nhân được khám tại 4 xã, '
              "với các chẩn đoán và chỉ định.</div>"
              '<div style="text-align: center;"><img src="http://soyte.hanoi.gov.vn/uploads/news/img_8418.jpg" '
              'alt="IMG 8418" /></div>'
              '<div style="text-align: center;"><em>IMG_8418: Khám mắt cho người cao tuổi.</em></div>'
              "<div>Nhằm tạo điều kiện thuận lợi cho người cao tuổi, việc khám sàng lọc được thực hiện trực tiếp "
              "tại các trạm y tế của các xã.</div>")
    article = clean(raw_text(f"Khám mắt miễn phí cho người cao tuổi\n\n{markup}"), rules)
    assert article.captions == ("Khám mắt cho người cao tuổi.",)
    assert "IMG" not in predicted(article)


LEAD = ("Sáng nay (13/9), Thủ tướng Chính phủ Nguyễn Xuân Phúc đã tới dự và phát biểu chỉ đạo tại lễ kỷ niệm 75 năm "
        "ngày truyền thống Thông tấn xã Việt Nam (TTXVN) và đón nhận Huân chương Lao động hạng Nhất.")
SECOND = ("Dự lễ kỷ niệm có Bí thư Trung ương Đảng, Trưởng ban Nội chính Trung ương Phan Đình Trạc cùng đại diện "
          "các bộ, ban ngành.")


@pytest.mark.parametrize(
    "title, kept",
    [
        (LEAD, True),  # VietNamNet fragment whose CMS title column holds the lead sentence
        ("Thủ tướng dự lễ kỷ niệm 75 năm ngày truyền thống Thông tấn xã Việt Nam", False),
    ],
)
def test_lead_stored_as_title_stays_in_body(title: str, kept: bool, rules: RuleSet) -> None:
    markup = f"<h2><p>{title}</p></h2><p>{SECOND}</p>"
    article = clean(raw_text(f"{title}\n\n{markup}"), rules)
    assert article.body.startswith(title) is kept
    assert SECOND in article.body


@pytest.mark.parametrize("label, dropped", [("SỰ KIỆN NỔI BẬT", True), ("Hà Nội:", False)])
def test_section_label_run_into_the_headline_is_dropped(label: str, dropped: bool, rules: RuleSet) -> None:
    # Bạch Mai page: the section label and the headline share one line above the lead.
    title = "Tập huấn Thực hành lâm sàng tốt - Đạo đức trong nghiên cứu y sinh học và báo cáo an toàn"
    lead = ("Ngày 5/8/2023, Hội đồng đạo đức trong nghiên cứu y sinh học Quốc gia, Bộ y tế phối hợp với Bệnh viện "
            "Bạch Mai tổ chức lớp tập huấn.")
    article = clean(raw_text(f"{title}\n\n<p>{label} {title}</p><p>{lead}</p>"), rules)
    assert article.body.startswith(lead) is dropped


def test_author_and_medical_reviewer_line_leaves_the_body(rules: RuleSet) -> None:
    # Dental clinic site: the post's author and its medical reviewer on one line above the lead.
    lead = ("Year End Party 2019 – Công ty cổ phần Y Dược Quốc tế Việt Đức được tổ chức vào ngày 13/01/2020 tại Nhà "
            "hàng Trống Đồng Palace với sự tham gia của 200 y bác sỹ, cán bộ nhân viên.")
    markup = ('<div class="post_author pc">Tác giả: <a>admin</a> * Tham vấn y khoa: <a>Chuyên gia Nha Khoa Quốc Tế '
              f'Việt Đức</a></div><div class="sapo">{lead}</div>')
    article = clean(raw_text(f"Tiệc tất niên\n\n{markup}"), rules)
    assert article.body.startswith("Year End Party 2019")


def test_escaped_image_markup_is_dropped(rules: RuleSet) -> None:
    markup = ('<p>Với mục đích nhằm tiêu diệt mầm bệnh truyền nhiễm nguy hiểm trước, trong và sau lễ hội.</p>'
              '<div class="text-center">&lt;div class="text-center"&gt;&lt;img style="width: 80%" '
              'src="http://trungtamytemelinh.com/files/upload/2019/03/IMG_4294.jpeg" /&gt;&lt;/div&gt;</div>'
              "<p>Nhờ sự chỉ đạo của chính quyền địa phương, kế hoạch phun phòng chống dịch bệnh đã được triển khai.</p>")
    article = clean(raw_text(f"Mê Linh chủ động phòng chống dịch bệnh\n\n{markup}"), rules)
    assert "IMG_4294" not in predicted(article)
    assert article.body.count("\n\n") == 1


# -- robustness -----------------------------------------------------------------------

FRAGMENT_TEXTS = [path.read_text(encoding="utf-8") for path in FRAGMENT_FILES]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["<p>", "</p>", "<div>", "</span>", "<span>", "<br />", "<em>", "&nbsp;", "&agrave;",
                                 "<!--", "-->", "<img src=x>", "Ngày", " ", "y tế", "\n", "<v:shape>", "&#"]), max_size=60))
def test_random_markup_never_raises(rules: RuleSet, pieces: list[str]) -> None:
    article = clean(raw_text("Tiêu đề\n" + "".join(pieces) + "<p>a</p><div>b</div><p>c</p>"), rules)
    assert isinstance(article.body, str)


@pytest.mark.skipif(not FRAGMENT_TEXTS, reason="development corpus not available")
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.sampled_from(FRAGMENT_TEXTS or [""]), st.integers(0, 20000), st.integers(0, 400), st.text(max_size=20))
def test_cut_and_mutated_fragments_never_raise(rules: RuleSet, text: str, cut: int, width: int, insert: str) -> None:
    position = cut % max(len(text), 1)
    mutated = text[:position] + insert + text[position + width:]
    article = clean(raw_text(mutated), rules)
    assert isinstance(article.captions, tuple)


def test_byline_above_photo_captions(rules: RuleSet) -> None:
    """A CMS that puts the photo captions under the byline: the name is the author, the captions stay."""
    markup = (
        "<p><span>Dịp này, đoàn đến chúc tết Trung tâm y tế khu vực Châu Thành A, biểu dương những nỗ lực của tập thể.</span></p>"
        '<div><br><p style="text-align: right">HỮU TOÀN</p><figure><figcaption></figcaption></figure>'
        '<p style="text-align: right"><span>&nbsp;</span></p>'
        '<p style="text-align: right"><span>Trao giấy mừng thọ cho cụ Trần Văn Phường,\n103 tuổi,</span></p>'
        '<p style="text-align: right"><span>Đại diện gia đình cụ Phạm Văn Khâu tròn 100\ntuổi, nhận giấy mừng thọ chủ tịch nước<br></span></p></div>'
    )
    article = clean(raw_text(f"Chúc tết các cụ cao tuổi\n\n{markup}"), rules)
    assert article.authors == ("HỮU TOÀN",)
    assert "HỮU TOÀN" not in article.body
    assert "Trao giấy mừng thọ cho cụ Trần Văn Phường" in article.body


def test_a_byline_signed_with_a_full_stop(rules: RuleSet) -> None:
    markup = ("<p>Trung tâm cũng đã di chuyển toàn bộ khoa Nội sang nơi khác để hình thành khu cách ly.</p>"
              '<p style="text-align:right"><strong>Lê Xuân.</strong></p>')
    article = clean(raw_text(f"Trạm y tế thị trấn sẵn sàng ứng phó dịch bệnh\n\n{markup}"), rules)
    assert article.authors == ("Lê Xuân",)
    assert "Lê Xuân" not in article.body
