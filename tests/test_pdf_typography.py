"""Chinese typography a typesetter would sign (issue 14 §4), measured on the PDFs themselves.

Punctuation squeezing is measured in ink on a rendered page (pdftoppm); loose
lines from the ``Tc`` operators; 孤字 from pdftotext's line boxes; headline
breaks against jieba's segmentation; linearity by CPU time at two sizes.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import time
from importlib import resources
from pathlib import Path

import attrs
import jieba
import pikepdf
import pytest
from pdf_audit import lone_characters, loose_lines, text_lines

import lishi_pub
from lishi_pub import Article, Issue, Page, Paragraph
from lishi_pub.pdf.fonts import font_set
from lishi_pub.pdf.linebreak import lone_last_character, pull_down
from lishi_pub.pdf.settings import settings_from_options
from lishi_pub.pdf.styles import styles_for
from lishi_pub.pdf.textblock import Span, TextBlock

ROOT = Path(__file__).resolve().parent.parent
CI = os.environ.get("CI") == "true"
POPPLER = all(shutil.which(t) for t in ("pdftotext", "pdftoppm"))
needs_poppler = pytest.mark.skipif(not POPPLER and not CI, reason="poppler-utils (pdftotext, pdftoppm) not installed")
PAGES = [ROOT / "examples" / "lishi-2022-04-page.txt", *sorted((ROOT / "tests" / "dumps").glob("*.txt"))]


def one_article(*texts: str, title: str = "标题", **fields: object) -> Issue:
    article = Article(id="a", title=title, title_source="headline", blocks=tuple(map(Paragraph, texts)),
                      **fields)  # type: ignore[arg-type]
    return Issue(title="离石报", date=dt.date(2022, 4, 22), pages=(Page(number=1, articles=(article,)),))


def ink_gaps(data: bytes, tmp_path: Path, needle_row: int, dpi: int = 600) -> tuple[list[int], float]:
    """The blank runs (pixels) between ink along the text line whose top is near ``needle_row`` points."""
    pdf = tmp_path / "ink.pdf"
    pdf.write_bytes(data)
    subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", str(dpi), "-gray", str(pdf), str(tmp_path / "ink")],
                   check=True)
    raw = next(tmp_path.glob("ink*.pgm")).read_bytes()
    parts = raw.split(maxsplit=4)
    width, height = int(parts[1]), int(parts[2])
    pixels = parts[4]
    top = int(needle_row * dpi / 72)
    rows = range(max(0, top), min(height, top + int(12 * dpi / 72)))
    inked = [any(pixels[r * width + c] < 128 for r in rows) for c in range(width)]
    first = inked.index(True)
    last = width - 1 - inked[::-1].index(True)
    gaps, run = [], 0
    for c in range(first, last + 1):
        if inked[c]:
            if run:
                gaps.append(run)
            run = 0
        else:
            run += 1
    return gaps, dpi / 72


@needs_poppler
def test_adjacent_punctuation_is_squeezed_to_half_an_em_of_air(tmp_path: Path) -> None:
    # The issue's case: 》（ and ）， each showed an em or more of blank between their inks.
    # (A comma before a hanzi rightly keeps its blank, so the line ends with the pair.)
    data = lishi_pub.render(one_article("关于》（讨论稿），"), "pdf")
    line = next(line for line in text_lines(data) if "讨论稿" in line[4])
    gaps, scale = ink_gaps(data, tmp_path, line[3])
    em = 10.5 * scale
    assert len(gaps) >= 6 and max(gaps) <= 0.75 * em, [round(g / em, 2) for g in gaps]


def test_squeezing_follows_the_glyphs_not_a_list() -> None:
    # Noto Serif's （ has its ink in the right half: it sheds its left half after 》;
    # Micro Hei centres its brackets, so they are left whole there.
    st = styles_for(settings_from_options())
    serif = TextBlock([Span("》（讨论稿），", st.body_look)], st.body, font_set("serif"))
    sans = TextBlock([Span("》（讨论稿），", st.body_look)], st.body, font_set("sans"))
    size = st.body_size
    assert serif.setting.widths[0] < 0.6 * size and serif.setting.widths[5] < 0.6 * size  # 》 and ）
    assert serif.setting.squeeze.shift == {} or all(v <= 0 for v in serif.setting.squeeze.shift.values())
    assert sans.setting.widths[0] < 0.6 * size and sans.setting.widths[5] == pytest.approx(size)


def test_a_closing_mark_at_the_line_end_sheds_its_blank_to_stay_on_the_line() -> None:
    st = styles_for(settings_from_options())
    size = st.body_size
    # Exactly as wide as the measure once the final 。 sheds its half: it must not be pushed down.
    text = "国" * 20 + "。"
    block = TextBlock([Span(text, st.body_look)], st.body, font_set("serif"))
    width = 20.5 * size
    block.indent_first = False
    block.wrap(width + 0.01, 1e9)
    assert len(block.lines(width + 0.01)) == 1


def test_pull_down_gives_the_last_line_a_second_character() -> None:
    text = "一二三四五六七八九十说。"
    lines = [(0, 10), (10, 12)]
    assert lone_last_character(text, lines)
    assert pull_down(text, lines, lambda s, e: True) == [(0, 9), (9, 12)]
    assert pull_down(text, lines, lambda s, e: e == 12) == [(0, 12)]  # pushed in when pulling would be loose
    assert pull_down(text, lines, lambda s, e: False) == lines


@needs_poppler
@pytest.mark.parametrize("columns", [1, 2])
def test_no_paragraph_ends_with_a_lone_character_and_no_line_is_loose(columns: int) -> None:
    lone: list[str] = []
    spacing: list[float] = []
    for page in PAGES:
        data = lishi_pub.render(lishi_pub.parse(page), "pdf", columns=columns)
        lone += lone_characters(data)
        spacing += loose_lines(data)
    assert lone == []
    assert max(spacing) <= 0.12 + 1e-6 and min(spacing) >= -0.06 - 1e-6


HEADLINES = [
    "离石区档案馆开展“国家安全教育学习”活动",
    "离石区公路改建工程顺利完工",
    "“青春心向党”主题团日活动在离石区举行",
    "离石区总工会开展“同心抗疫 工会行动”送温暖专项行动",
    "民建离石支部专程来到吕梁火车站",
    "《离石区志》（讨论稿）征求意见座谈会召开",
]


def quoted(text: str) -> set[int]:
    inside, depth = set(), 0
    for i, ch in enumerate(text):
        if ch in "“《":
            depth += 1
        elif ch in "”》":
            depth -= 1
        elif depth:
            inside.update({i, i + 1})
    return inside


@pytest.mark.parametrize("columns", [1, 2])
@pytest.mark.parametrize("page_size", ["A4", "A5"])
def test_headlines_break_between_words_and_never_inside_a_quotation(columns: int, page_size: str) -> None:
    st = styles_for(settings_from_options(columns=columns, page_size=page_size))
    fonts = font_set(None)
    broken = 0
    for headline in HEADLINES:
        for style, look in ((st.title, st.title_look), (st.banner, st.banner_look)):
            block = TextBlock([Span(headline, look)], style, fonts)
            lines = block.lines(st.geometry.column_width if style is st.title else st.geometry.frame_width)
            words = {0}
            for word in jieba.lcut(headline, HMM=False):
                words.add(max(words) + len(word))
            for start, _end in lines[1:]:
                broken += 1
                assert start in words, (headline, [headline[s:e] for s, e in lines])
                inner = quoted(headline) - {i for i in range(len(headline)) if headline[i - 1:i] in "“《"}
                assert start not in inner or start - 1 in quoted(headline) and headline[start - 1] in "”》", (
                    headline, [headline[s:e] for s, e in lines])
    assert broken > 0 or columns == 1


def test_the_furniture_does_not_repeat_the_page_label() -> None:
    issue = lishi_pub.parse(ROOT / "tests" / "dumps" / "quirks-pdfminer.txt")
    assert "第3版" in issue.pages[0].header
    from lishi_pub.pdf.story import build_story

    st = styles_for(settings_from_options())
    story = build_story(issue, st, font_set(None), toc=False)
    texts = [f.text for f in story.flowables() if isinstance(f, TextBlock)]
    assert sum(t.count("第3版") for t in texts) == 1  # the page heading only
    assert any("责任编辑" in t for t in texts)


def test_the_pdf_opens_with_its_bookmarks_shown(sample_issue: Issue) -> None:
    data = lishi_pub.render(sample_issue, "pdf")
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert pdf.Root.PageMode == pikepdf.Name.UseOutlines
        assert len(pdf.open_outline().root) > 0


def test_the_shipped_serif_faces_carry_their_licence() -> None:
    fonts = resources.files("lishi_pub") / "fonts"
    assert (fonts / "noto-serif-sc-regular.ttf").is_file() and (fonts / "noto-serif-sc-bold.ttf").is_file()
    licence = (fonts / "noto-serif-sc.copyright").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence


def _paragraph_issue(megabytes: float) -> Issue:
    unit = "4月21日，民建离石支部专程来到吕梁火车站，向青年志愿者协会赠送100份防疫专项保险，人均保额20万元。"
    return one_article(unit * int(megabytes * 2**20 / len(unit.encode())))


def test_a_long_paragraph_takes_time_linear_in_its_length() -> None:
    # A paragraph split over hundreds of pages is broken once: 2 MB takes about twice 1 MB (was quadratic).
    lishi_pub.render(_paragraph_issue(0.01), "pdf")
    times = {}
    for size in (1.0, 2.0):
        issue = _paragraph_issue(size)
        best = float("inf")
        for _ in range(2):
            start = time.process_time()
            lishi_pub.render(issue, "pdf", columns=2)
            best = min(best, time.process_time() - start)
        times[size] = best
    assert times[2.0] / times[1.0] <= 2.3, times


@needs_poppler
def test_the_last_page_of_a_printed_page_has_balanced_columns(sample_issue: Issue) -> None:
    data = lishi_pub.render(sample_issue, "pdf", columns=2)
    lines = text_lines(data)
    last = max(page for page, *_rest in lines)
    middle = 595.276 / 2
    body = [(x0, y) for page, x0, x1, y, text in lines if page == last and len(text) > 3 and y < 800]
    left = max(y for x0, y in body if x0 < middle)
    right = max(y for x0, y in body if x0 > middle)
    assert abs(left - right) <= 2 * 14.5, (left, right)  # within two body lines (was a full column against a part)


def test_a_laid_out_pass_is_not_kept_alive_by_the_story(sample_issue: Issue) -> None:
    # Memory stays bounded on a huge issue only if nothing holds a finished pass's canvas
    # (reportlab leaves it on every flowable it places) and no flowable outlives its drawing:
    # each pass makes the story afresh, as reportlab takes it (pdf/queue.py).
    import gc
    import weakref

    from reportlab.pdfgen import canvas as rl_canvas

    from lishi_pub.pdf.document import render_document
    from lishi_pub.pdf.story import build_story

    for columns, toc in ((1, False), (2, False), (1, True)):
        settings = settings_from_options(columns=columns, toc=toc)
        st, fonts = styles_for(settings), font_set(None)
        story = build_story(sample_issue, st, fonts, toc=toc)
        made: list[weakref.ref[object]] = []
        make = story.flowables

        def tracked():  # type: ignore[no-untyped-def]
            for f in make():
                made.append(weakref.ref(f))
                yield f

        story = attrs.evolve(story, flowables=tracked)
        canvases = []
        original = rl_canvas.Canvas.__init__

        def spy(self: object, *args: object, **kwargs: object) -> None:
            original(self, *args, **kwargs)  # type: ignore[arg-type]
            canvases.append(weakref.ref(self))

        rl_canvas.Canvas.__init__ = spy  # type: ignore[method-assign]
        try:
            render_document(sample_issue, st, fonts, story, toc=toc)
        finally:
            rl_canvas.Canvas.__init__ = original  # type: ignore[method-assign]
        gc.collect()
        assert canvases and all(ref() is None for ref in canvases)
        assert made
        alive = {id(ref()) for ref in made if ref() is not None}
        assert alive == ({id(story.contents)} if toc else set())  # the table of contents lives across passes
        assert story.contents is None or "canv" not in story.contents.__dict__
