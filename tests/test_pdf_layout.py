"""Typography measured on real output: scale, justification, columns, splitting, emphasis."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pikepdf
import pytest
from reportlab.pdfgen.canvas import Canvas

import lishi_pub
from lishi_pub import Article, Contributor, Credit, Figure, Heading, Issue, Page, Paragraph
from lishi_pub.pdf.fonts import FontSet, default_font
from lishi_pub.pdf.settings import settings_from_options
from lishi_pub.pdf.styles import styles_for
from lishi_pub.pdf.textblock import BlockStyle, Look, Span, TextBlock

POPPLER = bool(shutil.which("pdftotext"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext) not installed")

# Digits, Latin and quotes make characters of different widths, so a ragged
# line would end short of the measure.
MIXED = ("4月21日，民建离石支部专程来到吕梁火车站，向青年志愿者协会赠送100份防疫专项保险，人均保额20万元，"
         "为战“疫”一线的志愿者提供了坚强的保障。AT&T与IBM在2022年第8次常委会议上“说事议事”……")


def one_article(*blocks: object, **fields: object) -> Issue:
    article = Article(id="a", blocks=tuple(blocks), **fields)  # type: ignore[arg-type]
    return Issue(title="离石报", date=dt.date(2022, 4, 22), pages=(Page(number=1, articles=(article,)),))


def bbox_lines(data: bytes, tmp_path: Path, page: int = 1) -> list[tuple[float, float, float, str]]:
    """(xMin, xMax, yMin, text) of every line pdftotext finds on ``page``."""
    path = tmp_path / "bbox.pdf"
    path.write_bytes(data)
    html = subprocess.run(["pdftotext", "-bbox-layout", "-f", str(page), "-l", str(page), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    root = ET.fromstring(re.sub(r'\sxmlns="[^"]+"', "", html, count=1))
    return [
        (float(line.get("xMin")), float(line.get("xMax")), float(line.get("yMin")),
         "".join(w.text or "" for w in line.iter("word")))
        for line in root.iter("line")
    ]


@pytest.mark.parametrize("options", [{}, {"page_size": "A5"}, {"page_size": "250x353mm"}, {"columns": 2}])
def test_body_has_a_two_em_indent_and_leading_of_at_most_one_and_a_half(options: dict[str, object]) -> None:
    st = styles_for(settings_from_options(**options))  # type: ignore[arg-type]
    assert st.body.first_indent == pytest.approx(2 * st.body_size)
    assert st.body_size <= st.body.leading <= 1.5 * st.body_size
    assert st.title_look.size > 1.5 * st.body_size and st.title_look.stroke > 0
    assert st.title_look.size > st.subtitle_look.size > st.body_size > st.byline_look.size
    assert st.caption_look.size < st.body_size and st.credit_look.size < st.caption_look.size


@needs_poppler
def test_cjk_lines_are_justified_flush_to_the_measure(tmp_path: Path) -> None:
    paragraph = MIXED * 3 + "以上为全文。"
    data = lishi_pub.render(one_article(Paragraph(paragraph), title="标题", title_source="headline"), "pdf")
    lines = [line for line in bbox_lines(data, tmp_path) if len(line[3]) > 3 and line[3] in paragraph]
    right = min(x_max for _x, x_max, _y, _t in lines[:-1])
    assert len(lines) >= 6
    *full, last = lines
    # Flush to the measure; a closing mark at the end sheds its blank half, so only its box hangs out.
    for _x, x_max, _y, text in full:
        hang = 0.5 * 10.5 if text[-1] in "，。、：；”）》" else 0.0
        assert -0.5 < x_max - right - hang < 0.5, (text, x_max, right)
    assert right - last[1] > 5


@needs_poppler
def test_two_columns_set_the_text_side_by_side(tmp_path: Path) -> None:
    data = lishi_pub.render(one_article(*(Paragraph(MIXED) for _ in range(30))), "pdf", columns=2)
    lines = [line for line in bbox_lines(data, tmp_path) if len(line[3]) > 16]
    middle = 595.276 / 2
    left = [line for line in lines if line[1] < middle]
    right = [line for line in lines if line[0] > middle]
    assert len(left) > 20 and len(right) > 20
    assert not [line for line in lines if line[0] < middle < line[1]]
    assert max(x for _a, x, _y, _t in left) < min(x for x, _b, _y, _t in right) - 10


def test_a_split_paragraph_leaves_neither_orphan_nor_widow() -> None:
    fonts = FontSet(default_font(), default_font())
    style = BlockStyle(leading=15.0, first_indent=20.0)
    block = TextBlock([Span(MIXED * 2, Look(10.0))], style, fonts)
    width = 200.0
    _w, height = block.wrap(width, 1e6)
    count = round(height / 15.0)
    assert count >= 6
    assert block.split(width, 15.0 * 1.5) == []  # one line would be an orphan
    head, tail = block.split(width, 15.0 * (count - 1))  # one line left over would be a widow
    assert head.wrap(width, 1e6)[1] == 15.0 * (count - 2)
    assert tail.wrap(width, 1e6)[1] == 15.0 * 2
    head, tail = block.split(width, 15.0 * 3)
    assert (head.text + tail.text).replace(" ", "") == block.text.replace(" ", "")
    assert head.lines(width) == block.lines(width)[:3]
    assert tail.lines(width)[0][0] == tail.first and not tail.indent_first and head.justify_last


def test_a_text_block_draws_on_a_canvas_without_markup_parsing() -> None:
    fonts = FontSet(default_font(), default_font())
    block = TextBlock([Span("<b>未闭合 & <img src='x.png'/>", Look(10.0))], BlockStyle(leading=14.0), fonts)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    block.wrapOn(canvas, 300, 100)
    block.drawOn(canvas, 10, 10)
    canvas.save()
    assert buffer.getvalue().startswith(b"%PDF")
    assert block.text == "<b>未闭合 & <img src='x.png'/>"


def text_render_modes(data: bytes) -> list[tuple[int, str]]:
    """Each text-showing operation's render mode and the font resource it uses, in order."""
    shown = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            saved: list[int] = []
            mode, font = 0, ""
            for operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                if op == "q":
                    saved.append(mode)
                elif op == "Q":
                    mode = saved.pop()
                elif op == "Tr":
                    mode = int(operands[0])
                elif op == "Tf":
                    font = str(operands[0])
                elif op in ("Tj", "TJ"):
                    shown.append((mode, font))
    return shown


def base_fonts(data: bytes) -> set[str]:
    """The base font names (subset tag dropped) of every font the PDF embeds."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return {str(font.BaseFont).split("+", 1)[-1] for page in pdf.pages for font in page.Resources.Font.values()}


def test_headlines_and_datelines_are_set_in_a_real_bold_face() -> None:
    issue = one_article(Paragraph("为普及国家安全知识。"), title="标题", title_source="headline", dateline="本报讯")
    data = lishi_pub.render(issue, "pdf")
    assert {mode for mode, _font in text_render_modes(data)} == {0}  # no outline stroke faking bold
    assert {"NotoSerifCJKsc-Regular", "NotoSerifCJKsc-Bold"} <= base_fonts(data)


def test_a_face_without_bold_emphasises_with_a_thin_outline() -> None:
    plain = lishi_pub.render(one_article(Paragraph("正文。"), title="标题", title_source="headline"), "pdf",
                             font="sans")
    modes = text_render_modes(plain)
    assert (2, modes[0][1]) in modes and (0, modes[0][1]) in modes
    assert len({font.split("+")[0] for _mode, font in modes}) == 1


def test_the_dateline_is_emphasised_at_the_start_of_the_lead() -> None:
    st = styles_for(settings_from_options())
    fonts = FontSet(default_font(), default_font())
    from lishi_pub.pdf.story import build_story

    story = build_story(one_article(Paragraph("为普及国家安全知识。"), Paragraph("第二段。"), dateline="本报讯"),
                        st, fonts, toc=False)
    blocks = [f for f in story.flowables() if isinstance(f, TextBlock)]
    lead = next(b for b in blocks if "为普及" in b.text)
    assert lead.text == "本报讯 为普及国家安全知识。"
    looks = [lead.setting.styles[key][1] for key in lead.setting.keys]
    assert all(look.stroke > 0 for look in looks[:3]) and all(look.stroke == 0 for look in looks[4:])
    assert not any("本报讯" in b.text for b in blocks if b is not lead)


@needs_poppler
def test_headline_apparatus_comes_in_order(tmp_path: Path) -> None:
    issue = one_article(
        Paragraph("正文第一段。"), Heading("小标题在此"), Paragraph("正文第二段。"), Figure("图片说明文字。", Credit((Contributor("王晶晶"),), "摄")),
        kicker="引题在上", title="主标题居中", title_source="headline", subtitle="——副题在下",
        contributors=(Contributor("王艳", "记者"),), dateline="本报讯",
    )
    path = tmp_path / "order.pdf"
    path.write_bytes(lishi_pub.render(issue, "pdf"))
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout)
    order = ["引题在上", "主标题居中", "——副题在下", "记者王艳", "本报讯正文第一段。", "小标题在此", "正文第二段。",
             "▲图片说明文字。", "王晶晶摄"]
    positions = [text.find(piece) for piece in order]
    assert -1 not in positions and positions == sorted(positions), dict(zip(order, positions))


def test_a_long_title_is_balanced_over_its_lines() -> None:
    st = styles_for(settings_from_options(columns=2))
    fonts = FontSet(default_font(), default_font())
    title = TextBlock([Span("离石区总工会开展送温暖专项行动慰问一线工作人员", st.title_look)], st.title, fonts)
    width = st.geometry.column_width
    lines = title.lines(width)
    lengths = [sum(title.setting.widths[s:e]) for s, e in lines]
    assert len(lines) == 2 and max(lengths) - min(lengths) < 3 * st.title_look.size
