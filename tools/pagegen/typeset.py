"""Typesetting: text into lines of a column, lines into bands, bands onto a PDF page.

The geometry is what a real page gives an extractor: hard-wrapped lines of a
fixed number of cells, a 2 em paragraph indent (which the extractors lose),
justified lines spread to the column (which they turn into spaces when the
spreading is wide), a gap between Han and Latin runs (which comes out as a
space), kinsoku (no line opens with 、，。 nor ends with “（).

Every glyph is placed on its own, at a position in em; a page is drawn from
a list of ``Line`` records so the same layout renders identically.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator, Sequence

FONT_FILE = Path(__file__).resolve().parents[2] / "src" / "lishi_pub" / "fonts" / "wqy-microhei.ttc"
FONT = "PagegenHei"

NO_START = frozenset("、，。：；！？）》」』】〕”’…—·%％,.;:!?)]")
NO_END = frozenset("（《「『【〔“‘([")
SPACE = " "


def register_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE), subfontIndex=0))


@lru_cache(maxsize=4096)
def advance(ch: str) -> float:
    """Advance width of one glyph in em."""
    if ch >= "\u2e80" or ch in "“”‘’…—·□■●◆▲△":
        return 1.0
    from reportlab.pdfbase import pdfmetrics

    register_font()
    return float(pdfmetrics.stringWidth(ch, FONT, 1000)) / 1000


def is_half(ch: str) -> bool:
    return advance(ch) < 0.9 and ch != SPACE


@dataclass
class Token:
    """An unbreakable run: one wide glyph, a Latin/digit run, or a 2-cell dash/ellipsis."""

    text: str
    width: float
    half: bool
    space_before: float = 0.0  # a visible gap (a space in the source)
    glue: bool = False  # no line break before this token (inside a byline or credit set as one unit)


def tokens(text: str, latin_gap: tuple[float, float], space_em: float) -> list[Token]:
    """Split text into tokens; spaces become gaps, Han/Latin boundaries get ``latin_gap`` (before, after)."""
    out: list[Token] = []
    i, pending = 0, 0.0
    while i < len(text):
        ch = text[i]
        if ch == SPACE:
            pending = space_em
            i += 1
            continue
        if is_half(ch):
            j = i
            while j < len(text) and is_half(text[j]):
                j += 1
            run = text[i:j]
            out.append(Token(run, sum(advance(c) for c in run), True, pending))
        else:
            j = i + 1
            if ch in "—…" and j < len(text) and text[j] == ch:
                j += 1
            run = text[i:j]
            out.append(Token(run, float(len(run)), False, pending))
        pending = 0.0
        i = j
    for prev, tok in zip(out, out[1:]):
        if tok.space_before:
            continue
        if tok.half and not prev.half and tok.text[0].isalnum() and prev.text[-1] not in NO_START | NO_END:
            tok.space_before = latin_gap[0]
        elif prev.half and not tok.half and prev.text[-1].isalnum() and tok.text[0] not in NO_START | NO_END:
            tok.space_before = latin_gap[1]
    return out


@dataclass
class Line:
    """One typeset line: glyphs with x offsets in em from the line's left edge."""

    glyphs: list[tuple[float, str]]
    size: float  # font size in pt
    x: float = 0.0  # pt, set when placed
    y: float = 0.0  # pt from the page top, baseline
    form: str | None = None  # drawn inside this Form XObject (pdfminer then puts it after the body)

    @property
    def text(self) -> str:
        return "".join(ch for _, ch in self.glyphs)


def _place(toks: Sequence[Token], indent: float, width: float, spread: bool, align: str) -> list[tuple[float, str]]:
    natural = sum(t.width for t in toks) + sum(t.space_before for t in toks[1:])
    # justification spreads between tokens and inside Han runs, never inside a Latin/digit run
    slots = sum(1 if t.half else len(t.text) for t in toks) - 1
    extra = 0.0
    # a line cut short before a byline or credit that did not fit is not spread: it ends the text
    if spread and slots > 0 and natural >= 0.6 * (width - indent):
        extra = max(0.0, (width - indent - natural) / slots)
    x = indent
    if align == "center":
        x += max(0.0, (width - indent - natural) / 2)
    elif align == "right":
        x += max(0.0, width - indent - natural)
    glyphs: list[tuple[float, str]] = []
    for k, tok in enumerate(toks):
        if k:
            x += tok.space_before
        for ch in tok.text:
            glyphs.append((x, ch))
            x += advance(ch) + (0.0 if tok.half else extra)
        if tok.half:
            x += extra
    return glyphs


def wrap(toks: list[Token], width_of: Callable[[int], float], first: int, indent: float,
         justify: bool, align: str = "left") -> Iterator[tuple[list[tuple[float, str]], bool]]:
    """Greedy line breaking with kinsoku.  ``width_of(n)`` is the width (em) of output line n;
    yields (glyphs, is_last) per line.  Indent applies to the first line only."""
    i, n = 0, first
    while i < len(toks):
        width = width_of(n)
        ind = indent if i == 0 else 0.0
        used, j = ind, i
        while j < len(toks):
            w = toks[j].width + (toks[j].space_before if j > i else 0.0)
            if used + w > width + 1e-6 and j > i:
                break
            used += w
            j += 1
        if j < len(toks):
            # kinsoku: pull back until the next line does not open with a closing mark
            k = j
            while k > i + 1 and (toks[k].text[0] in NO_START or toks[k - 1].text[-1] in NO_END or toks[k].glue):
                k -= 1
            if k == i + 1 and toks[k].glue:  # a byline longer than the column wraps after all
                k = j
                while k > i + 1 and (toks[k].text[0] in NO_START or toks[k - 1].text[-1] in NO_END):
                    k -= 1
            j = k
        last = j >= len(toks)
        yield _place(toks[i:j], ind, width, justify and not last, align), last
        i, n = j, n + 1


@dataclass
class Block:
    """A printed unit of body text: a paragraph, a verse line, a subheading, a caption..."""

    text: str
    indent: float = 2.0
    justify: bool = True
    align: str = "left"
    gap_before: float = 0.0  # blank lines before (stanza gaps, captions)
    keep_tail: str | None = None  # a byline or credit set after a gap at the end: wraps whole


def set_band(blocks: Sequence[Block], widths: Sequence[int], size: float, pitch: float,
             latin_gap: tuple[float, float], space_em: float, stagger: bool) -> tuple[list[list[Line]], int]:
    """Flow blocks through columns of the given widths, balancing the column heights.
    Returns the lines per column (y relative to the band top) and the band height in lines."""
    toks = []
    for b in blocks:
        t = tokens(b.text, latin_gap, space_em)
        if b.keep_tail:
            tail = tokens(b.keep_tail, latin_gap, space_em)
            tail[0].space_before = 1.0
            for x in tail[1:]:
                x.glue = True
            t += tail
        toks.append(t)

    def flow(height: int) -> list[list[tuple[list[tuple[float, str]], int]]] | None:
        cols: list[list[tuple[list[tuple[float, str]], int]]] = [[] for _ in widths]
        slot = 0  # global line slot

        def width_of(n: int) -> float:
            return float(widths[min(n // height, len(widths) - 1)])

        for b, t in zip(blocks, toks):
            slot += int(b.gap_before)
            for glyphs, _ in wrap(t, width_of, slot, b.indent, b.justify, b.align):
                col = slot // height
                if col >= len(widths):
                    return None
                cols[col].append((glyphs, slot % height))
                slot += 1
        return cols

    total = sum(len(list(wrap(t, lambda n: float(min(widths)), 0, b.indent, False))) + int(b.gap_before)
                for b, t in zip(blocks, toks))
    height = max(1, -(-total // (len(widths) * 2)))
    while True:
        laid = flow(height)
        if laid is not None:
            break
        height += 1
    out: list[list[Line]] = []
    for c, col in enumerate(laid):
        offset = 0.5 if stagger and c % 2 else 0.0
        out.append([Line(g, size, y=(row + offset) * pitch * size) for g, row in col])
    return out, height


def headline_lines(texts: Sequence[tuple[str, float]], width_pt: float, align: str, space_em: float,
                   letter_space: float = 0.0) -> list[Line]:
    """Display lines (kicker, title lines, subtitle, byline), each (text, size), stacked."""
    out: list[Line] = []
    y = 0.0
    for text, size in texts:
        toks = tokens(text, (0.25, 0.25), space_em)
        if letter_space:
            for t in toks[1:]:
                t.space_before += letter_space
        glyphs = _place(toks, 0.0, width_pt / size, False, align)
        y += size * 1.25
        out.append(Line(glyphs, size, y=y))
    return out


def draw(pages: Sequence[tuple[float, float, Sequence[Line]]], path: Path) -> None:
    """Draw pages of placed lines to a PDF (deterministic: fixed dates, no random ids)."""
    from reportlab.pdfgen import canvas

    register_font()
    c = canvas.Canvas(str(path), pagesize=(pages[0][0], pages[0][1]), invariant=1, pageCompression=1,
                      initialFontName=FONT, initialFontSize=10)
    c.setAuthor("lishi-pub pagegen")
    for width, height, lines in pages:
        c.setPageSize((width, height))
        c.setFont(FONT, 10)  # else the page's first text object names reportlab's default Helvetica
        forms: dict[str, list[Line]] = {}
        for line in lines:
            if line.form is not None:
                forms.setdefault(line.form, []).append(line)
                continue
            _draw_line(c, line, height)
        for name, group in forms.items():
            c.beginForm(name)
            for line in group:
                _draw_line(c, line, height)
            c.endForm()
            c.doForm(name)
        c.showPage()
    c.save()


def _draw_line(c: object, line: Line, height: float) -> None:
    t = c.beginText()  # type: ignore[attr-defined]
    t.setFont(FONT, line.size)
    base = height - line.y
    for x, ch in line.glyphs:
        t.setTextOrigin(line.x + x * line.size, base)
        t.textOut(ch)
    c.drawText(t)  # type: ignore[attr-defined]
