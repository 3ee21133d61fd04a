"""The PDF reader's layout conventions on a hand-set page (docs/pdf-reading.md):
a masthead block, a kicker ending with ——, a 副题 wrapped at the body size, a
caption over a credit line with no picture in the PDF, a 落款 set flush right,
a poem set in from its column.  The page is drawn with reportlab and read back
through pdfminer.six; nothing is mocked.
"""

from __future__ import annotations

import io

import pdf_pages
import pytest
from lishi_pub.model import Figure, Heading, Issue, Paragraph

W, H = 420.0, 760.0
BODY = 10.0
PITCH = 15.0
X = 40.0

LEAD = "本报讯 全区重点项目建设现场一派热火朝天的景象，今年共确定重点项目一百二十六个。"
MORE = "区里建立了一个项目一名领导一个专班的工作机制，区级领导分包联系重点项目，每月深入现场调度。"
CAPTION = "治理后的三川河城区段水清岸绿。"
NOTICE = "根据上级部署，现将本年度征兵工作有关事项通告如下，请适龄青年按时报名参加体检。"
POEM = ["低下头的谷穗", "是最懂事的孩子", "它知道自己有多重", "所以从不张扬", "秋风里", "它弯着腰"]


def _page() -> bytes:
    from reportlab.pdfgen import canvas

    pdf_pages._fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(W, H), invariant=1)
    font = pdf_pages.FONT

    def line(x: float, top: float, text: str, size: float = BODY) -> None:
        c.setFont(font, size)
        c.drawString(x, H - top - size, text)

    def para(top: float, text: str, cells: int = 30, indent: int = 2) -> float:
        first = True
        while text:
            room = cells - (indent if first else 0)
            line(X + (indent * BODY if first else 0), top, text[:room])
            text, top, first = text[room:], top + PITCH, False
        return top

    # the masthead block: the paper's name stacked over 主办, the date and the 合办 line
    line(X, 30, "离石报", 36)
    for k, text in enumerate(["中共离石区委主办", "2022年4月22日 星期五", "合办：离石区融媒体中心"]):
        line(X, 70 + 14 * k, text, 9)
    # a story: kicker ending with ——, title, a body-size 副题 wrapped at the group's tight leading
    line(X, 150, "抓项目 扩投资 稳增长——", 12)
    line(X, 166, "全区重点项目建设跑出加速度", 13)
    line(X, 184, "——1至10月完成投资156", BODY)
    line(X, 196, "亿元，同比增长13.2%", BODY)
    top = para(214, LEAD)
    top = para(top, MORE)
    # a caption and its credit on a line of its own (the photo is not in the PDF)
    line(X, top, CAPTION)
    line(X, top + PITCH, "江亮彬 摄")
    # a notice with its 落款 set flush right
    line(X, top + 70, "关于冬季征兵工作的通告", 16)
    top = para(top + 94, NOTICE)
    right = X + 30 * BODY
    for text in ("区人民政府", "2023年6月15日"):
        line(right - len(text) * BODY + (3 * 0.5 * BODY if "年" in text else 0), top, text)
        top += PITCH
    # a poem set in from its column's edge, its lines of like length
    line(X, top + 30, "故乡的秋天", 16)
    line(X + 6 * BODY, top + 52, "□ 汪然")
    top += 72
    for text in POEM:
        line(X + 2 * BODY, top, text)
        top += PITCH
    para(top + 30, "秋天的风吹过村口，吹黄了田里的谷子，也吹红了枝头的柿子，一年的辛苦有了着落。")
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture(scope="module")
def issue() -> Issue:
    return pdf_pages.read_issue(_page(), "rules.pdf")


def test_the_masthead_block_is_furniture_not_an_article(issue: Issue) -> None:
    page = issue.pages[0]
    assert "离石报" in page.header and "合办：离石区融媒体中心" in page.header
    assert all(a.title != "离石报" for a in page.articles)
    assert "离石报" not in page.banners


def test_a_kicker_ending_with_a_dash_and_a_wrapped_body_size_subtitle(issue: Issue) -> None:
    story = pdf_pages.article_titled(issue, "全区重点项目建设跑出加速度")
    assert story.kicker == "抓项目 扩投资 稳增长"
    assert story.subtitle == "1至10月完成投资156亿元，同比增长13.2%"
    assert story.dateline == "本报讯"
    paras = [b.text for b in story.blocks if isinstance(b, Paragraph)]
    assert paras[0].startswith("全区重点项目建设现场") and paras[1] == MORE


def test_a_paragraph_over_a_credit_line_is_a_caption(issue: Issue) -> None:
    story = pdf_pages.article_titled(issue, "全区重点项目建设跑出加速度")
    figures = [b for b in story.blocks if isinstance(b, Figure)]
    assert [f.caption for f in figures] == [CAPTION]
    assert figures[0].credit is not None and [c.name for c in figures[0].credit.by] == ["江亮彬"]


def test_a_signature_set_flush_right_is_a_paragraph_per_line(issue: Issue) -> None:
    notice = pdf_pages.article_titled(issue, "关于冬季征兵工作的通告")
    assert [b.text for b in notice.blocks if isinstance(b, Paragraph)] == [NOTICE, "区人民政府", "2023年6月15日"]


def test_a_poem_set_in_from_its_column_is_a_line_a_paragraph(issue: Issue) -> None:
    poem = pdf_pages.article_titled(issue, "故乡的秋天")
    texts = [b.text for b in poem.blocks if isinstance(b, (Paragraph, Heading))]
    assert texts[:len(POEM)] == POEM
    assert [c.name for c in poem.contributors] == ["汪然"]
