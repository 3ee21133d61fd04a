"""Hand-built newspaper pages as PDFs, whose content the tests know exactly.

``build_page()`` draws with reportlab's built-in ``STSong-Light`` CID font
(``UniGB-UCS2-H``: not embedded, no ToUnicode: the predefined-encoding case)
a page with what a county paper prints: a masthead band, a three-column
story under a kicker / main title / subtitle and a □ byline, a story under a
vertical headline (竖题) in both ways producers set one, rules drawn as thin
filled rectangles, a frame, a photo with its caption, a jump marker, fake bold
and invisible text.  ``build_jump_pages()`` is a two-page issue whose story jumps.

    python tests/pdf_pages.py fixtures   # remake the Chromium/pikepdf fixtures in tests/data/pdf
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

W, H = 595.0, 842.0
FONT = "STSong-Light"
FONT_V = "STSong-Light-V"
BODY = 10.0

KICKER = "聚焦基层治理"
TITLE = "离石区推行说事议事机制"
SUBTITLE = "——群众身边事有人管有人办"
BYLINE = "□ 本报记者 高淑芳"
LEAD = ("本报讯 近日，离石区在全区推行说事议事机制，引导群众参与基层治理，把矛盾化解在萌芽状态，"
        "群众满意度明显提升。")
PARAS = [
    "说事议事机制坚持党建引领、群众参与、实事求是的原则，通过说、审、议、办、评五项流程，更好发动群众、组织群众。",
    "城东社区居民王大爷说，以前有事不知道找谁，现在每月都有议事会，大家坐在一起商量，问题很快就解决了。",
    "下一步，离石区将总结经验做法，在全区推广，打造解决社会难题的金钥匙和群众自我教育的好阵地。",
]
V_TITLE = "春风化雨润民心"
V_PARAS = [
    "本报讯 三月以来，信义镇组织志愿者走村入户，为留守老人理发、打扫卫生、检查用电安全，受到群众欢迎。",
    "志愿者们表示，将把志愿服务坚持下去，让更多老人感受到温暖。",
]
CAPTION = "志愿者为老人理发。"
CREDIT = "王晶晶 摄"
SECOND_TITLE = "区图书馆延长开放时间"
SECOND = [
    "本报讯 为方便读者，区图书馆自本月起延长开放时间，每天开放至晚上九点，周末照常开放，节假日开放时间另行通知。",
    "图书馆还新增自助借还设备两台，读者可在一楼大厅自助办理借阅和归还手续，不再需要排队等候。（下转第2版）",
]
CONTINUED = [
    "（上接第1版）据介绍，图书馆今年将新增图书两万册，并开设少儿阅读专区。",
]
HIDDEN = "隐藏关键词不应出现"


@dataclass
class Page:
    """A drawn page and what it is known to hold."""

    pdf: bytes
    texts: list[str] = field(default_factory=list)


def _fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    if FONT_V not in pdfmetrics.getRegisteredFontNames():
        font = UnicodeCIDFont(FONT, isVertical=True)
        font.name = font.fontName = FONT_V  # its own name, so both writing modes can be used on one page
        pdfmetrics.registerFont(font)


def _wrap(text: str, per_line: int, indent: int = 2) -> list[tuple[int, str]]:
    """(indent in cells, text) lines of a paragraph set solid, ``per_line`` cells wide."""
    out = []
    first = True
    while text:
        room = per_line - (indent if first else 0)
        out.append((indent if first else 0, text[:room]))
        text = text[room:]
        first = False
    return out


def _column(c: object, x: float, y: float, width: float, paras: list[str], size: float = BODY,
            pitch: float = 15.0) -> float:
    """Draw paragraphs into a column from baseline ``y`` down; return the next baseline."""
    per = int(width // size)
    for para in paras:
        for indent, line in _wrap(para, per):
            c.drawString(x + indent * size, y, line)  # type: ignore[attr-defined]
            y -= pitch
    return y


def _flow(c: object, columns: list[tuple[float, float]], top: float, bottom: float, paras: list[str],
          size: float = BODY, pitch: float = 15.0) -> None:
    """Set paragraphs through several columns of one story, column after column."""
    lines: list[tuple[int, str]] = []
    for para in paras:
        lines += _wrap(para, int(columns[0][1] // size))
    per_col = int((top - bottom) // pitch)
    for k, (x, _w) in enumerate(columns):
        y = top
        for indent, line in lines[k * per_col:(k + 1) * per_col]:
            c.drawString(x + indent * size, y, line)  # type: ignore[attr-defined]
            y -= pitch


def _photo() -> object:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    img = Image.new("RGB", (60, 40), (120, 160, 200))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    buf.seek(0)
    return ImageReader(buf)


def build_page(*, stacked_vertical: bool = False) -> bytes:
    """The main test page (see the module docstring).  ``stacked_vertical``
    sets the 竖题 as upright glyphs in a horizontal font instead of a -V font."""
    from reportlab.pdfgen import canvas

    _fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(W, H), invariant=1)
    c.setFont(FONT, 9)
    c.drawString(40, H - 30, "2022年4月22日 星期五")
    c.drawString(W - 100, H - 30, "第1版")
    c.rect(40, H - 40, W - 80, 1.2, stroke=0, fill=1)  # the masthead rule, a thin filled rectangle

    # story 1: kicker / main / subtitle / byline, three columns, photo in the third
    c.setFont(FONT, 13)
    c.drawCentredString(W / 2, H - 65, KICKER)
    c.setFont(FONT, 26)
    c.drawCentredString(W / 2, H - 97, TITLE)
    # fake bold: the main title overprinted with sub-point offsets
    c.drawCentredString(W / 2 + 0.3, H - 97, TITLE)
    c.drawCentredString(W / 2 + 0.6, H - 97.2, TITLE)
    c.setFont(FONT, 12)
    c.drawCentredString(W / 2, H - 118, SUBTITLE)
    c.setFont(FONT, 9)
    c.drawCentredString(W / 2, H - 134, BYLINE)
    # invisible text (render mode 3), and a glyph run off the page
    c.saveState()  # the text render mode is graphics state: keep it to this text
    t = c.beginText(60, H - 140)
    t.setFont(FONT, 9)
    t.setTextRenderMode(3)
    t.textLine(HIDDEN)
    c.drawText(t)
    c.restoreState()
    c.setFont(FONT, 9)
    c.drawString(W + 30, H - 200, "页面外的文字")
    c.setFont(FONT, BODY)
    cols = [(40, 160), (215, 160), (390, 160)]
    _flow(c, cols[:2], H - 160, H - 330, [LEAD, *PARAS])
    c.drawImage(_photo(), 390, H - 270, width=160, height=100)  # type: ignore[arg-type]
    c.setFont(FONT, 9)
    c.drawString(390, H - 285, f"{CAPTION} {CREDIT}")
    c.rect(40, H - 345, W - 80, 0.8, stroke=0, fill=1)  # rule closing story 1

    # story 2 under a vertical headline at its right edge
    if stacked_vertical:
        c.setFont(FONT, 22)
        for k, ch in enumerate(V_TITLE):
            c.drawString(W - 70, H - 385 - k * 24, ch)
    else:
        c.setFont(FONT_V, 22)
        c.drawString(W - 59, H - 365, V_TITLE)
    c.setFont(FONT, BODY)
    _flow(c, [(40, 230), (290, 230)], H - 375, H - 440, V_PARAS)
    c.rect(40, H - 560, W - 80, 0.8, stroke=0, fill=1)

    # story 3 inside a frame, with a jump marker
    c.setLineWidth(0.8)
    c.rect(40, 60, W - 80, H - 640, stroke=1, fill=0)
    c.setFont(FONT, 18)
    c.drawCentredString(W / 2, H - 600, SECOND_TITLE)
    c.setFont(FONT, BODY)
    _column(c, 55, H - 625, W - 110, SECOND)
    c.setFont(FONT, 9)
    c.drawCentredString(W / 2, 40, "离石区融媒体中心主办")
    c.showPage()
    c.save()
    return buf.getvalue()


def build_jump_pages() -> bytes:
    """Two pages: a story that jumps (下转第2版) and its continuation (上接第1版)."""
    from reportlab.pdfgen import canvas

    _fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(W, H), invariant=1)
    for number, (title, paras) in enumerate(((SECOND_TITLE, SECOND), ("图书馆新增少儿专区", CONTINUED)), 1):
        c.setFont(FONT, 9)
        c.drawString(W - 100, H - 30, f"第{number}版")
        c.rect(40, H - 40, W - 80, 1.2, stroke=0, fill=1)
        c.setFont(FONT, 20)
        c.drawCentredString(W / 2, H - 80, title)
        c.setFont(FONT, BODY)
        _column(c, 40, H - 110, W - 80, paras)
        c.showPage()
    c.save()
    return buf.getvalue()


def read_issue(data: bytes, name: str = "page.pdf") -> Any:
    """The issue lishi-pub reads from ``data`` through its PDF reader, as ``parse`` does."""
    from lishi_pub.parser.issue import assemble_issue
    from lishi_pub.parser.pdf import read_pdf
    from lishi_pub.parser.pdf.articles import layout_to_page
    from lishi_pub.parser.pdf.jumps import link_parts
    return assemble_issue(link_parts([layout_to_page(layout) for layout in read_pdf(data, name)]), {})


def article_titled(issue: Any, title: str) -> Any:
    """The first page's article of that title; failing, the titles it has."""
    found = [a for a in issue.pages[0].articles if a.title == title]
    assert found, [a.title for a in issue.pages[0].articles]
    return found[0]


def make_fixtures(out: Path) -> None:
    """Remake the Chromium + pikepdf fixtures (see tests/data/pdf/README.md)."""
    import subprocess
    import tempfile

    import pikepdf

    with tempfile.TemporaryDirectory() as tmp:
        printed = Path(tmp) / "page.pdf"
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={printed}", str(out / "fixture-page.html")], check=True,
                       capture_output=True)
        for name, drop_font in (("subset-truetype-no-tounicode.pdf", False), ("cid-garbage.pdf", True)):
            pdf = pikepdf.open(printed)
            for obj in pdf.objects:
                if isinstance(obj, pikepdf.Dictionary) and obj.get("/Subtype") == "/Type0":
                    if "/ToUnicode" in obj:
                        del obj["/ToUnicode"]
                    if drop_font:
                        for d in obj.DescendantFonts:
                            fd = d.get("/FontDescriptor")
                            if fd is not None and "/FontFile2" in fd:
                                del fd["/FontFile2"]
                            if "/CIDToGIDMap" in d:
                                del d["/CIDToGIDMap"]
            pdf.save(out / name)


if __name__ == "__main__":
    if sys.argv[1:] == ["fixtures"]:
        make_fixtures(Path(__file__).parent / "data" / "pdf")
    else:
        sys.stdout.buffer.write(build_page())
