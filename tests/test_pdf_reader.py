"""The PDF reader on pages whose content is known: hand-built encodings and layouts.

Pages come from tests/pdf_pages.py (reportlab, at test time) and
tests/data/pdf (Chromium + pikepdf, see its README).  Nothing of pdfminer.six
is mocked: every test reads a real PDF.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pdf_pages
from lishi_pub.model import Contributor, Credit, Figure, Issue, Paragraph
from lishi_pub.parser.layout import PageLayout, Role, TextLine
from lishi_pub.parser.pdf import read_pdf
from lishi_pub.parser.pdf.articles import layout_to_page
from lishi_pub.parser.pdf.gate import PageUnreadable

DATA = Path(__file__).parent / "data" / "pdf"


def paragraphs(article) -> list[str]:
    return [b.text for b in article.blocks if isinstance(b, Paragraph)]


@pytest.fixture(scope="module")
def hand_issue() -> Issue:
    return pdf_pages.read_issue(pdf_pages.build_page())


def test_headline_group_byline_and_dateline(hand_issue: Issue) -> None:
    first = hand_issue.articles[0]
    assert first.title == pdf_pages.TITLE
    assert first.kicker == pdf_pages.KICKER
    assert first.subtitle == pdf_pages.SUBTITLE.lstrip("—")
    assert first.authors == ("高淑芳",)
    assert first.dateline == "本报讯"


def test_columns_read_in_order_with_paragraphs_whole(hand_issue: Issue) -> None:
    lead = pdf_pages.LEAD.removeprefix("本报讯 ")
    assert paragraphs(hand_issue.articles[0]) == [lead, *pdf_pages.PARAS]


def test_caption_touching_the_photo_is_its_figure(hand_issue: Issue) -> None:
    figures = [b for b in hand_issue.articles[0].blocks if isinstance(b, Figure)]
    assert figures == [Figure(pdf_pages.CAPTION, Credit((Contributor("王晶晶"),), "摄"))]


def test_rules_drawn_as_filled_rectangles_separate_stories(hand_issue: Issue) -> None:
    assert [a.title for a in hand_issue.articles] == [pdf_pages.TITLE, pdf_pages.V_TITLE, pdf_pages.SECOND_TITLE]


@pytest.mark.parametrize("stacked", [False, True], ids=["vertical-font", "stacked-upright-glyphs"])
def test_vertical_headline_heads_the_story_to_its_left(stacked: bool) -> None:
    issue = pdf_pages.read_issue(pdf_pages.build_page(stacked_vertical=stacked))
    story = next(a for a in issue.articles if a.title == pdf_pages.V_TITLE)
    assert paragraphs(story) == [pdf_pages.V_PARAS[0].removeprefix("本报讯 "), pdf_pages.V_PARAS[1]]


def test_invisible_offpage_and_overprinted_text_is_cleaned(hand_issue: Issue) -> None:
    text = repr(hand_issue)
    assert pdf_pages.HIDDEN not in text
    assert "页面外的文字" not in text
    assert text.count(pdf_pages.TITLE) == 1
    layout = next(iter(read_pdf(pdf_pages.build_page(), "page.pdf")))
    title = next(ln for ln in layout.lines if ln.hint is Role.HEADLINE and ln.text == pdf_pages.TITLE)
    assert title.bold, "a glyph drawn three times over is fake bold"


def test_furniture_and_jump_markers_never_reach_the_text(hand_issue: Issue) -> None:
    page = hand_issue.pages[0]
    assert "2022年4月22日 星期五" in page.header and "第1版" in page.header
    assert not any("下转" in p for a in hand_issue.articles for p in paragraphs(a))
    assert hand_issue.date is not None and hand_issue.date.isoformat() == "2022-04-22"


def test_a_jump_joins_the_parts_into_one_article() -> None:
    issue = pdf_pages.read_issue(pdf_pages.build_jump_pages())
    assert [a.title for a in issue.articles] == [pdf_pages.SECOND_TITLE]
    text = "".join(paragraphs(issue.articles[0]))
    assert "上接" not in text and "下转" not in text
    assert pdf_pages.CONTINUED[0].removeprefix("（上接第1版）") in text
    assert any(d.code == "jump-joined" for d in issue.pages[0].diagnostics)


def test_subset_truetype_without_tounicode_reads_through_the_font_cmap() -> None:
    issue = pdf_pages.read_issue((DATA / "subset-truetype-no-tounicode.pdf").read_bytes())
    article = issue.articles[0]
    assert article.title == "离石区开展国家安全教育活动"
    assert article.authors == ("王艳",)
    assert paragraphs(article)[0].startswith("为普及国家安全知识，切实增强党员干部维护国家安全的意识和能力")


def test_cid_garbage_fails_the_gate_with_one_line_naming_the_page() -> None:
    with pytest.raises(PageUnreadable) as caught:
        list(read_pdf((DATA / "cid-garbage.pdf").read_bytes(), "garbage.pdf"))
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("garbage.pdf: page 1:") and "text dump" in message
    assert caught.value.exit_code == 3


def test_scrambled_han_fails_the_frequency_check() -> None:
    from lishi_pub.parser.pdf.extract import Glyph
    from lishi_pub.parser.pdf.gate import check_page

    rare = "鬯黻黼龠爨齉龘靐麤灥"
    glyphs = [Glyph(rare[i % len(rare)], i, 0, i + 1, 1, 10, "F") for i in range(200)]
    with pytest.raises(PageUnreadable, match="scrambled"):
        check_page(glyphs, "x.pdf", 2)
    prose = "为普及国家安全知识切实增强党员干部维护国家安全的意识和能力"
    check_page([Glyph(prose[i % len(prose)], i, 0, i + 1, 1, 10, "F") for i in range(200)], "x.pdf", 1)


def test_not_a_pdf_is_a_clear_input_error() -> None:
    from lishi_pub.errors import InputError

    with pytest.raises(InputError, match="not a readable PDF"):
        list(read_pdf(b"%PDF-1.4\n garbage without objects", "broken.pdf"))


# Paragraphs of two lines or more: a block of one-line paragraphs, every line
# indented, shows no indent to measure (docs/pdf-reading.md, "Limits").
HAN = st.text(alphabet=st.sampled_from("国家安全教育学习活动党员干部群众社区疫情防控工作人民政府发展建设，、"), min_size=34,
              max_size=120).map(lambda t: "本" + t + "。")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(HAN, min_size=1, max_size=4))
def test_any_column_of_han_paragraphs_reads_back_exactly(paras: list[str]) -> None:
    """Whatever the paragraphs, no Han character is lost, none added, no space put between them."""
    import io

    from reportlab.pdfgen import canvas

    pdf_pages._fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(pdf_pages.W, pdf_pages.H), invariant=1)
    c.setFont(pdf_pages.FONT, 22)
    c.drawString(60, pdf_pages.H - 80, "测试标题")
    c.setFont(pdf_pages.FONT, 10)
    pdf_pages._column(c, 60, pdf_pages.H - 110, 300, paras)
    c.showPage()
    c.save()
    issue = pdf_pages.read_issue(buf.getvalue())
    assert [a.title for a in issue.articles] == ["测试标题"]
    assert paragraphs(issue.articles[0]) == paras
    assert not re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", repr(issue))


# ../shared beside the checkout (as tests/test_parse_sample.py), or the machine's shared folder for a worktree
SHARED = next((p for p in (Path(__file__).resolve().parents[2] / "shared", Path("/work/shared"))
               if (p / "tools" / "score_parse.py").exists()), Path("/work/shared"))
SCORER = SHARED / "tools" / "score_parse.py"
GOLD = SHARED / "corpus" / "lishi-2022-04-page.gold.json"


def _scorer():
    import importlib.util

    for path in (SCORER,):
        if path.exists():
            spec = importlib.util.spec_from_file_location("score_parse", path)
            module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
            spec.loader.exec_module(module)  # type: ignore[union-attr]
            return module
    return None


def test_round_trip_of_lishi_pubs_own_pdf(sample_issue: Issue) -> None:
    """The sample, exported by the built-in pdf exporter, reads back to the same
    articles: all titles, and paragraph F1 against the sample's gold."""
    import json

    import lishi_pub
    from lishi_pub.interchange import dumps

    pdf = lishi_pub.render(sample_issue, "pdf")
    assert isinstance(pdf, bytes)
    back = pdf_pages.read_issue(pdf, "sample.pdf")
    # A title's space at a line break is not printed, and the exporter marks a
    # title it supplied (derived from the lead) with ［］, as cataloguers do.
    squash = lambda t: re.sub(r"\s+", "", t or "").removeprefix("［").removesuffix("］")  # noqa: E731
    assert [squash(a.title) for a in back.articles] == [squash(a.title) for a in sample_issue.articles]
    assert len(back.articles) == 7
    scorer = _scorer()
    if scorer is None or not GOLD.exists():
        pytest.skip("the shared scorer and gold are not on this machine")
    total, parts, _facts, _out = scorer.score(json.loads(GOLD.read_text()), json.loads(dumps(back)))
    assert parts["paragraphs"] >= 0.98


def _region(texts: list[tuple[str, Role | None, bool | None]]) -> list[TextLine]:
    return [TextLine(t, region=0, hint=h, starts_paragraph=s) for t, h, s in texts]


def test_unmarked_briefs_split_on_their_run_in_titles() -> None:
    """A 简讯 column whose items carry no mark: each paragraph opens with a short
    unpunctuated title and a gap; each item is an article, the label a banner."""
    lines = _region([("简讯", Role.HEADLINE, None),
                     ("ETC服务网点进乡镇 为方便群众办理业务，银行", None, True),
                     ("在六个乡镇设立了服务网点。（通讯员 萧俊）", None, False),
                     ("大风降温来袭 受冷空气影响，我区将出现大风降温", None, True),
                     ("天气，请注意加固户外设施。（邓鑫）", None, False)])
    page = layout_to_page(PageLayout(1, lines))
    assert [a.title for a in page.articles] == ["ETC服务网点进乡镇", "大风降温来袭"]
    assert paragraphs(page.articles[1])[0].startswith("受冷空气影响")
    assert "简讯" in page.banners


def test_a_story_whose_lead_opens_with_a_dateline_is_not_briefs() -> None:
    lines = _region([("区委召开常委会议", Role.HEADLINE, None),
                     ("本报讯 4月21日，区委召开常委会议，研究有关事宜。", None, True),
                     ("会议指出 基层是社会治理的最末梢。", None, True)])
    page = layout_to_page(PageLayout(1, lines))
    assert [a.title for a in page.articles] == ["区委召开常委会议"]


def test_a_bracketed_subheading_wrapped_onto_a_centred_line_is_one_heading() -> None:
    from lishi_pub.model import Heading
    from lishi_pub.parser.pdf.page import _bracketed

    lines = _bracketed(_region([("区委召开常委会议", Role.HEADLINE, None),
                                ("本报讯 4月21日，区委召开常委会议，研究了有关事宜，敬请关注。", None, True),
                                ("【早上八点：老人们的“第", None, False),
                                ("二个家”】", None, True),
                                ("老人们在这里读书看报。", None, False)]))
    page = layout_to_page(PageLayout(1, lines))
    blocks = page.articles[0].blocks
    assert [b.text for b in blocks if isinstance(b, Heading)] == ["【早上八点：老人们的“第二个家”】"]
    assert paragraphs(page.articles[0])[-1] == "老人们在这里读书看报。"


def test_a_centred_short_line_between_paragraphs_is_a_subheading() -> None:
    from types import SimpleNamespace

    from lishi_pub.parser.pdf.page import _centred_head

    def line(x0: float, x1: float, text: str) -> SimpleNamespace:
        return SimpleNamespace(x0=x0, x1=x1, size=10.0, text=text)

    lines = [line(40, 160, "还是一片光秃秃的荒坡。"), line(50, 150, "（一）一个人，一把锹"),
             line(60, 160, "1999年，当时42岁的"), line(40, 160, "他扛起铁锹上了山。")]
    assert _centred_head(lines, 1, 40, 160)  # type: ignore[arg-type]
    flush_left = [*lines[:1], line(40, 140, "（一）一个人，一把锹"), *lines[2:]]
    assert not _centred_head(flush_left, 1, 40, 160)  # type: ignore[arg-type]
    # set at the indent, it may be a one-line paragraph ending an indent short: only after a sentence ended
    at_indent = [line(40, 160, "还是一片光秃秃的荒坡，"), line(60, 140, "（一）一个人，一把锹"), *lines[2:]]
    assert not _centred_head(at_indent, 1, 40, 160)  # type: ignore[arg-type]
    assert _centred_head([lines[0], *at_indent[1:]], 1, 40, 160)  # type: ignore[arg-type]
    # off the indent, no paragraph line stands there: a subheading whatever ended above it
    assert _centred_head([at_indent[0], *lines[1:]], 1, 40, 160)  # type: ignore[arg-type]
