"""The PDF reader's subheading and brief conventions on a hand-set page
(docs/pdf-reading.md, 11 and 13): a centred subheading opening a story's column,
a quoted subheading wrapped onto a centred line, a column of unmarked briefs
whose titles fill their first lines, and a poem with a section title set in and
a quoted line at its edge.  Drawn with reportlab, read back through
pdfminer.six; nothing is mocked.
"""

from __future__ import annotations

import io

import pdf_pages
import pytest
from lishi_pub.model import Heading, Issue, Page, Paragraph
from lishi_pub.parser.pdf import read_pdf
from lishi_pub.parser.pdf.articles import layout_to_page

W, H = 420.0, 900.0
BODY = 10.0
PITCH = 15.0
X = 40.0
CELLS = 20  # a column of 20 glyphs: 200 pt
BRIEF_CELLS = 10

SECTION = "（一）电话铃响，分秒必争"
FIRST = ("凌晨两点，区急救中心调度大厅里灯火通明，调度员戴着耳麦守在屏幕前，随时准备接听求助电话。"
         "每一个电话都可能关系到一条生命，调度员要在最短的时间里问清楚地点和病情。")
QUOTED = ("“我们的时间，要以年来计算，每一点进步都", "值得庆祝”")
SECOND = ("普通孩子学一个字可能只要几分钟，我们的孩子要学上好几个月，老师们从不着急，"
          "一遍一遍地教，一点一点地等，直到孩子们开口说出第一个完整的句子。")
BRIEFS = [("新增口袋公园", "今年以来，城区利用边角空地新建口袋公园五处，方便市民休闲。（李明）", True),
          ("义诊活动走进吴城", "十一月十八日，区中医院组织专家到吴城镇开展义诊，为群众测量血压。（王芳）", False),
          ("大风降温来袭", "受冷空气影响，我区将出现大风降温天气，请注意加固户外设施。（邓鑫）", True)]
POEM = ["麦粒在悄悄灌浆", "像一个秘密", "“别怕，有我在”", "风一吹，就去远方", "“芒种”", "镰刀磨亮了", "父亲的腰又弯了一些"]


def _page() -> bytes:
    from reportlab.pdfgen import canvas

    pdf_pages._fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(W, H), invariant=1)

    def line(x: float, top: float, text: str, size: float = BODY) -> None:
        c.setFont(pdf_pages.FONT, size)
        c.drawString(x, H - top - size, text)

    def para(top: float, text: str, indent: int = 2, cells: int = CELLS) -> float:
        first = True
        while text:
            room = cells - (indent if first else 0)
            line(X + (indent * BODY if first else 0), top, text[:room])
            text, top, first = text[room:], top + PITCH, False
        return top

    def centred(top: float, text: str) -> None:
        line(X + (CELLS - len(text)) * BODY / 2, top, text)

    # a story whose first section opens under its headline with a centred subheading
    line(X, 40, "守护生命的急救速度", 18)
    centred(66, SECTION)
    top = para(66 + PITCH, FIRST)
    # a quoted subheading too long for the column, wrapped onto a centred second line
    line(X, top, QUOTED[0])
    centred(top + PITCH, QUOTED[1])
    top = para(top + 2 * PITCH, SECOND)
    # a column of briefs set without marks: a title and a gap, or a title filling its line
    line(X, top + 30, "简讯", 14)
    top += 54
    for title, text, gap in BRIEFS:
        if gap:  # the title, a glyph's white, the text to the column's edge
            line(X + 2 * BODY, top, title)
            room = BRIEF_CELLS - 3 - len(title)
            line(X + (3 + len(title)) * BODY, top, text[:room])
            top = para(top + PITCH, text[room:], indent=0, cells=BRIEF_CELLS)
        else:  # the title fills the first line of a column just wide enough for it
            line(X + 2 * BODY, top, title)
            top = para(top + PITCH, text, indent=0, cells=BRIEF_CELLS)
    # a poem: its lines at one edge, a section title set in, a quoted line at the edge
    line(X, top + 30, "小满时节", 16)
    top += 56
    for text in POEM:
        line(X + 2 * BODY + ((CELLS - 2 - len(text)) * BODY / 2 if text == "“芒种”" else 0), top, text)
        top += PITCH
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture(scope="module")
def issue() -> Issue:
    return pdf_pages.read_issue(_page(), "heads.pdf")


def _texts(article, kind: type) -> list[str]:
    return [b.text for b in article.blocks if isinstance(b, kind)]


def test_a_centred_line_opening_a_column_is_a_subheading(issue: Issue) -> None:
    story = pdf_pages.article_titled(issue, "守护生命的急救速度")
    assert _texts(story, Heading)[0] == SECTION
    assert _texts(story, Paragraph)[0] == FIRST


def test_a_quoted_subheading_wrapped_onto_a_centred_line_is_one_heading(issue: Issue) -> None:
    story = pdf_pages.article_titled(issue, "守护生命的急救速度")
    assert _texts(story, Heading) == [SECTION, "".join(QUOTED)]
    assert _texts(story, Paragraph) == [FIRST, SECOND]


def test_unmarked_briefs_whose_title_fills_its_line_are_items(issue: Issue) -> None:
    titles = [a.title for a in issue.pages[0].articles]
    assert [t for t in titles if t in {b[0] for b in BRIEFS}] == [b[0] for b in BRIEFS]
    filled = pdf_pages.article_titled(issue, "义诊活动走进吴城")
    assert filled.title_source == "headline"
    assert _texts(filled, Paragraph)[0].startswith("十一月十八日")
    assert "简讯" in issue.pages[0].banners


def test_a_poem_keeps_a_quoted_line_and_finds_a_title_set_in(issue: Issue) -> None:
    poem = pdf_pages.article_titled(issue, "小满时节")
    assert _texts(poem, Heading) == ["“芒种”"]
    assert "“别怕，有我在”" in _texts(poem, Paragraph)


def _glyph_line(parts: list[tuple[str, float]]) -> bytes:
    """One line drawn glyph by glyph, each run after the white given before it (pt)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    pdf_pages._fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(W, 200), invariant=1)
    c.setFont(pdf_pages.FONT, BODY)
    x = X
    for text, white in parts:
        for ch in text:
            x += white
            c.drawString(x, 100, ch)
            x += stringWidth(ch, pdf_pages.FONT, BODY)
            white = 1.2 if "\u4e00" <= ch <= "\u9fff" else 0.0
    c.showPage()
    c.save()
    return buf.getvalue()


def test_a_space_is_measured_against_the_white_between_han_glyphs() -> None:
    """A line with digits sets them off by a little white of their own (3.3 pt here,
    Han glyphs 1.2 apart), and most of its gaps are that; a space half an em wide
    beside a Han glyph is a space, the digits' white is none."""
    pdf = _glyph_line([("调整", 0.0), ("自", 5.6), ("12", 3.3), ("月", 3.3), ("1", 3.3), ("日", 3.3), ("至", 1.2)])
    [layout] = list(read_pdf(pdf, "space.pdf"))
    assert [ln.text for ln in layout.lines] == ["调整 自12月1日至"]


def _boxed(rows: list[tuple[str, float, float, bool | None]], column_right: float = 140.0) -> list:
    from lishi_pub.parser.layout import Box, Role, TextLine

    out = [TextLine("本地快讯", region=0, hint=Role.HEADLINE, box=Box(40, 0, 96, 14), size=14.0)]
    for k, (text, x0, x1, starts) in enumerate(rows):
        out.append(TextLine(text, region=0, column=0, starts_paragraph=starts, size=10.0,
                            box=Box(x0, 20 + 18 * k, x1, 30 + 18 * k)))
    return out


def test_one_gap_is_enough_where_every_item_is_titled_and_closed_by_its_authors() -> None:
    from lishi_pub.parser.layout import PageLayout

    rows = [("摄影作品展开展 “山", 60, 160, True), ("河新貌”主题摄影作品展正", 40, 160, False),
            ("在区文化馆展出。（武龙博）", 40, 150, False),
            ("区图书馆延长开放时间", 60, 160, True), ("自12月1日起，区图书馆", 40, 160, False),
            ("延长开放时间。（杨晨霞）", 40, 150, False),
            ("土壤普查外业调查完成", 60, 160, True), ("第三次全国土壤普查我区外", 40, 160, False),
            ("业调查已完成。（王宏慧）", 40, 150, False)]
    page = layout_to_page(PageLayout(1, tuple(_boxed(rows))))
    assert [a.title for a in page.articles] == ["摄影作品展开展", "区图书馆延长开放时间", "土壤普查外业调查完成"]
    assert "本地快讯" in page.banners
    # a story's paragraphs close with no authors in brackets: one gap is no column of briefs
    story = [(t.replace("（武龙博）", "").replace("（杨晨霞）", "").replace("（王宏慧）", ""), *rest)
             for t, *rest in rows]
    page = layout_to_page(PageLayout(1, tuple(_boxed(story))))  # type: ignore[arg-type]
    assert [a.title for a in page.articles] == ["本地快讯"]


def test_a_poem_opening_in_the_top_band_is_no_furniture() -> None:
    """The band holds a poem's first three lines (the top 15 % of a 600 pt page is 90 pt);
    followed down its column at its pitch, the poem goes on below the band: text."""
    from reportlab.pdfgen import canvas

    pdf_pages._fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(W, 600), invariant=1)

    def line(x: float, top: float, text: str, size: float = BODY) -> None:
        c.setFont(pdf_pages.FONT, size)
        c.drawString(x, 600 - top - size, text)

    line(X, 20, "站台上的母亲", 16)
    line(X + 3 * BODY, 38, "□ 赵芳国")
    verse = ["火车还没来", "母亲已经第三次", "替我整理衣领", "她的叮嘱", "像一包行李", "拉链总也拉不上"]
    for k, text in enumerate(verse):
        line(X + 2 * BODY, 52 + 14 * k, text)
    line(X, 300, "离石区推行说事议事机制", 16)
    line(X + 2 * BODY, 330, "本报讯 近日，离石区在全区推行说事议事机制，引导群众参与基层治理。")
    c.showPage()
    c.save()
    page = layout_to_page(next(read_pdf(buf.getvalue(), "poem.pdf")))
    poem = [a for a in page.articles if a.title == "站台上的母亲"]
    assert poem and [b.text for b in poem[0].blocks if isinstance(b, Paragraph)] == verse
    assert not set(verse) & set(page.header)


def test_single_glyph_last_lines_of_a_headline_are_no_vertical_headline() -> None:
    """A headline wrapped in a narrow column leaves one glyph on two of its lines, centred
    at one x; a row of the headline crosses the white between them: no 竖题."""
    from reportlab.pdfgen import canvas

    pdf_pages._fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(W, 400), invariant=1)

    def line(x: float, top: float, text: str, size: float = BODY) -> None:
        c.setFont(pdf_pages.FONT, size)
        c.drawString(x, 400 - top - size, text)

    size = 16.0
    for k, text in enumerate(["蓝天碧水净土", "保", "卫战取得新成", "效"]):
        line(X + (6 - len(text)) * size / 2, 40 + 20 * k, text, size)
    line(X + 2 * BODY, 130, "本报讯 今年以来，全区空气质量持续改善，")
    line(X, 145, "优良天数同比增加二十一天。")
    c.showPage()
    c.save()
    page = layout_to_page(next(read_pdf(buf.getvalue(), "head.pdf")))
    assert [a.title for a in page.articles] == ["蓝天碧水净土保卫战取得新成效"]


def _small_page(draw: object, height: float = 600) -> Page:
    from reportlab.pdfgen import canvas

    pdf_pages._fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(W, height), invariant=1)

    def line(x: float, top: float, text: str, size: float = BODY) -> None:
        c.setFont(pdf_pages.FONT, size)
        c.drawString(x, height - top - size, text)

    draw(line)  # type: ignore[operator]
    c.showPage()
    c.save()
    return layout_to_page(next(read_pdf(buf.getvalue(), "small.pdf")))


def test_a_notices_date_under_its_issuer_at_the_foot_of_the_page_is_text() -> None:
    """The bottom band (below 450.5 pt of a 530 pt page) holds the 落款's date: set
    flush right under the issuer at the text's pitch, it is the notice's, not the page's."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    notice = "根据上级部署，现将本年度征兵工作有关事项通告如下，请适龄青年按时报名参加。"

    def draw(line) -> None:  # type: ignore[no-untyped-def]
        line(X, 360, "关于冬季征兵工作的通告", 16)
        top = 405.0
        for k, text in enumerate([notice[:18], notice[18:]]):
            line(X + (2 * BODY if k == 0 else 0), top, text)
            top += PITCH
        for text in ("区人民政府", "2023年6月15日"):
            line(X + 200 - stringWidth(text, pdf_pages.FONT, BODY), top, text)
            top += PITCH

    page = _small_page(draw, 530)
    assert "2023年6月15日" not in page.header
    assert _texts(page.articles[0], Paragraph)[-2:] == ["区人民政府", "2023年6月15日"]


def test_a_caption_line_laid_across_the_gutter_goes_on_in_its_column() -> None:
    """The caption's first line crosses the gutter of a two-column story and is read apart
    from its second; no white parts them, the first ends no sentence: one caption."""
    from lishi_pub.model import Figure

    body = "连日来，信义镇三千二百亩谷子陆续成熟，田间地头一派繁忙景象，农民们抢抓晴好天气收割晾晒。" * 2

    def draw(line) -> None:  # type: ignore[no-untyped-def]
        line(X, 40, "信义镇谷子喜获丰收", 22)
        line(X, 72, "信义镇后沟村村民在田间收割谷子，收割机来回穿")  # 22 glyphs: across the gutter
        line(X, 88, "梭。 薛建朝 摄")
        for col, x in enumerate((X, X + 150)):
            part = body[col * 45:(col + 1) * 45]
            top = 106.0
            cut = 8 if col == 0 else 10
            for k, text in enumerate([part[:cut]] + [part[i:i + 10] for i in range(cut, len(part), 10)]):
                line(x + (2 * BODY if k == 0 and col == 0 else 0), top, text)
                top += 16

    page = _small_page(draw)
    figures = [b for a in page.articles for b in a.blocks if isinstance(b, Figure)]
    assert [f.caption for f in figures] == ["信义镇后沟村村民在田间收割谷子，收割机来回穿梭。"]


def test_a_quatrain_set_in_is_a_line_a_paragraph() -> None:
    """Classical verse (绝句) set in from its column: its lines are of one length, none
    short, but every one ends a clause, as prose broken at the measure does not."""
    quatrain = ["杏花开遍小山村，", "燕子衔泥绕旧门。", "老汉扶犁春雨后，", "一鞭吆喝到黄昏。"]
    prose = "春天来了，村里的人们又开始忙碌起来，田间地头到处是劳动的身影，处处是希望。"

    def draw(line) -> None:  # type: ignore[no-untyped-def]
        line(X, 40, "乡村四季", 18)
        for k, text in enumerate(quatrain):
            line(X + 2 * BODY, 72 + PITCH * k, text)
        top = 72 + PITCH * 5
        for k, text in enumerate([prose[:18], prose[18:]]):
            line(X + (2 * BODY if k == 0 else 0), top + PITCH * k, text)

    page = _small_page(draw)
    assert _texts(page.articles[0], Paragraph) == [*quatrain, prose]


def test_a_flush_line_in_a_subheadings_form_ending_no_sentence_is_a_subheading() -> None:
    """``一、一本日记，记着全村的事`` flush left under a paragraph that has ended, over an
    indented one: a paragraph ending at its line's end would end a sentence."""
    from lishi_pub.model import Heading

    first = "村里的大事小事，张永红都记在本子上，一记就是十几年，谁家有困难他都清清楚楚。"
    second = "后庄村曾经是全乡有名的难点村，村里道路泥泞，吃水困难，村民之间矛盾也多。"

    def draw(line) -> None:  # type: ignore[no-untyped-def]
        line(X, 40, "村支书的民情日记", 18)
        top = 72.0
        for k, text in enumerate([first[:18], first[18:]]):
            line(X + (2 * BODY if k == 0 else 0), top, text)
            top += PITCH
        line(X, top, "一、一本日记，记着全村的事")
        top += PITCH
        for k, text in enumerate([second[:18], second[18:]]):
            line(X + (2 * BODY if k == 0 else 0), top, text)
            top += PITCH

    page = _small_page(draw)
    assert _texts(page.articles[0], Heading) == ["一、一本日记，记着全村的事"]
    assert _texts(page.articles[0], Paragraph) == [first, second]


def test_a_gathered_headline_takes_its_picture_to_the_story_it_matches() -> None:
    """A page gathering its headlines below the text sets a story's caption under its
    headline there: matched by content, the headline brings the figure to its story."""
    from lishi_pub.model import Figure
    from lishi_pub.parser.layout import Box, PageLayout, Role, TextLine

    story = ["日前，中国胸痛中心认证工作委员会公布最新一批认证名单，区人民医院胸痛中心",
             "顺利通过国家认证。胸痛中心建成以来，医院打通了院前急救、急诊科、心内科之间的绿色通道。"]
    lines = [TextLine(t, region=0, starts_paragraph=k == 0, size=10.0, box=Box(40, 100 + 14 * k, 300, 110 + 14 * k))
             for k, t in enumerate(story)]
    lines += [TextLine("区人民医院胸痛中心通过国家认证", region=1, hint=Role.HEADLINE, size=13.0,
                       box=Box(40, 300, 235, 313)),
              TextLine("区人民医院导管室内，医护人员正在为患者进行介入手术。", region=1, starts_paragraph=True,
                       size=10.0, box=Box(40, 320, 300, 330)),
              TextLine("本报记者 郭平英 摄", region=1, starts_paragraph=False, size=10.0, box=Box(40, 334, 135, 344))]
    layout = PageLayout(1, tuple(lines), regions=(Box(40, 100, 300, 124), Box(40, 300, 300, 344)))
    page = layout_to_page(layout)
    [article] = page.articles
    assert article.title == "区人民医院胸痛中心通过国家认证"
    figures = [b for b in article.blocks if isinstance(b, Figure)]
    assert [f.caption for f in figures] == ["区人民医院导管室内，医护人员正在为患者进行介入手术。"]
    assert page.figures == ()


def test_a_wrapped_subtitles_last_line_may_be_wider_when_centred() -> None:
    """``——县域内就诊率达到`` over ``91%，群众看病就医更方便``: both centred on the headline's
    axis, the second wider (its digits set narrow), ending no sentence, the story indented
    under it: the 副题's second line, not the story's first paragraph."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lead = "近年来，全区把提升医疗服务能力作为民生工程的重中之重，推进医共体建设，成效明显。"

    def draw(line) -> None:  # type: ignore[no-untyped-def]
        axis = X + 60

        def centred(top: float, text: str, size: float = BODY) -> None:
            line(axis - stringWidth(text, pdf_pages.FONT, size) / 2, top, text, size)

        centred(40, "医疗服务能力实现新提升", 16)
        centred(60, "——县域内就诊率达到")
        centred(72.5, "91%，群众看病就医更加方便快捷")
        top = 90.0
        for k, text in enumerate([lead[:10]] + [lead[i:i + 12] for i in range(10, len(lead), 12)]):
            line(X + (2 * BODY if k == 0 else 0), top, text)
            top += 13

    page = _small_page(draw)
    assert page.articles[0].subtitle == "县域内就诊率达到91%，群众看病就医更加方便快捷"
    assert _texts(page.articles[0], Paragraph) == [lead]


def test_headlines_gathered_under_the_stories_with_captions_are_still_detached() -> None:
    """Headlines gathered below every story, each over a caption: the captions are text
    below the stories too, but the headlines stand below all the stories, so they are
    paired with the stories as a whole."""
    from lishi_pub.parser.layout import Box, PageLayout, Role, TextLine

    stories = [["一把剪刀、一张红纸，在老师的指导下，孩子们剪出了一幅幅栩栩如生的作品。"],
               ["“家人们，这就是咱们山里的小米，颗粒饱满，熬粥最香。”薛晓燕对着手机镜头介绍。"]]
    heads = [("非遗进校园 孩子们学得有滋有味", "学生们在课堂上展示自己的作品。 郭平英 摄"),
             ("小杂粮搭上电商快车", "返乡青年在直播间推介本地农产品。 柳林县教育局供图")]
    lines, regions = [], []
    for r, story in enumerate(stories):
        lines += [TextLine(t, region=r, starts_paragraph=True, size=10.0, box=Box(40, 100 + 60 * r, 300, 110 + 60 * r))
                  for t in story]
        regions.append(Box(40, 100 + 60 * r, 300, 110 + 60 * r))
    for k, (title, caption) in enumerate(heads):
        top = 300 + 50 * k
        lines += [TextLine(title, region=2 + k, hint=Role.HEADLINE, size=13.0, box=Box(40, top, 240, top + 13)),
                  TextLine(caption, region=2 + k, starts_paragraph=True, size=10.0, box=Box(40, top + 18, 300, top + 28))]
        regions.append(Box(40, top, 300, top + 28))
    page = layout_to_page(PageLayout(1, tuple(lines), regions=tuple(regions)))
    assert [a.title for a in page.articles] == [h for h, _ in heads]


@pytest.mark.parametrize("caption", ["城区骨干教师在中心校上示范课。", "骨干教师在中心校上示范课。"])
def test_columns_of_unlike_measures_under_a_caption_across_their_gutter(caption: str) -> None:
    """A 16-glyph column beside a 20-glyph one 1.8 ems away, a caption laid across the gutter over
    both, no wider than the wider column's lines (or ending inside the gutter): the gutter
    is the white that only the caption reaches into, and each column is read top to bottom."""
    from lishi_pub.model import Figure

    text = ("十一月十日至十二日，区教师进修学校组织骨干教师分赴三个乡镇的中心校开展送教下乡活动，"
            "活动采取示范课加评课加专题讲座的形式，覆盖语文数学英语科学等学科，让不少乡村教师直呼受启发，"
            "据统计本学期送教活动共开展示范课四十二节，参训乡村教师达五百二十人次。")

    def draw(line) -> None:  # type: ignore[no-untyped-def]
        line(X + 70, 24, "乡村教师培训送教下乡", 22)
        line(X, 56, caption + " 赵鹏梅 摄")
        rows = [text[:14]] + [text[i:i + 16] for i in range(14, 14 + 16 * 2, 16)]
        rest = text[14 + 16 * 2:]
        rows2 = [rest[i:i + 20] for i in range(0, len(rest), 20)]
        for k, row in enumerate(rows):
            line(X + (2 * BODY if k == 0 else 0), 74 + PITCH * k, row)
        for k, row in enumerate(rows2):
            line(X + 16 * BODY + 18, 74 + PITCH * k + 7, row)  # baselines staggered half a line

    page = _small_page(draw)
    [story] = page.articles
    assert _texts(story, Paragraph) == [text]
    assert [b.caption for b in story.blocks if isinstance(b, Figure)] == [caption]
