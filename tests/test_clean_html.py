"""Cleaning full HTML pages: real pages end to end against gold and against
trafilatura alone, metadata from page structure, and robustness."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import trafilatura
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.clean import clean
from pipeline.clean.page import WARN_FALLBACK, WARN_NOT_PARSED
from pipeline.document import CleanedArticle, RawDocument
from pipeline.models import Source
from pipeline.rules import RuleSet
from pipeline.scoring import Counts, score_body
from pipeline.textnorm import normalize_text

ROOT = Path(__file__).resolve().parent.parent
DEV_GOLD = ROOT / "gold" / "dev-cleaning.jsonl"
HTML_DIR = Path(__file__).resolve().parents[1] / "corpus-dev" / "html"


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return RuleSet.load()


def raw_html(html: str, name: str = "page.html") -> RawDocument:
    return RawDocument(Source(path=name, url=None, format="html", sha256="0" * 64), normalize_text(html), "html")


def predicted(article: CleanedArticle) -> str:
    return "\n\n".join([article.body, *article.captions])


def page_gold() -> list[dict]:
    if not DEV_GOLD.is_file() or not HTML_DIR.is_dir():
        return []
    records = [json.loads(line) for line in DEV_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [record for record in records if record["source"].endswith(".html")]


GOLD = page_gold()


# -- real pages end to end ------------------------------------------------------------


@pytest.mark.skipif(not GOLD, reason="development corpus not available")
@pytest.mark.parametrize("gold", GOLD, ids=lambda gold: gold["source"][:50])
def test_page_cleaned_as_gold(gold: dict, rules: RuleSet) -> None:
    article = clean(raw_html((HTML_DIR / gold["source"]).read_text(encoding="utf-8"), gold["source"]), rules)
    assert score_body(predicted(article), gold["main_text"]).f1 >= 0.95
    for text in gold["must_exclude"]:
        assert text not in predicted(article)
    assert article.title == gold["title"]
    assert article.category == gold["category"]
    assert list(article.authors) == gold["authors"]
    assert article.outlet == gold["outlet"]
    assert article.published == gold["published"]


@pytest.mark.skipif(not GOLD, reason="development corpus not available")
def test_beats_trafilatura_alone(rules: RuleSet) -> None:
    ours, theirs = Counts(), Counts()
    for gold in GOLD:
        html = (HTML_DIR / gold["source"]).read_text(encoding="utf-8")
        ours = ours + score_body(predicted(clean(raw_html(html), rules)), gold["main_text"])
        theirs = theirs + score_body(normalize_text(trafilatura.extract(html) or ""), gold["main_text"])
    assert ours.f1 > theirs.f1


# -- metadata from the page structure ---------------------------------------------------

LEAD = "(Dân trí) - Giá vàng đi xuống khi kinh tế Mỹ tiếp tục cho thấy sự vững mạnh."
PARAGRAPHS = [
    "Kết thúc ngày 23/12, các doanh nghiệp lớn tại Hà Nội niêm yết giá vàng miếng SJC tại 66,1-66,9 triệu đồng/lượng. "
    "So với giá mở cửa phiên hôm qua, mỗi lượng vàng đã tăng 200.000 đồng.",
    "Trong khi đó, sáng nay, giá kim loại quý giao ngay trên Kitco ở mức 1.798,5 USD/ounce. Hôm qua, có thời điểm giá "
    "vàng thế giới ở mức 1.804 USD/ounce song đến sáng nay một lần nữa mất mốc này.",
    "Giá vàng quốc tế bắt đầu giảm về dưới 1.800 USD/ounce từ hôm 22/12, sau báo cáo cho thấy số đơn xin trợ cấp thất "
    "nghiệp mới tại Mỹ tuần trước tăng chậm hơn so với dự báo.",
    "Edward Moya, nhà phân tích cấp cao tại Oanda nhận định giá vàng đi xuống khi kinh tế Mỹ tiếp tục cho thấy sự vững "
    "mạnh. Việc này có thể cho phép Fed thắt chặt chính sách tiền tệ hơn kỳ vọng của thị trường.",
]
CAPTION = "Giá vàng chưa thể phục hồi (Ảnh: Tiến Tuấn)."
TITLE = "Giá vàng giảm sau dấu hiệu khả quan của kinh tế Mỹ"


def page(head: str = "", byline: str = "", sidebar: str = "", extra: str = "") -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    return f"""<%@ page language="java" contentType="text/html; charset=UTF-8" pageEncoding="UTF-8"%>
<!DOCTYPE html><html lang="vi"><head><meta charset="UTF-8" /><title>{TITLE} | Báo Dân trí</title>
<meta property="og:site_name" content="Báo điện tử Dân Trí" /><meta name="author" content="Dân Trí" />{head}</head>
<body><header><div class="weather-item date-time-today">Thứ hai, 26/12/2022 - 07:00</div>
<nav><ol><li><a href="/xa-hoi.html">Xã hội</a></li><li><a href="/kinh-doanh.html">Kinh doanh</a></li></ol></nav></header>
<main><ul class="breadcrumbs"><li><a href="/">Trang chủ</a></li><li><a href="/kinh-doanh.html">Kinh doanh</a></li>
<li><a href="/kinh-doanh/tai-chinh.html">Tài chính</a></li></ul>
<article class="singular-container"><h1 class="title-page detail">{TITLE}</h1>{byline}
<h2 class="singular-sapo">{LEAD}</h2><div class="singular-content">{paragraphs}
<figure class="image"><img src="https://icdn.dantri.com.vn/2022/12/24/gia-vang.jpg" alt="{TITLE} - 1" />
<figcaption><p>{CAPTION}</p></figcaption></figure>
<p><a href="https://dantri.com.vn/kinh-doanh/gia-vang-hom-nay-tang-manh-20221223.htm"><strong>Giá vàng hôm nay tăng mạnh
</strong></a></p>{extra}</div></article>
<aside>{sidebar}</aside></main><footer>Copyright © Báo Dân trí</footer></body></html>"""


def test_structure_of_a_page(rules: RuleSet) -> None:
    article = clean(raw_html(page()), rules)
    assert article.title == TITLE
    assert article.category == "Kinh doanh"
    assert article.outlet == "Dân trí"
    assert article.body.startswith("Giá vàng đi xuống khi kinh tế Mỹ")
    assert article.captions == (CAPTION,)
    assert CAPTION not in article.body
    assert "Giá vàng hôm nay tăng mạnh" not in article.body  # a link to another article
    assert article.authors == ()  # the site's own name in <meta name="author"> is no byline
    assert article.published is None  # the date in the page header is today's, not the article's


@pytest.mark.parametrize(
    "head, byline, published",
    [
        ('<meta property="article:published_time" content="2022-12-24T08:43:00+07:00" />', "", "2022-12-24T08:43:00+07:00"),
        ('<meta property="article:published_time" content="2022-12-24T01:43:00Z" />', "", "2022-12-24T08:43:00+07:00"),
        ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2022-12-24T08:43:00+07:00"}</script>',
         "", "2022-12-24T08:43:00+07:00"),
        ("", '<time datetime="2022-12-24T08:43">Thứ bảy, 24/12/2022 - 08:43</time>', "2022-12-24T08:43:00+07:00"),
        ("", '<div class="author-time">Thứ bảy, 24/12/2022 - 08:43</div>', "2022-12-24T08:43:00+07:00"),
        ("", '<span class="date">24/12/2022</span>', "2022-12-24"),
    ],
)
def test_published_from_the_page(head: str, byline: str, published: str, rules: RuleSet) -> None:
    article = clean(raw_html(page(head=head, byline=byline)), rules)
    assert article.published == published


def test_sidebar_date_is_not_the_articles(rules: RuleSet) -> None:
    sidebar = ('<div class="article-item"><h3>Giá vàng hôm nay</h3>'
               '<span class="date">Thứ sáu, 23/12/2022 - 09:00</span></div>')
    assert clean(raw_html(page(sidebar=sidebar)), rules).published is None


@pytest.mark.parametrize(
    "byline, extra, authors",
    [
        ('<div class="author-wrap"><div class="author-name"><b>Tiến Tuấn</b></div></div>', "", ("Tiến Tuấn",)),
        ("", "<p>Theo Thanh Xuân</p><p>VnEconomy</p>", ("Thanh Xuân",)),
    ],
)
def test_authors_from_the_page(byline: str, extra: str, authors: tuple[str, ...], rules: RuleSet) -> None:
    article = clean(raw_html(page(byline=byline, extra=extra)), rules)
    assert article.authors == authors
    assert "VnEconomy" not in article.body and "Thanh Xuân" not in article.body


def test_related_box_heading_ends_the_article(rules: RuleSet) -> None:
    extra = ("<h3>Tin liên quan</h3><p><a href='/a.htm'>Giá vàng hôm nay lập đỉnh mới</a></p>"
             "<p><a href='/b.htm'>Tỷ giá USD/VND tiếp tục giảm</a></p>")
    article = clean(raw_html(page(extra=extra)), rules)
    assert "Tin liên quan" not in article.body and "lập đỉnh" not in article.body


# -- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize("html", ["", "   ", "<%@ page %>", "<?xml version='1.0'?>"])
def test_empty_page_warns(html: str, rules: RuleSet) -> None:
    article = clean(raw_html(html), rules)
    assert article.body == ""
    assert article.warnings


def test_page_without_main_content_falls_back_to_paragraphs(rules: RuleSet) -> None:
    html = "<html><body><article><h1>Tin ngắn</h1><p>Sở Y tế vừa ban hành kế hoạch.</p></article></body></html>"
    article = clean(raw_html(html), rules)
    assert "Sở Y tế vừa ban hành kế hoạch." in article.body
    assert WARN_FALLBACK in article.warnings or article.warnings == ()
    assert WARN_NOT_PARSED not in article.warnings


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["<html>", "<body>", "<article>", "<p>", "</p>", "<h1>", "</h1>", "<figure>",
                                 "<figcaption>", "<meta property='article:published_time' content='x'>", "<time datetime='2022-13-45'>",
                                 "<script type='application/ld+json'>{", "</script>", "Giá vàng", "(Dân trí) - ", "<!--",
                                 "&amp;", "<a href='#'>", "</a>", "Theo Thanh Xuân", "\n", "</html>"]), max_size=60))
def test_random_pages_never_raise(rules: RuleSet, pieces: list[str]) -> None:
    article = clean(raw_html("".join(pieces)), rules)
    assert isinstance(article.body, str)


@pytest.mark.skipif(not GOLD, reason="development corpus not available")
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.sampled_from([gold["source"] for gold in GOLD] or ["x"]), st.integers(0, 200000), st.integers(0, 5000))
def test_truncated_real_pages_never_raise(rules: RuleSet, source: str, cut: int, width: int) -> None:
    html = (HTML_DIR / source).read_text(encoding="utf-8")
    position = cut % max(len(html), 1)
    article = clean(raw_html(html[:position] + html[position + width:]), rules)
    assert isinstance(article.captions, tuple)


# A page laid out the other common way: headline, date and lead outside <article>,
# related links and a "most read" sidebar after it. Sentences from vims-c018-118.
OTHER_LAYOUT = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Bệnh viện Bạch Mai tiếp nhận ca ngộ độc cóc - VnExpress Sức khỏe</title>
<meta property="og:title" content="Bệnh viện Bạch Mai tiếp nhận ca ngộ độc cóc - VnExpress Sức khỏe">
<meta name="pubdate" content="2024-05-18T07:00:00+07:00"/>
<meta itemprop="articleSection" content="Sức khỏe">
<meta property="og:site_name" content="VnExpress">
<meta name="author" content="VnExpress">
</head><body>
<header class="header"><a href="/">Trang chủ</a><span class="time-now">Thứ hai, 20/5/2024</span>
<nav class="main-nav"><ul><li><a href="/thoi-su">Thời sự</a></li><li><a href="/suc-khoe">Sức khỏe</a></li></ul></nav></header>
<section class="section page-detail top-detail"><div class="container">
<div class="sidebar-1">
<div class="header-content width_common"><ul class="breadcrumb"><li><a href="/suc-khoe">Sức khỏe</a></li><li><a href="/suc-khoe/tin-tuc">Tin tức</a></li></ul>
<span class="date">Thứ bảy, 18/5/2024, 07:00 (GMT+7)</span></div>
<h1 class="title-detail">Bệnh viện Bạch Mai tiếp nhận ca ngộ độc cóc</h1>
<p class="description">Bé trai 4 tuổi ở Đồng Tháp tử vong sau khi được bố cho ăn gan cóc và bao tử, bác sĩ cảnh báo người dân không ăn thịt cóc.</p>
<article class="fck_detail">
<p class="Normal">Như tin đã đưa, một bé trai 4 tuổi ở TP Cao Lãnh đã tử vong sau khi được bố cho ăn gan cóc và bao tử. Sự việc thương tâm vừa xảy ra sáng 17/5.</p>
<figure class="tplCaption"><img src="https://i1-suckhoe.vnecdn.net/2024/05/18/coc.jpg" alt="Thịt cóc"><figcaption><p class="Image">Cóc là loài có độc tố. Ảnh: <em>Minh Anh</em></p></figcaption></figure>
<p class="Normal">Trên Zing.vn dẫn thông tin từ gia đình nạn nhân cho biết, sáng 17/5, anh Trần Văn Sơn đi soi, bắt được hơn 1 kg cóc, ếch và nhái. Sau đó, vợ anh Sơn mang chế biến làm 2 phần.</p>
<p class="Normal">Một lúc sau, cháu bị nôn, chân tay lạnh, môi tím, tim đập chậm. Gia đình đưa cháu đến bệnh viện cấp cứu nhưng đến khuya cùng ngày thì tử vong.</p>
<p class="Normal">Từ các vụ việc thương tâm trên, các chuyên gia y tế khuyến cáo cần hết sức thận trọng khi ăn thịt cóc, tốt nhất là không nên ăn.</p>
<p class="Normal" style="text-align:right;"><strong>Lê Nga</strong></p>
</article>
<div class="footer-content"><div class="box-tinlienquanv2"><h3>Tin liên quan</h3><ul><li><a href="/a.html">Bé trai tử vong vì ngộ độc cóc</a></li><li><a href="/b.html">Ăn cóc xào khổ qua, bé 4 tuổi tử vong</a></li></ul></div></div>
</div>
<div class="sidebar-2"><div class="box-category"><h3>Xem nhiều</h3><ul><li><article class="item-news"><h3 class="title-news"><a href="/c.html">Những vụ tử vong thương tâm do ăn thịt cóc</a></h3><p class="description">Ngộ độc cóc gây tử vong nhiều trường hợp mỗi năm.</p><span class="time">17/5/2024</span></article></li></ul></div></div>
</div></section><footer>© Copyright 1997 VnExpress.net, All rights reserved</footer></body></html>"""


def test_page_with_lead_outside_the_article(rules: RuleSet) -> None:
    article = clean(raw_html(OTHER_LAYOUT), rules)
    assert article.title == "Bệnh viện Bạch Mai tiếp nhận ca ngộ độc cóc"
    assert article.published == "2024-05-18T07:00:00+07:00"
    assert article.category == "Sức khỏe"
    assert article.authors == ("Lê Nga",)
    assert article.body.startswith("Bé trai 4 tuổi ở Đồng Tháp tử vong")
    assert article.body.endswith("tốt nhất là không nên ăn.")
    assert article.captions == ("Cóc là loài có độc tố. Ảnh: Minh Anh",)
    for sidebar in ("Tin liên quan", "Ngộ độc cóc gây tử vong nhiều trường hợp", "Xem nhiều", "Copyright"):
        assert sidebar not in predicted(article)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_page_with_any_text_never_raises(rules: RuleSet, text: str) -> None:
    article = clean(raw_html(f"<html><body><article><h1>{TITLE}</h1><p>{text}</p>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}</article></body></html>"), rules)
    assert "\ufffd" not in article.body and "\x00" not in article.body


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://dantri.com.vn/kinh-doanh/gia-vang-giam-20221224012650880.htm", "2022-12-24"),
        ("https://tuoitre.vn/bac-si-tre-ve-tuyen-xa-2024041908153321.htm", "2024-04-19"),
        ("https://example.vn/suc-khoe/2025/02/26/ky-niem-ngay-thay-thuoc.html", "2025-02-26"),
        ("https://hanoimoi.vn/phuong-long-bien-tang-cuong-hop-tac-712345.html", None),
        ("https://example.vn/a-20221399012650880.htm", None),
    ],
)
def test_the_day_stamped_in_an_article_url_is_its_date(url: str, expected: str | None) -> None:
    from pipeline.clean.pagemeta import url_date

    assert url_date(url) == expected


# A saved page with no date markup: the headline is an h2 (behind a section label), the dateline the next line,
# then sidebar "latest news" whose dates are not the article's.
DATELINE_PAGE = """<html><head><title>Tập huấn Thực hành lâm sàng tốt - Đạo đức trong nghiên cứu y sinh học</title></head>
<body><div class="main"><div class="col-sm-8"><a href="">SỰ KIỆN NỔI BẬT</a>
<h2>SỰ KIỆN NỔI BẬT Tập huấn Thực hành lâm sàng tốt - Đạo đức trong nghiên cứu y sinh học</h2>
<div class="text"><p>07/08/2023 16:30</p></div>
<div class="text-1"><p>Ngày 5/8/2023, Hội đồng đạo đức trong nghiên cứu y sinh học Quốc gia, Bộ Y tế phối hợp với Bệnh viện
Bạch Mai tổ chức lớp tập huấn “Thực hành lâm sàng tốt - Đạo đức trong nghiên cứu y sinh học và báo cáo an toàn”.</p></div>
<div class="text-2"><p>Buổi tập huấn đã diễn ra thành công tốt đẹp, giúp cho nghiên cứu viên thiết kế nghiên cứu, tuân thủ,
chuẩn hóa quy trình nghiên cứu theo các nguyên tắc GCP, nâng cao chất lượng của các nghiên cứu.</p></div>
<div class="text-7"><span>Mai Thanh - Thế Anh</span></div></div>
<div class="col-sm-4"><div class="top">Tin tức mới nhất</div>
<div class="content1"><a href="tintucmoi-4.jsp"><p>Điều trị ung thư phổi giai đoạn di căn có đột biến...</p></a>
<div class="date1">26/09/2023</div></div></div></div></body></html>"""


def test_dateline_after_the_headline_and_closing_byline(rules: RuleSet) -> None:
    article = clean(raw_html(DATELINE_PAGE), rules)
    assert article.published == "2023-08-07T16:30:00+07:00"
    assert article.authors == ("Mai Thanh", "Thế Anh")
    assert "Tin tức mới nhất" not in article.body and "Mai Thanh" not in article.body
