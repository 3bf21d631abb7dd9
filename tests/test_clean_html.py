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
HTML_DIR = Path("/work/shared/corpus-dev/html")


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
