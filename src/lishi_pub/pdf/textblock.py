"""The flowable that sets Chinese text: kinsoku line breaks, CJK justification, font fallback.

reportlab's ``Paragraph`` parses mini-markup (so every text would need
escaping and a stray ``<img`` opens a file), breaks CJK lines against the
rules (see :mod:`.linebreak`) and justifies by stretching spaces only, which
leaves Chinese lines ragged.  This flowable takes plain text, so nothing in it
is ever interpreted; it breaks lines with :func:`.linebreak.break_lines` and
justifies by character spacing (``Tc``), spreading the slack over every
character of the line.  Each character is drawn from the font that has it
(:class:`.fonts.FontSet`).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Container, Sequence
from functools import cache
from typing import Literal

from attrs import frozen
from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus.flowables import Flowable

from .cleantext import clean
from .fonts import FontSet
from .linebreak import break_lines, pull_down
from .punctuation import Squeeze, squeeze
from .wordbreak import word_breaks

__all__ = ["MAX_LOOSE", "MAX_TIGHT", "BlockStyle", "Look", "Span", "TextBlock", "draw_line"]

Align = Literal["justify", "left", "center", "right"]

# Where the baseline sits in an em box (ideographs span about -0.12 to 0.88 em).
_ASCENT = 0.88
# Justifying a line wider than this per gap (in em) would look like letter-spaced display type.
_MAX_SPACING = 0.35
#: The most extra space per gap (em) a justified line may take: looser reads as a gap in the text.
MAX_LOOSE = 0.12
#: The most a gap (em) may be tightened to push closing marks in rather than leave a line loose.
MAX_TIGHT = 0.06


@frozen
class Look:
    """How a run of text is set.  ``bold`` draws it from the bold face when the build has one;
    otherwise ``stroke`` > 0 emphasises it (fill plus a thin outline of ``stroke`` em, text
    render mode 2), as for a font with no bold."""

    size: float
    color: str = "#000000"
    stroke: float = 0.0
    bold: bool = False


@frozen
class Span:
    """Text in one look; a block is a sequence of them (a dateline, then the lead)."""

    text: str
    look: Look


@frozen
class BlockStyle:
    """How a block sits: leading, alignment, indents and the space around it, in points."""

    leading: float
    align: Align = "justify"
    first_indent: float = 0.0
    left_indent: float = 0.0
    right_indent: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    #: Even out the lines of a headline rather than leave a short last line.
    balance: bool = False
    #: Break between words, never inside a quotation (headlines; :mod:`.wordbreak`).
    words: bool = False


@cache
def _color(hex_color: str) -> Color:
    return HexColor(hex_color)


class _Setting:
    """A text's characters with the font, look and advance width of each, and its punctuation squeezed.

    Widths are a flat ``array`` of doubles (8 bytes a character, not a
    list of float objects), and the parts of a block split across frames
    share one setting, so a long paragraph is measured once.
    """

    __slots__ = ("fonts", "keys", "marks", "squeeze", "styles", "text", "widths")

    def __init__(self, text: str, widths: array[float], keys: array[int], styles: list[tuple[str, Look]],
                 fonts: FontSet) -> None:
        self.text = text
        self.widths = widths
        self.keys = keys
        self.styles = styles
        self.fonts = fonts
        self.squeeze = squeeze(text, self.shed)
        #: The characters squeezed against a neighbour, in order.
        self.marks = array("l")

    @classmethod
    def of(cls, spans: Sequence[Span], fonts: FontSet) -> _Setting:
        texts: list[str] = []
        widths = array("d")
        keys = array("H")
        styles: list[tuple[str, Look]] = []
        index: dict[tuple[str, Look], int] = {}
        for span in spans:
            look = span.look
            text, names, span_keys, span_widths = fonts.assign(clean(span.text), look.size, look.bold)
            texts.append(text)
            widths.extend(span_widths)
            key_of: list[int] = []
            for name in names:
                drawn = look
                if look.bold and fonts.bold is not None and name == fonts.bold.name:
                    drawn = Look(look.size, look.color, 0.0, True)
                style = (name, drawn)
                if style not in index:
                    index[style] = len(styles)
                    styles.append(style)
                key_of.append(index[style])
            if len(key_of) == 1:
                keys.extend(array("H", [key_of[0]]) * len(text))
            else:
                keys.extend(array("H", map(key_of.__getitem__, span_keys)))
        text = "".join(texts)
        setting = cls(text, widths, keys, styles, fonts)
        for i, amount in setting.squeeze.trimmed.items():
            widths[i] -= amount
        setting.marks = array("l", sorted(setting.squeeze.trimmed))
        return setting

    def shed(self, i: int) -> tuple[float, float]:
        """What character ``i`` may shed on its left and right (points): nothing unless a squeezable mark."""
        name, look = self.styles[self.keys[i]]
        left, right = self.fonts.sheds(name).get(self.text[i], (0.0, 0.0))
        return left * look.size, right * look.size


class _Pen:
    """What a text object is currently set to, so runs switch only what changes."""

    __slots__ = ("color", "font", "mode")

    def __init__(self) -> None:
        self.font: tuple[str, float] | None = None
        self.color: str | None = None
        self.mode: int | None = None


def _draw_runs(tx: PDFTextObject, setting: _Setting, start: int, end: int, pen: _Pen) -> None:
    """Emit the characters ``start:end`` into text object ``tx``, switching font and look as needed."""
    keys, styles, text = setting.keys, setting.styles, setting.text
    i = start
    while i < end:
        key = keys[i]
        j = i + 1
        while j < end and keys[j] == key:
            j += 1
        name, look = styles[key]
        if pen.font != (name, look.size):
            tx.setFont(name, look.size)
            pen.font = (name, look.size)
        if pen.color != look.color:
            color = _color(look.color)
            tx.setFillColor(color)
            tx.setStrokeColor(color)
            pen.color = look.color
        mode = 2 if look.stroke else 0
        if pen.mode != mode:
            tx.setTextRenderMode(mode)
            pen.mode = mode
        tx.textOut(text[i:j])
        i = j


def _draw_line(tx: PDFTextObject, setting: _Setting, start: int, end: int, x: float, y: float,
               spacing: float, pen: _Pen) -> None:
    """One line from ``x``: plain runs as they come, a squeezed mark's advance shortened.

    A mark's blank is taken out by setting that one glyph with a smaller
    character spacing (``Tc``), so the next glyph simply follows: an opening
    mark that sheds its left half shortens the glyph before it.  Extractors
    see glyph boxes that abut rather than overlap (pdftotext splits a line
    where boxes overlap by more than a fifth of an em).
    """
    marks, shifts, trimmed = setting.marks, setting.squeeze.shift, setting.squeeze.trimmed
    cut: dict[int, float] = {}
    for k in marks[bisect_left(marks, start):bisect_left(marks, end)]:
        if k in shifts:
            if k > start:
                cut[k - 1] = cut.get(k - 1, 0.0) - shifts[k]
            else:
                x += shifts[k]
        else:
            cut[k] = cut.get(k, 0.0) + trimmed[k]
    tx.setTextOrigin(x, y)
    run = start
    for k in sorted(cut):
        if k > run:
            _draw_runs(tx, setting, run, k, pen)
        tx.setCharSpace(spacing - cut[k])
        _draw_runs(tx, setting, k, k + 1, pen)
        tx.setCharSpace(spacing)
        run = k + 1
    if run < end:
        _draw_runs(tx, setting, run, end, pen)


def _stroke_width(setting: _Setting) -> float:
    return max((look.stroke * look.size for _name, look in setting.styles), default=0.0)


class TextBlock(Flowable):
    """A paragraph of plain text in one or more looks, broken into lines by the kinsoku rules.

    Split across frames it leaves at least two lines on each side (no
    orphans, no widows); the first part's last line stays justified.  The
    parts share the paragraph's setting and its lines, so splitting a
    paragraph over many pages costs no more than setting it once.  Its last
    line never holds a single character (孤字): the line before gives one up.
    """

    def __init__(self, spans: Sequence[Span], style: BlockStyle, fonts: FontSet) -> None:
        super().__init__()
        self.style = style
        self.fonts = fonts
        self.setting = _Setting.of(spans, fonts)
        self.first = 0
        self.stop = len(self.setting.text)
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after
        self.indent_first = True
        self.justify_last = False
        self._lines: list[tuple[int, int]] | None = None
        self._wrapped_at: float | None = None
        self._size = max((look.size for _name, look in self.setting.styles), default=style.leading)

    @property
    def text(self) -> str:
        return self.setting.text[self.first:self.stop]

    def _inner_width(self, width: float) -> float:
        return width - self.style.left_indent - self.style.right_indent

    def lines(self, width: float) -> list[tuple[int, int]]:
        """The ``(start, end)`` slices of :attr:`setting` text set on each line at ``width``."""
        if self._lines is None or self._wrapped_at != width:
            self._lines = self._break(width)
            self._wrapped_at = width
        return self._lines

    def _break(self, width: float) -> list[tuple[int, int]]:
        setting, style = self.setting, self.style
        inner = self._inner_width(width)
        indent = style.first_indent if self.indent_first else 0.0
        preferred = self._preferred(inner)
        squeezed = setting.squeeze
        loose = MAX_LOOSE * self._size if style.align == "justify" else None

        def lines_at(first: float, rest: float) -> list[tuple[int, int]]:
            return break_lines(setting.text, setting.widths, first, rest, start=self.first,
                               start_trim=squeezed.start, end_trim=squeezed.end, preferred=preferred,
                               loose=loose, tight=MAX_TIGHT * self._size)

        lines = lines_at(inner - indent, inner)
        if style.balance and len(lines) > 1:
            lines = self._balanced(lines_at, lines, inner, indent, preferred)
        elif style.align == "justify" and self.stop == len(setting.text):
            lines = pull_down(setting.text, lines, lambda s, e: self._fits(s, e, inner - (indent if s == self.first else 0.0)))
        return lines

    def _preferred(self, inner: float) -> tuple[frozenset[int], ...]:
        """Word breaks for a headline too long for one line (loading the dictionary only then)."""
        setting = self.setting
        if not self.style.words or sum(setting.widths[self.first:self.stop]) <= inner:
            return ()
        return word_breaks(setting.text)

    @staticmethod
    def _balanced(lines_at: Callable[[float, float], list[tuple[int, int]]], lines: list[tuple[int, int]],
                  inner: float, indent: float, preferred: Sequence[Container[int]]) -> list[tuple[int, int]]:
        """The same number of lines at the narrowest measure that still holds them, breaking no worse."""
        def worse(breaks: list[tuple[int, int]]) -> int:
            return sum(sum(1 for tier in preferred if start not in tier) for start, _end in breaks[1:])

        count, badness = len(lines), worse(lines)
        low, high = inner * (count - 1) / count, inner
        best = lines
        for _ in range(12):
            mid = (low + high) / 2
            trial = lines_at(mid - indent, mid)
            if len(trial) <= count and worse(trial) <= badness:
                best, high = trial, mid
            else:
                low = mid
        return best

    def _edges(self, start: int, end: int) -> tuple[float, float]:
        """What the line ``start:end`` sheds at its start (an opening mark) and at its end (a closing one)."""
        squeezed = self.setting.squeeze
        return squeezed.start(start), squeezed.end(end - 1)

    def natural_width(self, start: int, end: int) -> float:
        """The width of line ``start:end`` set solid, its marks squeezed."""
        lead, tail = self._edges(start, end)
        return sum(self.setting.widths[start:end]) - lead - tail

    def _spacing(self, start: int, end: int, avail: float) -> float:
        """The extra space per gap that justifying ``start:end`` to ``avail`` takes (points)."""
        if end - start < 2:
            return 0.0
        return (avail - self.natural_width(start, end)) / (end - start - 1)

    def _fits(self, start: int, end: int, avail: float) -> bool:
        """Would ``start:end`` justify to ``avail`` within :data:`MAX_TIGHT` and :data:`MAX_LOOSE`?"""
        return -MAX_TIGHT * self._size <= self._spacing(start, end, avail) <= MAX_LOOSE * self._size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab API)
        self.width = availWidth
        self.height = len(self.lines(availWidth)) * self.style.leading
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        lines = self.lines(availWidth)
        fit = int((availHeight + 1e-6) // self.style.leading)
        if fit >= len(lines):
            return [self]
        if len(lines) - fit < 2:
            fit = len(lines) - 2
        if fit < 2:
            return []
        head = self._part(self.first, lines[fit - 1][1], lines[:fit], availWidth)
        head.justify_last = True
        head.spaceAfter = 0.0
        tail = self._part(lines[fit][0], self.stop, lines[fit:], availWidth)
        tail.indent_first = False
        tail.spaceBefore = 0.0
        return [head, tail]

    def _part(self, first: int, stop: int, lines: list[tuple[int, int]], width: float) -> TextBlock:
        """A part of this block sharing its setting and, at the same width, its lines."""
        part = TextBlock.__new__(TextBlock)
        Flowable.__init__(part)
        part.style = self.style
        part.fonts = self.fonts
        part.setting = self.setting
        part.first = first
        part.stop = stop
        part.spaceBefore = self.spaceBefore
        part.spaceAfter = self.spaceAfter
        part.indent_first = self.indent_first
        part.justify_last = self.justify_last
        part._lines = lines
        part._wrapped_at = width
        part._size = self._size
        return part

    def baseline(self, number: int) -> float:
        """The height of line ``number``'s baseline above the block's bottom edge."""
        size = self._size
        return self.height - number * self.style.leading - ((self.style.leading - size) / 2 + _ASCENT * size)

    def line_spacing(self, number: int) -> float:
        """The character spacing (points) that line ``number`` is justified with."""
        lines = self.lines(self.width)
        start, end = lines[number]
        if self.style.align != "justify" or end - start < 2:
            return 0.0
        indent = self.style.first_indent if number == 0 and self.indent_first else 0.0
        spacing = self._spacing(start, end, self._inner_width(self.width) - indent)
        if number == len(lines) - 1 and not self.justify_last:
            return min(0.0, spacing)  # ragged, unless a 孤字 was pushed in and it must tighten
        return spacing if spacing <= _MAX_SPACING * self._size else 0.0

    def draw(self) -> None:
        lines = self.lines(self.width)
        if not lines:
            return
        canv: Canvas = self.canv
        style, setting = self.style, self.setting
        inner = self._inner_width(self.width)
        canv.saveState()
        stroke = _stroke_width(setting)
        if stroke:
            canv.setLineWidth(stroke)
        tx = canv.beginText()
        pen = _Pen()
        spacing = 0.0
        for number, (start, end) in enumerate(lines):
            indent = style.first_indent if number == 0 and self.indent_first else 0.0
            avail = inner - indent
            # An opening mark that sheds its blank at the line's start: the line starts that much further left.
            lead = self._edges(start, end)[0]
            x = style.left_indent + indent - lead
            line_spacing = self.line_spacing(number)
            if style.align == "center":
                x += (avail - self.natural_width(start, end)) / 2
            elif style.align == "right":
                x += avail - self.natural_width(start, end)
            if line_spacing != spacing:
                tx.setCharSpace(line_spacing)
                spacing = line_spacing
            _draw_line(tx, setting, start, end, x, self.baseline(number), line_spacing, pen)
        canv.drawText(tx)
        canv.restoreState()


def draw_line(
    canv: Canvas, fonts: FontSet, x: float, y: float, span: Span, align: Align = "left",
    max_width: float | None = None,
) -> float:
    """Draw ``span`` as one unbroken line with its baseline at ``y``; return its width.

    ``x`` is the left edge, the centre or the right edge, as ``align`` says.
    For page furniture (running heads, page numbers) that never wraps: text
    wider than ``max_width`` is cut short with an ellipsis.
    """
    setting = _Setting.of([span], fonts)
    end = len(setting.text)
    width = sum(setting.widths)
    if max_width is not None and width > max_width:
        ellipsis = _Setting.of([Span("…", span.look)], fonts)
        limit = max(0.0, max_width - ellipsis.widths[0])
        end, width = 0, 0.0
        while end < len(setting.text) and width + setting.widths[end] <= limit:
            width += setting.widths[end]
            end += 1
        setting = _Setting.of([Span(setting.text[:end] + "…", span.look)], fonts)
        end, width = len(setting.text), sum(setting.widths)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    canv.saveState()
    stroke = _stroke_width(setting)
    if stroke:
        canv.setLineWidth(stroke)
    tx = canv.beginText()
    _draw_line(tx, setting, 0, end, x, y, 0.0, _Pen())
    canv.drawText(tx)
    canv.restoreState()
    return width
