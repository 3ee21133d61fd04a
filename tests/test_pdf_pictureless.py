"""The PDF reader's conventions for pages whose pictures are not in the PDF, and the
furniture, bylines, verse and pairing rules around them (docs/pdf-reading.md): a
caption at a column's top, columns pushed down by a caption, a □ byline wrapped onto
a second line, section titles over quatrains set in, a continued story's head in the
top band, a number pushed onto the next line, a 落款 set flush right, gathered poem
headlines paired by the characters they share.  Pages are drawn with reportlab and
read back through pdfminer.six; nothing is mocked.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import pdf_pages
import pytest
from lishi_pub.model import Figure, Heading, Issue, Paragraph

W, H = 480.0, 900.0
BODY = 10.0
PITCH = 15.0
X = 40.0

Line = Callable[..., None]


def _draw(pages: list[Callable[[Line], None]]) -> bytes:
    from reportlab.pdfgen import canvas

    pdf_pages._fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(W, H), invariant=1)
    for draw in pages:
        def line(x: float, top: float, text: str, size: float = BODY) -> None:
            c.setFont(pdf_pages.FONT, size)
            c.drawString(x, H - top - size, text)
        draw(line)
        c.showPage()
    c.save()
    return buf.getvalue()


def _para(line: Line, x: float, top: float, text: str, cells: int, indent: int = 2) -> float:
    first = True
    while text:
        room = cells - (indent if first else 0)
        line(x + (indent * BODY if first else 0), top, text[:room])
        text, top, first = text[room:], top + PITCH, False
    return top


END_OF_COLUMN = "区里推进清洁取暖改造，淘汰燃煤锅炉二十六台，城区优良天数比例达到百分之八十。"
CAPTION = "治理后的三川河城区段水清岸绿。"
NEXT = "与此同时，全区完成营造林一万五千亩，治理水土流失面积四十二平方公里。"
QUATRAINS = [("春", ["杏花开遍小山村，", "燕子衔泥绕旧门。", "老汉扶犁春雨后，", "一鞭吆喝到黄昏。"]),
             ("夏", ["麦浪翻金六月天，", "收机隆隆过田边。", "农家小院瓜棚下，", "笑话丰年说去年。"])]
SERVICE = "区自来水公司报修电话请拨打燃气抢修："


def _page_one(line: Line) -> None:
    # a story in two columns of 12 cells: the second opens with a caption whose picture is not in the PDF
    line(X, 40, "蓝天碧水净土保卫战取得新成效", 16)
    line(X, 62, "□ 本报记者叶鑫洋本报通讯", BODY)  # a byline too long for its column...
    line(X + 4 * BODY, 74, "员钟平建", BODY)     # ...goes on centred under it
    top = _para(line, X, 92, "本报讯 天更蓝了，水更清了，山更绿了，生态环境质量持续改善。", 12)
    _para(line, X, top, END_OF_COLUMN, 12)
    right = X + 15 * BODY
    line(right, 92, CAPTION[:12])
    line(right, 92 + PITCH, CAPTION[12:] + " 岚县团委供图")
    _para(line, right, 92 + 2 * PITCH, NEXT, 12)
    # a poem: season titles centred in a column of 26 cells over quatrains set in
    top = 400
    line(X, top, "乡村四季", 16)
    top += 30
    for season, verse in QUATRAINS:
        line(X + 12.5 * BODY, top, season)
        top += PITCH
        for text in verse:
            line(X + 2 * BODY, top, text)
            top += PITCH
        top += PITCH
    # a notice in a narrow column: a telephone number never broken, a 落款 set flush right
    line(X, top + 20, "停水通知", 16)
    top += 46
    line(X + 2 * BODY, top, SERVICE[:10])
    line(X, top + PITCH, SERVICE[10:])
    line(X, top + 2 * PITCH, "0358-8241119。")
    right = X + 12 * BODY
    for k, text in enumerate(("区农业农村局", "区财政局", "2023年3月20日")):
        width = sum(0.5 * BODY if ch.isdigit() else BODY for ch in text)
        line(right - width, top + (3 + k) * PITCH, text)


@pytest.fixture(scope="module")
def issue() -> Issue:
    return pdf_pages.read_issue(_draw([_page_one]), "pictureless.pdf")


def test_a_caption_at_a_columns_top_is_no_part_of_the_paragraph_before(issue: Issue) -> None:
    story = pdf_pages.article_titled(issue, "蓝天碧水净土保卫战取得新成效")
    paras = [b.text for b in story.blocks if isinstance(b, Paragraph)]
    assert END_OF_COLUMN in paras and NEXT in paras
    figures = [b for b in story.blocks if isinstance(b, Figure)]
    assert [f.caption for f in figures] == [CAPTION]
    assert figures[0].credit is not None and [c.name for c in figures[0].credit.by] == ["岚县团委"]


def test_a_box_byline_wrapped_onto_a_second_line_is_one_byline(issue: Issue) -> None:
    story = pdf_pages.article_titled(issue, "蓝天碧水净土保卫战取得新成效")
    assert [c.name for c in story.contributors] == ["叶鑫洋", "钟平建"]
    assert not [b for b in story.blocks if isinstance(b, Heading)]


def test_season_titles_over_quatrains_set_in_are_its_section_titles(issue: Issue) -> None:
    poem = pdf_pages.article_titled(issue, "乡村四季")
    texts = [(type(b).__name__, b.text) for b in poem.blocks if isinstance(b, (Paragraph, Heading))]
    expected = [(kind, text) for season, verse in QUATRAINS
                for kind, text in [("Heading", season), *[("Paragraph", t) for t in verse]]]
    assert texts == expected
    assert all(a.title not in ("春", "夏") for a in issue.pages[0].articles)


def test_a_line_ends_short_where_the_number_opening_the_next_did_not_fit(issue: Issue) -> None:
    notice = pdf_pages.article_titled(issue, "停水通知")
    paras = [b.text for b in notice.blocks if isinstance(b, Paragraph)]
    assert paras[0] == SERVICE + "0358-8241119。"


def test_a_signature_of_three_lines_set_flush_right_is_a_line_a_paragraph(issue: Issue) -> None:
    notice = pdf_pages.article_titled(issue, "停水通知")
    paras = [b.text for b in notice.blocks if isinstance(b, Paragraph)]
    assert paras[1:] == ["区农业农村局", "区财政局", "2023年3月20日"]


STORY = "电商产业园的直播间里，几位年轻主播对着手机镜头展示山里的杂粮和干果，一晚上成交订单上千单。"


def _front(line: Line) -> None:
    line(X, 30, "要闻", 16)
    line(X, 120, "直播间里卖出好价钱——", 11)
    line(X, 136, "小杂粮搭上电商快车", 18)
    _para(line, X, 162, "本报讯 " + STORY, 30)
    line(X, 200, "（下转第2版）")


def _jump_page(line: Line) -> None:
    line(X, 30, "要闻", 16)  # the running head, on both pages
    line(X, 60, "直播间里卖出好价钱——", 11)  # the continued story's head, in the top band
    line(X, 76, "小杂粮搭上电商快车", 18)
    line(X, 100, "（上接第1版）")
    _para(line, X, 118, "从去年开始，薛晓燕带着村里的小杂粮做起了直播带货，订单一天比一天多。", 30)
    _para(line, X, 400, "全区新建农村公路一百二十公里，群众出行更方便了，农产品也运得出去了。", 30)


def test_a_continued_storys_head_in_the_top_band_is_no_running_head() -> None:
    issue = pdf_pages.read_issue(_draw([_front, _jump_page]), "jump.pdf")
    second = issue.pages[1]
    assert "小杂粮搭上电商快车" not in second.header and "（上接第1版）" not in second.header
    story = pdf_pages.article_titled(issue, "小杂粮搭上电商快车")
    text = "".join(b.text for b in story.blocks if isinstance(b, Paragraph))
    assert "薛晓燕" in text and "上接" not in text and "下转" not in text


POEMS = [("黄河岸边的老船工", ["他坐在河滩上", "像一块被水磨圆的石头", "河水从他眼里流过", "船桨靠在墙上"]),
         ("雨后的三川河", ["一场雨洗过", "三川河的水就慢慢亮了", "柳枝垂下来", "碰到了水面上那一朵朵白云"])]


def _gathered(line: Line) -> None:
    top = 60
    for _title, verse in POEMS:
        for text in verse:
            line(X + 2 * BODY, top, text)
            top += PITCH
        top += 60
    top += 40
    for title, _verse in reversed(POEMS):  # gathered below the text, not in the stories' order
        line(X, top, title, 14)
        top += 40


def test_gathered_poem_titles_go_to_the_poems_made_of_their_characters() -> None:
    issue = pdf_pages.read_issue(_draw([_gathered]), "gathered.pdf")
    for title, verse in POEMS:
        poem = pdf_pages.article_titled(issue, title)
        assert [b.text for b in poem.blocks if isinstance(b, Paragraph)] == verse


IN_ORDER = [("黄河岸边的老船工", ["他坐在滩上", "像一块被水磨圆的石头", "烟袋锅里的火星", "握了握手"]),
            ("母亲的酸菜缸", ["老家的厨房角落里，蹲着一口酸菜缸，那是母亲的酸菜缸，比我的年纪还大。",
                        "每年霜降，母亲就开始腌酸菜，一层菜一把盐，码进缸里压实。"]),
            ("在碛口，听一首老信天游", ["一嗓子吼出去", "黄河就停下了脚步", "我站在岸边", "像一个迟到的听众"]),
            ("村口那棵老槐树", ["村口有一棵老槐树，谁也说不清它到底有多少岁了。",
                          "五月槐花开了，老槐树下是村里最热闹的地方。"])]


def _gathered_in_order(line: Line) -> None:
    top = 60
    for _title, text in IN_ORDER:
        for para in text:
            if len(para) > 12:
                top = _para(line, X, top, para, 20)
            else:
                line(X + 2 * BODY, top, para)
                top += PITCH
        top += 60
    top += 40
    for title, _text in IN_ORDER:  # gathered below the text, in the stories' order
        line(X, top, title, 14)
        top += 40


def test_gathered_titles_whose_placed_ones_keep_their_stories_ranks_go_in_page_order() -> None:
    # the prose titles are found by their words at ranks 2 and 4 of both: the list runs in
    # order, and the first poem's title goes to the first poem, though the second says 黄河, 岸边
    issue = pdf_pages.read_issue(_draw([_gathered_in_order]), "in_order.pdf")
    for title, text in IN_ORDER:
        story = pdf_pages.article_titled(issue, title)
        assert [b.text for b in story.blocks if isinstance(b, Paragraph)] == text


LONG_POEM = ["如今笸箩还在", "针线还在", "只是灯下", "再也没有那个弯着的背影"]


def _turnover(line: Line) -> None:
    line(X, 300, "母亲的针线笸箩", 16)
    top = 330
    for text in LONG_POEM[:-1]:
        line(X + 2 * BODY, top, text)
        top += PITCH
    line(X + 2 * BODY, top, LONG_POEM[-1][:10])  # the column (12 cells) ends: back at its edge
    line(X, top + PITCH, LONG_POEM[-1][10:])
    _para(line, X, top + 3 * PITCH, "针线笸箩里装着的，是一个家几十年的日子，也是母亲的一辈子。", 12)


def test_a_verse_line_run_over_onto_the_next_line_is_one_line() -> None:
    issue = pdf_pages.read_issue(_draw([_turnover]), "turnover.pdf")
    poem = pdf_pages.article_titled(issue, "母亲的针线笸箩")
    texts = [b.text for b in poem.blocks if isinstance(b, Paragraph)]
    assert texts[:len(LONG_POEM)] == LONG_POEM
    assert len(issue.pages[0].articles) == 1
